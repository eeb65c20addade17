/** Indicator reads for the dashboard: every figure for one org and date, and one figure over its children. */
import { parseYuan } from '@jishi/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ApiSchema, apiClient, bodyOf } from '../../shared/api-client';
import { moneyFigure } from '../../shared/money';

/** One figure computed for an org's subtree on a date; indicators that split a total share a `group`. */
export type IndicatorValue = ApiSchema<'IndicatorValue'>;

/** A figure: a number, or money as a yuan decimal string (`"60192858.98"`, unit 元). */
export type Figure = IndicatorValue extends infer V ? (V extends { kind: infer K; value: infer X } ? { kind: K; value: X } : never) : never;

/** A figure as text with its unit: money in 元 or 万元 with thousands separators, never a float. */
export const figureText = (f: Figure, unit: string): { value: string; unit: string } =>
  f.kind === 'money' ? moneyFigure(f.value) : { value: String(f.value), unit };

/** A figure as a number to sort and chart by (money in fen, an integer). */
export const figureAmount = (f: Figure): number => (f.kind === 'money' ? (parseYuan(f.value) ?? 0) : f.value);

/** One indicator over the org's children. */
export type IndicatorBreakdown = ApiSchema<'IndicatorBreakdown'>;

/** One child of the org with the indicator computed over its own subtree (`value` of the indicator's kind). */
export type IndicatorChildValue = IndicatorBreakdown['items'][number];

/** A breakdown value with its indicator's kind. */
export const figureOf = (kind: Figure['kind'], value: number | string): Figure =>
  kind === 'money' ? { kind, value: String(value) } : { kind, value: Number(value) };

/** Every indicator for `orgId` on `date`. */
export function useIndicators(orgId: number | undefined, date: string) {
  return useQuery({
    queryKey: ['indicators', 'snapshot', orgId, date],
    queryFn: ({ signal }) => bodyOf(apiClient.GET('/api/v1/indicators', { params: { query: { orgId, date } }, signal })),
    enabled: orgId !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** Indicator `id` for each child of `orgId` on `date`. */
export function useIndicatorBreakdown(id: string | undefined, orgId: number | undefined, date: string) {
  return useQuery({
    queryKey: ['indicators', 'breakdown', id, orgId, date],
    queryFn: ({ signal }) =>
      bodyOf(apiClient.GET('/api/v1/indicators/{id}', { params: { path: { id: id ?? '' }, query: { orgId, date, by: 'child' } }, signal })),
    enabled: id !== undefined && orgId !== undefined,
    placeholderData: keepPreviousData,
  });
}
