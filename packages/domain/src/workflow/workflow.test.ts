import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../access/access.js';
import { DEVELOPMENT_PROCESS, developmentStateAfter } from '../development/development.process.js';
import { ENTRY_PROCESS, type EntryState, type EntrySubject, entryStateAt } from '../evaluation/entry.process.js';
import type { RoundStep } from '../evaluation/round.js';
import { MEDAL50_PROCESS, type Medal50State, type Medal50Subject } from '../honors/medal50.process.js';
import { addWorkingDays, businessCalendar, DEFAULT_CALENDAR, isWorkingDay, spanEnd } from './calendar.js';
import { decide, type EventContext, type LoggedEvent, nextEvents, type OrgFacts } from './process.js';

// city 1 → county 2 (旗县, division code) → township 3 (苏木) → village branch 4.
const CITY: OrgFacts = { id: 1, name: '市委', path: '1', type: 'committee', domain: 'mixed', divisionCode: '150500' };
const COUNTY: OrgFacts = { id: 2, name: '旗委', path: '1.2', type: 'committee', domain: 'mixed', divisionCode: '150521' };
const TOWN: OrgFacts = { id: 3, name: '苏木党委', path: '1.2.3', type: 'committee', domain: 'mixed', divisionCode: '150521101' };
const BRANCH: OrgFacts = { id: 4, name: '嘎查党支部', path: '1.2.3.4', type: 'branch', domain: 'village', divisionCode: null };
const CHAIN = [BRANCH, TOWN, COUNTY, CITY];

const actor = (role: Role, org: OrgFacts): Actor => ({ userId: 9, username: 'u', grants: [{ role, orgId: org.id, orgPath: org.path }] });

const ctxOf = <S extends string, Sub>(
  state: S,
  subject: Sub,
  who: Actor,
  extra: Partial<EventContext<S, Sub>> = {},
): EventContext<S, Sub> => ({
  subject,
  chain: CHAIN,
  state,
  seq: 0,
  enteredOn: '2026-01-01',
  log: [],
  actor: who,
  today: '2026-06-01',
  calendar: DEFAULT_CALENDAR,
  ...extra,
});

describe('business calendar (国务院办公厅 holiday notices, as data)', () => {
  it('weekends are off, 调休 weekend days are worked, holidays are off', () => {
    expect(isWorkingDay(DEFAULT_CALENDAR, '2026-10-09')).toBe(true); // Friday
    expect(isWorkingDay(DEFAULT_CALENDAR, '2026-10-11')).toBe(false); // Sunday
    expect(isWorkingDay(DEFAULT_CALENDAR, '2026-10-10')).toBe(true); // Saturday, 调休
    expect(isWorkingDay(DEFAULT_CALENDAR, '2026-10-05')).toBe(false); // 国庆 Monday
  });

  it('counts working days across 国庆: 5 working days from 2026-09-30 end on 2026-10-13', () => {
    // 10-01..10-07 off, 10-08 Thu, 10-09 Fri, 10-10 Sat (调休), 10-12 Mon, 10-13 Tue.
    expect(addWorkingDays(DEFAULT_CALENDAR, '2026-09-30', 5)).toBe('2026-10-13');
    expect(addWorkingDays(DEFAULT_CALENDAR, '2026-06-05', 1)).toBe('2026-06-08');
    expect(spanEnd(DEFAULT_CALENDAR, '2026-09-30', { days: 5 })).toBe('2026-10-05');
    expect(spanEnd(DEFAULT_CALENDAR, '2026-01-31', { months: 1 })).toBe('2026-02-28');
  });

  it('an administrator extends a later year: an added holiday is off, an added 调休 day is worked', () => {
    const cal = businessCalendar([
      { date: '2027-01-01', kind: 'holiday' },
      { date: '2027-02-06', kind: 'workday' },
    ]);
    expect(isWorkingDay(DEFAULT_CALENDAR, '2027-01-01')).toBe(true);
    expect(isWorkingDay(cal, '2027-01-01')).toBe(false);
    expect(isWorkingDay(cal, '2027-02-06')).toBe(true);
    // An added day replaces a shipped one.
    expect(isWorkingDay(businessCalendar([{ date: '2026-10-10', kind: 'holiday' }]), '2026-10-10')).toBe(false);
  });
});

