/**
 * 表彰激励: the 「光荣在党50年」 list with each member's medal case, the cases and their steps
 * (推荐 → 审核 → 颁发), the commendations, and one member's honours.
 */
import type {
  CommendationCreate,
  CommendationLevel,
  CommendationTitle,
  Medal50Recommend,
  Medal50Review,
  Medal50Status,
} from '@jishi/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api-client';
import { type Member, memberKeys } from '../members/members.api';

/** Where a member's medal case stands, on the eligible list. */
export interface Medal50Ref {
  id: number;
  year: number;
  status: Medal50Status;
}

/** One member of the eligible list, with their live case (a refused one is not live). */
export interface Medal50Member extends Member {
  medal50: Medal50Ref | null;
}

/** What the caller may do for members beneath the listed org; the server decides. */
export interface Medal50Abilities {
  /** 推荐: the caller administers a 乡镇（街道）or 基层党委 above the members' branches. */
  canRecommend: boolean;
  /** 审核 and 颁发: the caller administers a 旗县级以上党委. */
  canReview: boolean;
}

/** Members eligible for 「光荣在党50年」 in `year` under one org. */
export interface Medal50List {
  org: { id: number; name: string };
  year: number;
  /** The last 转正日期 that qualifies: (year − 50)-07-01. */
  cutoff: string;
  items: Medal50Member[];
  total: number;
  abilities: Medal50Abilities;
}

/** One medal case as the lists show it. */
export interface Medal50Case {
  id: number;
  memberId: number;
  memberName: string;
  orgId: number;
  orgName: string;
  year: number;
  status: Medal50Status;
}

/** What a recorded step carries: the acting org, and for 审核 the verdict with the 纪检监察 opinion. */
export interface Medal50StepData {
  orgId?: number;
  orgName?: string;
  passed?: boolean;
  disciplineOpinion?: string;
  reason?: string;
  note?: string;
}

/** One recorded step: 1 推荐, 2 审核, 3 颁发. */
export interface Medal50Step {
  seq: number;
  step: 1 | 2 | 3;
  date: string;
  data: Medal50StepData;
  /** Display name of the account that recorded it; null for demo data. */
  actorName: string | null;
  /** The org that acted (the township that recommended, the county that reviewed). */
  orgName: string | null;
}

/** A case with its recorded steps. */
export interface Medal50CaseDetail extends Medal50Case {
  steps: Medal50Step[];
}

/** One commendation: of a member (with the member's branch) or of an org. */
export interface Commendation {
  id: number;
  title: CommendationTitle;
  level: CommendationLevel;
  year: number;
  memberId: number | null;
  memberName: string | null;
  /** The member's branch for a member's honour, the org honoured otherwise. */
  orgId: number;
  orgName: string;
  conferredAt: string;
  conferredBy: string | null;
  documentNo: string | null;
}

export interface CommendationListParams {
  orgId?: number;
  year?: number;
  title?: CommendationTitle;
  level?: CommendationLevel;
}

/** A member's honours: commendations, and the live medal case if any. */
export interface MemberHonors {
  commendations: Commendation[];
  medal50: Medal50Case | null;
}

/**
 * Query keys, under `['members']`: the lists are computed from the roll, so a change to the roll
 * refreshes them, and a step of a case refreshes the roll's views of it (the member drawer).
 */
export const honorKeys = {
  medal50: (orgId: number | undefined, year: number) => [...memberKeys.all, 'medal50', { orgId, year }] as const,
  cases: (params: { orgId?: number; year?: number; status?: Medal50Status }) => [...memberKeys.all, 'medal50-cases', params] as const,
  case: (id: number) => [...memberKeys.all, 'medal50-case', id] as const,
  commendations: (params: CommendationListParams) => [...memberKeys.all, 'commendations', params] as const,
  ofMember: (memberId: number) => [...memberKeys.all, 'honors', memberId] as const,
};

/** The 「光荣在党50年」 list for one org and year; disabled until the org is known. */
export function useMedal50(orgId: number | undefined, year: number) {
  return useQuery({
    queryKey: honorKeys.medal50(orgId, year),
    queryFn: ({ signal }) => api.get<Medal50List>('/honors/medal50', { orgId, year }, signal),
    placeholderData: keepPreviousData,
    enabled: orgId !== undefined,
  });
}

/** The medal cases of an org's subtree, by year and status; disabled until the org is known. */
export function useMedal50Cases(params: { orgId?: number; year?: number; status?: Medal50Status }) {
  return useQuery({
    queryKey: honorKeys.cases(params),
    queryFn: ({ signal }) => api.get<{ items: Medal50Case[]; total: number }>('/honors/medal50/cases', { ...params }, signal),
    placeholderData: keepPreviousData,
    enabled: params.orgId !== undefined,
  });
}

/** One case with its steps; disabled while `id` is undefined. */
export function useMedal50Case(id: number | undefined) {
  return useQuery({
    queryKey: honorKeys.case(id ?? 0),
    queryFn: ({ signal }) => api.get<Medal50CaseDetail>(`/honors/medal50/cases/${id}`, undefined, signal),
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
    mutationFn: (input: Medal50Recommend) => api.post<Medal50CaseDetail>('/honors/medal50/cases', input),
    meta: { handlesErrors: true },
  });
}

/** 审核 a case with the 纪检监察 opinion; a refusal ends it as 审核未通过. Errors are left to the caller. */
export function useReviewMedal50() {
  const invalidate = useRefreshHonors();
  return useMutation({
    mutationFn: ({ id, input }: { id: number; input: Medal50Review }) =>
      api.post<Medal50CaseDetail>(`/honors/medal50/cases/${id}/review`, input),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

/** 颁发 the medal of a reviewed case. Errors are left to the caller. */
export function useAwardMedal50() {
  const invalidate = useRefreshHonors();
  return useMutation({
    mutationFn: ({ id, date }: { id: number; date: string }) => api.post<Medal50CaseDetail>(`/honors/medal50/cases/${id}/award`, { date }),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

/** Commendations of an org's subtree, newest year first; disabled until the org is known. */
export function useCommendations(params: CommendationListParams) {
  return useQuery({
    queryKey: honorKeys.commendations(params),
    queryFn: ({ signal }) => api.get<{ items: Commendation[]; total: number }>('/honors/commendations', { ...params }, signal),
    placeholderData: keepPreviousData,
    enabled: params.orgId !== undefined,
  });
}

/** Records a commendation. Errors are left to the caller (the form shows a refused field at that field). */
export function useCreateCommendation() {
  const invalidate = useRefreshHonors();
  return useMutation({
    mutationFn: (input: CommendationCreate) => api.post<Commendation>('/honors/commendations', input),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

/** One member's honours, for the member drawer. A failure is shown in the drawer. */
export function useMemberHonors(memberId: number) {
  return useQuery({
    queryKey: honorKeys.ofMember(memberId),
    queryFn: ({ signal }) => api.get<MemberHonors>(`/members/${memberId}/honors`, undefined, signal),
    meta: { handlesErrors: true },
  });
}
