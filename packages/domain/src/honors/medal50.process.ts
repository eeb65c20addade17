import { isMedal50Eligible, medal50Cutoff } from '../member/member.rules.js';
import { isBasicCommitteeOver } from '../org/org.rules.js';
import { committeeAbove, defineProcess, type EventContext, refuse } from '../workflow/process.js';
import { isCountyOrAboveCommittee, MEDAL50_STATUS_LABELS, type Medal50Status, medal50StepProblem } from './honors.js';

/**
 * 「光荣在党50年」纪念章 as a process on the one workflow engine (RULES.md §4): 推荐 by the 乡镇/基层党委
 * above the member's branch, 审核 by the 旗县级 组织部 with the 纪检监察 opinion (or 未通过), 颁发.
 */
export type Medal50State = 'draft' | Medal50Status;

/** What the rules read of a case: the member as they are now and the medal's year. */
export interface Medal50Subject {
  memberName: string;
  year: number;
  member: { status: 'probationary' | 'full'; fullMemberAt: string | null; exitType: string | null };
}

const SOURCE = '中办《关于做好"光荣在党50年"纪念章颁发工作的通知》';
const COUNTY_REFUSAL = `纪念章由旗县级以上党委组织部门审核、旗县级以上党委颁发（${SOURCE}）；您不是该党员所在旗县及以上党委的管理员`;

type Ctx = EventContext<Medal50State, Medal50Subject>;

const lastDate = (ctx: Ctx) => ctx.log.at(-1)?.date ?? ctx.enteredOn;

/** Order and dates of 审核 and 颁发; an award needs the member still on the roll. */
const stepGuard = (step: 2 | 3) => (ctx: Ctx, input: { date: string }) => {
  const problem = medal50StepProblem(
    { status: ctx.state as Medal50Status, year: ctx.subject.year, lastDate: lastDate(ctx) },
    step,
    input.date,
    ctx.today,
  );
  if (problem) return refuse('RULE_VIOLATION', problem, 'date');
  if (step === 3 && ctx.subject.member.exitType)
    return refuse('RULE_VIOLATION', `${ctx.subject.memberName}已不在册，纪念章只颁发给健在的党员`);
  return null;
};

export type Medal50Inputs = {
  recommend: { date: string; note?: string };
  review: { date: string; passed: boolean; disciplineOpinion: string; reason?: string };
  award: { date: string };
};

export const MEDAL50_PROCESS = defineProcess<Medal50State, Medal50Subject, Medal50Inputs>({
  kind: 'medal50',
  label: '「光荣在党50年」纪念章',
  initial: 'draft',
  states: {
    draft: { label: '待推荐' },
    recommended: { label: MEDAL50_STATUS_LABELS.recommended },
    reviewed: { label: MEDAL50_STATUS_LABELS.reviewed },
    awarded: { label: MEDAL50_STATUS_LABELS.awarded, final: true },
    rejected: { label: MEDAL50_STATUS_LABELS.rejected, final: true },
  },
  events: {
    recommend: {
      label: '推荐',
      from: ['draft'],
      to: 'recommended',
      who: committeeAbove(
        'honor.manage',
        (o, record) => isBasicCommitteeOver(o, record.path),
        `纪念章由党支部核实党龄后，经乡镇（街道）或基层党委推荐（${SOURCE}）；您不是该党员所在支部的上级基层党委管理员`,
      ),
      guard: (ctx, input) => {
        const { member, memberName, year } = ctx.subject;
        if (!isMedal50Eligible(member, year)) {
          return refuse(
            'RULE_VIOLATION',
            member.exitType
              ? `${memberName}已不在册，纪念章只颁发给健在的党员`
              : `${memberName}到${year}年7月1日党龄不满50年（转正日期须不晚于${medal50Cutoff(year)}；${SOURCE}）`,
          );
        }
        if (input.date > ctx.today) return refuse('INVALID_INPUT', '推荐日期不能晚于今天', 'date');
        return null;
      },
      step: () => 1,
    },
    review: {
      label: '审核',
      from: ['recommended'],
      to: (_ctx, input) => (input.passed ? 'reviewed' : 'rejected'),
      who: committeeAbove('honor.manage', isCountyOrAboveCommittee, COUNTY_REFUSAL),
      guard: stepGuard(2),
      step: () => 2,
    },
    award: {
      label: '颁发',
      from: ['reviewed'],
      to: 'awarded',
      who: committeeAbove('honor.manage', isCountyOrAboveCommittee, COUNTY_REFUSAL),
      guard: stepGuard(3),
      step: () => 3,
    },
  },
  // The domain's own wording for a step out of order ("应先推荐，再审核").
  outOfTurn: (ctx, event) =>
    event === 'recommend'
      ? null
      : medal50StepProblem(
          { status: ctx.state as Medal50Status, year: ctx.subject.year, lastDate: lastDate(ctx) },
          event === 'review' ? 2 : 3,
          ctx.today,
          ctx.today,
        ),
});
