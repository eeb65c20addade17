/** 待办提醒: the deadlines the daily jobs raise, within the caller's scope. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ApiQuery, type ApiSchema, apiClient, bodyOf } from '../../shared/api-client';

/** One raised deadline, for the org it concerns; `overdue` once its due date has passed (today in Beijing). */
export type Reminder = ApiSchema<'Reminder'>;

export type ReminderStatus = NonNullable<ApiQuery<'/api/v1/reminders'>['status']>;

/** Query keys: under `['reminders']`; a recorded step refreshes them with the next daily run. */
export const reminderKeys = {
  list: (status: ReminderStatus) => ['reminders', status] as const,
};

/** The caller's reminders (at most 500, soonest due first); the open ones are re-read every few minutes. */
export function useReminders(status: ReminderStatus, enabled = true) {
  return useQuery({
    queryKey: reminderKeys.list(status),
    queryFn: ({ signal }) => bodyOf(apiClient.GET('/api/v1/reminders', { params: { query: { status } }, signal })),
    placeholderData: keepPreviousData,
    refetchInterval: 5 * 60_000,
    enabled,
  });
}

/** Where a reminder leads: the record it is about, for the kinds that have a page. */
export const reminderLink = (r: Pick<Reminder, 'kind' | 'subjectId'>): string | undefined =>
  r.kind === 'development' ? `/development/${r.subjectId}` : r.kind === 'term' ? `/orgs/${r.subjectId}` : undefined;
