import {
  type Actor,
  assertMayParent,
  assertNoCycle,
  can,
  childPath,
  DomainError,
  ORG_TYPE_LABELS,
  type OrgCreate,
  type OrgUpdate,
  parentPath,
} from '@jishi/domain';
import { sql } from 'drizzle-orm';
import { authorize } from '../../platform/authorize.js';
import type { Q } from '../../platform/db/index.js';
import { pinyinKey } from '../../platform/pinyin.js';
import { findChildren, findOrg, findOrgByCode, insertOrgs, moveSubtree, nextOrgIds, type OrgRow, updateOrg } from './org.repo.js';

const assertOpen = (o: OrgRow) => {
  if (o.closedAt) throw new DomainError('ORG_CLOSED', `「${o.name}」已于${o.closedAt}撤销，不能再作变更或设立下级组织`);
};

const assertCodeFree = async (q: Q, code: string, selfId?: number) => {
  const holder = await findOrgByCode(q, code);
  // The holder may be outside the caller's scope: say only that the code is taken.
  if (holder && holder.id !== selfId) throw new DomainError('ORG_CODE_TAKEN', `组织代码「${code}」已被使用`, { field: 'code' });
};

/** Loads an org the actor may act on, or throws NOT_FOUND/FORBIDDEN. */
export const getOrgFor = async (q: Q, actor: Actor, action: 'org.read' | 'org.manage', id: number): Promise<OrgRow> => {
  const o = await findOrg(q, id);
  authorize(actor, action, o, '党组织');
  return o;
};

/**
 * Moving or closing an org is decided by its parent (调整隶属关系、撤销 are approved by the
 * superior committee): the actor must manage the parent, not only the org itself.
 */
const assertMayRestructure = (actor: Actor, o: OrgRow, verb: string) => {
  if (o.parentId === null) throw new DomainError('ORG_ROOT_IMMUTABLE', `根组织不能${verb}`);
  if (!can(actor, 'org.manage', { orgPath: parentPath(o.orgPath) })) {
    throw new DomainError('FORBIDDEN', `${verb}「${o.name}」须由其上级党组织办理`);
  }
};

/**
 * Tree changes (create, move, close, type change) take one transaction-level lock, so two of them
 * never read paths the other is rewriting (two crossed moves would otherwise form a cycle).
 */
const lockTree = (q: Q) => q.execute(sql`select pg_advisory_xact_lock(7355603)`);

/** Creates an org under a parent the actor manages. */
export const createOrg = async (q: Q, actor: Actor, input: OrgCreate): Promise<OrgRow> => {
  await lockTree(q);
  const parent = await getOrgFor(q, actor, 'org.manage', input.parentId);
  assertOpen(parent);
  assertMayParent(parent.type, input.type, ORG_TYPE_LABELS);
  if (input.foundedAt && parent.foundedAt && input.foundedAt < parent.foundedAt) {
    throw new DomainError('RULE_VIOLATION', `成立日期不能早于上级组织的成立日期（${parent.foundedAt}）`, { field: 'foundedAt' });
  }
  await assertCodeFree(q, input.code);
  const [id] = (await nextOrgIds(q, 1)) as [number];
  await insertOrgs(q, [{ ...input, id, parentId: parent.id, path: childPath(parent.orgPath, id), pinyin: pinyinKey(input.name) }]);
  return (await findOrg(q, id)) as OrgRow;
};

/** Edits an org's attributes; a type change must still fit its parent and children. */
export const updateOrgAttributes = async (q: Q, actor: Actor, id: number, patch: OrgUpdate): Promise<OrgRow> => {
  if (patch.type) await lockTree(q);
  const o = await getOrgFor(q, actor, 'org.manage', id);
  assertOpen(o);
  if (patch.code && patch.code !== o.code) await assertCodeFree(q, patch.code, o.id);
  if (patch.type && patch.type !== o.type) {
    const parent = o.parentId ? await findOrg(q, o.parentId) : undefined;
    if (parent) assertMayParent(parent.type, patch.type, ORG_TYPE_LABELS);
    for (const child of await findChildren(q, o.id, false)) assertMayParent(patch.type, child.type, ORG_TYPE_LABELS);
  }
  await updateOrg(q, o.id, { ...patch, pinyin: patch.name ? pinyinKey(patch.name) : undefined });
  return (await findOrg(q, id)) as OrgRow;
};

/** Moves an org and its whole subtree under a new parent; both ends must be managed by the actor. */
export const moveOrg = async (q: Q, actor: Actor, id: number, parentId: number): Promise<{ org: OrgRow; from: number | null }> => {
  await lockTree(q);
  const o = await getOrgFor(q, actor, 'org.manage', id);
  assertMayRestructure(actor, o, '移动');
  const parent = await getOrgFor(q, actor, 'org.manage', parentId);
  assertOpen(o);
  assertOpen(parent);
  assertNoCycle(o.orgPath, parent.orgPath);
  assertMayParent(parent.type, o.type, ORG_TYPE_LABELS);
  if (parent.id !== o.parentId) await moveSubtree(q, o, parent);
  return { org: (await findOrg(q, id)) as OrgRow, from: o.parentId };
};

/** Closes (撤销) an org: kept for history, never deleted. Its open children must go first. */
export const closeOrg = async (q: Q, actor: Actor, id: number, closedAt: string, reason: string, today: string): Promise<OrgRow> => {
  await lockTree(q);
  const o = await getOrgFor(q, actor, 'org.manage', id);
  assertMayRestructure(actor, o, '撤销');
  assertOpen(o);
  if (o.childCount > 0) {
    throw new DomainError('ORG_HAS_OPEN_CHILDREN', `「${o.name}」还有${o.childCount}个下级组织未撤销或移出，不能撤销`);
  }
  if (closedAt > today) throw new DomainError('RULE_VIOLATION', '撤销日期不能晚于今天', { field: 'closedAt' });
  const lastChildClosed = (await findChildren(q, o.id, true)).reduce<string | null>(
    (m, c) => (c.closedAt && (!m || c.closedAt > m) ? c.closedAt : m),
    null,
  );
  if (lastChildClosed && closedAt < lastChildClosed) {
    throw new DomainError('RULE_VIOLATION', `撤销日期不能早于其下级组织的撤销日期（${lastChildClosed}）`, { field: 'closedAt' });
  }
  if (o.foundedAt && closedAt < o.foundedAt) {
    throw new DomainError('RULE_VIOLATION', `撤销日期不能早于成立日期（${o.foundedAt}）`, { field: 'closedAt' });
  }
  await updateOrg(q, o.id, { closedAt, closeReason: reason });
  return (await findOrg(q, id)) as OrgRow;
};
