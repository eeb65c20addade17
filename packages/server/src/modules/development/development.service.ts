import {
  type Actor,
  type ApplicantCreate,
  DEVELOPMENT_PROCESS,
  DomainError,
  doneSteps,
  maskIdNumber,
  maskPhone,
  memberFactProblems,
  probationEnd,
  STANDING_BRANCH_TYPES,
  type StepInputBody,
} from '@jishi/domain';
import { eq, type SQL, sql } from 'drizzle-orm';
import { authorize, scopeFilter } from '../../platform/authorize.js';
import { blindIndex, encryptField, type Keys } from '../../platform/crypto.js';
import { idIn, type Q, rows, schema } from '../../platform/db/index.js';
import { pinyinKey } from '../../platform/pinyin.js';
import { advance, bindProcess, type Firing, loadStepsOfMany, startInstance, stateOf } from '../../platform/workflow.js';
import { findOrg, findOrgRef } from '../orgs/org.repo.js';

const { applicant, member } = schema;

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
  authorize(actor, 'development.read', a, '入党申请人');
  return a;
};

/** 发展党员 on the workflow engine: the rules read the applicant's name and birth date. */
export const DEVELOPMENT = bindProcess(DEVELOPMENT_PROCESS, async (q, ids) => {
  const found = await q
    .select({ id: applicant.id, orgId: applicant.orgId, name: applicant.name, birthDate: applicant.birthDate })
    .from(applicant)
    .where(idIn(applicant.id, ids));
  return new Map(found.map((a) => [a.id, { orgId: a.orgId, subject: { name: a.name, birthDate: a.birthDate } }]));
});

/**
 * Registers an application (step 1) at a branch: the applicant must be 18 and not yet a member or
 * applicant. The applicant's instance starts and step 1 is its first event.
 */
export const createApplicant = async (q: Q, keys: Keys, firing: Firing & { actor: Actor }, input: ApplicantCreate) => {
  const { actor, today } = firing;
  const o = await findOrg(q, input.orgId);
  authorize(actor, 'development.manage', o, '党组织');
  if (!STANDING_BRANCH_TYPES.includes(o.type)) {
    throw new DomainError('RULE_VIOLATION', `入党申请应向党支部提出，「${o.name}」不能接收入党申请`, { field: 'orgId' });
  }
  // Reuse the member cross-checks for the ID and gender (status and dates do not apply yet).
  const { problems, id } = memberFactProblems({ ...input, joinedAt: input.appliedAt, status: 'probationary' }, today);
  const idProblems = problems.filter((p) => p.field === 'idNumber' || p.field === 'gender');
  if (idProblems.length > 0 || !id)
    throw new DomainError('INVALID_INPUT', idProblems[0]?.message ?? '公民身份号码有误', { field: idProblems[0]?.field });
  const index = blindIndex(keys, id.value);
  const [isMember] = await q.select({ id: member.id }).from(member).where(eq(member.idNumberIndex, index)).limit(1);
  if (isMember) throw new DomainError('CONFLICT', '该公民身份号码已登记为党员', { field: 'idNumber' });
  const [already] = await q.select({ id: applicant.id }).from(applicant).where(eq(applicant.idNumberIndex, index)).limit(1);
  if (already) throw new DomainError('CONFLICT', '该公民身份号码已有入党申请记录', { field: 'idNumber' });
  const [created] = await q
    .insert(applicant)
    .values({
      orgId: o.id,
      name: input.name,
      pinyin: pinyinKey(input.name),
      gender: input.gender,
      ethnicity: input.ethnicity,
      birthDate: id.birthDate,
      idNumberEnc: encryptField(keys, id.value),
      idNumberIndex: index,
      idNumberMasked: maskIdNumber(id.value),
      phoneEnc: input.phone ? encryptField(keys, input.phone) : null,
      phoneMasked: input.phone ? maskPhone(input.phone) : null,
      education: input.education ?? null,
      occupation: input.occupation ?? null,
    })
    .returning({ id: applicant.id });
  const applicantId = (created as { id: number }).id;
  await startInstance(q, DEVELOPMENT_PROCESS, applicantId, today);
  await advance(q, DEVELOPMENT, firing, applicantId, 'step1', { step: 1, date: input.appliedAt }, { data: {}, date: input.appliedAt });
  return applicantId;
};

/**
 * Records one step through the workflow engine (the 细则's rules are the process's guards); at
 * approval (17) the applicant becomes a 预备党员 on the roll, at 转正 approval (24) a 正式党员 (or
 * leaves the roll if cancelled).
 */
export const recordStep = async (q: Q, firing: Firing & { actor: Actor }, id: number, input: StepInputBody) => {
  const a = await getApplicantFor(q, firing.actor, id);
  const { step, date, ...data } = input;
  const result = await advance(q, DEVELOPMENT, firing, a.id, `step${step}`, input, {
    data,
    date,
    effect: async (_d, ctx) => {
      const done = doneSteps(ctx.log);
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
        await q.update(applicant).set({ memberId: m?.id }).where(eq(applicant.id, a.id));
      }
      if (step === 24 && a.memberId) {
        const decision = done.filter((d) => d.step === 23).at(-1);
        if (decision?.outcome === 'full') {
          // 党龄 counts from the end of the probation, whatever day the meeting or approval fell on.
          const end = probationEnd(done) as string;
          await q.update(member).set({ status: 'full', fullMemberAt: end, updatedAt: sql`now()` }).where(eq(member.id, a.memberId));
        } else if (decision?.outcome === 'cancel') {
          await q.update(member).set({ exitType: 'cancelled', exitAt: date, updatedAt: sql`now()` }).where(eq(member.id, a.memberId));
        }
      }
      return undefined;
    },
  });
  return result.warnings;
};

/** Applicants still in progress (their instance open) matching `where`, in id order. */
const loadOpenApplicants = (q: Q, where: SQL, limit: number) =>
  rows<ApplicantRow>(
    q,
    sql`${SELECT} where ${where} and ${stateOf(DEVELOPMENT_PROCESS.kind, sql`a.id`)} like 'step%'
        order by a.id limit ${limit}`,
  );

/** Applicants still in progress (their instance open) matching `where`, with their logs: two queries in all. */
export const loadOpenApplicantViews = async (q: Q, where: SQL, limit: number) => {
  const applicants = await loadOpenApplicants(q, where, limit);
  const steps = await loadStepsOfMany(
    q,
    DEVELOPMENT_PROCESS.kind,
    applicants.map((a) => a.id),
  );
  return applicants.map((a) => {
    const mine = steps.get(a.id) ?? [];
    return { applicant: a, steps: mine, done: doneSteps(mine) };
  });
};

/** The applicants in progress the actor may read, under `orgId` when given: the deadline board's rows. */
export const openApplicantsFor = async (q: Q, actor: Actor, orgId: number | undefined) => {
  let under = sql`true`;
  if (orgId) {
    const o = await findOrgRef(q, orgId);
    authorize(actor, 'development.read', o, '党组织');
    under = sql`o.path <@ ${o.orgPath}::ltree`;
  }
  return loadOpenApplicants(q, sql`${scopeFilter(actor, 'development.read', sql`o.path`)} and ${under}`, 2000);
};
