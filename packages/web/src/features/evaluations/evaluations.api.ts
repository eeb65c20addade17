/**
 * 评星定级: schemes (a year's rules of one programme), rounds run on them, each org's entry moving
 * through the round's steps (自评 → 测评 → 比武 → 评定 → 审定 → 公示), the finance office's subsidy
 * list, an org's published results, and the public 测评 page's two calls.
 */
import type { Programme, Rating, ReviewInput, RoundCreate, SchemeInput, SelfAssessment } from '@jishi/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiQuery, type ApiSchema, apiClient, apiUrl, bodyOf } from '../../shared/api-client';

/** A criterion of a scheme, as its method scores it. */
export type Criterion = ApiSchema<'EvaluationCriterion'>;

/** A level a scheme awards, with its band's lowest score when it has one. */
export type Level = ApiSchema<'EvaluationLevel'>;

/** A round's step with its window (公示 runs its days from each approval). */
export type RoundStep = ApiSchema<'RoundStep'>;

/** A flag of 「五面红旗」 (or any named distinction a scheme awards). */
export type FlagDef = ApiSchema<'EvaluationFlag'>;

/** A scheme as the server presents it: its definition (money in yuan), where it was made, whether it is in use. */
export type SchemeView = ApiSchema<'EvaluationScheme'>;

/** A round in the list: how many entries the reader sees, and how many of them are published. */
export type RoundListItem = ApiSchema<'EvaluationRoundListItem'>;

/** One round with its progress board. */
export type RoundDetail = ApiSchema<'EvaluationRoundDetail'>;

const createRound = (input: RoundCreate) => bodyOf(apiClient.POST('/api/v1/evaluation/rounds', { body: input }));

/** A round just started, with how many orgs it took in. */
export type CreatedRound = Awaited<ReturnType<typeof createRound>>;

/** One entry of a round's list. */
export type EntryListItem = ApiSchema<'EvaluationEntryItem'>;

export type EntryListParams = ApiQuery<'/api/v1/evaluation/rounds/{id}/entries'>;

/** One entry with everything its page shows. */
export type EntryDetail = ApiSchema<'EvaluationEntry'>;

/** What the org filed at 自评, with the figures read from the records on that day. */
export type SelfRecord = ApiSchema<'EvaluationSelfRecord'>;

/** The 测评 count with the codes handed out and used. */
export type BallotTally = ApiSchema<'BallotTally'>;

export type ContestScore = ApiSchema<'ContestScore'>;

/** An objection raised during 公示; `raisedBy` is only shown to those above the org. */
export type Objection = ApiSchema<'EvaluationObjection'>;

/** One line of the 办理记录. */
export type EntryLogItem = ApiSchema<'EvaluationLogItem'>;

/** The finance office's list of a 「五面红旗」 round: money as yuan strings. */
export type SubsidyList = ApiSchema<'SubsidyList'>;

/** One published result of an org (its badges). */
export type OrgEvaluationResult = ApiSchema<'OrgEvaluationResult'>;

/** One year of a programme's published results under an org: entries, count per level or rating, flags named. */
export type YearResult = ApiSchema<'EvaluationYearResult'>;

export type ListFilter = ApiQuery<'/api/v1/evaluation/schemes'>;

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

// ---------------------------------------------------------------------------------------------
// Schemes

