import { addMonths, addYears } from '../dates.js';
import { ageOn, MAX_EXTENSION_MONTHS, MIN_AGE, MIN_EXTENSION_MONTHS } from '../member/member.rules.js';
import { isBasicCommitteeOver } from '../org/org.rules.js';
import { stepDef } from './development.steps.js';

/** A vote at a 支部大会 (细则 Art. 20–21): counted against the voting 正式党员 who should attend. */
export interface Vote {
  shouldAttend: number;
  present: number;
  yes: number;
  /** Written yes votes handed in before the meeting by voting members who could not attend. */
  writtenYes: number;
}

/** What the step carries besides its date. */
export interface StepInput {
  step: number;
  date: string;
  vote?: Vote;
  trainingDays?: number;
  trainingHours?: number;
  /** At step 23: 按期转正, extend the probation once, or cancel. */
  outcome?: 'full' | 'extend' | 'cancel';
  extensionMonths?: number;
  /** Introducers at step 9: two 正式党员. */
  introducers?: number;
}

export interface DoneStep {
  step: number;
  date: string;
  outcome?: 'full' | 'extend' | 'cancel';
  extensionMonths?: number;
}

/** Settings for rules whose confidence is not high (RULES.md): defaults as given there. */
export interface DevelopmentSettings {
  /** C3: eligible on the 18th birthday (false: the day after). */
  ageOnBirthday: boolean;
}

export const DEFAULT_DEVELOPMENT_SETTINGS: DevelopmentSettings = { ageOnBirthday: true };

/** A refusal (the step is not recorded) or a warning (recorded, flagged), with the rule quoted. */
export interface StepVerdict {
  refusal?: string;
  warnings: string[];
}

const dateOf = (done: DoneStep[], step: number) => done.find((d) => d.step === step)?.date;

/**
 * Quorum and majority of a 支部大会 (细则 Art. 20–21; 支部工作条例 Art. 11): voting members present
 * must exceed half of those who should attend; yes votes (with written ones) must exceed half of
 * those who should attend — not of those present.
 */
export const voteProblem = (v: Vote): string | null => {
  if (v.present > v.shouldAttend || v.yes > v.present || v.shouldAttend <= 0)
    return '表决人数有误：到会人数不能多于应到人数，赞成票不能多于到会人数';
  if (v.present * 2 <= v.shouldAttend) {
    return `到会有表决权的党员${v.present}人，未超过应到会有表决权人数${v.shouldAttend}人的半数，会议无效（《中国共产党发展党员工作细则》第二十条）`;
  }
  if ((v.yes + v.writtenYes) * 2 <= v.shouldAttend) {
    return `赞成${v.yes + v.writtenYes}票（含书面意见${v.writtenYes}票），未超过应到会有表决权正式党员${v.shouldAttend}人的半数，不能通过（细则第二十一条）`;
  }
  return null;
};

/** The day probation ends: one year from the 支部大会 (党章 Art. 7), plus an extension if granted. */
export const probationEnd = (done: DoneStep[]): string | undefined => {
  const admitted = dateOf(done, 15);
  if (!admitted) return undefined;
  const extension = done.find((d) => d.step === 23 && d.outcome === 'extend')?.extensionMonths ?? 0;
  return addMonths(addYears(admitted, 1), extension);
};

/** The step that comes next: after an approved extension (24 after a 23 "extend") the branch discusses 转正 again (23). */
export const nextStepNo = (done: DoneStep[]): number | null => {
  const last = done.at(-1);
  if (!last) return 1;
  const decisions = done.filter((d) => d.step === 23);
  if (last.step === 24 && decisions.length === 1 && decisions[0]?.outcome === 'extend') return 23;
  if (last.step === 24 && decisions.at(-1)?.outcome === 'cancel') return null;
  return last.step >= 25 ? null : last.step + 1;
};

/**
 * Is `step` the one that comes next? The steps go in order (细则: 发展党员须按程序逐步进行); after an
 * approved extension (24 after a 23 "extend") the branch discusses 转正 again (23). A Chinese refusal, or null.
 */
export const orderProblem = (done: DoneStep[], step: number): string | null => {
  const def = stepDef(step);
  if (!def) return '步骤编号应为1至25';
  const next = nextStepNo(done);
  if (next === step) return null;
  if (next === null) return done.at(-1)?.step === 25 ? '发展党员的全部步骤已办结' : '该申请人已取消预备党员资格，不能再办理';
  return `应先完成第${next}步「${stepDef(next)?.name ?? ''}」，不能直接办理第${step}步「${def.name}」（发展党员须按程序逐步进行）`;
};

/** Step 23's decisions, as the branch records them. */
export const PROBATION_OUTCOME_LABELS = { full: '按期转正', extend: '延长预备期', cancel: '取消预备党员资格' } as const;

/**
 * Checks one step against the steps already done (RULES.md §1): order, dates, and every time rule
 * of the 细则. `birthDate` is the applicant's; `today` bounds dates.
 */
