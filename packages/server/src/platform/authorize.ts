import { type Action, type Actor, can, DomainError, notFound, type OrgPath, READ_ACTION_OF, scopesFor } from '@jishi/domain';
import { type SQL, sql } from 'drizzle-orm';

/**
 * Point check for one record. Throws NOT_FOUND when the actor cannot even read the target (so an
 * outsider cannot tell "exists" from "not yours") and FORBIDDEN when it can read but not act.
 */
export function authorize<T extends { orgPath: OrgPath }>(
  actor: Actor,
  action: Action,
  target: T | null | undefined,
  what = '记录',
): asserts target is T {
  if (!target) throw notFound(what);
  if (can(actor, action, target)) return;
  const read = READ_ACTION_OF[action];
  if (read && can(actor, read, target)) throw new DomainError('FORBIDDEN', `无权对该${what}执行此操作`);
  throw notFound(what);
}

/**
 * The SQL condition every list, export, search and indicator query goes through: `path` lies in
 * one of the subtrees where the actor holds `action`. No scope at all reads as `false`.
 */
export const scopeFilter = (actor: Actor, action: Action, path: SQL): SQL => {
  const scopes = scopesFor(actor, action);
  if (scopes.length === 0) return sql`false`;
  return sql`(${sql.join(
    scopes.map((p) => sql`${path} <@ ${p}::ltree`),
    sql` or `,
  )})`;
};
