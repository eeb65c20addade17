/**
 * 表彰激励: the 「光荣在党50年」 list with each member's medal case, the cases and their steps
 * (推荐 → 审核 → 颁发), the commendations, and one member's honours.
 */
import type { CommendationCreate, Medal50Recommend, Medal50Review } from '@jishi/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiQuery, type ApiSchema, apiClient, bodyOf } from '../../shared/api-client';
import { memberKeys } from '../members/members.api';

/** One member of the eligible list, with their live case (a refused one is not live). */
export type Medal50Member = ApiSchema<'Medal50Member'>;

/** What the caller may do for members beneath the listed org; the server decides. */
export type Medal50Abilities = ApiSchema<'Medal50Abilities'>;

/** Members eligible for 「光荣在党50年」 in `year` under one org. */
export type Medal50List = ApiSchema<'Medal50List'>;

/** One medal case with its recorded steps (1 推荐, 2 审核, 3 颁发) and what may happen next. */
export type Medal50Case = ApiSchema<'Medal50Case'>;

/** One recorded step: the acting org and account, and for 审核 the verdict with the 纪检监察 opinion. */
export type Medal50Step = ApiSchema<'Medal50Step'>;

/** One commendation: of a member (with the member's branch) or of an org. */
export type Commendation = ApiSchema<'Commendation'>;

export type Medal50CaseParams = ApiQuery<'/api/v1/honors/medal50/cases'>;
export type CommendationListParams = ApiQuery<'/api/v1/honors/commendations'>;

/**
 * Query keys, under `['members']`: the lists are computed from the roll, so a change to the roll
 * refreshes them, and a step of a case refreshes the roll's views of it (the member drawer).
 */
export const honorKeys = {
  medal50: (orgId: number | undefined, year: number) => [...memberKeys.all, 'medal50', { orgId, year }] as const,
  cases: (params: Medal50CaseParams) => [...memberKeys.all, 'medal50-cases', params] as const,
  case: (id: number) => [...memberKeys.all, 'medal50-case', id] as const,
  commendations: (params: CommendationListParams) => [...memberKeys.all, 'commendations', params] as const,
  ofMember: (memberId: number) => [...memberKeys.all, 'honors', memberId] as const,
};

/** The 「光荣在党50年」 list for one org and year; disabled until the org is known. */
export function useMedal50(orgId: number | undefined, year: number) {
  return useQuery({
    queryKey: honorKeys.medal50(orgId, year),
    queryFn: ({ signal }) => bodyOf(apiClient.GET('/api/v1/honors/medal50', { params: { query: { orgId, year } }, signal })),
    placeholderData: keepPreviousData,
    enabled: orgId !== undefined,
  });
}

/** The medal cases of an org's subtree, by year and status; disabled until the org is known. */
export function useMedal50Cases(params: Medal50CaseParams) {
  return useQuery({
    queryKey: honorKeys.cases(params),
    queryFn: ({ signal }) => bodyOf(apiClient.GET('/api/v1/honors/medal50/cases', { params: { query: params }, signal })),
    placeholderData: keepPreviousData,
    enabled: params.orgId !== undefined,
  });
}

/** One case with its steps; disabled while `id` is undefined. */
export function useMedal50Case(id: number | undefined) {
  return useQuery({
    queryKey: honorKeys.case(id ?? 0),
    queryFn: ({ signal }) => bodyOf(apiClient.GET('/api/v1/honors/medal50/cases/{id}', { params: { path: { id: id ?? 0 } }, signal })),
    enabled: id !== undefined,
    meta: { handlesErrors: true },
  });
}

/** Refreshes the roll and everything computed from it, honours included (after a batch of 推荐 too). */
export const useRefreshHonors = () => {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: memberKeys.all });
};

/**
 * 推荐 one member. Refusals (not the committee above the branch, not eligible, a case already
 * live) are left to the caller, which shows the rule's text. The caller invalidates once a batch
 * is done, so several members are put forward with one refresh.
 */
export function useRecommendMedal50() {
  return useMutation({
    mutationFn: (input: Medal50Recommend) => bodyOf(apiClient.POST('/api/v1/honors/medal50/cases', { body: input })),
    meta: { handlesErrors: true },
  });
}

/** 审核 a case with the 纪检监察 opinion; a refusal ends it as 审核未通过. Errors are left to the caller. */
export function useReviewMedal50() {
  const invalidate = useRefreshHonors();
  return useMutation({
    mutationFn: ({ id, input }: { id: number; input: Medal50Review }) =>
      bodyOf(apiClient.POST('/api/v1/honors/medal50/cases/{id}/review', { params: { path: { id } }, body: input })),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

/** 颁发 the medal of a reviewed case. Errors are left to the caller. */
export function useAwardMedal50() {
  const invalidate = useRefreshHonors();
  return useMutation({
    mutationFn: ({ id, date }: { id: number; date: string }) =>
      bodyOf(apiClient.POST('/api/v1/honors/medal50/cases/{id}/award', { params: { path: { id } }, body: { date } })),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

/** Commendations of an org's subtree, newest year first; disabled until the org is known. */
export function useCommendations(params: CommendationListParams) {
  return useQuery({
    queryKey: honorKeys.commendations(params),
    queryFn: ({ signal }) => bodyOf(apiClient.GET('/api/v1/honors/commendations', { params: { query: params }, signal })),
    placeholderData: keepPreviousData,
    enabled: params.orgId !== undefined,
  });
}

/** Records a commendation. Errors are left to the caller (the form shows a refused field at that field). */
export function useCreateCommendation() {
  const invalidate = useRefreshHonors();
  return useMutation({
    mutationFn: (input: CommendationCreate) => bodyOf(apiClient.POST('/api/v1/honors/commendations', { body: input })),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

/** One member's honours, for the member drawer. A failure is shown in the drawer. */
export function useMemberHonors(memberId: number) {
  return useQuery({
    queryKey: honorKeys.ofMember(memberId),
    queryFn: ({ signal }) => bodyOf(apiClient.GET('/api/v1/members/{id}/honors', { params: { path: { id: memberId } }, signal })),
    meta: { handlesErrors: true },
  });
}