describe('decide: state, then who, then gate, then guard', () => {
  const applicant = { name: '苏日娜', birthDate: '1998-04-02' };
  const log: LoggedEvent[] = [
    {
      seq: 1,
      event: 'step1',
      step: 1,
      date: '2026-01-10',
      data: {},
      warnings: [],
      actorId: 1,
      actorName: 'a',
      orgId: 4,
      orgPath: BRANCH.path,
      orgName: BRANCH.name,
    },
  ];

  it('refuses an event out of turn with the process wording', () => {
    const d = decide(DEVELOPMENT_PROCESS, ctxOf('step2', applicant, actor('branch_admin', BRANCH), { log }), 'step3', {
      step: 3,
      date: '2026-02-01',
    });
    expect(d).toMatchObject({ code: 'WORKFLOW_INVALID_TRANSITION' });
    expect('message' in d && d.message).toContain('应先完成第2步');
  });

  it('a branch step: the branch or above acts, for its nearest grant', () => {
    const d = decide(DEVELOPMENT_PROCESS, ctxOf('step2', applicant, actor('org_admin', TOWN), { log }), 'step2', {
      step: 2,
      date: '2026-01-20',
    });
    expect(d).toMatchObject({ to: 'step3', org: { id: TOWN.id }, step: 2 });
    const member = decide(DEVELOPMENT_PROCESS, ctxOf('step2', applicant, actor('member', BRANCH), { log }), 'step2', {
      step: 2,
      date: '2026-01-20',
    });
    expect(member).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a committee step needs a 基层党委 strictly above the branch: the branch itself may not', () => {
    const steps = [1, 2, 3].map(
      (n, i): LoggedEvent => ({ ...(log[0] as LoggedEvent), seq: i + 1, event: `step${n}`, step: n, date: `2026-0${i + 1}-10` }),
    );
    const byBranch = decide(DEVELOPMENT_PROCESS, ctxOf('step4', applicant, actor('org_admin', BRANCH), { log: steps }), 'step4', {
      step: 4,
      date: '2026-04-01',
    });
    expect(byBranch).toMatchObject({ code: 'FORBIDDEN' });
    const byTown = decide(DEVELOPMENT_PROCESS, ctxOf('step4', applicant, actor('org_admin', TOWN), { log: steps }), 'step4', {
      step: 4,
      date: '2026-04-01',
    });
    expect(byTown).toMatchObject({ to: 'step5', org: { id: TOWN.id } });
  });

  it('the guard refuses what the rules refuse, and passes warnings on', () => {
    const late = decide(DEVELOPMENT_PROCESS, ctxOf('step2', applicant, actor('branch_admin', BRANCH), { log }), 'step2', {
      step: 2,
      date: '2026-03-01',
    });
    expect(late).toMatchObject({ to: 'step3' });
    expect('warnings' in late && late.warnings[0]).toContain('一个月');
    const future = decide(DEVELOPMENT_PROCESS, ctxOf('step2', applicant, actor('branch_admin', BRANCH), { log }), 'step2', {
      step: 2,
      date: '2026-07-01',
    });
    expect(future).toMatchObject({ code: 'RULE_VIOLATION', message: '日期不能晚于今天' });
  });

  it('after step 24 with an extension the instance waits for 23 again; after a cancellation it is closed', () => {
    const d = (step: number, extra = {}) => ({ step, date: '2025-01-01', ...extra });
    expect(developmentStateAfter([d(22), d(23, { outcome: 'extend', extensionMonths: 6 }), d(24)])).toBe('step23');
    expect(developmentStateAfter([d(23, { outcome: 'cancel' }), d(24)])).toBe('cancelled');
    expect(developmentStateAfter([d(24), d(25)])).toBe('archived');
  });
});

describe('「光荣在党50年」 on the engine', () => {
  const subject: Medal50Subject = {
    memberName: '老党员',
    year: 2026,
    member: { status: 'full', fullMemberAt: '1970-01-01', exitType: null },
  };
  const ctx = (state: Medal50State, who: Actor, extra: Partial<EventContext<Medal50State, Medal50Subject>> = {}) =>
    ctxOf(state, subject, who, extra);

  it('the township recommends; the county reviews and awards; a township cannot review', () => {
    expect(decide(MEDAL50_PROCESS, ctx('draft', actor('org_admin', TOWN)), 'recommend', { date: '2026-05-01' })).toMatchObject({
      to: 'recommended',
      org: { id: TOWN.id },
    });
    const review = { date: '2026-05-10', passed: true, disciplineOpinion: '无意见' };
    expect(decide(MEDAL50_PROCESS, ctx('recommended', actor('org_admin', TOWN)), 'review', review)).toMatchObject({ code: 'FORBIDDEN' });
    expect(decide(MEDAL50_PROCESS, ctx('recommended', actor('org_admin', COUNTY)), 'review', review)).toMatchObject({
      to: 'reviewed',
      org: { id: COUNTY.id },
    });
    expect(decide(MEDAL50_PROCESS, ctx('recommended', actor('org_admin', COUNTY)), 'review', { ...review, passed: false })).toMatchObject({
      to: 'rejected',
    });
  });

  it('an award before review is refused in the domain wording; a member no longer on the roll gets none', () => {
    const award = decide(MEDAL50_PROCESS, ctx('recommended', actor('org_admin', COUNTY)), 'award', { date: '2026-06-01' });
    expect(award).toMatchObject({ code: 'WORKFLOW_INVALID_TRANSITION' });
    expect('message' in award && award.message).toContain('审核');
    const gone = ctxOf<Medal50State, Medal50Subject>(
      'reviewed',
      { ...subject, member: { ...subject.member, exitType: 'deceased' } },
      actor('org_admin', COUNTY),
    );
    expect(decide(MEDAL50_PROCESS, gone, 'award', { date: '2026-06-01' })).toMatchObject({ code: 'RULE_VIOLATION' });
  });

  it('too short a party age is refused at 推荐, naming the cut-off day', () => {
    const young = ctxOf<Medal50State, Medal50Subject>(
      'draft',
      { ...subject, member: { ...subject.member, fullMemberAt: '1976-07-02' } },
      actor('org_admin', TOWN),
    );
    const d = decide(MEDAL50_PROCESS, young, 'recommend', { date: '2026-05-01' });
    expect('message' in d && d.message).toContain('1976-07-01');
  });
});

