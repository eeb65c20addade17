/**
 * 党员名册: list, detail, create, edit, 减少, the audited reveal of the full ID number or phone, and
 * the Excel import (all rows or none), its annotated error sheet, and the export link.
 */
import type { MemberCreate, MemberUpdate } from '@jishi/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type ApiBody,
  type ApiQuery,
  type ApiSchema,
  apiClient,
  apiUpload,
  apiUploadForFile,
  apiUrl,
  bodyOf,
  isApiError,
} from '../../shared/api-client';

/** A member as the server presents it: ID number and phone masked, party age computed for today. */
export type Member = ApiSchema<'Member'>;

export type Gender = Member['gender'];
export type MemberStatus = Member['status'];

/** Longest search text the server accepts. */
export const MAX_MEMBER_QUERY = 40;

type MemberQuery = ApiQuery<'/api/v1/members'>;

/**
 * The roll's filters and page. `q` is a name fragment, pinyin or a whole ID number (exact match);
 * `ageBand` and `partyAgeBand` count on today (a 预备党员 has no 党龄); `includeExited` as the
 * checkbox holds it.
 */
export type MemberListParams = Omit<MemberQuery, 'includeExited' | 'page' | 'pageSize'> & {
  includeExited?: boolean;
  page: number;
  pageSize: number;
};

/** The list's query string: `includeExited` only when ticked. */
const memberQuery = <P extends { includeExited?: boolean }>({ includeExited, ...rest }: P) => ({
  ...rest,
  includeExited: includeExited ? ('true' as const) : undefined,
});

/** The two fields that are stored sealed and shown masked. */
export type RevealField = ApiBody<'/api/v1/members/{id}/reveal', 'post'>['field'];

/** Query keys: everything under `['members']`, so one invalidation refreshes lists, details and
 * the honor lists computed from the roll (`honors.api.ts` keys its lists under it too). */
export const memberKeys = {
  all: ['members'] as const,
  list: (params: MemberListParams) => ['members', 'list', params] as const,
  detail: (id: number) => ['members', 'detail', id] as const,
};

/**
 * One page of members in the caller's scope, pinyin-ordered; disabled until `enabled`. Counting
 * stops at a cap (2,000): beyond it `total` is the cap and `totalCapped` is set.
 */
export function useMembers(params: MemberListParams, enabled = true) {
  return useQuery({
    queryKey: memberKeys.list(params),
    queryFn: ({ signal }) => bodyOf(apiClient.GET('/api/v1/members', { params: { query: memberQuery(params) }, signal })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One member; disabled while `id` is undefined. */
export function useMember(id: number | undefined) {
  return useQuery({
    queryKey: memberKeys.detail(id ?? 0),
    queryFn: ({ signal }) => bodyOf(apiClient.GET('/api/v1/members/{id}', { params: { path: { id: id ?? 0 } }, signal })),
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
    mutationFn: (input: MemberCreate) => bodyOf(apiClient.POST('/api/v1/members', { body: input })),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

/** Changes the given fields (`null` clears); 减少 is `{ exitType, exitAt }`. Errors are left to the caller. */
export function useUpdateMember() {
  const invalidate = useInvalidateMembers();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: MemberUpdate }) =>
      bodyOf(apiClient.PATCH('/api/v1/members/{id}', { params: { path: { id } }, body: patch })),
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
      bodyOf(apiClient.POST('/api/v1/members/{id}/reveal', { params: { path: { id } }, body: { field, reason } })),
    gcTime: 0,
    meta: { handlesErrors: true },
  });
}

/** Filters of the list that the export repeats (no paging: the export holds every matching row). */
export type MemberExportFilters = Omit<MemberListParams, 'page' | 'pageSize'>;

/** The export URL: the browser downloads the .xlsx itself (ID and phone masked), with the list's filters. */
export const memberExportUrl = (filters: MemberExportFilters): string => apiUrl('/members/export', memberQuery(filters));

/** The import template (.xlsx with the column headers and a 填写说明 sheet). */
export const memberImportTemplateUrl = (): string => apiUrl('/members/import/template');

/** What a successful import reports. */
export type ImportResult = ApiSchema<'MemberImportResult'>;

/** One refused cell of an import: the Excel row number, the column header and why. */
export type ImportRowError = ImportResult['errors'][number];

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
    mutationFn: (file: Blob) => apiUpload<ImportResult>('/members/import', file),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

/** Re-sends a refused sheet and returns it with an 错误说明 column marking each bad row; writes nothing. */
export function useAnnotateImport() {
  return useMutation({
    mutationFn: (file: Blob) => apiUploadForFile('/members/import/annotate', file, '党员名册-错误说明.xlsx'),
  });
}
