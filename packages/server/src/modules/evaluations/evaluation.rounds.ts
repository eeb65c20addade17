import { type Actor, DomainError, ENTRY_PROCESS, isWithin, notFound, type RoundCreate, roundSteps, type Scheme } from '@jishi/domain';
import { type SQL, sql } from 'drizzle-orm';
import { authorize } from '../../platform/authorize.js';
import { type Q, rows, schema } from '../../platform/db/index.js';
import { orgExistsOn } from '../../platform/indicators.js';
import { startInstancesFrom } from '../../platform/workflow.js';
import { findOrg } from '../orgs/org.repo.js';
import { findScheme } from './evaluation.repo.js';

/**
 * The orgs a round takes in: open orgs under the round's org (not itself) the scheme applies to,
 * and of those only the uppermost (a 嘎查村 党总支 competes, not its sub-branches as well).
 */
const eligibleSql = (def: Scheme, alias: SQL, asOf: string) => {
  const parts: SQL[] = [orgExistsOn(alias, asOf)];
  if (def.domains.length > 0) parts.push(sql`${alias}.domain = any(${`{${def.domains.join(',')}}`}::text[])`);
  if (def.orgTypes.length > 0) parts.push(sql`${alias}.type = any(${`{${def.orgTypes.join(',')}}`}::text[])`);
  if (def.unitOrgs) parts.push(sql`${alias}.unit is not null`);
  return sql.join(parts, sql` and `);
};

/**
 * Enters every org the scheme takes in under `org` as it stood on `asOf`, each with its workflow
 * instance at the round's first step; returns how many.
 */
export const enrolEntries = async (
  q: Q,
  round: { id: number; firstStep: string },
  def: Scheme,
  org: { id: number; orgPath: string },
  asOf: string,
) => {
  const added = await rows<{ id: number }>(
    q,
    sql`insert into round_entry (round_id, org_id)
        select ${round.id}, e.id from org e
        where e.path <@ ${org.orgPath}::ltree and e.id <> ${org.id} and ${eligibleSql(def, sql`e`, asOf)}
          and not exists (select 1 from org a where a.path <@ ${org.orgPath}::ltree and e.path <@ a.path and a.id not in (e.id, ${org.id})
                            and ${eligibleSql(def, sql`a`, asOf)})
        returning id`,
  );
  if (added.length > 0)
    await startInstancesFrom(
      q,
      ENTRY_PROCESS.kind,
      sql`select unnest(${`{${added.map((a) => a.id).join(',')}}`}::int[]) as subject_id, ${round.firstStep}::text as state`,
      asOf,
    );
  return added.length;
};

/** 开展评选: a round on a scheme, its step windows set, every eligible org entered. */
export const createRound = async (q: Q, actor: Actor, input: RoundCreate, today: string) => {
  const s = await findScheme(q, input.schemeId);
  if (!s) throw notFound('评选方案');
  const o = await findOrg(q, input.orgId);
  authorize(actor, 'evaluation.manage', o, '党组织');
  if (!isWithin(s.orgPath, o.orgPath))
    throw new DomainError('INVALID_INPUT', `「${o.name}」不在方案「${s.name}」的适用范围内`, { field: 'orgId' });
  const steps = roundSteps(s.definition.steps, input.windows);
  if (typeof steps === 'string') throw new DomainError('INVALID_INPUT', steps, { field: 'windows' });
  const [r] = await q
    .insert(schema.evaluationRound)
    .values({ schemeId: s.id, orgId: o.id, name: input.name, steps, publicityDays: input.publicityDays, createdBy: actor.userId })
    .returning({ id: schema.evaluationRound.id });
  const id = r?.id as number;
  const entries = await enrolEntries(q, { id, firstStep: steps[0]?.kind ?? 'published' }, s.definition, o, today);
  if (entries === 0) throw new DomainError('INVALID_INPUT', `「${o.name}」下没有方案「${s.name}」适用的党组织`, { field: 'orgId' });
  return { id, entries };
};
