import { type SQL, sql } from 'drizzle-orm';
import { type Q, rows } from './db/index.js';

/** A reminder that should be open: a deadline of one subject, for the org it concerns. */
export interface WantedReminder {
  subjectId: number;
  orgId: number;
  step: number;
  dueDate: string;
  title: string;
}

/**
 * The one place reminders change (ARCHITECTURE.md Workflows): makes the open reminders of `kind`
 * — for `subjects`, or all of the kind when omitted — exactly `wanted`. Missing ones are raised
 * (once per subject, step and due date), the others resolved. Idempotent: a second call with the
 * same wish changes nothing.
 */
export const syncReminders = async (
  q: Q,
  kind: string,
  wanted: readonly WantedReminder[],
  today: string,
  subjects?: readonly number[],
): Promise<{ raised: number; resolved: number }> => {
  if (subjects && subjects.length === 0) return { raised: 0, resolved: 0 };
  let raised = 0;
  for (let i = 0; i < wanted.length; i += 1000) {
    const values = wanted
      .slice(i, i + 1000)
      .map((w) => sql`(${kind}, ${w.subjectId}::int, ${w.orgId}::int, ${w.step}::int, ${w.dueDate}::date, ${w.title}, ${today}::date)`);
    raised += (
      await rows(
        q,
        sql`insert into reminder (kind, subject_id, org_id, step, due_date, title, raised_at)
            values ${sql.join(values, sql`, `)} on conflict do nothing returning id`,
      )
    ).length;
  }
  const keep: SQL =
    wanted.length > 0
      ? sql`(r.subject_id, r.step, r.due_date) in (values ${sql.join(
          wanted.map((w) => sql`(${w.subjectId}::int, ${w.step}::int, ${w.dueDate}::date)`),
          sql`, `,
        )})`
      : sql`false`;
  const within = subjects ? sql`r.subject_id = any(${`{${subjects.join(',')}}`}::int[])` : sql`true`;
  const resolved = await rows(
    q,
    sql`update reminder r set resolved_at = ${today}::date
        where r.kind = ${kind} and r.resolved_at is null and ${within} and not ${keep} returning r.id`,
  );
  return { raised, resolved: resolved.length };
};

/** A reminder as stored, with its org's name. */
export interface ReminderRow {
  id: number;
  kind: string;
  subjectId: number;
  orgId: number;
  orgName: string;
  step: number;
  dueDate: string;
  title: string;
  raisedAt: string;
  resolvedAt: string | null;
}

/**
 * Reminders a reader sees: of each kind, those whose org lies within that kind's scope (its
 * module's read action), under `under`, open or resolved; soonest due first.
 */
export const findReminders = (q: Q, kinds: { kind: string; within: SQL }[], under: SQL, status: 'open' | 'resolved') =>
  rows<ReminderRow>(
    q,
    sql`select r.id, r.kind, r.subject_id as "subjectId", r.org_id as "orgId", o.name as "orgName", r.step,
          to_char(r.due_date, 'YYYY-MM-DD') as "dueDate", r.title, to_char(r.raised_at, 'YYYY-MM-DD') as "raisedAt",
          to_char(r.resolved_at, 'YYYY-MM-DD') as "resolvedAt"
        from reminder r join org o on o.id = r.org_id
        where (${sql.join(
          kinds.map((k) => sql`(r.kind = ${k.kind} and ${k.within})`),
          sql` or `,
        )}) and ${under}
          and ${status === 'open' ? sql`r.resolved_at is null` : sql`r.resolved_at is not null`}
        order by r.due_date, r.id limit 500`,
  );
