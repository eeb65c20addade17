/** The audit log: filtered pages, the Excel export link, and the hash-chain check. */
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, apiUrl, type Page } from '../../shared/api-client';

export const AUDIT_OUTCOMES = ['success', 'denied', 'failure'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** The one label table for audit outcomes. */
export const AUDIT_OUTCOME_LABELS: Record<AuditOutcome, string> = { success: '成功', denied: '拒绝', failure: '失败' };

/** One audit row: who did what to which record, when, and how it ended. */
export interface AuditEntry {
  /** A bigint on the server; may arrive as a string. */
  id: number | string;
  /** 序号: the row's gap-free place in the chain (the verifier names a break by it). */
  seq: number | string;
  at: string;
  actorName: string | null;
  actorRole: string | null;
  actorOrgId: number | null;
  actorOrgName: string | null;
  action: string;
  /** The action's Chinese name. */
  actionLabel: string;
  targetType: string | null;
  targetId: string | number | null;
  outcome: AuditOutcome;
  requestId: string | null;
  ip: string | null;
  detail: unknown;
}

/** Filters shared by the list and the export, named as the query string names them. */
export interface AuditFilters {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  outcome?: AuditOutcome;
}

/** What `/audit/verify` reports: whether every row's HMAC chains to the previous one, with no number missing. */
export interface AuditChainCheck {
  ok: boolean;
  checked: number;
  /** The 序号 of the first row that does not hold, or of the first one missing. */
  brokenAt?: number | string;
  /** The break is rows deleted, not a row altered. */
  missing?: boolean;
}

/** One page of the audit log, newest first. */
export function useAuditLog(filters: AuditFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['audit', filters, page, pageSize],
    queryFn: ({ signal }) => api.get<Page<AuditEntry>>('/audit', { ...filters, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

/** The export URL: the browser downloads the .xlsx itself, with the same filters as the list. */
export const auditExportUrl = (filters: AuditFilters): string => apiUrl('/audit/export', { ...filters });

/** Checks the whole chain on demand (it reads every row, so never automatically). */
export function useVerifyAuditChain() {
  return useMutation({ mutationFn: () => api.get<AuditChainCheck>('/audit/verify') });
}

/** The actions present in the log, with their Chinese names, for the filter. */
export function useAuditActions() {
  return useQuery({
    queryKey: ['audit', 'actions'],
    queryFn: ({ signal }) => api.get<{ items: { action: string; label: string }[] }>('/audit/actions', {}, signal),
    staleTime: 60_000,
  });
}
