import { sql } from 'drizzle-orm';
import { type Q, rows } from './db/index.js';

/**
 * The shared workflow log (ARCHITECTURE.md Workflows). A process keeps its rules in the domain
 * (which step may follow which, and when); this records each accepted step once, in order.
 */
export interface RecordedStep {
  seq: number;
  step: number;
  date: string;
  data: Record<string, unknown>;
  warnings: string[];
  actorId: number | null;
  actorName: string | null;
}

/** The recorded steps of one subject, in order. */
export const loadSteps = async (q: Q, kind: string, subjectId: number): Promise<RecordedStep[]> =>
  (await loadStepsOfMany(q, kind, [subjectId])).get(subjectId) ?? [];

/**
 * Appends a step after `afterSeq`. The (kind, subject, seq) key is unique: of two concurrent
 * recordings of the same next step, exactly one is stored and the other gets a conflict.
 */
export const appendStep = async (
  q: Q,
  s: {
    kind: string;
    subjectId: number;
    afterSeq: number;
    step: number;
    date: string;
    data: Record<string, unknown>;
    warnings: string[];
    actorId: number | null;
  },
) => {
  await q.execute(
    sql`insert into workflow_step (kind, subject_id, seq, step, date, data, warnings, actor_id)
        values (${s.kind}, ${s.subjectId}, ${s.afterSeq + 1}, ${s.step}, ${s.date}::date, ${JSON.stringify(s.data)}::jsonb,
                ${JSON.stringify(s.warnings)}::jsonb, ${s.actorId})`,
  );
};

/** The recorded steps of many subjects at once, in order (boards and jobs: one query, not one per subject). */
export const loadStepsOfMany = async (q: Q, kind: string, subjectIds: number[]): Promise<Map<number, RecordedStep[]>> => {
  const out = new Map<number, RecordedStep[]>(subjectIds.map((id) => [id, []]));
  if (subjectIds.length === 0) return out;
  const found = await rows<RecordedStep & { subjectId: number }>(
    q,
    sql`select w.subject_id as "subjectId", w.seq, w.step, to_char(w.date, 'YYYY-MM-DD') as date, w.data, w.warnings,
          w.actor_id as "actorId", u.display_name as "actorName"
        from workflow_step w left join app_user u on u.id = w.actor_id
        where w.kind = ${kind} and w.subject_id = any(${`{${subjectIds.join(',')}}`}::int[]) order by w.subject_id, w.seq`,
  );
  for (const { subjectId, ...s } of found) out.get(subjectId)?.push(s);
  return out;
};
