/**
 * 评星定级: schemes (a year's rules of one programme), rounds run on them, each org's entry moving
 * through the round's steps (自评 → 测评 → 比武 → 评定 → 审定 → 公示), the finance office's subsidy
 * list, an org's published results, and the public 测评 page's two calls.
 */
import type {
  Criterion,
  Level,
  Method,
  OrgDomain,
  OrgType,
  Programme,
  Rating,
  ReviewInput,
  RoundCreate,
  RoundStep,
  Scheme,
  SchemeInput,
  SelfAssessment,
  StepKind,
  Tally,
} from '@jishi/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl, type Page } from '../../shared/api-client';

/** A flag of 「五面红旗」 (or any named distinction a scheme awards). */
export interface FlagDef {
  key: string;
  name: string;
}

/** A scheme as the server presents it: its definition plus where it was made and whether it is in use. */
export type SchemeView = Scheme & {
  id: number;
  /** This reader may edit it (it belongs to an org they manage); others may copy it as their own. */
  canManage: boolean;
  orgId: number;
  orgName: string;
  /** The scheme it was copied from (an earlier year's). */
  copiedFrom: number | null;
  /** Rounds started on it; a scheme in use is `locked` (copy it forward instead of editing). */
  rounds: number;
  locked: boolean;
};

/** A round: the scheme's steps with this round's windows, and the scheme's levels and flags. */
export interface Round {
  id: number;
  schemeId: number;
  orgId: number;
  orgName: string;
  name: string;
  programme: Programme;
  year: number;
  /** 公示 has no window of its own: it runs `publicityDays` from each entry's approval. */
  steps: RoundStep[];
  publicityDays: number;
  levels: Level[];
  flags: FlagDef[];
  topQuotaPercent: number | null;
  subsidyPerFlagFen: number | null;
  /** Whether this reader runs the round's 审定 and 发布 (each entry says whether it may be approved now). */
  abilities: { canApprove: boolean };
}

/** A round in the list: how many entries the reader sees, and how many of them are published. */
export interface RoundListItem extends Round {
  entries: number;
  final: number;
}

/** One group of judged results (at 公示 or later): by level, by rating, with the flags named. */
export interface RoundResultGroup {
  level: string | null;
  rating: Rating | null;
  n: number;
  flags: number;
}

/** The round's progress board, under the reader's scope. */
export interface RoundProgress {
  stages: { index: number; kind: StepKind; name: string; count: number }[];
  published: number;
  results: RoundResultGroup[];
}

export interface RoundDetail extends Round {
  progress: RoundProgress;
}

/** The judged result; hidden from the assessed org (and nulled) until 审定 ends. */
interface EntryResult {
  resultHidden: boolean;
  score: number | null;
  level: string | null;
  levelName: string | null;
  rating: Rating | null;
  /** Flag keys named (or to be named). */
  flags: string[];
}

/** One entry of a round's list. */
export interface EntryListItem extends EntryResult {
  id: number;
  orgId: number;
  orgName: string;
  orgDomain: OrgDomain;
  /** The 苏木乡镇(街道) the org lies in; the rank is taken within it and the domain. */
  township: string | null;
  /** Index of the current step; `steps.length` once published. */
  stage: number;
  stepName: string;
  declaredFlags: string[];
  publicityTo: string | null;
  finalAt: string | null;
  openObjections: number;
  rank: number | null;
  /** Per event of the entry's current step (`approve`, `return` …): may this reader fire it now. */
  abilities: Record<string, boolean>;
}

export interface EntryListParams {
  stage?: number;
  level?: string;
  q?: string;
  orgId?: number;
  page: number;
  pageSize: number;
}

/** What the org filed at 自评, with the figures read from the records on that day. */
export interface SelfRecord {
  items: { key: string; deduction?: number; points?: number; met?: boolean; note?: string }[];
  summary: string;
  evidence: { key: string; binding: string; name: string; value: number; unit: string }[];
  selfScore?: number;
  filedOn: string;
}

/** The 测评 count with the codes handed out and used. */
export interface BallotTally extends Tally {
  codesIssued: number;
  codesUsed: number;
}

export interface ContestScore {
  judge: string;
  score: number;
}

/** An objection raised during 公示; `raisedBy` is only shown to those above the org. */
export interface Objection {
  id: number;
  text: string;
  raisedBy: string | null;
  recordedOn: string;
  decision: 'dismissed' | 'upheld' | null;
  answer: string | null;
  answeredOn: string | null;
}

