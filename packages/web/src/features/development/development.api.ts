/**
 * 发展党员: the deadline board (every applicant in scope with its next step), one applicant with its
 * recorded steps, 登记入党申请 (step 1) and recording the next step of the 25.
 */
import { type ApplicantCreate, type DoneStep, nextStepNo, type StepInputBody } from '@jishi/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiSchema, apiClient, bodyOf } from '../../shared/api-client';

/** An applicant as the server presents it: ID number and phone masked, its steps, stage and next step. */
export type Applicant = ApiSchema<'Applicant'>;

/** One recorded step of the 25. */
export type ApplicantStep = Applicant['steps'][number];

/** What a recorded step carries besides its date (the request body minus `step` and `date`). */
export type StepData = ApplicantStep['data'];

/** Step 23's decision: 按期转正, 延长预备期, or 取消预备党员资格. */
export type StepOutcome = NonNullable<StepData['outcome']>;

/** The next step's time limit: `due` by the date, or `earliest` allowed on it. */
export type StepDeadline = Applicant['deadlines'][number];

/** One row of the deadline board (`kind` and `date` are null for a step without a time limit). */
export type BoardItem = ApiSchema<'DevelopmentBoard'>['items'][number];

/** Query keys: everything under `['development']`. */
export const developmentKeys = {
  all: ['development'] as const,
  board: (orgId: number | undefined) => ['development', 'board', orgId ?? null] as const,
  applicant: (id: number) => ['development', 'applicant', id] as const,
};

/** The recorded steps as the domain's rules read them. */
export const doneStepsOf = (a: Pick<Applicant, 'steps'>): DoneStep[] =>
  a.steps.map((s) => ({ step: s.step, date: s.date, outcome: s.data.outcome, extensionMonths: s.data.extensionMonths }));

/**
 * The step to record next, or undefined once 材料归档 (25) is done. Steps follow one another; the
 * domain's deadline rule knows the one exception (23 again after an extension was approved).
 */
export const nextStepOf = (a: Pick<Applicant, 'steps'>): number | undefined => nextStepNo(doneStepsOf(a)) ?? undefined;

/** The deadline board of an org's subtree (the caller's whole scope while `orgId` is undefined). */
export function useDeadlineBoard(orgId: number | undefined, enabled = true) {
  return useQuery({
    queryKey: developmentKeys.board(orgId),
    queryFn: ({ signal }) => bodyOf(apiClient.GET('/api/v1/development/deadlines', { params: { query: { orgId } }, signal })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One applicant; disabled while `id` is undefined. */
export function useApplicant(id: number | undefined) {
  return useQuery({
    queryKey: developmentKeys.applicant(id ?? 0),
    queryFn: ({ signal }) => bodyOf(apiClient.GET('/api/v1/development/applicants/{id}', { params: { path: { id: id ?? 0 } }, signal })),
    enabled: id !== undefined,
    meta: { handlesErrors: true },
  });
}

/** Invalidates every development read, and the roll and figures (step 17 adds a member, 24 makes one full). */
const useInvalidateDevelopment = () => {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: developmentKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['members'] }),
      queryClient.invalidateQueries({ queryKey: ['indicators'] }),
    ]);
};

/** 登记入党申请 (step 1). Errors are left to the caller (the form shows a refused field at that field). */
export function useCreateApplicant() {
  const invalidate = useInvalidateDevelopment();
  return useMutation({
    mutationFn: (input: ApplicantCreate) => bodyOf(apiClient.POST('/api/v1/development/applicants', { body: input })),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

/**
 * Records one step. A refusal (422 with the rule, 403 for a step only an approving 基层党委 records)
 * is left to the caller, which shows the rule's text.
 */
export function useRecordStep() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateDevelopment();
  return useMutation({
    mutationFn: ({ id, input }: { id: number; input: StepInputBody }) =>
      bodyOf(apiClient.POST('/api/v1/development/applicants/{id}/steps', { params: { path: { id } }, body: input })),
    onSuccess: (saved) => {
      const { warnings: _, ...applicant } = saved;
      queryClient.setQueryData(developmentKeys.applicant(saved.id), applicant);
      return invalidate();
    },
    meta: { handlesErrors: true },
  });
}
