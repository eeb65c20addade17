import { addDays, nextDeadline, REMINDER_LEAD_DAYS, stepDef } from '@jishi/domain';
import { type SQL, sql } from 'drizzle-orm';
import { rows } from '../../platform/db/index.js';
import { defineJob } from '../../platform/jobs.js';
import { KIND, loadOpenApplicantViews } from './development.service.js';

/**
 * Daily: every 发展党员 deadline (RULES.md §1) due within REMINDER_LEAD_DAYS or already past is
 * raised once as a reminder for the applicant's branch; reminders whose step was recorded since
 * (or whose deadline moved) are resolved. Idempotent: a second run on a day changes nothing.
 */
export const developmentReminders = defineJob({
  name: 'development-reminders',
  cron: '30 1 * * *',
  summary: '发展党员期限提醒',
  run: async (q, _deps, today) => {
    const views = await loadOpenApplicantViews(q, sql`true`, 1_000_000);
    const horizon = addDays(today, REMINDER_LEAD_DAYS);
    const current: SQL[] = [];
    const due: SQL[] = [];
    for (const v of views) {
      const next = nextDeadline(v.done);
      if (next?.kind !== 'due') continue;
      current.push(sql`(${v.applicant.id}::int, ${next.step}::int, ${next.date}::date)`);
      if (next.date > horizon) continue;
      const title = `${v.applicant.name}：第${next.step}步「${stepDef(next.step)?.name ?? ''}」`;
      due.push(
        sql`(${KIND}, ${v.applicant.id}::int, ${v.applicant.orgId}::int, ${next.step}::int, ${next.date}::date, ${title}, ${today}::date)`,
      );
    }
    let raised = 0;
    for (let i = 0; i < due.length; i += 1000) {
      const inserted = await rows(
        q,
        sql`insert into reminder (kind, subject_id, org_id, step, due_date, title, raised_at)
            values ${sql.join(due.slice(i, i + 1000), sql`, `)} on conflict do nothing returning id`,
      );
      raised += inserted.length;
    }
    const stillDue = current.length > 0 ? sql`(r.subject_id, r.step, r.due_date) in (values ${sql.join(current, sql`, `)})` : sql`false`;
    const resolved = await rows(
      q,
      sql`update reminder r set resolved_at = ${today}::date
          where r.kind = ${KIND} and r.resolved_at is null and not ${stillDue} returning id`,
    );
    const [open] = await rows<{ n: number }>(q, sql`select count(*)::int as n from reminder where kind = ${KIND} and resolved_at is null`);
    return { applicants: views.length, raised, resolved: resolved.length, open: open?.n ?? 0 };
  },
});
