import { type Action, type Actor, BRANCH_TYPES, can, isWithin, type OrgDomain, type OrgType } from '@jishi/domain';
import { type SQL, sql } from 'drizzle-orm';
import { escapeLike, type Q, rows } from '../../platform/db/index.js';

export interface OrgRow {
  id: number;
  parentId: number | null;
  orgPath: string;
  name: string;
  code: string;
  type: OrgType;
  domain: OrgDomain;
  divisionCode: string | null;
  foundedAt: string | null;
  unit: string | null;
  unitsCovered: number | null;
  closedAt: string | null;
  closeReason: string | null;
  childCount: number;
}

const COLUMNS = sql`o.id, o.parent_id as "parentId", o.path::text as "orgPath", o.name, o.code, o.type, o.domain,
  o.division_code as "divisionCode", to_char(o.founded_at, 'YYYY-MM-DD') as "foundedAt", o.unit, o.units_covered as "unitsCovered",
  to_char(o.closed_at, 'YYYY-MM-DD') as "closedAt", o.close_reason as "closeReason",
  (select count(*)::int from org c where c.parent_id = o.id and c.closed_at is null) as "childCount"`;

/** One org by id, or undefined. */
export const findOrg = async (q: Q, id: number): Promise<OrgRow | undefined> =>
  (await rows<OrgRow>(q, sql`select ${COLUMNS} from org o where o.id = ${id}`))[0];

/** Just the id, name and path of an org: enough for a scope check. */
export const findOrgRef = async (q: Q, id: number): Promise<{ id: number; name: string; orgPath: string } | undefined> =>
  (
    await rows<{ id: number; name: string; orgPath: string }>(q, sql`select id, name, path::text as "orgPath" from org where id = ${id}`)
  )[0];

/** `alias.type in (…)` for a list of org types the domain defines (`BRANCH_TYPES`, `STANDING_BRANCH_TYPES`). */
export const orgTypeIn = (alias: SQL, types: readonly OrgType[]): SQL =>
  sql`${alias}.type in (${sql.join(
    types.map((t) => sql`${t}`),
    sql`, `,
  )})`;

/** One org by its unique code. */
export const findOrgByCode = async (q: Q, code: string): Promise<OrgRow | undefined> =>
  (await rows<OrgRow>(q, sql`select ${COLUMNS} from org o where o.code = ${code}`))[0];

/** An open 党支部 (any kind of branch) by its code, anywhere in the system: a transfer's receiving side. */
export const findOpenBranchByCode = async (q: Q, code: string): Promise<OrgRow | undefined> => {
  const o = await findOrgByCode(q, code);
  return o && BRANCH_TYPES.includes(o.type) && !o.closedAt ? o : undefined;
};

/** Names of the ancestors of many orgs at once, root first, for search results. */
export const findAncestorsOfMany = async (q: Q, orgs: OrgRow[]): Promise<Map<number, { id: number; name: string }[]>> => {
  const ids = [...new Set(orgs.flatMap((o) => o.orgPath.split('.').slice(0, -1).map(Number)))];
  const names = new Map((await findOrgsByIds(q, ids)).map((o) => [o.id, o.name]));
  return new Map(
    orgs.map((o) => [
      o.id,
      o.orgPath
        .split('.')
        .slice(0, -1)
        .map((id) => ({ id: Number(id), name: names.get(Number(id)) ?? '' })),
    ]),
  );
};

/** Ancestors of a path, root first, without the node itself. */
export const findAncestors = (q: Q, path: string) =>
  rows<{ id: number; name: string }>(
    q,
    sql`select id, name from org where path @> ${path}::ltree and path <> ${path}::ltree order by nlevel(path)`,
  );

/** Direct children of an org within `scope` (all of them when omitted), ordered by code. */
export const findChildren = (q: Q, parentId: number, includeClosed: boolean, scope: SQL = sql`true`) =>
  rows<OrgRow>(
    q,
    sql`select ${COLUMNS} from org o where o.parent_id = ${parentId} and ${scope}
        ${includeClosed ? sql`` : sql`and o.closed_at is null`} order by o.code`,
  );

/** Orgs by id, in the given order of ids. */
export const findOrgsByIds = async (q: Q, ids: number[]): Promise<OrgRow[]> => {
  if (ids.length === 0) return [];
  const found = await rows<OrgRow>(
    q,
    sql`select ${COLUMNS} from org o where o.id in (${sql.join(
      ids.map((i) => sql`${i}`),
      sql`, `,
    )})`,
  );
  return ids.map((id) => found.find((o) => o.id === id)).filter((o): o is OrgRow => o !== undefined);
};

export interface OrgSearch {
  scope: SQL;
  q?: string;
  type?: OrgType;
  domain?: OrgDomain;
  includeClosed?: boolean;
  limit: number;
  offset: number;
}

/**
 * Scoped search by name fragment, code or pinyin (full or initials). Trigram indexes serve
 * queries of 3+ characters; shorter ones fall back to a scan of the scoped subtree.
 */
