/** Indicator reads for the dashboard: every figure for one org and date, and one figure over its children. */
import { parseYuan } from '@jishi/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api-client';
import { moneyFigure } from '../../shared/money';

/** A figure: a number, or money as a yuan decimal string (`"60192858.98"`, unit 元). */
export type Figure = { kind: 'number'; value: number } | { kind: 'money'; value: string };

/** One figure computed for an org's subtree on a date. */
export type IndicatorValue = Figure & {
  id: string;
  name: string;
  unit: string;
  /** Indicators that split a total (`org_type`, `org_domain`) share a group; headline figures have none. */
  group?: string | null;
};

/** A figure as text with its unit: money in 元 or 万元 with thousands separators, never a float. */
export const figureText = (f: Figure, unit: string): { value: string; unit: string } =>
  f.kind === 'money' ? moneyFigure(f.value) : { value: String(f.value), unit };

/** A figure as a number to sort and chart by (money in fen, an integer). */
export const figureAmount = (f: Figure): number => (f.kind === 'money' ? (parseYuan(f.value) ?? 0) : f.value);

export interface IndicatorSnapshot {
  org: { id: number; name: string };
  date: string;
  items: IndicatorValue[];
}

/** One child of the org with the indicator computed over its own subtree (`value` of the indicator's kind). */
export interface IndicatorChildValue {
  orgId: number;
  orgName: string;
  value: number | string;
  childCount: number;
}

export interface IndicatorBreakdown {
  indicator: { id: string; name: string; unit: string; kind: Figure['kind'] };
  org: { id: number; name: string };
  value: number | string;
  items: IndicatorChildValue[];
}

/** A breakdown value with its indicator's kind. */
export const figureOf = (kind: Figure['kind'], value: number | string): Figure =>
  kind === 'money' ? { kind, value: String(value) } : { kind, value: Number(value) };

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
