/** Session, login, logout and password change. */
import type { Action, Role } from '@jishi/domain';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, isApiError } from '../../shared/api-client';

/** One role held at one org. */
export interface SessionGrant {
  role: Role;
  orgId: number;
  orgName: string;
  orgPath: string;
}

/** The logged-in user as `/auth/me` describes them. */
export interface Me {
  id: number;
  username: string;
  displayName: string;
  homeOrgId: number | null;
  grants: SessionGrant[];
  abilities: Action[];
}

/** What login and `/auth/me` answer. */
export interface Session {
  user: Me;
  mustChangePassword: boolean;
}

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
        return await api.get<Session>('/auth/me', undefined, signal);
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
  return useMemo(() => new Set(data?.user.abilities ?? []), [data]);
}

/** Logs in and stores the session; errors are shown by the login form itself. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { username: string; password: string }) => api.post<Session>('/auth/login', input),
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
    mutationFn: () => api.post<unknown>('/auth/logout'),
    onSettled: () => window.location.replace('/login'),
  });
}

/** Changes the caller's password; the form shows refusals (wrong old password, weak password). */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { oldPassword: string; newPassword: string }) => api.post<{ ok: true }>('/auth/password', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey }),
    meta: { handlesErrors: true },
  });
}
