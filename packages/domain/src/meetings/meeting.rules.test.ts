import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MEETING_SETTINGS,
  hasVoteOn,
  inOfficeOn,
  type MeetingType,
  meetingCalendar,
  meetingDateProblem,
  onRollOn,
  quorumProblem,
} from './meeting.rules.js';

describe('meeting quorum (支部工作条例 Arts. 11–12: half or more present)', () => {
  it.each([
    ['general_assembly', 10, 5, null],
    ['general_assembly', 10, 4, '第十一条'],
    ['general_assembly', 9, 5, null], // 5 of 9 is more than half
    ['general_assembly', 9, 4, '半数'],
    ['committee', 5, 3, null],
    ['committee', 4, 2, null], // exactly half counts
    ['committee', 5, 2, '第十二条'],
    ['theme_day', 30, 1, null], // no quorum rule
  ] as [MeetingType, number, number, string | null][])('%s: %i should attend, %i present → %s', (type, shouldAttend, present, words) => {
    const r = quorumProblem(type, { shouldAttend, present });
    if (words === null) expect(r).toBeNull();
    else expect(r).toContain(words);
  });
  it('present cannot exceed those who should attend', () => {
    expect(quorumProblem('committee', { shouldAttend: 3, present: 4 })).toContain('不能多于');
  });
});

describe('compliance calendar (RULES.md §2): periods that ended without the meeting', () => {
  const findings = (...args: Parameters<typeof meetingCalendar>) => meetingCalendar(...args).findings;
  const everyMonth = (type: MeetingType) =>
    Array.from({ length: 12 }, (_, i) => ({
      type,
      date: `2026-${String(i + 1).padStart(2, '0')}-10`,
      groupId: type === 'group' ? 1 : null,
    }));
  const full = [
    ...everyMonth('committee'),
    ...everyMonth('theme_day'),
    ...everyMonth('group'),
    ...[2, 5, 8, 11].flatMap((m) => [
      { type: 'general_assembly' as const, date: `2026-${String(m).padStart(2, '0')}-15` },
      { type: 'lecture' as const, date: `2026-${String(m).padStart(2, '0')}-16` },
    ]),
    { type: 'life_meeting' as const, date: '2026-12-20' },
    { type: 'appraisal' as const, date: '2026-12-21' },
    { type: 'talk' as const, date: '2026-11-01' },
  ];
  const branch = { hasCommittee: true, groups: [{ id: 1, name: '第一党小组' }] };

  it('a branch that held everything owes nothing for the year', () => {
    expect(findings(2026, '2027-01-01', full, branch)).toEqual([]);
  });

  it('names the missing month, quarter and year with a stable code and the rule', () => {
    const held = full.filter(
      (m) =>
        !(m.type === 'committee' && m.date.startsWith('2026-08')) &&
        !(m.type === 'general_assembly' && m.date === '2026-08-15') &&
        m.type !== 'life_meeting',
    );
    const f = findings(2026, '2027-01-01', held, branch);
    expect(f.map((x) => [x.code, x.period])).toEqual([
      ['meeting.general_assembly.quarter', '2026-Q3'],
      ['meeting.committee.month', '2026-08'],
      ['meeting.life_meeting.year', '2026'],
    ]);
    expect(f[1]?.message).toBe('2026年8月未召开支委会：支部委员会会议一般每月召开1次（条例第十二条）');
    expect(f[0]?.message).toContain('第三季度');
  });

  it('a period still running owes nothing yet; its last day is still on time', () => {
    const f = findings(2026, '2026-08-31', [], { hasCommittee: true, groups: [] });
    expect(f.filter((x) => x.code === 'meeting.committee.month').map((x) => x.period)).toEqual(
      ['01', '02', '03', '04', '05', '06', '07'].map((m) => `2026-${m}`),
    );
    expect(f.some((x) => x.code === 'meeting.life_meeting.year')).toBe(false);
    expect(f.filter((x) => x.code === 'meeting.general_assembly.quarter').map((x) => x.period)).toEqual(['2026-Q1', '2026-Q2']);
  });

  it('no committee and no groups: those meetings are not owed; the quarterly 党课 is a setting', () => {
    const f = findings(2026, '2027-01-01', [], { hasCommittee: false, groups: [] });
    expect(f.some((x) => x.code.startsWith('meeting.committee') || x.code.startsWith('meeting.group'))).toBe(false);
    expect(f.filter((x) => x.code === 'meeting.lecture.quarter')).toHaveLength(4);
    const yearly = findings(
      2026,
      '2027-01-01',
      [],
      { hasCommittee: false, groups: [] },
      { ...DEFAULT_MEETING_SETTINGS, quarterlyLecture: false },
    );
    expect(yearly.filter((x) => x.code.startsWith('meeting.lecture')).map((x) => x.code)).toEqual(['meeting.lecture.year']);
  });

  it('meetings of another year do not count', () => {
    const f = findings(2026, '2027-01-01', [{ type: 'life_meeting', date: '2025-12-20' }], branch);
    expect(f.some((x) => x.code === 'meeting.life_meeting.year')).toBe(true);
  });

  it('each 党小组 owes its own monthly meeting; a meeting of one group does not count for another', () => {
    const groups = [
      { id: 1, name: '第一党小组' },
      { id: 2, name: '第二党小组' },
    ];
    const f = findings(2026, '2026-03-01', [{ type: 'group', date: '2026-01-05', groupId: 1 }], { hasCommittee: false, groups });
    const group = f.filter((x) => x.code === 'meeting.group.month');
    expect(group.map((x) => [x.period, x.groupId])).toEqual([
      ['2026-02', 1],
      ['2026-01', 2],
      ['2026-02', 2],
    ]);
    expect(group[1]?.message).toBe('2026年1月「第二党小组」未召开党小组会：党小组会一般每月召开1次（条例第十三条）');
  });

  it('a 党小组 set up during the year owes from the month it was set up', () => {
    const groups = [{ id: 3, name: '新设党小组', since: '2026-03-31' }];
    const periods = findings(2026, '2026-06-01', [], { hasCommittee: false, groups })
      .filter((x) => x.code === 'meeting.group.month')
      .map((x) => x.period);
    expect(periods).toEqual(['2026-03', '2026-04', '2026-05']);
  });

  it('counts what was required in the periods ended, for the completion rate', () => {
    const c = meetingCalendar(2026, '2026-04-01', [], { hasCommittee: true, groups: [] });
    // 3 months of 支委会 and 主题党日, Q1 党员大会 and 党课
    expect(c.required).toBe(8);
    expect(c.findings).toHaveLength(8);
    expect(meetingCalendar(2026, '2027-01-01', full, branch)).toEqual({ required: 12 * 3 + 4 * 2 + 3, findings: [] });
  });
});