/** One line of the 办理记录. */
export interface EntryLogItem {
  step: number;
  stepName: string;
  date: string;
  actorName: string | null;
  /** The event on the workflow log, and its name as the process calls it (「提交自评」「审定」…). */
  event: string;
  eventName: string;
  /** The entry went back to 评定 (退回, or an objection upheld). */
  sentBack: boolean;
  note: string | null;
  /** What the step decided (hidden from the org until 公示): score or judges' mean, level, flags; ballots counted. */
  score: number | null;
  level: string | null;
  flags: string[];
  ballots: number | null;
}

/** One entry with everything its page shows. */
export interface EntryDetail extends EntryResult {
  id: number;
  round: { id: number; name: string; programme: Programme; method: Method; year: number };
  org: { id: number; name: string; domain: OrgDomain; type: OrgType };
  stage: number;
  steps: RoundStep[];
  publicityDays: number;
  /** The criteria for the org's domain. */
  criteria: Criterion[];
  levels: Level[];
  flagsOffered: FlagDef[];
  flagCap: number | null;
  declaredFlags: string[];
  selfAssessment: SelfRecord | null;
  ballots: BallotTally;
  /** The judges' scores are only listed to those above the org; the mean once visible. */
  contest: { scores: ContestScore[]; judges: number; mean: number | null };
  review: (Partial<ReviewInput> & { contestMean?: number | null; reviewedOn?: string }) | null;
  publicityFrom: string | null;
  publicityTo: string | null;
  finalAt: string | null;
  objections: Objection[];
  log: EntryLogItem[];
  /** Whether this reader may act at the current step now; if not, the server's reason. */
  mayAct: boolean;
  whyNot: string | null;
  vetoCap: string | null;
  /** The reader holds a grant strictly above the org (sees results at every step). */
  oversees: boolean;
}

/** The finance office's list of a 「五面红旗」 round: money as yuan strings. */
export interface SubsidyList {
  perFlag: string;
  total: string;
  flags: number;
  items: {
    orgName: string;
    township: string | null;
    code: string;
    flags: string[];
    flagNames: string[];
    amountFen: number;
    amount: string;
    finalAt: string;
  }[];
}

/** One published result of an org (its badges). */
export interface OrgEvaluationResult {
  entryId: number;
  roundId: number;
  roundName: string;
  programme: Programme;
  year: number;
  score: number | null;
  level: string | null;
  levelName: string | null;
  rating: Rating | null;
  /** Flag names. */
  flags: string[];
  finalAt: string;
}

/** What the 测评 page shows for a code; `refusal` says why it cannot be used. */
export interface BallotInfo {
  orgName: string;
  roundName: string;
  stepName: string;
  summary: string | null;
  refusal: string | null;
}

export interface ListFilter {
  programme?: Programme;
  year?: number;
}

/** Query keys: everything under `['evaluations']`; any step changes lists, progress and the entry. */
export const evaluationKeys = {
  all: ['evaluations'] as const,
  schemes: (filter: ListFilter) => ['evaluations', 'schemes', filter] as const,
  scheme: (id: number) => ['evaluations', 'scheme', id] as const,
  rounds: (filter: ListFilter) => ['evaluations', 'rounds', filter] as const,
  round: (id: number) => ['evaluations', 'round', id] as const,
  entries: (roundId: number, params: EntryListParams) => ['evaluations', 'entries', roundId, params] as const,
  entry: (id: number) => ['evaluations', 'entry', id] as const,
  subsidy: (roundId: number) => ['evaluations', 'subsidy', roundId] as const,
  ofOrg: (orgId: number) => ['evaluations', 'org', orgId] as const,
  compare: (programme: Programme, orgId: number) => ['evaluations', 'compare', programme, orgId] as const,
  ballot: (code: string) => ['ballot', code] as const,
};

const base = '/evaluation';

// ---------------------------------------------------------------------------------------------
// Schemes

/** Schemes made at or above the reader's orgs, newest year first. */
export function useSchemes(filter: ListFilter, enabled = true) {
  return useQuery({
    queryKey: evaluationKeys.schemes(filter),
    queryFn: ({ signal }): Promise<SchemeView[]> =>
      api.get<{ items: SchemeView[] }>(`${base}/schemes`, { ...filter }, signal).then((r) => r.items),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One scheme; disabled while `id` is undefined. */
export function useScheme(id: number | undefined) {
  return useQuery({
    queryKey: evaluationKeys.scheme(id ?? 0),
    queryFn: ({ signal }) => api.get<SchemeView>(`${base}/schemes/${id}`, undefined, signal),
    enabled: id !== undefined,
    staleTime: 5 * 60_000,
  });
}

/** Refreshes every evaluation figure (and the indicators counting results). */
const useInvalidateEvaluations = () => {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: evaluationKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['indicators'] }),
    ]);
};

