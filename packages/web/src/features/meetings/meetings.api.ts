/**
 * 组织生活: the meetings a branch records (三会一课, 主题党日, 组织生活会, 民主评议, 谈心谈话), their
 * attendance and files, and the compliance scan (what a branch owes, and the township roll-ups of
 * the nightly snapshot).
 */
import type { MeetingCreate } from '@jishi/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiQuery, type ApiSchema, apiClient, apiUpload, apiUrl, bodyOf } from '../../shared/api-client';

/** One meeting as the lists show it, with what this reader may do with it. */
export type Meeting = ApiSchema<'Meeting'>;

export type MeetingStatus = Meeting['status'];

/** A meeting with who was there (present, or absent with the reason) and its files. */
export type MeetingDetail = ApiSchema<'MeetingDetail'>;

/** A sign-in sheet photo or a PDF kept with a meeting. */
export type Attachment = ApiSchema<'Attachment'>;

/** What an org owes for a year, computed live: each finding has a fixed code and its period. */
export type OrgCompliance = ApiSchema<'OrgCompliance'>;

/** One row of the township roll-up: an org (the one asked about, or a child) counted over its subtree. */
export type ComplianceRollup = ApiSchema<'ComplianceRollup'>;

/** A branch with findings in the snapshot. */
export type BranchCompliance = ApiSchema<'BranchCompliance'>;

/** The branch list's query; the org may not be chosen yet (the query then waits). */
export type BranchComplianceParams = Omit<ApiQuery<'/api/v1/compliance/branches'>, 'orgId'> & { orgId?: number };

/** Query keys: everything under `['meetings']`; a meeting, an election or a 党小组 changes what is owed. */
export const meetingKeys = {
  all: ['meetings'] as const,
  list: (orgId: number | undefined, year: number) => ['meetings', 'list', { orgId, year }] as const,
  detail: (id: number) => ['meetings', 'detail', id] as const,
  compliance: (orgId: number | undefined, year: number) => ['meetings', 'compliance', { orgId, year }] as const,
  summary: (orgId: number | undefined, year: number) => ['meetings', 'summary', { orgId, year }] as const,
  branches: (params: BranchComplianceParams) => ['meetings', 'branches', params] as const,
  committee: (orgId: number) => ['meetings', 'committee', orgId] as const,
};

/** The URL of a kept file: images open inline, PDFs download. */
export const attachmentUrl = (id: number): string => apiUrl(`/attachments/${id}`);

/** An org's meetings of one year, newest first; disabled until the org is known. */
export function useMeetings(orgId: number | undefined, year: number) {
  return useQuery({
    queryKey: meetingKeys.list(orgId, year),
    queryFn: async ({ signal }) =>
      (await bodyOf(apiClient.GET('/api/v1/meetings', { params: { query: { orgId: orgId ?? 0, year } }, signal }))).items,
    placeholderData: keepPreviousData,
    enabled: orgId !== undefined,
  });
}

/** One meeting with its people and files; disabled while `id` is undefined. A failure is shown in the drawer. */
export function useMeeting(id: number | undefined) {
  return useQuery({
    queryKey: meetingKeys.detail(id ?? 0),
    queryFn: ({ signal }) => bodyOf(apiClient.GET('/api/v1/meetings/{id}', { params: { path: { id: id ?? 0 } }, signal })),
    enabled: id !== undefined,
    meta: { handlesErrors: true },
  });
}

/** What an org owes for `year`, as of today; disabled until the org is known. */
export function useCompliance(orgId: number | undefined, year: number) {
  return useQuery({
    queryKey: meetingKeys.compliance(orgId, year),
    queryFn: ({ signal }) =>
      bodyOf(apiClient.GET('/api/v1/orgs/{id}/compliance', { params: { path: { id: orgId ?? 0 }, query: { year } }, signal })),
    placeholderData: keepPreviousData,
    enabled: orgId !== undefined,
  });
}

/** The roll-up of an org and its children from the nightly snapshot; disabled until the org is known. */
export function useComplianceSummary(orgId: number | undefined, year: number) {
  return useQuery({
    queryKey: meetingKeys.summary(orgId, year),
    queryFn: ({ signal }) =>
      bodyOf(apiClient.GET('/api/v1/compliance/summary', { params: { query: { orgId: orgId ?? 0, year } }, signal })),
    placeholderData: keepPreviousData,
    enabled: orgId !== undefined,
  });
}

/** One page of the branches with findings beneath an org (optionally one code), most owed first. */
export function useComplianceBranches(params: BranchComplianceParams) {
  return useQuery({
    queryKey: meetingKeys.branches(params),
    queryFn: ({ signal }) =>
      bodyOf(apiClient.GET('/api/v1/compliance/branches', { params: { query: { ...params, orgId: params.orgId ?? 0 } }, signal })),
    placeholderData: keepPreviousData,
    enabled: params.orgId !== undefined,
  });
}

/** Refreshes meetings, compliance and roll-ups (the server rescans the org on every change). */
export const useRefreshMeetings = () => {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: meetingKeys.all });
};

/** Records a meeting. Errors are left to the caller (the form shows a refused field at that field). */
export function useCreateMeeting() {
  const refresh = useRefreshMeetings();
  return useMutation({
    mutationFn: (input: MeetingCreate) => bodyOf(apiClient.POST('/api/v1/meetings', { body: input })),
    onSuccess: refresh,
    meta: { handlesErrors: true },
  });
}

/** Keeps one photo or PDF with a meeting (multipart field `file`). Errors are left to the caller. */
export function useUploadAttachment() {
  const refresh = useRefreshMeetings();
  return useMutation({
    // A multipart upload: the contract types its answer, the body is the file.
    mutationFn: ({ meetingId, file }: { meetingId: number; file: Blob }) =>
      apiUpload<Attachment>(`/meetings/${meetingId}/attachments`, file),
    onSuccess: refresh,
    meta: { handlesErrors: true },
  });
}
