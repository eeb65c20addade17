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
export const loadSteps = (q: Q, kind: string, subjectId: number) =>
  rows<RecordedStep>(
    q,
    sql`select w.seq, w.step, to_char(w.date, 'YYYY-MM-DD') as date, w.data, w.warnings, w.actor_id as "actorId", u.display_name as "actorName"
        from workflow_step w left join app_user u on u.id = w.actor_id
        where w.kind = ${kind} and w.subject_id = ${subjectId} order by w.seq`,
  );

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
