import { z } from 'zod';
import { dateString, recordId } from './org.schema.js';
import { COMMITTEE_REQUIRED_FROM, MAX_TERM_ADJUSTMENT_MONTHS } from './setup.rules.js';

/**
 * A branch's elected leadership (《中国共产党支部工作条例（试行）》第六章, 第二十一条; RULES.md §2):
 * a 支部委员会 of 3–7 with its posts, or, under 7 正式党员, a 书记 and at most one 副书记.
 */
export const COMMITTEE_KINDS = ['committee', 'secretary'] as const;
export type CommitteeKind = (typeof COMMITTEE_KINDS)[number];
export const COMMITTEE_KIND_LABELS: Record<CommitteeKind, string> = {
  committee: '支部委员会',
  secretary: '不设支委会（书记、副书记）',
};

export const COMMITTEE_POSTS = [
  'secretary',
  'deputy_secretary',
  'organization',
  'propaganda',
  'discipline',
  'youth',
  'women',
  'member',
] as const;
export type CommitteePost = (typeof COMMITTEE_POSTS)[number];
export const COMMITTEE_POST_LABELS: Record<CommitteePost, string> = {
  secretary: '书记',
  deputy_secretary: '副书记',
  organization: '组织委员',
  propaganda: '宣传委员',
  discipline: '纪检委员',
  youth: '青年委员',
  women: '妇女委员',
  member: '委员',
};

export const committeeCreateSchema = z.object({
  kind: z.enum(COMMITTEE_KINDS, { message: '请选择是否设立支部委员会' }),
  electedAt: dateString,
  members: z
    .array(z.object({ memberId: recordId, post: z.enum(COMMITTEE_POSTS, { message: '职务无效' }) }))
    .min(1, '请至少填写书记')
    .max(15, '成员过多'),
});
export type CommitteeCreate = z.infer<typeof committeeCreateSchema>;

/** An approved advance or delay of 换届 is at most a year either way (基层组织选举工作条例第三条). */
const TERM_ADJUSTMENT_LIMIT = `提前或延期换届一般不超过${MAX_TERM_ADJUSTMENT_MONTHS}个月（《中国共产党基层组织选举工作条例》第三条）`;

export const committeeAdjustSchema = z.object({
  adjustmentMonths: z
    .number({ message: '请填写提前或延期的月数' })
    .int('月数应为整数')
    .min(-MAX_TERM_ADJUSTMENT_MONTHS, TERM_ADJUSTMENT_LIMIT)
    .max(MAX_TERM_ADJUSTMENT_MONTHS, TERM_ADJUSTMENT_LIMIT),
  reason: z.string().trim().min(1, '请填写上级党组织批准的文号或理由').max(200, '不能超过200个字'),
});

/**
 * What is wrong with an election as recorded, as `{ field, message }`, or null. `fullMemberIds`
 * are the org's 正式党员 on the day: 预备党员 cannot be elected (党章第七条). The size rules are a
 * branch's; `isBranch` false (党总支, 党委) checks the posts only.
 */
export const committeeProblem = (
  c: CommitteeCreate,
  fullMemberIds: ReadonlySet<number>,
  isBranch: boolean,
): { field: string; message: string } | null => {
  const fullMembers = fullMemberIds.size;
  const ids = c.members.map((m) => m.memberId);
  if (new Set(ids).size !== ids.length) return { field: 'members', message: '同一人只能担任一个职务' };
  if (ids.some((id) => !fullMemberIds.has(id)))
    return { field: 'members', message: '委员须为本支部选举当日的正式党员（预备党员没有选举权和被选举权，《中国共产党章程》第七条）' };
  const count = (p: CommitteePost) => c.members.filter((m) => m.post === p).length;
  if (count('secretary') !== 1) return { field: 'members', message: '须有且只有1名书记（《中国共产党支部工作条例（试行）》第六章）' };
  if (count('deputy_secretary') > 1) return { field: 'members', message: '副书记最多1名（条例第六章：必要时设副书记1名）' };
  if (!isBranch) return c.kind === 'committee' ? null : { field: 'kind', message: '党总支、党委应当设立委员会' };
  if (c.kind === 'secretary') {
    if (c.members.length > count('secretary') + count('deputy_secretary'))
      return { field: 'members', message: '不设支部委员会的党支部只设书记和副书记（条例第六章）' };
    if (fullMembers >= COMMITTEE_REQUIRED_FROM)
      return { field: 'kind', message: `正式党员${fullMembers}名：正式党员7人以上的党支部应当设立支部委员会（条例第六章）` };
  }
  if (c.kind === 'committee' && fullMembers < COMMITTEE_REQUIRED_FROM)
    return {
      field: 'kind',
      message: `正式党员${fullMembers}名：不足7人的党支部不设支部委员会，设书记1名，必要时设副书记1名（条例第六章）`,
    };
  if (c.kind === 'committee' && (c.members.length < 3 || c.members.length > 7))
    return { field: 'members', message: `支部委员会${c.members.length}人：由3至5人组成，一般不超过7人（条例第六章）` };
  return null;
};
