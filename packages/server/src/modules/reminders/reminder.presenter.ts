import { z } from 'zod';
import type { ReminderRow } from '../../platform/reminders.js';
import { countOut, dateOut, idOut } from '../../platform/schemas.js';

/** One raised deadline, for the org it concerns. */
export const reminderSchema = z
  .object({
    id: idOut,
    kind: z
      .string()
      .meta({ description: '提醒类别：development（发展党员）、medal50（纪念章）、evaluation（测评）、transfer（转接）、term（换届）' }),
    kindName: z.string(),
    subjectId: idOut.meta({ description: '提醒所涉记录的编号（按类别：申请人、纪念章申报、测评对象、介绍信、党组织）' }),
    orgId: idOut,
    orgName: z.string(),
    step: z.number().int(),
    dueDate: dateOut,
    title: z.string(),
    raisedAt: dateOut,
    resolvedAt: dateOut.nullable(),
    overdue: z.boolean().meta({ description: '已过期限（按北京时间的今天）' }),
  })
  .meta({ id: 'Reminder' });
export type ReminderOut = z.infer<typeof reminderSchema>;

/** The reader's reminders, soonest due first (at most 500), with how many are overdue. */
export const reminderListSchema = z
  .object({ items: z.array(reminderSchema), overdue: countOut, total: countOut })
  .meta({ id: 'ReminderList' });

/** The API shape of a reminder: its kind's name, and whether it is overdue `today`. */
export const presentReminder = (r: ReminderRow, kindName: string, today: string): ReminderOut => ({
  ...r,
  kindName,
  overdue: r.dueDate < today,
});
