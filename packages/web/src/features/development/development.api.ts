/**
 * 发展党员: the deadline board (every applicant in scope with its next step), one applicant with its
 * recorded steps, 登记入党申请 (step 1) and recording the next step of the 25.
 */
import { type ApplicantCreate, type DoneStep, nextStepNo, type StepInputBody, type Vote } from '@jishi/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api-client';
import type { Gender } from '../members/members.api';

/** Step 23's decision: 按期转正, 延长预备期, or 取消预备党员资格. */
export type StepOutcome = NonNullable<DoneStep['outcome']>;

/** What a recorded step carries besides its date (the request body minus `step` and `date`). */
export interface StepData {
  vote?: Vote;
  trainingDays?: number;
  trainingHours?: number;
  outcome?: StepOutcome;
  extensionMonths?: number;
  introducers?: number;
  note?: string;
}

/** One recorded step of the 25. */
export interface ApplicantStep {
  step: number;
  name: string;
  date: string;
  data: StepData;
  /** Rules the step broke without being refused (a talk later than a month…). */
  warnings: string[];
  /** Display name of the account that recorded it; null for imported or demo steps. */
  recordedBy: string | null;
}

/** The next step's time limit: `due` by the date, or `earliest` allowed on it. */
export interface StepDeadline {
  step: number;
  name: string;
  kind: 'due' | 'earliest';
  date: string;
  overdue: boolean;
}

/** An applicant as the server presents it: ID number and phone masked. */
export interface Applicant {
  id: number;
  orgId: number;
  orgName: string;
  name: string;
  gender: Gender;
  ethnicity: string;
  birthDate: string;
  /** Masked: `150525********9713`. */
  idNumber: string;
  phone: string | null;
  /** The member record, once step 17 (上级党委审批) made them a 预备党员. */
  memberId: number | null;
  stage: 1 | 2 | 3 | 4 | 5;
  stageName: string;
  steps: ApplicantStep[];
  /** The next step's time limit, when the 细则 sets one (empty otherwise). */
  deadlines: StepDeadline[];
  /** Whether this account may record the next step (committee steps need approval power). */
  abilities: { canRecordNext: boolean; whyNot: string | null };
}

/** What recording a step answers: the applicant after it, and the warnings it was recorded with. */
export interface RecordedStepResult extends Applicant {
  warnings: string[];
}

/** One row of the deadline board. */
export interface BoardItem {
  applicantId: number;
  applicantName: string;
  orgName: string;
  stageName: string;
  step: number;
  stepName: string;
  kind: 'due' | 'earliest';
  date: string;
  overdue: boolean;
}

export interface Board {
  items: BoardItem[];
  overdue: number;
}

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
    queryFn: ({ signal }) => api.get<Board>('/development/deadlines', { orgId }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One applicant; disabled while `id` is undefined. */
export function useApplicant(id: number | undefined) {
  return useQuery({
    queryKey: developmentKeys.applicant(id ?? 0),
    queryFn: ({ signal }) => api.get<Applicant>(`/development/applicants/${id}`, undefined, signal),
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
    mutationFn: (input: ApplicantCreate) => api.post<Applicant>('/development/applicants', input),
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
      api.post<RecordedStepResult>(`/development/applicants/${id}/steps`, input),
    onSuccess: (saved) => {
      const { warnings: _, ...applicant } = saved;
      queryClient.setQueryData(developmentKeys.applicant(saved.id), applicant);
      return invalidate();
    },
    meta: { handlesErrors: true },
  });
}