describe('evaluation entries on the engine', () => {
  const steps: RoundStep[] = [
    { kind: 'self', name: '党支部自评', opensAt: '2026-05-01', closesAt: '2026-05-31' },
    { kind: 'review', name: '基层党委评定', opensAt: '2026-05-01', closesAt: '2026-06-30' },
    { kind: 'approve', name: '审定', opensAt: '2026-05-01', closesAt: '2026-07-31' },
    { kind: 'publicity', name: '公示', opensAt: '2026-05-01', closesAt: '2026-07-31' },
  ];
  const subject: EntrySubject = { steps, roundPath: COUNTY.path, reviewerPath: null, publicityTo: null, openObjections: 0 };
  const ctx = (state: EntryState, who: Actor, sub: Partial<EntrySubject> = {}, today = '2026-05-20') =>
    ctxOf(state, { ...subject, ...sub }, who, { today });

  it('states follow the round’s own steps; the last step leads to published', () => {
    expect(entryStateAt(steps, 0)).toBe('self');
    expect(entryStateAt(steps, 4)).toBe('published');
    expect(decide(ENTRY_PROCESS, ctx('self', actor('branch_admin', BRANCH)), 'file_self', {})).toMatchObject({ to: 'review', step: 0 });
  });

  it('a window that has closed refuses, the closing day included is open', () => {
    expect(decide(ENTRY_PROCESS, ctx('self', actor('branch_admin', BRANCH), {}, '2026-05-31'), 'file_self', {})).toMatchObject({
      to: 'review',
    });
    const late = decide(ENTRY_PROCESS, ctx('self', actor('branch_admin', BRANCH), {}, '2026-06-01'), 'file_self', {});
    expect('message' in late && late.message).toContain('已于2026-05-31截止');
  });

  it('评定 by a 党委 strictly above; 审定 above the reviewer, and the reviewer itself may not approve', () => {
    expect(decide(ENTRY_PROCESS, ctx('review', actor('org_admin', BRANCH)), 'review', {})).toMatchObject({ code: 'FORBIDDEN' });
    expect(decide(ENTRY_PROCESS, ctx('review', actor('org_admin', TOWN)), 'review', {})).toMatchObject({
      to: 'approve',
      org: { id: TOWN.id },
    });
    const reviewed = { reviewerPath: TOWN.path };
    expect(decide(ENTRY_PROCESS, ctx('approve', actor('org_admin', TOWN), reviewed), 'approve', {})).toMatchObject({ code: 'FORBIDDEN' });
    expect(decide(ENTRY_PROCESS, ctx('approve', actor('org_admin', COUNTY), reviewed), 'approve', {})).toMatchObject({ to: 'publicity' });
  });

  it('publish waits for 公示 to end and every objection to be answered; an upheld objection goes back to 评定', () => {
    const county = actor('org_admin', COUNTY);
    const during = ctx('publicity', county, { reviewerPath: TOWN.path, publicityTo: '2026-05-26' }, '2026-05-26');
    expect(decide(ENTRY_PROCESS, during, 'publish', {})).toMatchObject({ code: 'RULE_VIOLATION' });
    const open = ctx('publicity', county, { reviewerPath: TOWN.path, publicityTo: '2026-05-26', openObjections: 1 }, '2026-05-27');
    expect(decide(ENTRY_PROCESS, open, 'publish', {})).toMatchObject({ code: 'RULE_VIOLATION' });
    const done = ctx('publicity', county, { reviewerPath: TOWN.path, publicityTo: '2026-05-26' }, '2026-05-27');
    expect(decide(ENTRY_PROCESS, done, 'publish', {})).toMatchObject({ to: 'published' });
    expect(decide(ENTRY_PROCESS, during, 'answer_objection', { decision: 'upheld' })).toMatchObject({ to: 'review' });
    expect(decide(ENTRY_PROCESS, done, 'object', {})).toMatchObject({ code: 'RULE_VIOLATION' });
  });

  it('nextEvents lists what the state offers, with mayAct and whyNot for this reader', () => {
    const events = nextEvents(ENTRY_PROCESS, ctx('approve', actor('org_admin', TOWN), { reviewerPath: TOWN.path }));
    expect(events.map((e) => e.event)).toEqual(['return', 'approve']);
    expect(events.every((e) => !e.mayAct && e.whyNot?.includes('评定与审定不能是同一单位'))).toBe(true);
  });
});
