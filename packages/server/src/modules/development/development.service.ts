import {
  type Actor,
  type ApplicantCreate,
  BRANCH_TYPES,
  checkStep,
  DomainError,
  type DoneStep,
  maskIdNumber,
  maskPhone,
  mayApproveAdmission,
  memberFactProblems,
  probationEnd,
  type StepInputBody,
  stepDef,
} from '@jishi/domain';
import { type SQL, sql } from 'drizzle-orm';
import { authorize } from '../../platform/authorize.js';
import { blindIndex, encryptField, type Keys } from '../../platform/crypto.js';
import { type Q, rows } from '../../platform/db/index.js';
import { pinyinKey } from '../../platform/pinyin.js';
import { appendStep, loadSteps, loadStepsOfMany, type RecordedStep } from '../../platform/workflow.js';
import { findActingOrg, findOrg } from '../orgs/org.repo.js';

export const KIND = 'development';

export interface ApplicantRow {
  id: number;
  orgId: number;
  orgName: string;
  orgPath: string;
  name: string;
  gender: 'male' | 'female';
  ethnicity: string;
  birthDate: string;
  idNumberMasked: string;
  phoneMasked: string | null;
  education: string | null;
  occupation: string | null;
  memberId: number | null;
}

const SELECT = sql`select a.id, a.org_id as "orgId", o.name as "orgName", o.path::text as "orgPath", a.name, a.gender, a.ethnicity,
  to_char(a.birth_date, 'YYYY-MM-DD') as "birthDate", a.id_number_masked as "idNumberMasked", a.phone_masked as "phoneMasked",
  a.education, a.occupation, a.member_id as "memberId"
  from applicant a join org o on o.id = a.org_id`;

export const findApplicant = async (q: Q, id: number) => (await rows<ApplicantRow>(q, sql`${SELECT} where a.id = ${id}`))[0];

/** Loads an applicant the actor may see; NOT_FOUND outside the scope. */
export const getApplicantFor = async (q: Q, actor: Actor, id: number) => {
  const a = await findApplicant(q, id);
  authorize(actor, 'member.read', a, '入党申请人');
  return a;
};

const toDone = (steps: RecordedStep[]): DoneStep[] =>
  steps.map((s) => ({
    step: s.step,
    date: s.date,
    outcome: s.data.outcome as DoneStep['outcome'],
    extensionMonths: s.data.extensionMonths as number | undefined,
  }));

/** Registers an application (step 1) at a branch: the applicant must be 18 and not yet a member or applicant. */
export const createApplicant = async (q: Q, keys: Keys, actor: Actor, input: ApplicantCreate, today: string) => {
  const o = await findOrg(q, input.orgId);
  authorize(actor, 'member.manage', o, '党组织');
  if (!BRANCH_TYPES.includes(o.type) || o.type === 'temporary_branch') {
    throw new DomainError('RULE_VIOLATION', `入党申请应向党支部提出，「${o.name}」不能接收入党申请`, { field: 'orgId' });
  }
  // Reuse the member cross-checks for the ID and gender (status and dates do not apply yet).
  const { problems, id } = memberFactProblems({ ...input, joinedAt: input.appliedAt, status: 'probationary' }, today);
  const idProblems = problems.filter((p) => p.field === 'idNumber' || p.field === 'gender');
  if (idProblems.length > 0 || !id)
    throw new DomainError('INVALID_INPUT', idProblems[0]?.message ?? '公民身份号码有误', { field: idProblems[0]?.field });
  const verdict = checkStep([], { step: 1, date: input.appliedAt }, { birthDate: id.birthDate, today });
  if (verdict.refusal) throw new DomainError('RULE_VIOLATION', verdict.refusal, { field: 'appliedAt', step: 1 });
  const index = blindIndex(keys, id.value);
  const [member] = await rows(q, sql`select 1 from member where id_number_index = ${index}`);
  if (member) throw new DomainError('CONFLICT', '该公民身份号码已登记为党员', { field: 'idNumber' });
  const [already] = await rows(q, sql`select 1 from applicant where id_number_index = ${index}`);
  if (already) throw new DomainError('CONFLICT', '该公民身份号码已有入党申请记录', { field: 'idNumber' });
  const [created] = await rows<{ id: number }>(
    q,
    sql`insert into applicant (org_id, name, pinyin, gender, ethnicity, birth_date, id_number_enc, id_number_index, id_number_masked,
          phone_enc, phone_masked, education, occupation)
        values (${o.id}, ${input.name}, ${pinyinKey(input.name)}, ${input.gender}, ${input.ethnicity}, ${id.birthDate}::date,
          ${encryptField(keys, id.value)}, ${index}, ${maskIdNumber(id.value)},
          ${input.phone ? encryptField(keys, input.phone) : null}, ${input.phone ? maskPhone(input.phone) : null},
          ${input.education ?? null}, ${input.occupation ?? null})
        returning id`,
  );
  const applicantId = (created as { id: number }).id;
  await appendStep(q, {
    kind: KIND,
    subjectId: applicantId,
    afterSeq: 0,
    step: 1,
    date: input.appliedAt,
    data: {},
    warnings: [],
    actorId: actor.userId,
  });
  return applicantId;
};

