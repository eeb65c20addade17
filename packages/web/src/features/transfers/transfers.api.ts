/**
 * 组织关系转接: the letters (介绍信) a branch issues for a member, to another branch of the system
 * or out of it, and their receipt or withdrawal.
 */
import type { TransferCreate, TransferIn } from '@jishi/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiQuery, type ApiSchema, apiClient, bodyOf } from '../../shared/api-client';
import { memberKeys } from '../members/members.api';

/** One letter as the server presents it: names of both sides, never their paths, and what the caller may do with it. */
export type Transfer = ApiSchema<'Transfer'>;
export type TransferStatus = Transfer['status'];

export type TransferListParams = ApiQuery<'/api/v1/transfers'>;
export type TransferDirection = TransferListParams['direction'];

/**
 * Query keys, under `['members']`: a receipt moves a member and a letter out of the system takes one
 * off the roll, so transfers and the roll are refreshed together.
 */
export const transferKeys = {
  all: [...memberKeys.all, 'transfers'] as const,
  list: (params: TransferListParams) => [...memberKeys.all, 'transfers', 'list', params] as const,
  ofMember: (memberId: number) => [...memberKeys.all, 'transfers', 'member', memberId] as const,
};

/** Letters coming in to (or going out of) the caller's scope, newest first (the server lists at most 200). */
export function useTransfers(params: TransferListParams) {
  return useQuery({
    queryKey: transferKeys.list(params),
    queryFn: ({ signal }) => bodyOf(apiClient.GET('/api/v1/transfers', { params: { query: params }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** One member's letters, newest first. A failure is shown in the drawer, which already reports a missing member. */
export function useMemberTransfers(memberId: number) {
  return useQuery({
    queryKey: transferKeys.ofMember(memberId),
    queryFn: async ({ signal }) =>
      (await bodyOf(apiClient.GET('/api/v1/members/{id}/transfers', { params: { path: { id: memberId } }, signal }))).items,
    meta: { handlesErrors: true },
  });
}

/** Invalidates the roll (with every transfer list) and the figures computed over it. */
const useInvalidateTransfers = () => {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: memberKeys.all }), queryClient.invalidateQueries({ queryKey: ['indicators'] })]);
};

/**
 * Issues a letter. Inside the system it waits for the receiving branch; out of the system the member
 * leaves the roll at once. Errors are left to the caller (the form shows a refused field at that field).
 */
export function useIssueTransfer() {
  const invalidate = useInvalidateTransfers();
  return useMutation({
    mutationFn: ({ memberId, input }: { memberId: number; input: TransferCreate }) =>
      bodyOf(apiClient.POST('/api/v1/members/{id}/transfers', { params: { path: { id: memberId } }, body: input })),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

/** The receiving branch records the arrival: the member moves to it. Errors are left to the caller. */
export function useReceiveTransfer() {
  const invalidate = useInvalidateTransfers();
  return useMutation({
    mutationFn: ({ id, receivedAt }: { id: number; receivedAt: string }) =>
      bodyOf(apiClient.POST('/api/v1/transfers/{id}/receive', { params: { path: { id } }, body: { receivedAt } })),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

/**
 * 登记系统外转入: a member whose letter comes from outside the system is registered in the receiving
 * branch with the letter, already received. Errors are left to the caller (the form marks the field).
 */
export function useReceiveFromOutside() {
  const invalidate = useInvalidateTransfers();
  return useMutation({
    mutationFn: (input: TransferIn) => bodyOf(apiClient.POST('/api/v1/transfers/inbound', { body: input })),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

/** The issuing branch withdraws a letter not yet received. Errors are left to the caller. */
export function useCancelTransfer() {
  const invalidate = useInvalidateTransfers();
  return useMutation({
    mutationFn: (id: number) => bodyOf(apiClient.POST('/api/v1/transfers/{id}/cancel', { params: { path: { id } } })),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}