export const searchOrgs = async (q: Q, s: OrgSearch): Promise<{ items: OrgRow[]; total: number }> => {
  const term = s.q?.trim();
  const like = term ? `%${escapeLike(term)}%` : undefined;
  const where = sql.join(
    [
      s.scope,
      s.includeClosed ? undefined : sql`o.closed_at is null`,
      like ? sql`(o.name ilike ${like} or o.code ilike ${like} or o.pinyin like ${like.toLowerCase()})` : undefined,
      s.type ? sql`o.type = ${s.type}` : undefined,
      s.domain ? sql`o.domain = ${s.domain}` : undefined,
    ].filter((c): c is SQL => c !== undefined),
    sql` and `,
  );
  const [count] = await rows<{ total: number }>(q, sql`select count(*)::int as total from org o where ${where}`);
  const items = await rows<OrgRow>(
    q,
    sql`select ${COLUMNS} from org o where ${where} order by nlevel(o.path), o.pinyin limit ${s.limit} offset ${s.offset}`,
  );
  return { items, total: count?.total ?? 0 };
};

/** Takes the next org id, so the path can be written in the same INSERT. */
export const nextOrgIds = async (q: Q, n: number): Promise<number[]> =>
  (await rows<{ id: number }>(q, sql`select nextval(pg_get_serial_sequence('org', 'id'))::int as id from generate_series(1, ${n})`)).map(
    (r) => r.id,
  );

export interface OrgInsert {
  id: number;
  parentId: number | null;
  path: string;
  name: string;
  code: string;
  type: OrgType;
  domain: OrgDomain;
  divisionCode?: string | null;
  foundedAt?: string | null;
  unit?: string | null;
  unitsCovered?: number | null;
  closedAt?: string | null;
  closeReason?: string | null;
  pinyin: string;
}

/** Inserts orgs in batches of multi-row INSERTs. */
export const insertOrgs = async (q: Q, orgs: OrgInsert[]): Promise<void> => {
  for (let i = 0; i < orgs.length; i += 1000) {
    const chunk = orgs.slice(i, i + 1000);
    await q.execute(
      sql`insert into org (id, parent_id, path, name, code, type, domain, division_code, founded_at, unit, units_covered, closed_at, close_reason, pinyin) values ${sql.join(
        chunk.map(
          (o) =>
            sql`(${o.id}, ${o.parentId}, ${o.path}::ltree, ${o.name}, ${o.code}, ${o.type}, ${o.domain}, ${o.divisionCode ?? null}, ${o.foundedAt ?? null}::date, ${o.unit ?? null}, ${o.unitsCovered ?? null}::int, ${o.closedAt ?? null}::date, ${o.closeReason ?? null}, ${o.pinyin})`,
        ),
        sql`, `,
      )}`,
    );
  }
};

/** Re-roots a whole subtree under a new parent path in one statement. */
export const moveSubtree = async (q: Q, org: { id: number; orgPath: string }, parent: { id: number; orgPath: string }) => {
  await q.execute(
    sql`update org set path = ${parent.orgPath}::ltree || subpath(path, nlevel(${org.orgPath}::ltree) - 1), updated_at = now()
        where path <@ ${org.orgPath}::ltree`,
  );
  await q.execute(sql`update org set parent_id = ${parent.id} where id = ${org.id}`);
};

export interface OrgPatch {
  name?: string;
  code?: string;
  type?: OrgType;
  domain?: OrgDomain;
  divisionCode?: string | null;
  foundedAt?: string | null;
  unit?: string | null;
  unitsCovered?: number | null;
  pinyin?: string;
  closedAt?: string;
  closeReason?: string;
}

const PATCH_COLUMNS: Record<keyof OrgPatch, string> = {
  name: 'name',
  code: 'code',
  type: 'type',
  domain: 'domain',
  divisionCode: 'division_code',
  foundedAt: 'founded_at',
  unit: 'unit',
  unitsCovered: 'units_covered',
  pinyin: 'pinyin',
  closedAt: 'closed_at',
  closeReason: 'close_reason',
};

/** Updates the given columns of one org. */
export const updateOrg = async (q: Q, id: number, patch: OrgPatch) => {
  const sets = (Object.keys(patch) as (keyof OrgPatch)[])
    .filter((k) => patch[k] !== undefined)
    .map((k) => sql`${sql.raw(PATCH_COLUMNS[k])} = ${patch[k]}`);
  if (sets.length === 0) return;
  await q.execute(sql`update org set ${sql.join(sets, sql`, `)}, updated_at = now() where id = ${id}`);
};

export interface ActingOrg {
  id: number;
  name: string;
  type: string;
  domain: string;
  divisionCode: string | null;
  path: string;
}

/**
 * The org the actor acts for on a record at `targetPath`: an ancestor of the target (not the
 * target itself) within one of the actor's `action` grants, satisfying `qualifies` (e.g. a 基层党委
 * with approval power). Nearest first; undefined when the actor administers none.
 */
export const findActingOrg = async (
  q: Q,
  actor: Actor,
  action: Action,
  targetPath: string,
  qualifies: (o: ActingOrg) => boolean,
): Promise<ActingOrg | undefined> => {
  const grants = actor.grants.filter((g) => can(actor, action, { orgPath: g.orgPath }) && isWithin(g.orgPath, targetPath));
  if (grants.length === 0) return undefined;
  const candidates = await rows<ActingOrg>(
    q,
    sql`select id, name, type, domain, division_code as "divisionCode", path::text as path from org
        where path @> ${targetPath}::ltree and path <> ${targetPath}::ltree
          and (${sql.join(
            grants.map((g) => sql`path <@ ${g.orgPath}::ltree`),
            sql` or `,
          )})
        order by nlevel(path) desc`,
  );
  return candidates.find(qualifies);
};