/**
 * May the actor record this step? Branch steps: whoever manages the branch. Committee steps: an
 * admin of a 基层党委 with approval power above the branch (RULES.md §1d).
 */
const assertMayRecord = async (q: Q, actor: Actor, a: ApplicantRow, step: number) => {
  const def = stepDef(step);
  if (!def) return;
  if (def.by === 'branch') {
    authorize(actor, 'member.manage', a, '入党申请人');
    return;
  }
  if (await findActingOrg(q, actor, 'member.manage', a.orgPath, (o) => mayApproveAdmission(o, a.orgPath))) return;
  throw new DomainError(
    'FORBIDDEN',
    `第${step}步「${def.name}」须由有审批权的基层党委（如乡镇、街道党(工)委）办理；党总支、村(社区)党委无审批权（共产党员网答问；《中国共产党农村基层组织工作条例》）`,
  );
};

/** Whether the actor may record `step` for this applicant (for the UI's abilities). */
export const mayRecord = async (q: Q, actor: Actor, a: ApplicantRow, step: number): Promise<boolean> => {
  try {
    await assertMayRecord(q, actor, a, step);
    return true;
  } catch (e) {
    if (e instanceof DomainError) return false;
    throw e;
  }
};

/**
 * Records one step after checking it against the rules; at approval (17) the applicant becomes a
 * 预备党员 on the roll, at 转正 approval (24) a 正式党员 (or leaves the roll if cancelled).
 */
export const recordStep = async (q: Q, actor: Actor, id: number, input: StepInputBody, today: string) => {
  const a = await getApplicantFor(q, actor, id);
  await assertMayRecord(q, actor, a, input.step);
  const steps = await loadSteps(q, KIND, a.id);
  const done = toDone(steps);
  const verdict = checkStep(done, input, { birthDate: a.birthDate, today });
  if (verdict.refusal) throw new DomainError('RULE_VIOLATION', verdict.refusal, { step: input.step });
  const { step, date, ...data } = input;
  await appendStep(q, {
    kind: KIND,
    subjectId: a.id,
    afterSeq: steps.length,
    step,
    date,
    data,
    warnings: verdict.warnings,
    actorId: actor.userId,
  });
  // The deadline this step met is done; the daily job raises the next one.
  await q.execute(
    sql`update reminder set resolved_at = ${today}::date where kind = ${KIND} and subject_id = ${a.id} and resolved_at is null`,
  );

  if (step === 17) {
    const admitted = done.find((d) => d.step === 15)?.date as string;
    const [m] = await rows<{ id: number }>(
      q,
      sql`insert into member (org_id, name, pinyin, gender, ethnicity, birth_date, id_number_enc, id_number_index, id_number_masked,
            phone_enc, phone_masked, education, occupation, joined_at, status)
          select org_id, name, pinyin, gender, ethnicity, birth_date, id_number_enc, id_number_index, id_number_masked,
            phone_enc, phone_masked, education, occupation, ${admitted}::date, 'probationary' from applicant where id = ${a.id}
          returning id`,
    );
    await q.execute(sql`update applicant set member_id = ${m?.id} where id = ${a.id}`);
  }
  if (step === 24 && a.memberId) {
    const decision = done.filter((d) => d.step === 23).at(-1);
    if (decision?.outcome === 'full') {
      // 党龄 counts from the end of the probation, whatever day the meeting or approval fell on.
      const end = probationEnd(done) as string;
      await q.execute(sql`update member set status = 'full', full_member_at = ${end}::date, updated_at = now() where id = ${a.memberId}`);
    } else if (decision?.outcome === 'cancel') {
      await q.execute(sql`update member set exit_type = 'cancelled', exit_at = ${date}::date, updated_at = now() where id = ${a.memberId}`);
    }
  }
  return verdict.warnings;
};

/** The applicant with its steps, current stage and next deadline. */
export const loadApplicantView = async (q: Q, a: ApplicantRow) => {
  const steps = await loadSteps(q, KIND, a.id);
  return { applicant: a, steps, done: toDone(steps) };
};

/** Applicants still in progress (step 25 not recorded) matching `where`, with their steps: two queries in all. */
export const loadOpenApplicantViews = async (q: Q, where: SQL, limit: number) => {
  const applicants = await rows<ApplicantRow>(
    q,
    sql`${SELECT} where ${where}
          and not exists (select 1 from workflow_step w where w.kind = ${KIND} and w.subject_id = a.id and w.step = 25)
        order by a.id limit ${limit}`,
  );
  const steps = await loadStepsOfMany(
    q,
    KIND,
    applicants.map((a) => a.id),
  );
  return applicants.map((a) => {
    const mine = steps.get(a.id) ?? [];
    return { applicant: a, steps: mine, done: toDone(mine) };
  });
};