describe('who counts on the day, and when a meeting may be dated', () => {
  it('is on the roll from the day admitted until the day before leaving', () => {
    const m = { joinedAt: '2026-03-01', exitAt: '2026-09-01' };
    expect(onRollOn(m, '2026-02-28')).toBe(false);
    expect(onRollOn(m, '2026-03-01')).toBe(true);
    expect(onRollOn(m, '2026-08-31')).toBe(true);
    expect(onRollOn(m, '2026-09-01')).toBe(false);
    expect(onRollOn({ joinedAt: '2026-03-01', exitAt: null }, '2030-01-01')).toBe(true);
    expect(onRollOn({ joinedAt: '2026-03-01' }, '2030-01-01')).toBe(true);
  });

  it('votes from the 转正 day; a 预备党员 has no vote (党章第七条)', () => {
    expect(hasVoteOn({ fullMemberAt: null }, '2026-06-01')).toBe(false);
    expect(hasVoteOn({ fullMemberAt: '2026-06-01' }, '2026-05-31')).toBe(false);
    expect(hasVoteOn({ fullMemberAt: '2026-06-01' }, '2026-06-01')).toBe(true);
  });

  it('a committee is in office from its election until its successor', () => {
    const c = { electedAt: '2023-04-01', endedAt: '2026-04-01' };
    expect(inOfficeOn(c, '2023-03-31')).toBe(false);
    expect(inOfficeOn(c, '2023-04-01')).toBe(true);
    expect(inOfficeOn(c, '2026-03-31')).toBe(true);
    expect(inOfficeOn(c, '2026-04-01')).toBe(false);
    expect(inOfficeOn({ electedAt: '2023-04-01', endedAt: null }, '2030-01-01')).toBe(true);
  });

  it('a held meeting is dated today or before, a planned one today or after', () => {
    expect(meetingDateProblem('held', '2026-11-26', '2026-11-26')).toBeNull();
    expect(meetingDateProblem('held', '2026-11-27', '2026-11-26')).toContain('不能晚于今天');
    expect(meetingDateProblem('planned', '2026-11-26', '2026-11-26')).toBeNull();
    expect(meetingDateProblem('planned', '2026-11-25', '2026-11-26')).toContain('不能早于今天');
  });
});
