import { recordAudit } from './audit.js';
import { defineJob } from './jobs.js';
import { type ProcessBinding, runDeadlines } from './workflow.js';

/**
 * Nightly, for every process on the engine: deadlines worked out again, reminders raised within
 * each state's lead days and resolved when met, and timer events (escalations) fired once a
 * deadline has passed. Each timer event is audited as the system, like the run itself.
 */
export const workflowDeadlines = (
  // biome-ignore lint/suspicious/noExplicitAny: the job walks processes of every shape.
  bindings: ProcessBinding<any, any, any>[],
) =>
  defineJob({
    name: 'workflow-deadlines',
    cron: '30 1 * * *',
    summary: '办理期限提醒与到期自动流转（发展党员等）',
    run: async (q, deps, today) => {
      const totals = { open: 0, raised: 0, resolved: 0, fired: 0 };
      for (const binding of bindings) {
        const r = await runDeadlines(q, binding, {
          actor: null,
          today,
          audit: (entry) =>
            recordAudit(
              q,
              deps.keys.audit,
              { actorId: null, actorName: 'system', actorRole: null, actorOrgId: null, requestId: null, ip: null },
              { action: `workflow.${binding.def.kind}.timer`, ...entry },
              deps.now(),
            ),
        });
        for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += r[k];
      }
      return totals;
    },
  });