/** 制定评选方案 at an org. Errors are left to the caller. */
export function useCreateScheme() {
  const invalidate = useInvalidateEvaluations();
  return useMutation({
    mutationFn: (input: { orgId: number; scheme: SchemeInput }) => api.post<SchemeView>(`${base}/schemes`, input),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

/** Changes a scheme not yet in use (the server refuses a locked one). Errors are left to the caller. */
export function useUpdateScheme() {
  const invalidate = useInvalidateEvaluations();
  return useMutation({
    mutationFn: ({ id, scheme }: { id: number; scheme: SchemeInput }) => api.put<SchemeView>(`${base}/schemes/${id}`, scheme),
    // Also on a refusal: a round may have started on the scheme since the list was read, and the list should show it locked.
    onSettled: invalidate,
    meta: { handlesErrors: true },
  });
}

/** 复制为新年度: the scheme's definition under a new year and name. Errors are left to the caller. */
export function useCopyScheme() {
  const invalidate = useInvalidateEvaluations();
  return useMutation({
    mutationFn: ({ id, year, name, orgId }: { id: number; year: number; name: string; orgId?: number }) =>
      api.post<SchemeView>(`${base}/schemes/${id}/copy`, { year, name, orgId }),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

// ---------------------------------------------------------------------------------------------
// Rounds

/** Rounds the reader takes part in or runs, newest year first. */
export function useRounds(filter: ListFilter) {
  return useQuery({
    queryKey: evaluationKeys.rounds(filter),
    queryFn: ({ signal }): Promise<RoundListItem[]> =>
      api.get<{ items: RoundListItem[] }>(`${base}/rounds`, { ...filter }, signal).then((r) => r.items),
    placeholderData: keepPreviousData,
  });
}

/** One year of a programme's published results under an org: entries, count per level or rating, flags named. */
export interface YearResult {
  year: number;
  entries: number;
  flags: number;
  byKey: Record<string, number>;
}

/** 历年对比 for one programme under an org; disabled until both are known. */
export function useCompareYears(programme: Programme | undefined, orgId: number | undefined) {
  return useQuery({
    queryKey: evaluationKeys.compare(programme as Programme, orgId ?? 0),
    queryFn: ({ signal }) => api.get<{ items: YearResult[] }>(`${base}/compare`, { programme, orgId }, signal).then((r) => r.items),
    enabled: programme !== undefined && orgId !== undefined,
  });
}

/** One round with its progress board; disabled while `id` is undefined. A failure is shown by the page. */
export function useRound(id: number | undefined) {
  return useQuery({
    queryKey: evaluationKeys.round(id ?? 0),
    queryFn: ({ signal }) => api.get<RoundDetail>(`${base}/rounds/${id}`, undefined, signal),
    enabled: id !== undefined,
    meta: { handlesErrors: true },
  });
}

/** 开展评选: the orgs the scheme applies to under `orgId` are taken in. Errors are left to the caller. */
export function useCreateRound() {
  const invalidate = useInvalidateEvaluations();
  return useMutation({
    mutationFn: (input: RoundCreate) => api.post<Round & { entries: number }>(`${base}/rounds`, input),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

/** One page of a round's entries under the reader, in tree order; disabled while `roundId` is undefined. */
export function useRoundEntries(roundId: number | undefined, params: EntryListParams) {
  return useQuery({
    queryKey: evaluationKeys.entries(roundId ?? 0, params),
    queryFn: ({ signal }) => api.get<Page<EntryListItem>>(`${base}/rounds/${roundId}/entries`, { ...params }, signal),
    placeholderData: keepPreviousData,
    enabled: roundId !== undefined,
  });
}

/** 审定 of one or more entries at the 审定 step; 公示 starts today. Errors are left to the caller. */
export function useApproveEntries() {
  const invalidate = useInvalidateEvaluations();
  return useMutation({
    mutationFn: ({ roundId, entryIds, note }: { roundId: number; entryIds: number[]; note?: string }) =>
      api.post<{ approved: number; publicityTo: string }>(`${base}/rounds/${roundId}/approve`, { entryIds, note }),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

/** 发布结果: entries whose 公示 is over with every objection answered; the others are counted. */
export function usePublishRound() {
  const invalidate = useInvalidateEvaluations();
  return useMutation({
    mutationFn: (roundId: number) =>
      api.post<{ published: number; waiting: number; objections: number }>(`${base}/rounds/${roundId}/publish`),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

/** The 红旗工作补贴资金清单 of a round; disabled until asked for. */
export function useSubsidy(roundId: number, enabled: boolean) {
  return useQuery({
    queryKey: evaluationKeys.subsidy(roundId),
    queryFn: ({ signal }) => api.get<SubsidyList>(`${base}/rounds/${roundId}/subsidy`, undefined, signal),
    enabled,
  });
}

/** The export URL: the browser downloads the .xlsx itself (the server audits the export). */
export const subsidyExportUrl = (roundId: number): string => apiUrl(`${base}/rounds/${roundId}/subsidy/export`);

// ---------------------------------------------------------------------------------------------
// Entries and their steps

/** One entry; disabled while `id` is undefined. A failure is shown by the page. */
export function useEntry(id: number | undefined) {
  return useQuery({
    queryKey: evaluationKeys.entry(id ?? 0),
    queryFn: ({ signal }) => api.get<EntryDetail>(`${base}/entries/${id}`, undefined, signal),
    enabled: id !== undefined,
    meta: { handlesErrors: true },
  });
}

/** A step recorded on an entry: the caller shows any refusal (window closed, wrong step, wrong org). */
function useEntryStep<I, R>(send: (id: number, input: I) => Promise<R>) {
  const invalidate = useInvalidateEvaluations();
  return useMutation({
    mutationFn: ({ id, input }: { id: number; input: I }) => send(id, input),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

/** 自评 (and, for 「五面红旗」, the flags declared); bound figures are read by the server. */
export const useFileSelf = () => useEntryStep((id, input: SelfAssessment) => api.post<SelfRecord>(`${base}/entries/${id}/self`, input));

/** One-time 测评 codes: the plain codes are in this answer only. */
export const useIssueCodes = () =>
  useEntryStep((id, count: number) => api.post<{ codes: string[]; closesAt: string | null }>(`${base}/entries/${id}/codes`, { count }));

/** 结束测评: counts the ballots and moves on; unused codes stop working. */
export const useCloseBallot = () => useEntryStep((id, _: undefined) => api.post<BallotTally>(`${base}/entries/${id}/ballot/close`));

/** A judge's score of 书记比武. */
export const useAddContestScore = () =>
  useEntryStep((id, input: ContestScore) =>
    api.post<{ scores: ContestScore[]; mean: number | null }>(`${base}/entries/${id}/contest-scores`, input),
  );

/** 结束比武: the trimmed mean is kept and the entry moves on. */
export const useCloseContest = () =>
  useEntryStep((id, _: undefined) => api.post<{ scores: ContestScore[]; mean: number | null }>(`${base}/entries/${id}/contest/close`));

/** 评定 by the scheme's method. */
export const useReviewEntry = () =>
  useEntryStep((id, input: Partial<ReviewInput>) =>
    api.post<{ score: number | null; level: string | null; flags: string[]; rating: Rating | null }>(`${base}/entries/${id}/review`, input),
  );

/** 退回 at 审定, back to 评定 with the reason. */
export const useReturnEntry = () => useEntryStep((id, note: string) => api.post<EntryDetail>(`${base}/entries/${id}/return`, { note }));

/** Records an objection received during 公示. */
export const useAddObjection = () =>
  useEntryStep((id, input: { text: string; raisedBy?: string }) => api.post<EntryDetail>(`${base}/entries/${id}/objections`, input));

/** Answers an objection (`id` is the objection's); one upheld sends the entry back to 评定. */
export const useAnswerObjection = () =>
  useEntryStep((id, input: { decision: 'dismissed' | 'upheld'; answer: string }) =>
    api.post<EntryDetail>(`${base}/objections/${id}/answer`, input),
  );

// ---------------------------------------------------------------------------------------------
// An org's results

/** An org's published results across rounds, newest first. */
export function useOrgEvaluations(orgId: number) {
  return useQuery({
    queryKey: evaluationKeys.ofOrg(orgId),
    queryFn: ({ signal }): Promise<OrgEvaluationResult[]> =>
      api.get<{ items: OrgEvaluationResult[] }>(`/orgs/${orgId}/evaluations`, undefined, signal).then((r) => r.items),
    meta: { handlesErrors: true },
  });
}

// ---------------------------------------------------------------------------------------------
// The public 测评 page (no session): the page shows every refusal itself.

/** What a code is for; disabled while `code` is undefined (not yet entered in full). */
export function useBallot(code: string | undefined) {
  return useQuery({
    queryKey: evaluationKeys.ballot(code ?? ''),
    queryFn: ({ signal }) => api.get<BallotInfo>(`/ballots/${encodeURIComponent(code ?? '')}`, undefined, signal),
    enabled: code !== undefined,
    retry: false,
    staleTime: 0,
    meta: { handlesErrors: true },
  });
}

/** Casts the one ballot of a code. */
export function useCastBallot() {
  return useMutation({
    mutationFn: (input: { code: string; choice: Rating }) => api.post<{ orgName: string }>('/ballots', input),
    meta: { handlesErrors: true },
  });
}
