import {
  type Action,
  type Actor,
  BRANCH_TYPES,
  DomainError,
  type MemberCreate,
  type MemberUpdate,
  maskIdNumber,
  maskPhone,
  memberFactProblems,
  notFound,
} from '@jishi/domain';
import { authorize } from '../../platform/authorize.js';
import { blindIndex, decryptField, encryptField, type Keys } from '../../platform/crypto.js';
import type { Q } from '../../platform/db/index.js';
import { pinyinKey } from '../../platform/pinyin.js';
import { withinHourlyLimit } from '../../platform/rate-limit.js';
import { findOrg } from '../orgs/org.repo.js';
import { findMember, findMemberIdByIdIndex, insertMembers, type MemberInsert, type MemberRow, updateMemberRow } from './member.repo.js';

/** At most this many reveals of personal data per account per hour. */
export const REVEALS_PER_HOUR = 50;

const refuse = (problems: { field: string; message: string }[]) => {
  const [first] = problems;
  throw new DomainError('INVALID_INPUT', first ? first.message : '输入有误', { field: first?.field, fields: problems });
};

/** Loads a member the actor may act on, or throws NOT_FOUND/FORBIDDEN. */
export const getMemberFor = async (q: Q, actor: Actor, action: Action, id: number) => {
  const m = await findMember(q, id);
  authorize(actor, action, m, '党员');
  return m;
};

/** A checked member to seal in bulk (member.sealing.ts): its ID number is `input.idNumber`. */
export interface SealInput {
  input: MemberCreate;
  birthDate: string;
  orgPath?: string;
}

/** The insert row of a checked member: ID and phone sealed, masked forms beside them. */
export const sealMember = (keys: Keys, input: MemberCreate, idNumber: string, birthDate: string, orgPath?: string): MemberInsert => ({
  orgId: input.orgId,
  orgPath,
  name: input.name,
  pinyin: pinyinKey(input.name),
  gender: input.gender,
  ethnicity: input.ethnicity,
  birthDate,
  idNumberEnc: encryptField(keys, idNumber),
  idNumberIndex: blindIndex(keys, idNumber),
  idNumberMasked: maskIdNumber(idNumber),
  phoneEnc: input.phone ? encryptField(keys, input.phone) : null,
  phoneMasked: input.phone ? maskPhone(input.phone) : null,
  education: input.education ?? null,
  occupation: input.occupation ?? null,
  joinedAt: input.joinedAt,
  fullMemberAt: input.fullMemberAt ?? null,
  status: input.status,
  isFlowing: input.isFlowing ?? false,
  isInService: input.isInService ?? false,
});

/**
 * Adds a member to a branch. One person is one ID in the whole system: a duplicate anywhere is
 * refused without saying where it is.
 */
export const createMember = async (q: Q, keys: Keys, actor: Actor, input: MemberCreate, today: string): Promise<MemberRow> => {
  const o = await findOrg(q, input.orgId);
  authorize(actor, 'member.manage', o, '党组织');
  if (!BRANCH_TYPES.includes(o.type)) {
    throw new DomainError('RULE_VIOLATION', `党员应编入党支部，「${o.name}」不是党支部（《中国共产党支部工作条例（试行）》第五条）`, {
      field: 'orgId',
    });
  }
  if (o.closedAt) throw new DomainError('ORG_CLOSED', `「${o.name}」已撤销，不能再接收党员`, { field: 'orgId' });
  const { problems, id } = memberFactProblems(input, today);
  if (problems.length > 0 || !id) refuse(problems);
  const parsed = id as NonNullable<typeof id>;
  if (await findMemberIdByIdIndex(q, blindIndex(keys, parsed.value))) {
    throw new DomainError('CONFLICT', '该公民身份号码已登记为党员，同一人只能有一条党员记录；如需转入请办理组织关系转接', {
      field: 'idNumber',
    });
  }
  const [newId] = await insertMembers(q, [sealMember(keys, input, parsed.value, parsed.birthDate, o.orgPath)]);
  return (await findMember(q, newId as number)) as MemberRow;
};

/** Edits a member; the merged record must still pass every cross-check. */
export const updateMember = async (q: Q, keys: Keys, actor: Actor, id: number, patch: MemberUpdate, today: string): Promise<MemberRow> => {
  const m = await getMemberFor(q, actor, 'member.manage', id);
  if (m.exitType === 'transferred_out' && patch.exitType === null) {
    throw new DomainError('RULE_VIOLATION', `${m.name}的组织关系已转出本系统，不能撤销；如已转回，请办理「从系统外转入」`, {
      field: 'exitType',
    });
  }
  const merged = {
    gender: patch.gender ?? m.gender,
    idNumber: decryptField(keys, m.idNumberEnc),
    joinedAt: patch.joinedAt ?? m.joinedAt,
    fullMemberAt: patch.fullMemberAt === undefined ? m.fullMemberAt : patch.fullMemberAt,
    status: patch.status ?? m.status,
    exitType: patch.exitType === undefined ? m.exitType : patch.exitType,
    exitAt: patch.exitAt === undefined ? m.exitAt : patch.exitAt,
  };
  const { problems } = memberFactProblems(merged, today);
  if (problems.length > 0) refuse(problems);
  // undefined leaves a column alone; null clears it.
  await updateMemberRow(q, m.id, {
    name: patch.name,
    pinyin: patch.name ? pinyinKey(patch.name) : undefined,
    gender: patch.gender,
    ethnicity: patch.ethnicity,
    education: patch.education,
    occupation: patch.occupation,
    joinedAt: patch.joinedAt,
    fullMemberAt: patch.fullMemberAt,
    status: patch.status,
    isFlowing: patch.isFlowing,
    isInService: patch.isInService,
    exitType: patch.exitType,
    exitAt: patch.exitType === null ? null : patch.exitAt,
    ...(patch.phone === undefined
      ? {}
      : { phoneEnc: patch.phone && encryptField(keys, patch.phone), phoneMasked: patch.phone && maskPhone(patch.phone) }),
  });
  return (await findMember(q, m.id)) as MemberRow;
};

/**
 * Reveals a member's full ID number or phone, with a reason. Limited per account per hour across
 * every server process (the route's transaction records the reveal under the account's lock).
 */
export const revealMemberField = async (
  q: Q,
  keys: Keys,
  actor: Actor,
  id: number,
  field: 'idNumber' | 'phone',
  now: Date,
): Promise<string> => {
  const m = await getMemberFor(q, actor, 'member.reveal', id);
  if (!(await withinHourlyLimit(q, 'member.reveal', actor.userId, REVEALS_PER_HOUR, now))) {
    throw new DomainError('RATE_LIMITED', `每个账号每小时最多查看${REVEALS_PER_HOUR}次完整个人信息，请稍后再试`);
  }
  const sealed = field === 'idNumber' ? m.idNumberEnc : m.phoneEnc;
  if (!sealed) throw notFound('手机号码');
  return decryptField(keys, sealed);
};
