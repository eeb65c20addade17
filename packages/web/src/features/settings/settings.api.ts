/** The business calendar: a year's holidays and 调休 working days, shipped and added by the system administrator. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiBody, type ApiSchema, apiClient, bodyOf } from '../../shared/api-client';

export type CalendarYear = ApiSchema<'CalendarYear'>;
export type CalendarEntry = ApiSchema<'CalendarEntry'>;
export type CalendarDayInput = ApiBody<'/api/v1/settings/calendar/days', 'put'>;

const calendarKey = ['calendar'] as const;

/** One year of the calendar. */
export const useCalendarYear = (year: number) =>
  useQuery({
    queryKey: [...calendarKey, year],
    queryFn: ({ signal }) => bodyOf(apiClient.GET('/api/v1/settings/calendar', { params: { query: { year } }, signal })),
  });

const useCalendarMutation = <T>(fn: (input: T) => Promise<unknown>, handlesErrors = false) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarKey }),
    meta: { handlesErrors },
  });
};

/** Sets a day as a holiday or a worked 调休 day. Errors are left to the caller (shown at the field). */
export const useSetCalendarDay = () =>
  useCalendarMutation((day: CalendarDayInput) => bodyOf(apiClient.PUT('/api/v1/settings/calendar/days', { body: day })), true);

/** Removes an added day. */
export const useRemoveCalendarDay = () =>
  useCalendarMutation((date: string) => bodyOf(apiClient.DELETE('/api/v1/settings/calendar/days/{date}', { params: { path: { date } } })));

export type Job = ApiSchema<'Job'>;
export type JobRun = ApiSchema<'JobRun'>;

/** The scheduled jobs (system administrator). */
export const useJobs = () => useQuery({ queryKey: ['jobs'], queryFn: ({ signal }) => bodyOf(apiClient.GET('/api/v1/jobs', { signal })) });

/** Runs one job now; the answer carries its counts. */
export const useRunJob = () =>
  useMutation({
    mutationFn: (name: string) => bodyOf(apiClient.POST('/api/v1/jobs/{name}/run', { params: { path: { name } } })),
  });
