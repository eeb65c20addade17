/**
 * 组织关系转接: the letters (介绍信) a branch issues for a member, to another branch of the system
 * or out of it, and their receipt or withdrawal.
 */
import type { TransferCreate, TransferIn } from '@jishi/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api-client';
import { type Member, memberKeys } from '../members/members.api';

export type TransferStatus = 'pending' | 'received' | 'cancelled';
export type TransferDirection = 'in' | 'out';

/** One letter as the server presents it: names of both sides, never their paths. */
export interface Transfer {
  id: number;
  memberId: number;
  memberName: string;
  /** The issuing branch; null for a member arriving from outside the system (then `origin` says where from). */
  fromOrgId: number | null;
  fromOrgName: string | null;
  origin?: string | null;
  /** The receiving branch inside the system; null for a letter out of the system. */
  toOrgId: number | null;
  toOrgName: string | null;
  /** Where the member went, for a letter out of the system. */
  destination: string | null;
  letterNo: string;
  issuedAt: string;
  receivedAt: string | null;
  status: TransferStatus;
  note: string | null;
  /** What the caller may do with the letter: 接收 (the receiving side, pending) and 撤回 (the issuing side, pending). */
  abilities: { canReceive: boolean; canCancel: boolean };
}

export interface TransferListParams {
  direction: TransferDirection;
  status?: TransferStatus;
}

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
    queryFn: ({ signal }): Promise<Transfer[]> => api.get<{ items: Transfer[] }>('/transfers', { ...params }, signal).then((r) => r.items),
    placeholderData: keepPreviousData,
  });
}

/** One member's letters, newest first. A failure is shown in the drawer, which already reports a missing member. */
export function useMemberTransfers(memberId: number) {
  return useQuery({
    queryKey: transferKeys.ofMember(memberId),
    queryFn: ({ signal }) => api.get<{ items: Transfer[] }>(`/members/${memberId}/transfers`, undefined, signal).then((r) => r.items),
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
      api.post<Transfer>(`/members/${memberId}/transfers`, input),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

/** The receiving branch records the arrival: the member moves to it. Errors are left to the caller. */
export function useReceiveTransfer() {
  const invalidate = useInvalidateTransfers();
  return useMutation({
    mutationFn: ({ id, receivedAt }: { id: number; receivedAt: string }) => api.post<Transfer>(`/transfers/${id}/receive`, { receivedAt }),
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
    mutationFn: (input: TransferIn) => api.post<{ member: Member; transfer: Transfer }>('/transfers/inbound', input),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

/** The issuing branch withdraws a letter not yet received. Errors are left to the caller. */
export function useCancelTransfer() {
  const invalidate = useInvalidateTransfers();
  return useMutation({
    mutationFn: (id: number) => api.post<Transfer>(`/transfers/${id}/cancel`),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}