export const checkStep = (
  done: DoneStep[],
  input: StepInput,
  ctx: { birthDate: string; today: string; settings?: DevelopmentSettings },
): StepVerdict => {
  const warnings: string[] = [];
  const refuse = (refusal: string): StepVerdict => ({ refusal, warnings });
  const order = orderProblem(done, input.step);
  if (order) return refuse(order);
  const last = done.at(-1);
  if (input.date > ctx.today) return refuse('日期不能晚于今天');
  if (last && input.date < last.date) return refuse(`日期不能早于上一步「${stepDef(last.step)?.name}」的日期（${last.date}）`);

  const s = ctx.settings ?? DEFAULT_DEVELOPMENT_SETTINGS;
  switch (input.step) {
    case 1: {
      const age = ageOn(ctx.birthDate, input.date);
      const tooYoung = age < MIN_AGE || (!s.ageOnBirthday && input.date === addYears(ctx.birthDate, MIN_AGE));
      if (tooYoung) return refuse(`递交入党申请书时未满十八周岁（党章第一条；细则第五条），应在年满十八岁后重新递交`);
      break;
    }
    case 2: {
      const due = addMonths(dateOf(done, 1) as string, 1);
      if (input.date > due) warnings.push(`谈话晚于收到申请书后一个月（应在${due}前，细则第七条）`);
      break;
    }
    case 7: {
      const activist = dateOf(done, 3) as string;
      const earliest = addYears(activist, 1);
      if (input.date < earliest) {
        return refuse(`确定为入党积极分子（${activist}）后须经一年以上培养教育和考察，${earliest}起方可确定为发展对象（细则第十三条）`);
      }
      break;
    }
    case 9:
      if (input.introducers !== undefined && input.introducers !== 2) return refuse('发展对象应有两名正式党员作入党介绍人（细则第十四条）');
      break;
    case 11:
      if ((input.trainingDays ?? 0) < 3 && (input.trainingHours ?? 0) < 24) {
        return refuse('集中培训时间一般不少于3天或不少于24学时（细则第十七条）');
      }
      break;
    case 15:
    case 23: {
      if (!input.vote) return refuse('支部大会讨论须填写表决情况（应到、实到、赞成票、书面赞成票）');
      const problem = voteProblem(input.vote);
      if (problem) return refuse(problem);
      if (input.step === 23) {
        const end = probationEnd(done) as string;
        if (input.date < end && input.outcome !== 'cancel') return refuse(`预备期至${end}届满，届满后方可讨论转正（党章第七条）`);
        if (!input.outcome) return refuse('请选择讨论结果：按期转正、延长预备期或取消预备党员资格');
        const alreadyExtended = done.some((d) => d.step === 23 && d.outcome === 'extend');
        if (input.outcome === 'extend') {
          if (alreadyExtended) return refuse('预备期只能延长一次（细则第三十二条）');
          const m = input.extensionMonths ?? 0;
          if (m < MIN_EXTENSION_MONTHS || m > MAX_EXTENSION_MONTHS)
            return refuse(`延长预备期不能少于${MIN_EXTENSION_MONTHS}个月、最长不超过${MAX_EXTENSION_MONTHS}个月（细则第三十二条）`);
        }
      }
      break;
    }
    case 17: {
      const meeting = dateOf(done, 15) as string;
      const due = addMonths(meeting, 3);
      const hardLimit = addMonths(meeting, 6);
      if (input.date > hardLimit) return refuse(`支部大会决议（${meeting}）后超过六个月未审批，须重新履行接收程序（细则第二十五条）`);
      if (input.date > due) warnings.push(`审批晚于支部大会后三个月（应在${due}前；特殊情况可延长，但不超过六个月，细则第二十五条）`);
      break;
    }
    case 20: {
      const end = probationEnd(done) as string;
      if (input.date > end) return refuse(`入党宣誓应在预备期内（${end}前）进行（党章第六条）`);
      break;
    }
    case 24: {
      const meeting = done.filter((d) => d.step === 23).at(-1)?.date as string;
      const due = addMonths(meeting, 3);
      if (input.date > due) warnings.push(`上级党委应在三个月内审批转正（应在${due}前，细则第三十四条）`);
      break;
    }
  }
  return { warnings };
};

/** A deadline is raised as a reminder this many days ahead (a product choice, not a rule). */
export const REMINDER_LEAD_DAYS = 7;

/** The next step and the day it is due (or first allowed), for the deadline board. */
export const nextDeadline = (done: DoneStep[]): { step: number; kind: 'due' | 'earliest'; date: string } | null => {
  const last = done.at(-1);
  if (!last) return null;
  const d = (step: number) => dateOf(done, step) as string;
  switch (last.step) {
    case 1:
      return { step: 2, kind: 'due', date: addMonths(d(1), 1) };
    case 6:
      return { step: 7, kind: 'earliest', date: addYears(d(3), 1) };
    case 16:
      return { step: 17, kind: 'due', date: addMonths(d(15), 3) };
    case 21:
    case 22:
      return { step: last.step + 1, kind: 'due', date: probationEnd(done) as string };
    case 23:
      return { step: 24, kind: 'due', date: addMonths(last.date, 3) };
    case 24:
      return done.some((x) => x.step === 23 && x.outcome === 'extend') && done.filter((x) => x.step === 23).length === 1
        ? { step: 23, kind: 'due', date: probationEnd(done) as string }
        : { step: 25, kind: 'due', date: addMonths(last.date, 1) };
    default:
      return null;
  }
};

/**
 * Who may approve 预备党员 (RULES.md §1d, 共产党员网 Q&A 2017): a 基层党委 (党委 or 党工委) above the
 * branch. A 党总支 may not; nor may a 村 or 社区 党委 under a township (the township approves); nor
 * a 临时党组织.
 */
export const mayApproveAdmission = (approver: { type: string; domain: string; path: string }, branchPath: string): boolean =>
  isBasicCommitteeOver(approver, branchPath);
