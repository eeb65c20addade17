/**
 * 三会一课 and the other branch meetings (《中国共产党支部工作条例（试行）》2018; RULES.md §2): what
 * each meeting is, when it counts as valid, and what a branch owes in a year.
 */
export const MEETING_TYPES = [
  'general_assembly',
  'committee',
  'group',
  'lecture',
  'theme_day',
  'life_meeting',
  'appraisal',
  'talk',
] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

/** A meeting is recorded as planned (计划召开), then as held (已召开). */
export const MEETING_STATUSES = ['planned', 'held'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_TYPE_LABELS: Record<MeetingType, string> = {
  general_assembly: '支部党员大会',
  committee: '支委会',
  group: '党小组会',
  lecture: '党课',
  theme_day: '主题党日',
  life_meeting: '组织生活会',
  appraisal: '民主评议党员',
  talk: '谈心谈话',
};

/** The uncertain readings, as settings with RULES.md's defaults. */
export interface MeetingSettings {
  /** 党课每季度至少1次 is a local standard, not the 2018 条例 (confidence low): on for Tongliao by default. */
  quarterlyLecture: boolean;
}
export const DEFAULT_MEETING_SETTINGS: MeetingSettings = { quarterlyLecture: true };

/**
 * On an org's roll on `day`: admitted by then (from the day the 支部大会 admitted them as 预备党员,
 * 党章第七条) and not yet gone: the day of leaving (转出, 逝世 …) no longer counts.
 */
export const onRollOn = (m: { joinedAt: string; exitAt?: string | null }, day: string): boolean =>
  m.joinedAt <= day && (m.exitAt === null || m.exitAt === undefined || m.exitAt > day);

/**
 * A vote on `day`: 正式党员 from their 转正 day; 预备党员 have none (党章第七条; 基层组织选举工作条例
 * 第五条). Who counts towards a 党员大会's quorum.
 */
export const hasVoteOn = (m: { fullMemberAt: string | null }, day: string): boolean => m.fullMemberAt !== null && m.fullMemberAt <= day;

/** A committee in office on `day`: elected by then and not yet succeeded (支部工作条例第二十一条). Whose quorum a 支委会 counts. */
export const inOfficeOn = (c: { electedAt: string; endedAt: string | null }, day: string): boolean =>
  c.electedAt <= day && (c.endedAt === null || c.endedAt > day);

/**
 * The date of a meeting against `today`: one held has happened (on or before today); one planned is
 * still to come (today or later). Records are kept as they happen (支部工作条例第十一条至第十五条 ask
 * for 会议记录), so neither a future record nor a back-dated plan is taken. Returns the reason, or null.
 */
export const meetingDateProblem = (status: MeetingStatus, date: string, today: string): string | null => {
  if (status === 'held' && date > today) return '已召开的会议日期不能晚于今天';
  if (status === 'planned' && date < today) return '计划召开的日期不能早于今天';
  return null;
};

/**
 * Quorum of a meeting (条例 Arts. 11–12): a 党员大会 needs half or more of the members with a vote
 * (正式党员; 预备党员 have none) present; a 支委会 half or more of the committee. Returns a Chinese
 * reason, or null when the meeting is valid.
 */
export const quorumProblem = (type: MeetingType, c: { shouldAttend: number; present: number }): string | null => {
  if (c.present > c.shouldAttend) return `实到人数（${c.present}）不能多于应到人数（${c.shouldAttend}）`;
  if (type !== 'general_assembly' && type !== 'committee') return null;
  if (c.shouldAttend === 0) return null;
  if (c.present * 2 >= c.shouldAttend) return null;
  return type === 'general_assembly'
    ? `有表决权的到会党员${c.present}人，不足应到${c.shouldAttend}人的半数，党员大会不能召开（《中国共产党支部工作条例（试行）》第十一条）`
    : `到会支委${c.present}人，不足支委会成员${c.shouldAttend}人的半数，支委会不能召开（《中国共产党支部工作条例（试行）》第十二条）`;
};

export type Period = { kind: 'month' | 'quarter' | 'year'; index: number };

/** One requirement of the compliance calendar: `type` at least once in every period of `kind`. */
export interface MeetingRequirement {
  code: string;
  type: MeetingType;
  per: Period['kind'];
  /** When the requirement applies to the branch. */
  when?: 'has_committee' | 'has_groups';
  /** The rule, quoted in a finding. */
  source: string;
}

/** The calendar (RULES.md §2, "scheduling or compliance calendar"). */
export const meetingRequirements = (settings: MeetingSettings = DEFAULT_MEETING_SETTINGS): MeetingRequirement[] => [
  {
    code: 'meeting.general_assembly.quarter',
    type: 'general_assembly',
    per: 'quarter',
    source: '支部党员大会一般每季度召开1次（《中国共产党支部工作条例（试行）》第十一条）',
  },
  {
    code: 'meeting.committee.month',
    type: 'committee',
    per: 'month',
    when: 'has_committee',
    source: '支部委员会会议一般每月召开1次（条例第十二条）',
  },
  { code: 'meeting.group.month', type: 'group', per: 'month', when: 'has_groups', source: '党小组会一般每月召开1次（条例第十三条）' },
  { code: 'meeting.theme_day.month', type: 'theme_day', per: 'month', source: '党支部每月相对固定1天开展主题党日（条例第十六条）' },
  settings.quarterlyLecture
    ? { code: 'meeting.lecture.quarter', type: 'lecture', per: 'quarter', source: '党课每季度至少1次（本地要求，可在设置中关闭）' }
    : { code: 'meeting.lecture.year', type: 'lecture', per: 'year', source: '党支部书记每年至少讲1次党课（条例第十六条）' },
  {
    code: 'meeting.life_meeting.year',
    type: 'life_meeting',
    per: 'year',
    source: '组织生活会一般每年召开1次，多安排在第四季度（条例第十七条）',
  },
  {
    code: 'meeting.appraisal.year',
    type: 'appraisal',
    per: 'year',
    source: '民主评议党员一般每年开展1次（《中国共产党支部工作条例（试行）》）',
  },
  {
    code: 'meeting.talk.year',
    type: 'talk',
    per: 'year',
    source: '支委之间、支委和党员之间、党员和党员之间每年谈心谈话一般不少于1次（条例第十八条）',
  },
];

const PERIOD_NAME = {
  month: (i: number) => `${i}月`,
  quarter: (i: number) => `第${'一二三四'[i - 1]}季度`,
  year: () => '全年',
};

const periodOf = (date: string, kind: Period['kind']): number => {
  const month = Number(date.slice(5, 7));
  return kind === 'month' ? month : kind === 'quarter' ? Math.ceil(month / 3) : 1;
};

/** The last day of a period of `year`. */
const periodEnd = (year: number, p: Period): string => {
  const lastMonth = p.kind === 'month' ? p.index : p.kind === 'quarter' ? p.index * 3 : 12;
  const day = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return `${year}-${String(lastMonth).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

export interface ComplianceFinding {
  code: string;
  /** `2026-08`, `2026-Q3` or `2026`. */
  period: string;
  message: string;
  /** The 党小组 a 党小组会 finding is about. */
  groupId?: number;
  /** How many people a finding is about (members in arrears). */
  count?: number;
}

export interface ComplianceCalendar {
  /** Meetings the rules required in the periods ended so far (the completion rate's denominator). */
  required: number;
  findings: ComplianceFinding[];
}

/**
 * What a branch owes for `year` as of `asOf`: for every requirement that applies, each period that
 * has ended without a held meeting of the type. A period still running owes nothing yet. Each
 * 党小组 owes its own 党小组会 (条例第十三条) from the month it was set up; a held 党小组会 counts for
 * the group it names.
 */
export const meetingCalendar = (
  year: number,
  asOf: string,
  held: { type: MeetingType; date: string; groupId?: number | null }[],
  branch: { hasCommittee: boolean; groups: { id: number; name: string; since?: string }[] },
  settings: MeetingSettings = DEFAULT_MEETING_SETTINGS,
): ComplianceCalendar => {
  const findings: ComplianceFinding[] = [];
  let required = 0;
  const inYear = held.filter((m) => m.date.startsWith(`${year}-`));
  for (const req of meetingRequirements(settings)) {
    if (req.when === 'has_committee' && !branch.hasCommittee) continue;
    const subjects: { groupId?: number; name: string; since?: string }[] =
      req.when === 'has_groups' ? branch.groups.map((g) => ({ groupId: g.id, name: g.name, since: g.since })) : [{ name: '' }];
    const count = req.per === 'month' ? 12 : req.per === 'quarter' ? 4 : 1;
    for (const subject of subjects) {
      for (let index = 1; index <= count; index++) {
        const p: Period = { kind: req.per, index };
        if (periodEnd(year, p) >= asOf) continue;
        // A 党小组 set up later owes nothing for the months before it existed.
        if (subject.since && periodEnd(year, p) < subject.since) continue;
        required++;
        const met = inYear.some(
          (m) =>
            m.type === req.type && periodOf(m.date, req.per) === index && (subject.groupId === undefined || m.groupId === subject.groupId),
        );
        if (met) continue;
        const period =
          req.per === 'month' ? `${year}-${String(index).padStart(2, '0')}` : req.per === 'quarter' ? `${year}-Q${index}` : `${year}`;
        findings.push({
          code: req.code,
          period,
          message: `${year}年${PERIOD_NAME[req.per](index)}${subject.name ? `「${subject.name}」` : ''}未召开${MEETING_TYPE_LABELS[req.type]}：${req.source}`,
          ...(subject.groupId === undefined ? {} : { groupId: subject.groupId }),
        });
      }
    }
  }
  return { required, findings };
};