/** Schemes made at or above the reader's orgs, newest year first. */
export function useSchemes(filter: ListFilter, enabled = true) {
  return useQuery({
    queryKey: evaluationKeys.schemes(filter),
    queryFn: async ({ signal }) => (await bodyOf(apiClient.GET('/api/v1/evaluation/schemes', { params: { query: filter }, signal }))).items,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One scheme; disabled while `id` is undefined. */
export function useScheme(id: number | undefined) {
  return useQuery({
    queryKey: evaluationKeys.scheme(id ?? 0),
    queryFn: ({ signal }) => bodyOf(apiClient.GET('/api/v1/evaluation/schemes/{id}', { params: { path: { id: id ?? 0 } }, signal })),
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
    mutationFn: (input: { orgId: number; scheme: SchemeInput }) => bodyOf(apiClient.POST('/api/v1/evaluation/schemes', { body: input })),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

/** Changes a scheme not yet in use (the server refuses a locked one). Errors are left to the caller. */
export function useUpdateScheme() {
  const invalidate = useInvalidateEvaluations();
  return useMutation({
    mutationFn: ({ id, scheme }: { id: number; scheme: SchemeInput }) =>
      bodyOf(apiClient.PUT('/api/v1/evaluation/schemes/{id}', { params: { path: { id } }, body: scheme })),
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
      bodyOf(apiClient.POST('/api/v1/evaluation/schemes/{id}/copy', { params: { path: { id } }, body: { year, name, orgId } })),
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
    queryFn: async ({ signal }) => (await bodyOf(apiClient.GET('/api/v1/evaluation/rounds', { params: { query: filter }, signal }))).items,
    placeholderData: keepPreviousData,
  });
}

/** 历年对比 for one programme under an org; disabled until both are known. */
export function useCompareYears(programme: Programme | undefined, orgId: number | undefined) {
  return useQuery({
    queryKey: evaluationKeys.compare(programme as Programme, orgId ?? 0),
    queryFn: async ({ signal }) =>
      (
        await bodyOf(
          apiClient.GET('/api/v1/evaluation/compare', {
            params: { query: { programme: programme as Programme, orgId: orgId ?? 0 } },
            signal,
          }),
        )
      ).items,
    enabled: programme !== undefined && orgId !== undefined,
  });
}

/** One round with its progress board; disabled while `id` is undefined. A failure is shown by the page. */
export function useRound(id: number | undefined) {
  return useQuery({
    queryKey: evaluationKeys.round(id ?? 0),
    queryFn: ({ signal }) => bodyOf(apiClient.GET('/api/v1/evaluation/rounds/{id}', { params: { path: { id: id ?? 0 } }, signal })),
    enabled: id !== undefined,
    meta: { handlesErrors: true },
  });
}

/** 开展评选: the orgs the scheme applies to under `orgId` are taken in. Errors are left to the caller. */
export function useCreateRound() {
  const invalidate = useInvalidateEvaluations();
  return useMutation({
    mutationFn: createRound,
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

/** One page of a round's entries under the reader, in tree order; disabled while `roundId` is undefined. */
export function useRoundEntries(roundId: number | undefined, params: EntryListParams) {
  return useQuery({
    queryKey: evaluationKeys.entries(roundId ?? 0, params),
    queryFn: ({ signal }) =>
      bodyOf(apiClient.GET('/api/v1/evaluation/rounds/{id}/entries', { params: { path: { id: roundId ?? 0 }, query: params }, signal })),
    placeholderData: keepPreviousData,
    enabled: roundId !== undefined,
  });
}

/** 审定 of one or more entries at the 审定 step; 公示 starts today. Errors are left to the caller. */
export function useApproveEntries() {
  const invalidate = useInvalidateEvaluations();
  return useMutation({
    mutationFn: ({ roundId, entryIds, note }: { roundId: number; entryIds: number[]; note?: string }) =>
      bodyOf(apiClient.POST('/api/v1/evaluation/rounds/{id}/approve', { params: { path: { id: roundId } }, body: { entryIds, note } })),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

/** 发布结果: entries whose 公示 is over with every objection answered; the others are counted. */
export function usePublishRound() {
  const invalidate = useInvalidateEvaluations();
  return useMutation({
    mutationFn: (roundId: number) =>
      bodyOf(apiClient.POST('/api/v1/evaluation/rounds/{id}/publish', { params: { path: { id: roundId } } })),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

/** The 红旗工作补贴资金清单 of a round; disabled until asked for. */
export function useSubsidy(roundId: number, enabled: boolean) {
  return useQuery({
    queryKey: evaluationKeys.subsidy(roundId),
    queryFn: ({ signal }) => bodyOf(apiClient.GET('/api/v1/evaluation/rounds/{id}/subsidy', { params: { path: { id: roundId } }, signal })),
    enabled,
  });
}

/** The export URL: the browser downloads the .xlsx itself (the server audits the export). */
export const subsidyExportUrl = (roundId: number): string => apiUrl(`/evaluation/rounds/${roundId}/subsidy/export`);

// ---------------------------------------------------------------------------------------------
// Entries and their steps

/** One entry; disabled while `id` is undefined. A failure is shown by the page. */
export function useEntry(id: number | undefined) {
  return useQuery({
    queryKey: evaluationKeys.entry(id ?? 0),
    queryFn: ({ signal }) => bodyOf(apiClient.GET('/api/v1/evaluation/entries/{id}', { params: { path: { id: id ?? 0 } }, signal })),
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
export const useFileSelf = () =>
  useEntryStep((id, input: SelfAssessment) =>
    bodyOf(apiClient.POST('/api/v1/evaluation/entries/{id}/self', { params: { path: { id } }, body: input })),
  );

/** One-time 测评 codes: the plain codes are in this answer only. */
export const useIssueCodes = () =>
  useEntryStep((id, count: number) =>
    bodyOf(apiClient.POST('/api/v1/evaluation/entries/{id}/codes', { params: { path: { id } }, body: { count } })),
  );

/** 结束测评: counts the ballots and moves on; unused codes stop working. */
export const useCloseBallot = () =>
  useEntryStep((id, _: undefined) => bodyOf(apiClient.POST('/api/v1/evaluation/entries/{id}/ballot/close', { params: { path: { id } } })));

/** A judge's score of 书记比武. */
export const useAddContestScore = () =>
  useEntryStep((id, input: ContestScore) =>
    bodyOf(apiClient.POST('/api/v1/evaluation/entries/{id}/contest-scores', { params: { path: { id } }, body: input })),
  );

/** 结束比武: the trimmed mean is kept and the entry moves on. */
export const useCloseContest = () =>
  useEntryStep((id, _: undefined) => bodyOf(apiClient.POST('/api/v1/evaluation/entries/{id}/contest/close', { params: { path: { id } } })));

/** 评定 by the scheme's method. */
export const useReviewEntry = () =>
  useEntryStep((id, input: Partial<ReviewInput>) =>
    bodyOf(apiClient.POST('/api/v1/evaluation/entries/{id}/review', { params: { path: { id } }, body: input })),
  );

/** 退回 at 审定, back to 评定 with the reason. */
export const useReturnEntry = () =>
  useEntryStep((id, note: string) =>
    bodyOf(apiClient.POST('/api/v1/evaluation/entries/{id}/return', { params: { path: { id } }, body: { note } })),
  );

/** Records an objection received during 公示. */
export const useAddObjection = () =>
  useEntryStep((id, input: { text: string; raisedBy?: string }) =>
    bodyOf(apiClient.POST('/api/v1/evaluation/entries/{id}/objections', { params: { path: { id } }, body: input })),
  );

/** Answers an objection (`id` is the objection's); one upheld sends the entry back to 评定. */
export const useAnswerObjection = () =>
  useEntryStep((id, input: { decision: 'dismissed' | 'upheld'; answer: string }) =>
    bodyOf(apiClient.POST('/api/v1/evaluation/objections/{id}/answer', { params: { path: { id } }, body: input })),
  );

// ---------------------------------------------------------------------------------------------
// An org's results

/** An org's published results across rounds, newest first. */
export function useOrgEvaluations(orgId: number) {
  return useQuery({
    queryKey: evaluationKeys.ofOrg(orgId),
    queryFn: async ({ signal }) =>
      (await bodyOf(apiClient.GET('/api/v1/orgs/{id}/evaluations', { params: { path: { id: orgId } }, signal }))).items,
    meta: { handlesErrors: true },
  });
}

// ---------------------------------------------------------------------------------------------
// The public 测评 page (no session): the page shows every refusal itself.

/** What a code is for; disabled while `code` is undefined (not yet entered in full). */
export function useBallot(code: string | undefined) {
  return useQuery({
    queryKey: evaluationKeys.ballot(code ?? ''),
    queryFn: ({ signal }) => bodyOf(apiClient.GET('/api/v1/ballots/{code}', { params: { path: { code: code ?? '' } }, signal })),
    enabled: code !== undefined,
    retry: false,
    staleTime: 0,
    meta: { handlesErrors: true },
  });
}

/** Casts the one ballot of a code. */
export function useCastBallot() {
  return useMutation({
    mutationFn: (input: { code: string; choice: Rating }) => bodyOf(apiClient.POST('/api/v1/ballots', { body: input })),
    meta: { handlesErrors: true },
  });
}
