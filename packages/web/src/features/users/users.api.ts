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
  /** The member this account is (a Party member's own account, which opens 我的党费), or null. */
  memberId: number | null;
  memberName: string | null;
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
  memberId?: number | null;
}

export interface UserUpdateInput {
  displayName?: string;
  disabled?: boolean;
  grants?: { role: Role; orgId: number }[];
  memberId?: number | null;
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

/**
 * Wraps a write on accounts so the list refreshes afterwards. With `handlesErrors` the caller shows
 * a refusal itself (at the form field the server names).
 */
const useUserMutation = <TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>, handlesErrors = false) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
    meta: { handlesErrors },
  });
};

/** Creates an account; the user must change the initial password at first login. Errors are left to the caller. */
export const useCreateUser = () => useUserMutation((input: UserCreateInput) => api.post<UserAccount>('/users', input), true);

/** Changes the display name, the disabled flag or the grants of an account. */
export const useUpdateUser = () =>
  useUserMutation(({ id, patch }: { id: number; patch: UserUpdateInput }) => api.patch<UserAccount>(`/users/${id}`, patch));

/**
 * Links an account to the member it is (null unlinks): a member in the caller's reach, not linked
 * to another account. Errors are left to the caller.
 */
export const useLinkMember = () =>
  useUserMutation(
    ({ id, memberId }: { id: number; memberId: number | null }) => api.patch<UserAccount>(`/users/${id}`, { memberId }),
    true,
  );

/** Lifts a lockout after too many failed logins. */
export const useUnlockUser = () => useUserMutation((id: number) => api.post<unknown>(`/users/${id}/unlock`));

/** Sets a new initial password; the user must change it at next login. */
export const useResetPassword = () =>
  useUserMutation(({ id, password }: { id: number; password: string }) => api.post<unknown>(`/users/${id}/reset-password`, { password }));
