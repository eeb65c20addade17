/**
 * 党费: the calculator, a member's year (what is owed each month and why, what was paid, arrears),
 * one's own dues, a branch's 台账 and yearly statement with its Excel export, 核定 and 交纳. Money
 * travels as integer fen; the forms send yuan, as the domain schemas take it.
 */
import type { DuesCategory, DuesMethod } from '@jishi/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl } from '../../shared/api-client';
import { memberKeys } from '../members/members.api';

/** What the calculator sends: the category and, for 在职/离退休, the monthly base in yuan. */
export interface DuesCalculationInput {
  category: DuesCategory;
  monthlyBase?: number;
}

/** The calculator's answer: the monthly amount, the rate on the whole base (null for a fixed amount) and the rule in words. */
export interface DuesCalculation {
  /** Yuan as a decimal string (`"15.00"`). */
  amount: string;
  amountFen: number;
  rate: number | null;
  basis: string;
}

/** One 核定: the monthly amount from a month on, with the rule that gave it and any approved reduction. */
export interface DuesAssessment {
  id: number;
  memberId: number;
  /** `YYYY-MM`. */
  effectiveFrom: string;
  category: DuesCategory;
  /** The monthly base (工资收入 or 离退休费), for 在职/离退休 only. */
  baseFen: number | null;
  /** What the rule gives. */
  calculatedFen: number;
  /** What is due: lower than `calculatedFen` after an approved 少交/免交. */
  amountFen: number;
  basis: string;
  reductionReason: string | null;
  reductionApprovedByName: string | null;
}

/** One recorded payment for a range of months. */
export interface DuesPayment {
  id: number;
  memberId: number;
  fromMonth: string;
  toMonth: string;
  /** The months' assessed amounts, computed by the server. */
  amountFen: number;
  /** Paid beyond the dues, voluntarily (规定第十一条). */
  voluntaryFen: number;
  paidAt: string;
  method: DuesMethod;
  receiptNo: string | null;
  collectedBy: string | null;
}

/** A payment just recorded; `note` says where a voluntary payment of 1000 元 or more goes. */
export interface RecordedDuesPayment extends DuesPayment {
  note: string | null;
}

/** One month of a member's year: due (null before joining or before the first 核定) and the payment covering it. */
export interface DuesMonth {
  month: string;
  dueFen: number | null;
  paymentId: number | null;
}

/** Arrears on today: the months owed up to last month, the unpaid run ending last month, and the branch's reminder. */
export interface DuesArrears {
  owedMonths: string[];
  streak: number;
  owedFen: number;
  warning: string | null;
}

/** Where one member stands for a year. */
export interface MemberDues {
  member: { id: number; name: string; orgId: number };
  /** The 核定 in effect this month, or null. */
  current: DuesAssessment | null;
  assessments: DuesAssessment[];
  months: DuesMonth[];
  /** Payments touching the year. */
  payments: DuesPayment[];
  arrears: DuesArrears;
}

/** One member of a branch's 台账. */
export interface DuesRosterItem {
  memberId: number;
  name: string;
  status: 'probationary' | 'full';
  current: DuesAssessment | null;
  paidThisYearFen: number;
  owedMonths: number;
  owedFen: number;
  streak: number;
  /** The follow-up or 自行脱党 reminder, or 尚未核定; a reminder for the branch, never an automatic removal. */
  warning: string | null;
}

/** One month of the yearly statement. */
export interface DuesStatementMonth {
  month: string;
  members: number;
  dueFen: number;
  paidFen: number;
  payers: number;
}

/** The yearly statement a branch publishes to its members. */
export interface DuesStatement {
  org: { id: number; name: string };
  year: number;
  months: DuesStatementMonth[];
  voluntaryFen: number;
  /** One-off voluntary payments of 1000 元 or more: passed on in full to the 中央. */
  largeFen: number;
  collectedFen: number;
}

/** What 核定 sends (yuan amounts, as `duesAssessSchema` takes them). */
export interface DuesAssessInput {
  memberId: number;
  effectiveFrom: string;
  category: DuesCategory;
  monthlyBase?: number;
  reducedAmount?: number;
  reductionReason?: string;
  reductionApprovedBy?: number;
}

/** What 登记交纳 sends (the voluntary extra in yuan, as `duesPaySchema` takes it). */
export interface DuesPayInput {
  memberId: number;
  fromMonth: string;
  toMonth: string;
  paidAt: string;
  method: DuesMethod;
  receiptNo?: string;
  collectedBy?: string;
  voluntary?: number;
}

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
    queryFn: () => api.post<DuesCalculation>('/dues/calculate', input),
    enabled: input !== undefined,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

/** One member's dues for a year; disabled while `memberId` is undefined. A failure is shown where it is used. */
export function useMemberDues(memberId: number | undefined, year: number) {
  return useQuery({
    queryKey: duesKeys.ofMember(memberId ?? 0, year),
    queryFn: ({ signal }) => api.get<MemberDues>(`/members/${memberId}/dues`, { year }, signal),
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
    queryFn: ({ signal }) => api.get<MemberDues>('/me/dues', { year }, signal),
    placeholderData: keepPreviousData,
    meta: { handlesErrors: true },
  });
}

/** A branch's 台账 for a year (its own roll, not its subtree); disabled until the org is known. */
export function useDuesRoster(orgId: number | undefined, year: number) {
  return useQuery({
    queryKey: duesKeys.roster(orgId, year),
    queryFn: ({ signal }) => api.get<{ items: DuesRosterItem[] }>('/dues/roster', { orgId, year }, signal).then((r) => r.items),
    enabled: orgId !== undefined,
    placeholderData: (previous) => previous,
  });
}

/** A branch's yearly statement; disabled until the org is known. */
export function useDuesStatement(orgId: number | undefined, year: number) {
  return useQuery({
    queryKey: duesKeys.statement(orgId, year),
    queryFn: ({ signal }) => api.get<DuesStatement>('/dues/statement', { orgId, year }, signal),
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
    mutationFn: (input: DuesAssessInput) => api.post<DuesAssessment>('/dues/assessments', input),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

/** 登记交纳 for a range of months; the server computes the amount. Errors are left to the caller. */
export function usePayDues() {
  const invalidate = useInvalidateDues();
  return useMutation({
    mutationFn: (input: DuesPayInput) => api.post<RecordedDuesPayment>('/dues/payments', input),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}
