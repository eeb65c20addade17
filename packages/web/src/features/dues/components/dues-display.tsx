import {
  ARREARS_LAPSE_MONTHS,
  assessmentIn,
  DUES_CATEGORIES,
  DUES_CATEGORY_LABELS,
  DUES_METHOD_LABELS,
  DUES_METHODS,
  type DuesCategory,
  type DuesRate,
  monthIndex,
  monthOf,
} from '@jishi/domain';
import { Result, Tag, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { CSSProperties } from 'react';
import { today } from '../../../shared/dates';
import { labelOf, optionsOf } from '../../../shared/labels';
import { fenOf, formatYuanAmount } from '../../../shared/money';
import { type DuesAssessment, useMemberDues } from '../dues.api';

export const DUES_CATEGORY_OPTIONS = optionsOf(DUES_CATEGORIES, DUES_CATEGORY_LABELS);
export const DUES_METHOD_OPTIONS = optionsOf(DUES_METHODS, DUES_METHOD_LABELS);

/** Categories whose dues are a rate on a monthly base (工资收入 or 离退休费); the others pay a fixed amount. */
export const hasMonthlyBase = (category: DuesCategory | undefined): boolean => category === 'employed' || category === 'retired';

/** What the monthly base is called for the category. */
export const baseLabel = (category: DuesCategory | undefined): string =>
  category === 'retired' ? '每月离退休费（元）' : '每月工资收入（税后，元）';

/** The month running, `YYYY-MM` in Beijing: it is not owed until it has ended. */
export const thisMonth = (): string => today().slice(0, 7);

/** `2026-03` → `3月`. */
export const monthLabel = (month: string): string => `${Number(month.slice(5, 7))}月`;

/** Consecutive months as ranges: `2026-04 至 2026-06、2026-09`. */
export const monthRangesText = (months: readonly string[]): string => {
  const ranges: [string, string][] = [];
  for (const m of [...months].sort()) {
    const last = ranges.at(-1);
    if (last && monthIndex(m) === monthIndex(last[1]) + 1) last[1] = m;
    else ranges.push([m, m]);
  }
  return ranges.map(([from, to]) => (from === to ? from : `${from} 至 ${to}`)).join('、');
};

/** The months `from`..`to`, inclusive (empty when `to` is before `from`). */
export const monthsBetween = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) out.push(monthOf(i));
  return out;
};

/** A member's assessments (oldest first) as the domain's dues rules read them: monthly amounts in fen. */
export const duesRates = (assessments: readonly DuesAssessment[]): DuesRate[] =>
  assessments.map((a) => ({ effectiveFrom: a.effectiveFrom, amountFen: fenOf(a.amount) }));

/** The amount due in `month` in fen, as the server computes it; undefined before the first 核定. */
export const dueIn = (rates: readonly DuesRate[], month: string): number | undefined => assessmentIn(rates, month)?.amountFen;

/** `¥12.50/月 · 在职`, the standard in a line. */
export const standardText = (a: DuesAssessment): string =>
  `${formatYuanAmount(a.amount)}/月 · ${labelOf(DUES_CATEGORY_LABELS, a.category)}`;

/** True when the amount is lower than the rule gives: an approved 少交 or 免交. */
export const isReduced = (a: DuesAssessment): boolean => fenOf(a.amount) < fenOf(a.calculated);

/** True for an exemption (免交): nothing due. */
export const isExempt = (a: DuesAssessment): boolean => fenOf(a.amount) === 0;

/**
 * The branch's reminder as a tag: red from 6 months (自行脱党 is for the 支部大会 to decide, the
 * server's text says so), orange for the follow-up, grey for a member not yet assessed.
 */
export function DuesWarningTag({ warning, streak, style }: { warning: string | null; streak: number; style?: CSSProperties }) {
  if (!warning) return null;
  const color = streak >= ARREARS_LAPSE_MONTHS ? 'error' : streak > 0 ? 'warning' : 'default';
  return (
    <Tag
      color={color}
      style={{ whiteSpace: 'normal', marginInlineEnd: 0, lineHeight: 1.5, padding: '2px 6px', ...style }}
      data-testid="dues-warning"
      data-streak={streak}
    >
      {warning}
    </Tag>
  );
}

/** The standard as a tag, with its basis on hover. */
export function DuesStandardTag({ assessment }: { assessment: DuesAssessment }) {
  return (
    <Tooltip title={assessment.basis}>
      <Tag color={isReduced(assessment) ? 'gold' : 'blue'} style={{ marginInlineEnd: 0 }}>
        {standardText(assessment)}
        {isReduced(assessment) && (isExempt(assessment) ? ' · 免交' : ' · 少交')}
      </Tag>
    </Tooltip>
  );
}

/** Form.Item props that keep a `YYYY-MM` string in the form store while a month picker edits it. */
export const monthStringField = {
  getValueProps: (value: string | null | undefined) => ({ value: value ? dayjs(`${value}-01`) : null }),
  normalize: (value: Dayjs | null) => (value ? value.format('YYYY-MM') : undefined),
};

/** The props of a dialog on one member's dues (登记交纳, 核定标准). */
export interface MemberDuesDialogProps<Saved> {
  memberId: number;
  memberName: string;
  onClose: () => void;
  onSaved?: (saved: Saved) => void;
}

/**
 * This year's dues of the member a dialog is about (`data` only once it is that member's), and the
 * FormModal props of a dues dialog: filling a phone's screen, loading until the dues are here.
 */
export function useDialogDues(memberId: number) {
  const dues = useMemberDues(memberId, Number(thisMonth().slice(0, 4)));
  const data = dues.data?.member.id === memberId ? dues.data : undefined;
  const frame = {
    fullScreenOnPhone: true,
    width: 640,
    loading: !data,
    failure: !data && dues.isError && <Result status="404" title="党员不存在或无权查看" />,
  };
  return { data, frame };
}
