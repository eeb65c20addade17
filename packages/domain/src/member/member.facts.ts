import { addYears } from '../dates.js';
import { ID_ERROR_MESSAGES, type ParsedIdNumber, parseIdNumber } from './idnumber.js';
import { fullMemberDateProblem, PROBATION_YEARS, underAgeProblem } from './member.rules.js';

export interface FieldProblem {
  field: string;
  message: string;
}

/** The facts of a member record that must agree with each other; the shape is checked by zod first. */
export interface MemberFacts {
  gender: 'male' | 'female';
  idNumber: string;
  joinedAt: string;
  fullMemberAt?: string | null;
  status: 'probationary' | 'full';
  exitType?: string | null;
  exitAt?: string | null;
}

/**
 * Cross-checks one member record on `today`: a valid ID whose gender matches, 18 or older on the
 * 入党日期 (党章 Art. 1), dates not in the future, 转正日期 per 细则 Art. 32, status and 转正日期
 * consistent, an exit with its date. Returns every problem by field, in Chinese.
 */
export const memberFactProblems = (m: MemberFacts, today: string): { problems: FieldProblem[]; id?: ParsedIdNumber } => {
  const problems: FieldProblem[] = [];
  const parsed = parseIdNumber(m.idNumber, today);
  const id = parsed.ok ? parsed.id : undefined;
  if (!parsed.ok) problems.push({ field: 'idNumber', message: ID_ERROR_MESSAGES[parsed.error] });
  if (id && id.gender !== m.gender) {
    problems.push({ field: 'gender', message: `性别与公民身份号码不符（号码第17位表明为${id.gender === 'male' ? '男' : '女'}性）` });
  }
  if (m.joinedAt > today) problems.push({ field: 'joinedAt', message: '入党日期不能晚于今天' });
  const underAge = id && m.joinedAt <= today ? underAgeProblem(id.birthDate, m.joinedAt) : null;
  if (underAge) problems.push({ field: 'joinedAt', message: underAge });
  if (m.status === 'full' && !m.fullMemberAt) problems.push({ field: 'fullMemberAt', message: '正式党员须填写转正日期' });
  if (m.status === 'probationary' && m.fullMemberAt) problems.push({ field: 'fullMemberAt', message: '预备党员不应有转正日期' });
  if (m.status === 'probationary' && addYears(m.joinedAt, PROBATION_YEARS + 1) < today) {
    problems.push({
      field: 'status',
      message: `预备期已超过两年（一年预备期加最多一年延长，细则第三十二条），请办理转正或取消预备党员资格`,
    });
  }
  if (m.fullMemberAt) {
    if (m.fullMemberAt > today) problems.push({ field: 'fullMemberAt', message: '转正日期不能晚于今天' });
    const p = fullMemberDateProblem(m.joinedAt, m.fullMemberAt);
    if (p) problems.push({ field: 'fullMemberAt', message: p });
  }
  if ((m.exitType ?? null) !== null && !m.exitAt) problems.push({ field: 'exitAt', message: '请填写减少日期' });
  if (m.exitAt && m.exitAt < m.joinedAt) problems.push({ field: 'exitAt', message: '减少日期不能早于入党日期' });
  return { problems, id };
};
