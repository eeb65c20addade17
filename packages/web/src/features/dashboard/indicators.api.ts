/** Indicator reads for the dashboard: every figure for one org and date, and one figure over its children. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api-client';

/** One figure computed for an org's subtree on a date. */
export interface IndicatorValue {
  id: string;
  name: string;
  value: number;
  unit: string;
  /** Indicators that split a total (`org_type`, `org_domain`) share a group; headline figures have none. */
  group?: string | null;
}

export interface IndicatorSnapshot {
  org: { id: number; name: string };
  date: string;
  items: IndicatorValue[];
}

/** One child of the org with the indicator computed over its own subtree. */
export interface IndicatorChildValue {
  orgId: number;
  orgName: string;
  value: number;
  childCount: number;
}

export interface IndicatorBreakdown {
  indicator: { id: string; name: string; unit: string };
  org: { id: number; name: string };
  value: number;
  items: IndicatorChildValue[];
}

/** Every indicator for `orgId` on `date`. */
export function useIndicators(orgId: number | undefined, date: string) {
  return useQuery({
    queryKey: ['indicators', 'snapshot', orgId, date],
    queryFn: ({ signal }) => api.get<IndicatorSnapshot>('/indicators', { orgId, date }, signal),
    enabled: orgId !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** Indicator `id` for each child of `orgId` on `date`. */
export function useIndicatorBreakdown(id: string | undefined, orgId: number | undefined, date: string) {
  return useQuery({
    queryKey: ['indicators', 'breakdown', id, orgId, date],
    queryFn: ({ signal }) =>
      api.get<IndicatorBreakdown>(`/indicators/${encodeURIComponent(id ?? '')}`, { orgId, date, by: 'child' }, signal),
    enabled: id !== undefined && orgId !== undefined,
    placeholderData: keepPreviousData,
  });
}
