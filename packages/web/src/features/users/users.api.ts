/** Account administration: list, create, enable/disable, unlock, reset password, edit grants. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiBody, type ApiQuery, type ApiSchema, apiClient, bodyOf } from '../../shared/api-client';

/** An account as the administration list shows it. */
export type UserAccount = ApiSchema<'UserAccount'>;

export type UserListParams = ApiQuery<'/api/v1/users'>;

export type UserCreateInput = ApiBody<'/api/v1/users', 'post'>;

export type UserUpdateInput = ApiBody<'/api/v1/users/{id}', 'patch'>;

const usersKey = ['users'] as const;

/** One page of accounts in the caller's scope. */
export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: [...usersKey, params],
    queryFn: ({ signal }) => bodyOf(apiClient.GET('/api/v1/users', { params: { query: params }, signal })),
    placeholderData: keepPreviousData,
  });
}

/**
 * Wraps a write on accounts so the list refreshes afterwards. With `handlesErrors` the caller shows
 * a refusal itself (a dialog, at the form field the server names).
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
export const useCreateUser = () =>
  useUserMutation((input: UserCreateInput) => bodyOf(apiClient.POST('/api/v1/users', { body: input })), true);

/** Changes the display name or the disabled flag of an account. */
export const useUpdateUser = () =>
  useUserMutation(({ id, patch }: { id: number; patch: UserUpdateInput }) =>
    bodyOf(apiClient.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body: patch })),
  );

/** Replaces the grants of an account as a whole. Errors are left to the caller. */
export const useUpdateGrants = () =>
  useUserMutation(
    ({ id, grants }: { id: number; grants: NonNullable<UserUpdateInput['grants']> }) =>
      bodyOf(apiClient.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body: { grants } })),
    true,
  );

/**
 * Links an account to the member it is (null unlinks): a member in the caller's reach, not linked
 * to another account. Errors are left to the caller.
 */
export const useLinkMember = () =>
  useUserMutation(
    ({ id, memberId }: { id: number; memberId: number | null }) =>
      bodyOf(apiClient.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body: { memberId } })),
    true,
  );

/** Lifts a lockout after too many failed logins. */
export const useUnlockUser = () =>
  useUserMutation((id: number) => bodyOf(apiClient.POST('/api/v1/users/{id}/unlock', { params: { path: { id } } })));

/** Sets a new initial password; the user must change it at next login. Errors are left to the caller. */
export const useResetPassword = () =>
  useUserMutation(
    ({ id, password }: { id: number; password: string }) =>
      bodyOf(apiClient.POST('/api/v1/users/{id}/reset-password', { params: { path: { id } }, body: { password } })),
    true,
  );
