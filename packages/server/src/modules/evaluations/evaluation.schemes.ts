import { type Actor, can, DomainError, type Scheme } from '@jishi/domain';
import { sql } from 'drizzle-orm';
import { authorize } from '../../platform/authorize.js';
import { type Q, rows } from '../../platform/db/index.js';
import { findOrgRef } from '../orgs/org.repo.js';
import { findScheme } from './evaluation.repo.js';

/** A new scheme of an org the actor manages; one name per org and year. */
export const createScheme = async (q: Q, actor: Actor, orgId: number, input: Scheme, copiedFrom: number | null = null) => {
  const o = await findOrgRef(q, orgId);
  authorize(actor, 'evaluation.manage', o, '党组织');
  const [dup] = await rows<{ id: number }>(
    q,
    sql`select id from scheme where org_id = ${orgId} and year = ${input.year} and name = ${input.name}`,
  );
  if (dup) throw new DomainError('CONFLICT', `${input.year}年已有名为「${input.name}」的方案`, { field: 'name' });
  const [s] = await rows<{ id: number }>(
    q,
    sql`insert into scheme (org_id, programme, name, year, definition, copied_from, created_by)
        values (${orgId}, ${input.programme}, ${input.name}, ${input.year}, ${JSON.stringify({ ...input })}::jsonb, ${copiedFrom}, ${actor.userId})
        returning id`,
  );
  return s?.id as number;
};

/** Changes a scheme not yet in use; once a round has started on it, it is frozen (copy it forward instead). */
export const updateScheme = async (q: Q, actor: Actor, id: number, input: Scheme) => {
  const s = await findScheme(q, id);
  authorize(actor, 'evaluation.manage', s, '评选方案');
  if (input.programme !== s.programme) throw new DomainError('INVALID_INPUT', '不能改变方案的评选项目', { field: 'programme' });
  const [used] = await rows<{ name: string }>(q, sql`select name from evaluation_round where scheme_id = ${id} limit 1`);
  if (used) throw new DomainError('RULE_VIOLATION', `方案已用于轮次「${used.name}」，不能再修改；如需调整请复制为新版本`, { field: 'id' });
  await q.execute(
    sql`update scheme set name = ${input.name}, year = ${input.year}, definition = ${JSON.stringify(input)}::jsonb where id = ${id}`,
  );
  return id;
};

/** A scheme as read, with whether this reader may edit it (it belongs to an org they manage). */
export const schemeView = (actor: Actor, s: NonNullable<Awaited<ReturnType<typeof findScheme>>>) => ({
  id: s.id,
  canManage: can(actor, 'evaluation.manage', { orgPath: s.orgPath }),
  orgId: s.orgId,
  orgName: s.orgName,
  copiedFrom: s.copiedFrom,
  rounds: s.rounds,
  locked: s.rounds > 0,
  ...s.definition,
  programme: s.programme,
  name: s.name,
  year: s.year,
});
