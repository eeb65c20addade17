import { type Actor, DomainError, type Scheme, schemeSchema } from '@jishi/domain';
import { and, eq } from 'drizzle-orm';
import { authorize } from '../../platform/authorize.js';
import { type Q, schema } from '../../platform/db/index.js';
import { findOrgRef } from '../orgs/org.repo.js';
import { findScheme, readableScheme } from './evaluation.repo.js';

const { scheme, evaluationRound } = schema;

/** A new scheme of an org the actor manages; one name per org and year. */
export const createScheme = async (q: Q, actor: Actor, orgId: number, input: Scheme, copiedFrom: number | null = null) => {
  const o = await findOrgRef(q, orgId);
  authorize(actor, 'evaluation.manage', o, '党组织');
  const [dup] = await q
    .select({ id: scheme.id })
    .from(scheme)
    .where(and(eq(scheme.orgId, orgId), eq(scheme.year, input.year), eq(scheme.name, input.name)));
  if (dup) throw new DomainError('CONFLICT', `${input.year}年已有名为「${input.name}」的方案`, { field: 'name' });
  const [s] = await q
    .insert(scheme)
    .values({
      orgId,
      programme: input.programme,
      name: input.name,
      year: input.year,
      definition: input,
      copiedFrom,
      createdBy: actor.userId,
    })
    .returning({ id: scheme.id });
  return s?.id as number;
};

/** Changes a scheme not yet in use; once a round has started on it, it is frozen (copy it forward instead). */
export const updateScheme = async (q: Q, actor: Actor, id: number, input: Scheme) => {
  const s = await findScheme(q, id);
  authorize(actor, 'evaluation.manage', s, '评选方案');
  if (input.programme !== s.programme) throw new DomainError('INVALID_INPUT', '不能改变方案的评选项目', { field: 'programme' });
  const [used] = await q.select({ name: evaluationRound.name }).from(evaluationRound).where(eq(evaluationRound.schemeId, id)).limit(1);
  if (used) throw new DomainError('RULE_VIOLATION', `方案已用于轮次「${used.name}」，不能再修改；如需调整请复制为新版本`, { field: 'id' });
  await q.update(scheme).set({ name: input.name, year: input.year, definition: input }).where(eq(scheme.id, id));
  return id;
};

/** 复制为新年度: the scheme's definition under a new year and name, at its own org or one the actor manages. */
export const copyScheme = async (q: Q, actor: Actor, id: number, to: { year: number; name: string; orgId?: number }) => {
  const from = await readableScheme(q, actor, id);
  // The stored definition is checked again: a copy must be a scheme the engine can run.
  const parsed = schemeSchema.parse({ ...from.definition, year: to.year, name: to.name });
  return { id: await createScheme(q, actor, to.orgId ?? from.orgId, parsed, from.id), from };
};
