import { FlagFilled, StarFilled } from '@ant-design/icons';
import { BINDING_LABELS, parseYuan, RATING_LABELS, STEP_KIND_LABELS } from '@jishi/domain';
import { InputNumber, type InputNumberProps, Space, Steps, type StepsProps, Tag, Typography } from 'antd';
import { labelOf } from '../../../shared/labels';
import type { Criterion, FlagDef, Level, RoundStep } from '../evaluations.api';

/** Fen from yuan as typed (`10000`, `10000.5`, `1,000.00`, `10.`), or null when it is not an amount (the domain reads it). */
export const fenOf = (yuan: string): number | null =>
  parseYuan(
    yuan
      .trim()
      .replaceAll(/[,，\s]/g, '')
      .replace(/\.$/, ''),
  );

/** `2026-11-01 至 2026-11-30`. */
export const windowText = (s: { opensAt: string; closesAt: string }) => `${s.opensAt} 至 ${s.closesAt}`;

/** Names of flag keys, in the scheme's order of `defs`. */
export const flagNamesOf = (keys: readonly string[], defs: readonly FlagDef[]): string[] =>
  keys.map((k) => defs.find((f) => f.key === k)?.name ?? k);

/** The steps whose window holds `day` (they may overlap); 公示 has no window and is never among them. */
export const openSteps = (steps: readonly RoundStep[], day: string): RoundStep[] =>
  steps.filter((s) => s.kind !== 'publicity' && s.opensAt <= day && day <= s.closesAt);

/** Points to one decimal in half-point steps (扣分、得分), as every score sheet takes them. */
export const PointsInput = (props: InputNumberProps<number>) => (
  <InputNumber<number> min={0} step={0.5} precision={1} suffix="分" style={{ width: 140 }} {...props} />
);

/** A level band as the score sheet prints it: `最强党支部 ≥95分`. */
export const levelBand = (l: Level) => (l.minScore === undefined ? l.name : `${l.name} ≥${l.minScore}分`);

/** The judged result as badges: level (star), flags (red), rating. Nothing when there is none. */
export function ResultBadges({
  levelName,
  flags,
  rating,
}: {
  levelName?: string | null;
  /** Flag names. */
  flags?: readonly string[];
  rating?: string | null;
}) {
  if (!levelName && !rating && (!flags || flags.length === 0)) return null;
  return (
    <Space size={[4, 4]} wrap>
      {levelName && (
        <Tag color="gold" icon={<StarFilled />} style={{ marginInlineEnd: 0 }}>
          {levelName}
        </Tag>
      )}
      {flags?.map((f) => (
        <Tag key={f} color="red" icon={<FlagFilled />} style={{ marginInlineEnd: 0 }}>
          {f}
        </Tag>
      ))}
      {rating && (
        <Tag color="blue" style={{ marginInlineEnd: 0 }}>
          评定：{labelOf(RATING_LABELS, rating)}
        </Tag>
      )}
    </Space>
  );
}

/** What an item is worth or may take off, its veto and its bound figure, as small tags. */
export function CriterionTags({ c }: { c: Criterion }) {
  if (c.maxDeduction === undefined && c.points === undefined && !c.veto && !c.binding) return null;
  return (
    <Space size={[4, 4]} wrap>
      {c.maxDeduction !== undefined && <Tag style={{ marginInlineEnd: 0 }}>最高扣{c.maxDeduction}分</Tag>}
      {c.points !== undefined && <Tag style={{ marginInlineEnd: 0 }}>{c.points}分</Tag>}
      {c.veto && (
        <Tag color="error" style={{ marginInlineEnd: 0 }}>
          一票否决
        </Tag>
      )}
      {c.binding && (
        <Tag color="processing" style={{ marginInlineEnd: 0 }}>
          系统取数：{BINDING_LABELS[c.binding].name}
        </Tag>
      )}
    </Space>
  );
}

/** A criterion's text with its basis and scoring rule underneath. */
export function CriterionText({ c, index }: { c: Criterion; index?: number }) {
  return (
    <div>
      <Typography.Text>
        {index !== undefined && `${index + 1}. `}
        {c.text}
      </Typography.Text>
      {c.rule && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            评分标准：{c.rule}
          </Typography.Text>
        </div>
      )}
      {c.basis && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            依据：{c.basis}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}

/**
 * A round's steps as antd Steps with their windows. With `stage` (an entry) the steps before it
 * are done and it is current; without (a round) each step's status follows the calendar.
 */
export function RoundStepsBar({
  steps,
  publicityDays,
  stage,
  today,
  publicity,
  vertical,
  isDone,
}: {
  steps: readonly RoundStep[];
  publicityDays: number;
  stage?: number;
  today: string;
  /** The entry's 公示 dates, once approved. */
  publicity?: { from: string | null; to: string | null };
  vertical?: boolean;
  /** A round whose every entry is published: all steps are done, 公示 included. */
  isDone?: boolean;
}) {
  const items: StepsProps['items'] = steps.map((s, i) => {
    let status: 'wait' | 'process' | 'finish' = 'wait';
    if (isDone) status = 'finish';
    else if (stage !== undefined) status = i < stage ? 'finish' : i === stage ? 'process' : 'wait';
    else if (s.kind !== 'publicity') status = s.closesAt < today ? 'finish' : s.opensAt <= today ? 'process' : 'wait';
    const when =
      s.kind === 'publicity'
        ? publicity?.from && publicity.to
          ? `${publicity.from} 至 ${publicity.to}`
          : `审定后公示${publicityDays}天`
        : windowText(s);
    return {
      key: `${i}-${s.kind}`,
      status,
      title: s.name,
      content: (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {when}
          {s.name !== STEP_KIND_LABELS[s.kind] && vertical && ` · ${STEP_KIND_LABELS[s.kind]}`}
        </Typography.Text>
      ),
    };
  });
  // A round has no single current step: the first one not yet over stands for it.
  const firstOpen = items.findIndex((i) => i.status !== 'finish');
  const current = stage ?? (firstOpen < 0 ? steps.length - 1 : firstOpen);
  return (
    <Steps
      size="small"
      orientation={vertical ? 'vertical' : 'horizontal'}
      titlePlacement={vertical ? undefined : 'vertical'}
      items={items}
      current={Math.min(current, steps.length - 1)}
      data-testid="evaluation-steps"
    />
  );
}
