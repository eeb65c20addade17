/** Session, login, logout and password change. */
import type { Action } from '@jishi/domain';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { type ApiBody, type ApiSchema, apiClient, bodyOf, isApiError } from '../../shared/api-client';

/** The logged-in user as `/auth/me` describes them. */
export type Me = ApiSchema<'Me'>;

/** What login and `/auth/me` answer. */
export type Session = ApiSchema<'Session'>;

/** Query key of the session; `null` data means "not logged in". */
export const sessionKey = ['auth', 'session'] as const;

/**
 * Drops every cached answer except the session itself (which the caller overwrites), so the next
 * user never sees the previous one's data; keeping the session query lets mounted guards follow it.
 */
const forgetUserData = (queryClient: QueryClient) =>
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });

/** The current session, or `null` when nobody is logged in (a 401 is an answer here, not an error). */
export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: async ({ signal }): Promise<Session | null> => {
      try {
        return await bodyOf(apiClient.GET('/api/v1/auth/me', { signal }));
      } catch (error) {
        if (isApiError(error, 401)) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** The user's abilities as a set; empty while logged out. */
export function useAbilities(): ReadonlySet<Action> {
  const { data } = useSession();
  return useMemo(() => new Set<Action>(data?.user.abilities ?? []), [data]);
}

/** Logs in and stores the session; errors are shown by the login form itself. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ApiBody<'/api/v1/auth/login', 'post'>) => bodyOf(apiClient.POST('/api/v1/auth/login', { body: input })),
    onSuccess: (session) => {
      forgetUserData(queryClient);
      queryClient.setQueryData(sessionKey, session);
    },
    meta: { handlesErrors: true },
  });
}

/**
 * Logs out, then reloads the app at the login page: a fresh page load is the surest way to drop
 * everything the previous user saw (query cache, form state, open dialogs).
 */
export function useLogout() {
  return useMutation({
    mutationFn: () => bodyOf(apiClient.POST('/api/v1/auth/logout')),
    onSettled: () => window.location.replace('/login'),
  });
}

/** Changes the caller's password; the form shows refusals (wrong old password, weak password). */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ApiBody<'/api/v1/auth/password', 'post'>) => bodyOf(apiClient.POST('/api/v1/auth/password', { body: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey }),
    meta: { handlesErrors: true },
  });
}

/** The server's readiness: while the first start loads the demo data, asked again every second. */
export function useServerStatus() {
  return useQuery({
    queryKey: ['server-status'],
    queryFn: ({ signal }) => bodyOf(apiClient.GET('/api/v1/status', { signal })),
    refetchInterval: (query) => (query.state.data?.ready ? false : 1000),
    // A moment without an answer (the preparing server handing over to the real one) is not the
    // end of the wait: ask again every second, not with a backoff that grows to half a minute.
    retry: true,
    retryDelay: 1000,
    meta: { handlesErrors: true },
  });
}
