/**
 * How 组织生活 shows its codes: meeting types, finding codes and their periods, completion rates and
 * term states. The meeting labels and rules come from `@jishi/domain`; only the short names of the
 * finding codes (for tags and the filter) are the page's own.
 */
import {
  BRANCH_MAX_MEMBERS,
  type ComplianceFinding,
  MEETING_TYPE_LABELS,
  MEETING_TYPES,
  type MeetingRequirement,
  type MeetingType,
  MIN_FULL_MEMBERS_PER_BRANCH,
  meetingRequirements,
  TERM_REMINDER_MONTHS,
  type TermStatus,
} from '@jishi/domain';
import { Tag } from 'antd';
import { labelOf } from '../../../shared/labels';

const TYPE_COLORS: Record<MeetingType, string> = {
  general_assembly: 'red',
  committee: 'volcano',
  group: 'orange',
  lecture: 'gold',
  theme_day: 'magenta',
  life_meeting: 'purple',
  appraisal: 'blue',
  talk: 'cyan',
};

/** A meeting type as a coloured tag. */
export const MeetingTypeTag = ({ type }: { type: MeetingType }) => (
  <Tag color={TYPE_COLORS[type]} style={{ marginInlineEnd: 0 }}>
    {labelOf(MEETING_TYPE_LABELS, type)}
  </Tag>
);

const PER_LABELS: Record<MeetingRequirement['per'], string> = { month: '每月', quarter: '每季度', year: '每年' };

/** Both readings of the 党课 rule (quarterly locally, yearly in the 条例), so either code has a name. */
const REQUIREMENTS = [...meetingRequirements({ quarterlyLecture: true }), ...meetingRequirements({ quarterlyLecture: false })];

/** The requirement behind a `meeting.*` code: the meeting type, how often, and the rule quoted. */
export const requirementOf = (code: string): MeetingRequirement | undefined => REQUIREMENTS.find((r) => r.code === code);

/** The meeting type a finding asks for, or undefined for a setup or term finding. */
export const meetingTypeOf = (code: string): MeetingType | undefined => requirementOf(code)?.type;

/** A term ending within the reminder lead (RULES.md §2: the 上级 reminds 6 months ahead). */
export const TERM_DUE_SOON_LABEL = `${TERM_REMINDER_MONTHS}个月内到期`;

const TERM_LABELS: Record<string, string> = {
  'term.overdue': '换届逾期',
  'term.due_soon': `任期${TERM_REMINDER_MONTHS}个月内届满`,
  'term.unrecorded': '未登记班子',
};

const SETUP_LABELS: Record<string, string> = {
  'setup.branch_few_full': `正式党员不足${MIN_FULL_MEMBERS_PER_BRANCH}名`,
  'setup.branch_too_large': `党员超过${BRANCH_MAX_MEMBERS}名`,
  'setup.committee_missing': '应设未设支委会',
  'setup.committee_not_needed': '不应设支委会',
  'setup.committee_size': '支委会人数不符',
  'setup.joint_units': '联合党支部覆盖单位过多',
  'setup.general_branch_small': '党总支人数偏少',
  'setup.general_branch_large': '党总支人数过多',
  'setup.committee_small': '基层党委人数偏少',
};

const MEETING_LABELS: Record<string, string> = Object.fromEntries(
  REQUIREMENTS.map((r) => [r.code, `${MEETING_TYPE_LABELS[r.type]}（${PER_LABELS[r.per]}）`]),
);

/** Short Chinese name of a finding code; an unknown code (a rule added on the server first) shows as is. */
export const findingLabel = (code: string): string => MEETING_LABELS[code] ?? TERM_LABELS[code] ?? SETUP_LABELS[code] ?? code;

/** The filter of the branch list: one option per code, grouped. */
export const FINDING_CODE_OPTIONS = [
  {
    label: '三会一课与组织生活',
    options: MEETING_TYPES.flatMap((type) => REQUIREMENTS.filter((r) => r.type === type)).map((r) => ({
      value: r.code,
      label: MEETING_LABELS[r.code] as string,
    })),
  },
  { label: '班子与换届', options: Object.entries(TERM_LABELS).map(([value, label]) => ({ value, label })) },
  { label: '组织设置', options: Object.entries(SETUP_LABELS).map(([value, label]) => ({ value, label })) },
];

const QUARTERS = ['一', '二', '三', '四'];

/** `2026-08` → 2026年8月, `2026-Q3` → 2026年第三季度, `2026` → 2026年. */
export const periodLabel = (period: string): string => {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return `${month[1]}年${Number(month[2])}月`;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return `${quarter[1]}年第${QUARTERS[Number(quarter[2]) - 1]}季度`;
  return `${period}年`;
};

/** The first and last day of a period, to steer the date picker when a missed meeting is recorded late. */
export const periodRange = (period: string): { start: string; end: string } => {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  const year = period.slice(0, 4);
  const [first, last] = month
    ? [Number(month[2]), Number(month[2])]
    : quarter
      ? [Number(quarter[2]) * 3 - 2, Number(quarter[2]) * 3]
      : [1, 12];
  const days = new Date(Date.UTC(Number(year), last, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { start: `${year}-${pad(first)}-01`, end: `${year}-${pad(last)}-${pad(days)}` };
};

/** The current month, quarter and year of a business date, as finding periods. */
export const currentPeriods = (date: string) => {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  return { month: date.slice(0, 7), quarter: `${year}-Q${Math.ceil(month / 3)}`, year };
};

/** Findings grouped by period, latest period first (a year after its months and quarters). */
export const groupByPeriod = (findings: readonly ComplianceFinding[]): { period: string; findings: ComplianceFinding[] }[] => {
  const groups = new Map<string, ComplianceFinding[]>();
  for (const f of findings) groups.set(f.period, [...(groups.get(f.period) ?? []), f]);
  // `2026-12` > `2026-Q4` > `2026`: the end of each period orders them.
  const end = (p: string) => `${periodRange(p).end}|${p.length}`;
  return [...groups].map(([period, list]) => ({ period, findings: list })).sort((a, b) => end(b.period).localeCompare(end(a.period)));
};

/** 三会一课完成率 in whole percent: 1 − owed/required, or null when nothing was due yet. */
export const completionRate = (c: { meetingsRequired: number; meetingsOwed: number }): number | null =>
  c.meetingsRequired > 0 ? Math.round((1 - c.meetingsOwed / c.meetingsRequired) * 100) : null;

/** The colour of a completion rate: red under 60%, orange under 90%. */
export const rateColor = (rate: number): string => (rate < 60 ? '#cf1322' : rate < 90 ? '#d46b08' : '#389e0d');

const TERM_TAGS: Record<TermStatus['status'], { color: string; label: string }> = {
  ok: { color: 'success', label: '正常' },
  due_soon: { color: 'warning', label: TERM_DUE_SOON_LABEL },
  overdue: { color: 'error', label: '已逾期' },
};

/** Where a committee's term stands: 正常, due soon or 已逾期. */
export const TermTag = ({ status }: { status: TermStatus['status'] }) => (
  <Tag color={TERM_TAGS[status].color} data-testid="term-status" data-status={status}>
    {TERM_TAGS[status].label}
  </Tag>
);

/** `1.2 MB`, `340 KB`. */
export const formatBytes = (n: number): string =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
