/** Account administration: list, create, enable/disable, unlock, reset password, edit grants. */
import type { Role } from '@jishi/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../shared/api-client';

export interface UserGrant {
  role: Role;
  orgId: number;
  orgName: string;
}

/** An account as the administration list shows it. */
export interface UserAccount {
  id: number;
  username: string;
  displayName: string;
  disabled: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  grants: UserGrant[];
}

export interface UserListParams {
  q?: string;
  page: number;
  pageSize: number;
}

export interface UserCreateInput {
  username: string;
  displayName: string;
  password: string;
  grants: { role: Role; orgId: number }[];
}

export interface UserUpdateInput {
  displayName?: string;
  disabled?: boolean;
  grants?: { role: Role; orgId: number }[];
}

const usersKey = ['users'] as const;

/** One page of accounts in the caller's scope. */
export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: [...usersKey, params],
    queryFn: ({ signal }) => api.get<Page<UserAccount>>('/users', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Wraps a write on accounts so the list refreshes afterwards. */
const useUserMutation = <TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }) });
};

/** Creates an account; the user must change the initial password at first login. */
export const useCreateUser = () => useUserMutation((input: UserCreateInput) => api.post<UserAccount>('/users', input));

/** Changes the display name, the disabled flag or the grants of an account. */
export const useUpdateUser = () =>
  useUserMutation(({ id, patch }: { id: number; patch: UserUpdateInput }) => api.patch<UserAccount>(`/users/${id}`, patch));

/** Lifts a lockout after too many failed logins. */
export const useUnlockUser = () => useUserMutation((id: number) => api.post<unknown>(`/users/${id}/unlock`));

/** Sets a new initial password; the user must change it at next login. */
export const useResetPassword = () =>
  useUserMutation(({ id, password }: { id: number; password: string }) => api.post<unknown>(`/users/${id}/reset-password`, { password }));
