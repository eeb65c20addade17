/**
 * 党员名册: list, detail, create, edit, 减少, the audited reveal of the full ID number or phone, and
 * the Excel import (all rows or none), its annotated error sheet, and the export link.
 */
import type { AgeBandId, ExitType, MemberCreate, MemberUpdate, Occupation, PartyAgeBandId } from '@jishi/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl, isApiError, type Page } from '../../shared/api-client';

export type Gender = 'male' | 'female';
export type MemberStatus = 'probationary' | 'full';

/** A member as the server presents it: ID number and phone masked, party age computed for today. */
export interface Member {
  id: number;
  orgId: number;
  orgName: string;
  name: string;
  gender: Gender;
  ethnicity: string;
  birthDate: string;
  age: number;
  /** Masked: `150502********0010`. */
  idNumber: string;
  /** Masked (`138****1234`), or null when none is on record. */
  phone: string | null;
  education: string | null;
  occupation: Occupation | null;
  joinedAt: string;
  fullMemberAt: string | null;
  status: MemberStatus;
  /** The 转正日期 for a full member, null while probationary (党龄 counts from it). */
  partyAgeSince: string | null;
  partyAgeYears: number;
  isFlowing: boolean;
  isInService: boolean;
  exitType: ExitType | null;
  exitAt: string | null;
  abilities: { canManage: boolean; canReveal: boolean };
}

/** Longest search text the server accepts. */
export const MAX_MEMBER_QUERY = 40;

export interface MemberListParams {
  orgId?: number;
  /** Name fragment, pinyin, or a whole ID number (exact match). */
  q?: string;
  status?: MemberStatus;
  gender?: Gender;
  ethnicity?: string;
  /** 年龄段 (AGE_BANDS), counted on today. */
  ageBand?: AgeBandId;
  /** 党龄段 (PARTY_AGE_BANDS): full members only, a 预备党员 has no 党龄. */
  partyAgeBand?: PartyAgeBandId;
  includeExited?: boolean;
  page: number;
  pageSize: number;
}

/** The two fields that are stored sealed and shown masked. */
export type RevealField = 'idNumber' | 'phone';

/** Query keys: everything under `['members']`, so one invalidation refreshes lists, details and
 * the honor lists computed from the roll (`honors.api.ts` keys its lists under it too). */
export const memberKeys = {
  all: ['members'] as const,
  list: (params: MemberListParams) => ['members', 'list', params] as const,
  detail: (id: number) => ['members', 'detail', id] as const,
};

/** One page of the roll. Counting stops at a cap (2,000): beyond it `total` is the cap and `totalCapped` is set. */
export interface MemberPage extends Page<Member> {
  totalCapped?: boolean;
}

/** One page of members in the caller's scope, pinyin-ordered; disabled until `enabled`. */
export function useMembers(params: MemberListParams, enabled = true) {
  return useQuery({
    queryKey: memberKeys.list(params),
    queryFn: ({ signal }) => api.get<MemberPage>('/members', { ...params, includeExited: params.includeExited || undefined }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One member; disabled while `id` is undefined. */
export function useMember(id: number | undefined) {
  return useQuery({
    queryKey: memberKeys.detail(id ?? 0),
    queryFn: ({ signal }) => api.get<Member>(`/members/${id}`, undefined, signal),
    enabled: id !== undefined,
  });
}

/** Invalidates every member read and every figure computed over the roll. */
const useInvalidateMembers = () => {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: memberKeys.all }), queryClient.invalidateQueries({ queryKey: ['indicators'] })]);
};

/**
 * Registers a member in a branch. Errors are left to the caller (the form shows a refused field at
 * that field), except a lost session, which the request-error policy still handles.
 */
export function useCreateMember() {
  const invalidate = useInvalidateMembers();
  return useMutation({
    mutationFn: (input: MemberCreate) => api.post<Member>('/members', input),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

/** Changes the given fields (`null` clears); 减少 is `{ exitType, exitAt }`. Errors are left to the caller. */
export function useUpdateMember() {
  const invalidate = useInvalidateMembers();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: MemberUpdate }) => api.patch<Member>(`/members/${id}`, patch),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

/**
 * Reveals the full ID number or phone of a member, with a reason (audited; rate-limited per account).
 * The value is deliberately kept out of every cache: `gcTime: 0` drops the mutation as soon as nobody
 * observes it, and the caller holds the value only in component state. Errors are left to the caller.
 */
export function useRevealMember() {
  return useMutation({
    mutationFn: ({ id, field, reason }: { id: number; field: RevealField; reason: string }) =>
      api.post<{ field: RevealField; value: string }>(`/members/${id}/reveal`, { field, reason }),
    gcTime: 0,
    meta: { handlesErrors: true },
  });
}

/** Filters of the list that the export repeats (no paging: the export holds every matching row). */
export type MemberExportFilters = Omit<MemberListParams, 'page' | 'pageSize'>;

/** The export URL: the browser downloads the .xlsx itself (ID and phone masked), with the list's filters. */
export const memberExportUrl = (filters: MemberExportFilters): string =>
  apiUrl('/members/export', { ...filters, includeExited: filters.includeExited || undefined });

/** The import template (.xlsx with the column headers and a 填写说明 sheet). */
export const memberImportTemplateUrl = (): string => apiUrl('/members/import/template');

/** One refused cell of an import: the Excel row number, the column header and why. */
export interface ImportRowError {
  row: number;
  column: string;
  message: string;
}

/** What a successful import reports. */
export interface ImportResult {
  created: number;
  failed: number;
  errors: ImportRowError[];
}

/** A refused import as the page shows it: the server's message and, for a checked sheet, its errors by row. */
export interface ImportRefusal {
  message: string;
  /** Sorted by row; empty when the file itself could not be read (not an .xlsx, too large…). */
  errors: ImportRowError[];
  /** All errors found; the server lists at most the first 1000. */
  errorCount: number;
}

/** Reads an import failure: the row errors the server listed in `details.errors`, when there are any. */
export const importRefusalOf = (error: unknown): ImportRefusal => {
  if (!isApiError(error)) return { message: '导入失败，请稍后重试', errors: [], errorCount: 0 };
  const details = error.details as { errors?: unknown; errorCount?: unknown } | undefined;
  const errors = Array.isArray(details?.errors) ? (details.errors as ImportRowError[]).slice().sort((a, b) => a.row - b.row) : [];
  const errorCount = typeof details?.errorCount === 'number' ? details.errorCount : errors.length;
  return { message: error.message, errors, errorCount };
};

/**
 * Imports a member sheet: the server checks every row and writes all or none. Errors are left to
 * the caller (the import dialog lists them by row and column).
 */
export function useImportMembers() {
  const invalidate = useInvalidateMembers();
  return useMutation({
    mutationFn: (file: Blob) => api.upload<ImportResult>('/members/import', file),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

/** Re-sends a refused sheet and returns it with an 错误说明 column marking each bad row; writes nothing. */
export function useAnnotateImport() {
  return useMutation({
    mutationFn: (file: Blob) => api.uploadForFile('/members/import/annotate', file, '党员名册-错误说明.xlsx'),
  });
}
