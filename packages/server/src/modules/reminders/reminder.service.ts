import { type Action, type Actor, DEVELOPMENT_PROCESS, ENTRY_PROCESS, MEDAL50_PROCESS, TRANSFER_PROCESS } from '@jishi/domain';
import { sql } from 'drizzle-orm';
import { scopeFilter } from '../../platform/authorize.js';
import type { Q } from '../../platform/db/index.js';
import { findReminders } from '../../platform/reminders.js';
import { TERM_REMINDER_KIND } from '../meetings/compliance.js';
import { presentReminder } from './reminder.presenter.js';

/** Each kind of reminder: its name for the UI, and the action a reader needs to see it (its module's). */
const KINDS: Record<string, { label: string; action: Action }> = {
  [DEVELOPMENT_PROCESS.kind]: { label: DEVELOPMENT_PROCESS.label, action: 'development.read' },
  [MEDAL50_PROCESS.kind]: { label: MEDAL50_PROCESS.label, action: 'honor.read' },
  [ENTRY_PROCESS.kind]: { label: ENTRY_PROCESS.label, action: 'evaluation.file' },
  [TRANSFER_PROCESS.kind]: { label: TRANSFER_PROCESS.label, action: 'member.read' },
  [TERM_REMINDER_KIND]: { label: '换届', action: 'org.read' },
};

/**
 * The reminders the actor sees, open or resolved: of each kind, those within that kind's module's
 * read scope, optionally under one org (already checked); with how many are overdue `today`.
 */
export const listReminders = async (q: Q, actor: Actor, f: { underPath?: string; status: 'open' | 'resolved' }, today: string) => {
  const found = await findReminders(
    q,
    Object.entries(KINDS).map(([kind, k]) => ({ kind, within: scopeFilter(actor, k.action, sql`o.path`) })),
    f.underPath ? sql`o.path <@ ${f.underPath}::ltree` : sql`true`,
    f.status,
  );
  const items = found.map((r) => presentReminder(r, KINDS[r.kind]?.label ?? '提醒', today));
  return { items, overdue: items.filter((r) => r.overdue).length, total: items.length };
};
