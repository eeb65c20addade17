/**
 * 组织生活: the meetings a branch records (三会一课, 主题党日, 组织生活会, 民主评议, 谈心谈话), their
 * attendance and files, and the compliance scan (what a branch owes, and the township roll-ups of
 * the nightly snapshot).
 */
import type { ComplianceFinding, MeetingCreate, MeetingType, OrgType } from '@jishi/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl, type Page } from '../../shared/api-client';

export type MeetingStatus = 'planned' | 'held';

/** One meeting as the lists show it. */
export interface Meeting {
  id: number;
  orgId: number;
  orgName: string;
  type: MeetingType;
  status: MeetingStatus;
  date: string;
  place: string | null;
  host: string | null;
  topic: string | null;
  minutes: string | null;
  decisions: string | null;
  /** 应到 and 实到; null when attendance was not recorded (or the meeting is only planned). */
  shouldAttend: number | null;
  present: number | null;
  /** Why the meeting is not valid (no quorum): it does not count in the compliance calendar. */
  quorumProblem: string | null;
  /** The 党小组 of a 党小组会. */
  groupId: number | null;
  /** Number of files kept with it. */
  attachments: number;
  /** May this reader record it as held and attach files? */
  abilities: { canManage: boolean };
}

/** One person recorded at a meeting: present, or absent with the reason. */
export interface MeetingPerson {
  memberId: number;
  name: string;
  present: boolean;
  absenceReason: string | null;
}

/** A sign-in sheet photo or a PDF kept with a meeting. */
export interface Attachment {
  id: number;
  meetingId: number;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  createdAt: string;
}

/** A meeting with who was there and its files. */
export interface MeetingDetail extends Meeting {
  people: MeetingPerson[];
  files: Attachment[];
}

/** What an org owes for a year, computed live: each finding has a fixed code and its period. */
export interface OrgCompliance {
  org: { id: number; name: string };
  year: number;
  /** Meetings the calendar required in the periods ended so far, and how many are missing. */
  meetingsRequired: number;
  meetingsOwed: number;
  items: ComplianceFinding[];
}

/** One row of the township roll-up: an org (the one asked about, or a child) counted over its subtree. */
export interface ComplianceRollup {
  orgId: number;
  name: string;
  type: OrgType;
  branches: number;
  branchesBehind: number;
  meetingsRequired: number;
  meetingsOwed: number;
  termsOverdue: number;
  termsDueSoon: number;
  termsUnrecorded: number;
  setupProblems: number;
}

/** The roll-up of the nightly snapshot: the org itself first, then its children. */
export interface ComplianceSummary {
  org: { id: number; name: string };
  year: number;
  /** The day the snapshot was taken; null before the first scan. */
  asOf: string | null;
  items: ComplianceRollup[];
}

/** A branch with findings in the snapshot. */
export interface BranchCompliance {
  orgId: number;
  name: string;
  parentName: string | null;
  meetingsRequired: number;
  meetingsOwed: number;
  findings: ComplianceFinding[];
}

export interface BranchComplianceParams {
  orgId?: number;
  year: number;
  code?: string;
  page: number;
  pageSize: number;
}

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
    queryFn: ({ signal }): Promise<Meeting[]> => api.get<{ items: Meeting[] }>('/meetings', { orgId, year }, signal).then((r) => r.items),
    placeholderData: keepPreviousData,
    enabled: orgId !== undefined,
  });
}

/** One meeting with its people and files; disabled while `id` is undefined. A failure is shown in the drawer. */
export function useMeeting(id: number | undefined) {
  return useQuery({
    queryKey: meetingKeys.detail(id ?? 0),
    queryFn: ({ signal }) => api.get<MeetingDetail>(`/meetings/${id}`, undefined, signal),
    enabled: id !== undefined,
    meta: { handlesErrors: true },
  });
}

/** What an org owes for `year`, as of today; disabled until the org is known. */
export function useCompliance(orgId: number | undefined, year: number) {
  return useQuery({
    queryKey: meetingKeys.compliance(orgId, year),
    queryFn: ({ signal }) => api.get<OrgCompliance>(`/orgs/${orgId}/compliance`, { year }, signal),
    placeholderData: keepPreviousData,
    enabled: orgId !== undefined,
  });
}

/** The roll-up of an org and its children from the nightly snapshot; disabled until the org is known. */
export function useComplianceSummary(orgId: number | undefined, year: number) {
  return useQuery({
    queryKey: meetingKeys.summary(orgId, year),
    queryFn: ({ signal }) => api.get<ComplianceSummary>('/compliance/summary', { orgId, year }, signal),
    placeholderData: keepPreviousData,
    enabled: orgId !== undefined,
  });
}

/** One page of the branches with findings beneath an org (optionally one code), most owed first. */
export function useComplianceBranches(params: BranchComplianceParams) {
  return useQuery({
    queryKey: meetingKeys.branches(params),
    queryFn: ({ signal }) => api.get<Page<BranchCompliance>>('/compliance/branches', { ...params }, signal),
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
    mutationFn: (input: MeetingCreate) => api.post<Meeting>('/meetings', input),
    onSuccess: refresh,
    meta: { handlesErrors: true },
  });
}

/** Keeps one photo or PDF with a meeting (multipart field `file`). Errors are left to the caller. */
export function useUploadAttachment() {
  const refresh = useRefreshMeetings();
  return useMutation({
    mutationFn: ({ meetingId, file }: { meetingId: number; file: Blob }) =>
      api.upload<Attachment>(`/meetings/${meetingId}/attachments`, file),
    onSuccess: refresh,
    meta: { handlesErrors: true },
  });
}
