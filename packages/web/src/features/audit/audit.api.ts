/** The audit log: filtered pages, the Excel export link, and the hash-chain check. */
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { type ApiQuery, type ApiSchema, apiClient, apiUrl, bodyOf } from '../../shared/api-client';

/** One audit row: who did what to which record, when, and how it ended. */
export type AuditEntry = ApiSchema<'AuditEntry'>;

export type AuditOutcome = AuditEntry['outcome'];

/** Every outcome, in the order the filter offers them. */
export const AUDIT_OUTCOMES = ['success', 'denied', 'failure'] as const satisfies readonly AuditOutcome[];

/** The one label table for audit outcomes. */
export const AUDIT_OUTCOME_LABELS: Record<AuditOutcome, string> = { success: '成功', denied: '拒绝', failure: '失败' };

/** Filters shared by the list and the export, named as the query string names them. */
export type AuditFilters = ApiQuery<'/api/v1/audit/export'>;

/** What `/audit/verify` reports: whether every row's HMAC chains to the previous one, with no number missing. */
export type AuditChainCheck = ApiSchema<'AuditChainCheck'>;

/** One page of the audit log, newest first. */
export function useAuditLog(filters: AuditFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['audit', filters, page, pageSize],
    queryFn: ({ signal }) => bodyOf(apiClient.GET('/api/v1/audit', { params: { query: { ...filters, page, pageSize } }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** The export URL: the browser downloads the .xlsx itself, with the same filters as the list. */
export const auditExportUrl = (filters: AuditFilters): string => apiUrl('/audit/export', { ...filters });

/** Checks the whole chain on demand (it reads every row, so never automatically). */
export function useVerifyAuditChain() {
  return useMutation({ mutationFn: () => bodyOf(apiClient.GET('/api/v1/audit/verify')) });
}

/** The actions present in the log, with their Chinese names, for the filter. */
export function useAuditActions() {
  return useQuery({
    queryKey: ['audit', 'actions'],
    queryFn: ({ signal }) => bodyOf(apiClient.GET('/api/v1/audit/actions', { signal })),
    staleTime: 60_000,
  });
}
