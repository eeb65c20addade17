import { PROBATION_OUTCOME_LABELS } from '@jishi/domain';
import type { StepOutcome } from '../development.api';

/** Step 23's decisions, labelled as the domain labels them. */
export const OUTCOME_LABELS: Record<StepOutcome, string> = PROBATION_OUTCOME_LABELS;

export const OUTCOME_OPTIONS = (Object.keys(OUTCOME_LABELS) as StepOutcome[]).map((value) => ({ value, label: OUTCOME_LABELS[value] }));
