/** 待办提醒: the deadlines the daily jobs raise (发展党员 so far), within the caller's scope. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api-client';

export type ReminderStatus = 'open' | 'resolved';

/** One raised deadline. */
export interface Reminder {
  id: number;
  /** What it is about: `development` (an applicant's next step) so far. */
  kind: string;
  kindName: string;
  /** The record it concerns: an applicant id for `development`. */
  subjectId: number;
  orgId: number;
  orgName: string;
  step: number;
  dueDate: string;
  title: string;
  raisedAt: string;
  resolvedAt: string | null;
  /** The due date has passed (today in Beijing). */
  overdue: boolean;
}

export interface ReminderList {
  items: Reminder[];
  overdue: number;
  total: number;
}

/** Query keys: under `['reminders']`; a recorded step refreshes them with the next daily run. */
export const reminderKeys = {
  list: (status: ReminderStatus) => ['reminders', status] as const,
};

/** The caller's reminders (at most 500, soonest due first); the open ones are re-read every few minutes. */
export function useReminders(status: ReminderStatus, enabled = true) {
  return useQuery({
    queryKey: reminderKeys.list(status),
    queryFn: ({ signal }) => api.get<ReminderList>('/reminders', { status }, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 5 * 60_000,
    enabled,
  });
}

/** Where a reminder leads: the record it is about, for the kinds that have a page. */
export const reminderLink = (r: Pick<Reminder, 'kind' | 'subjectId'>): string | undefined =>
  r.kind === 'development' ? `/development/${r.subjectId}` : r.kind === 'term' ? `/orgs/${r.subjectId}` : undefined;
