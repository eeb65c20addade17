/**
 * 党费: the calculator, a member's year (what is owed each month and why, what was paid, arrears),
 * one's own dues, a branch's 台账 and yearly statement with its Excel export, 核定 and 交纳. Amounts
 * arrive as yuan decimal strings (`"12.50"`; shared/money's `fenOf` for sums); the forms send yuan,
 * as the domain schemas take it.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiBody, type ApiSchema, apiClient, apiUrl, bodyOf } from '../../shared/api-client';
import { memberKeys } from '../members/members.api';

/** What the calculator sends: the category and, for 在职/离退休, the monthly base in yuan. */
export type DuesCalculationInput = ApiBody<'/api/v1/dues/calculate', 'post'>;

/** The calculator's answer: the monthly amount, the rate on the whole base (null for a fixed amount) and the rule in words. */
export type DuesCalculation = ApiSchema<'DuesCalculation'>;

/** One 核定: the monthly amount from a month on, with the rule that gave it and any approved reduction. */
export type DuesAssessment = ApiSchema<'DuesAssessment'>;

/** One recorded payment for a range of months. */
export type DuesPayment = ApiSchema<'DuesPayment'>;

/** A payment just recorded; `note` says where a voluntary payment of 1000 元 or more goes. */
export type RecordedDuesPayment = ApiSchema<'RecordedDuesPayment'>;

/** Where one member stands for a year. */
export type MemberDues = ApiSchema<'MemberDues'>;

/** One month of a member's year: due (null before joining or before the first 核定) and the payment covering it. */
export type DuesMonth = MemberDues['months'][number];

/** One member of a branch's 台账. */
export type DuesRosterItem = ApiSchema<'DuesRosterItem'>;

/** The yearly statement a branch publishes to its members. */
export type DuesStatement = ApiSchema<'DuesStatement'>;

/** One month of the yearly statement. */
export type DuesStatementMonth = DuesStatement['months'][number];

/** What 核定 sends (yuan amounts, as `duesAssessSchema` takes them). */
export type DuesAssessInput = ApiBody<'/api/v1/dues/assessments', 'post'>;

/** What 登记交纳 sends (the voluntary extra in yuan, as `duesPaySchema` takes it). */
export type DuesPayInput = ApiBody<'/api/v1/dues/payments', 'post'>;

/**
 * Query keys, under `['members']`: dues are computed from the roll, so a change to the roll (a
 * member joining, leaving or moving) refreshes them too.
 */
export const duesKeys = {
  all: [...memberKeys.all, 'dues'] as const,
  calculate: (input: DuesCalculationInput) => ['dues-calculate', input] as const,
  ofMember: (memberId: number, year: number) => [...memberKeys.all, 'dues', 'member', memberId, year] as const,
  mine: (year: number) => [...memberKeys.all, 'dues', 'mine', year] as const,
  roster: (orgId: number | undefined, year: number) => [...memberKeys.all, 'dues', 'roster', { orgId, year }] as const,
  statement: (orgId: number | undefined, year: number) => [...memberKeys.all, 'dues', 'statement', { orgId, year }] as const,
};

/**
 * The monthly dues for a category and base, as the server's rule and settings give them; disabled
 * while `input` is undefined (not yet valid). Nothing is written, so it is a query.
 */
export function useDuesCalculation(input: DuesCalculationInput | undefined) {
  return useQuery({
    queryKey: duesKeys.calculate(input ?? { category: 'farmer' }),
    queryFn: () => bodyOf(apiClient.POST('/api/v1/dues/calculate', { body: input ?? { category: 'farmer' } })),
    enabled: input !== undefined,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

/** One member's dues for a year; disabled while `memberId` is undefined. A failure is shown where it is used. */
export function useMemberDues(memberId: number | undefined, year: number) {
  return useQuery({
    queryKey: duesKeys.ofMember(memberId ?? 0, year),
    queryFn: ({ signal }) =>
      bodyOf(apiClient.GET('/api/v1/members/{id}/dues', { params: { path: { id: memberId ?? 0 }, query: { year } }, signal })),
    enabled: memberId !== undefined,
    placeholderData: keepPreviousData,
    meta: { handlesErrors: true },
  });
}

/**
 * The signed-in member's own dues for a year. A 404 (the account is not linked to a member) is an
 * answer: the page shows the server's message.
 */
export function useMyDues(year: number) {
  return useQuery({
    queryKey: duesKeys.mine(year),
    queryFn: ({ signal }) => bodyOf(apiClient.GET('/api/v1/me/dues', { params: { query: { year } }, signal })),
    placeholderData: keepPreviousData,
    meta: { handlesErrors: true },
  });
}

/** A branch's 台账 for a year (its own roll, not its subtree); disabled until the org is known. */
export function useDuesRoster(orgId: number | undefined, year: number) {
  return useQuery({
    queryKey: duesKeys.roster(orgId, year),
    queryFn: async ({ signal }) =>
      (await bodyOf(apiClient.GET('/api/v1/dues/roster', { params: { query: { orgId: orgId ?? 0, year } }, signal }))).items,
    enabled: orgId !== undefined,
    placeholderData: (previous) => previous,
  });
}

/** A branch's yearly statement; disabled until the org is known. */
export function useDuesStatement(orgId: number | undefined, year: number) {
  return useQuery({
    queryKey: duesKeys.statement(orgId, year),
    queryFn: ({ signal }) => bodyOf(apiClient.GET('/api/v1/dues/statement', { params: { query: { orgId: orgId ?? 0, year } }, signal })),
    enabled: orgId !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** The export URL: the browser downloads the statement's .xlsx itself (the server audits the export). */
export const duesStatementExportUrl = (orgId: number, year: number): string => apiUrl('/dues/statement/export', { orgId, year });

/** Refreshes every dues figure and the indicators computed from them. */
const useInvalidateDues = () => {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: duesKeys.all }), queryClient.invalidateQueries({ queryKey: ['indicators'] })]);
};

/** 核定: a member's monthly dues from a month on. Errors are left to the caller (the form shows a refused field at that field). */
export function useAssessDues() {
  const invalidate = useInvalidateDues();
  return useMutation({
    mutationFn: (input: DuesAssessInput) => bodyOf(apiClient.POST('/api/v1/dues/assessments', { body: input })),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

/** 登记交纳 for a range of months; the server computes the amount. Errors are left to the caller. */
export function usePayDues() {
  const invalidate = useInvalidateDues();
  return useMutation({
    mutationFn: (input: DuesPayInput) => bodyOf(apiClient.POST('/api/v1/dues/payments', { body: input })),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}
