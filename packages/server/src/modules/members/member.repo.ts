import type { Actor, ExitType, Occupation } from '@jishi/domain';
import { eq, type SQL, sql } from 'drizzle-orm';
import { scopeFilter } from '../../platform/authorize.js';
import { escapeLike, insertColumns, type Q, rows } from '../../platform/db/index.js';
import { member } from '../../platform/db/schema.js';

export interface MemberRow {
  id: number;
  orgId: number;
  orgName: string;
  orgPath: string;
  name: string;
  gender: 'male' | 'female';
  ethnicity: string;
  birthDate: string;
  idNumberEnc: string;
  idNumberMasked: string;
  phoneEnc: string | null;
  phoneMasked: string | null;
  education: string | null;
  /** Checked against the domain's lists on every write path (create, edit, import, admission). */
  occupation: Occupation | null;
  joinedAt: string;
  fullMemberAt: string | null;
  status: 'probationary' | 'full';
  isFlowing: boolean;
  isInService: boolean;
  exitType: ExitType | null;
  exitAt: string | null;
}

const COLUMNS = sql`m.id, m.org_id as "orgId", o.name as "orgName", o.path::text as "orgPath", m.name, m.gender, m.ethnicity,
  to_char(m.birth_date, 'YYYY-MM-DD') as "birthDate", m.id_number_enc as "idNumberEnc", m.id_number_masked as "idNumberMasked",
  m.phone_enc as "phoneEnc", m.phone_masked as "phoneMasked", m.education, m.occupation,
  to_char(m.joined_at, 'YYYY-MM-DD') as "joinedAt", to_char(m.full_member_at, 'YYYY-MM-DD') as "fullMemberAt", m.status,
  m.is_flowing as "isFlowing", m.is_in_service as "isInService", m.exit_type as "exitType", to_char(m.exit_at, 'YYYY-MM-DD') as "exitAt"`;

const FROM = sql`member m join org o on o.id = m.org_id`;

/** One member by id, with its org's path for the scope check. */
export const findMember = async (q: Q, id: number): Promise<MemberRow | undefined> =>
  (await rows<MemberRow>(q, sql`select ${COLUMNS} from ${FROM} where m.id = ${id}`))[0];

/** The member holding an ID number (by blind index), if any. */
export const findMemberIdByIdIndex = async (q: Q, index: string): Promise<number | undefined> =>
  (await q.select({ id: member.id }).from(member).where(eq(member.idNumberIndex, index)))[0]?.id;

export interface MemberSearch {
  /** Whose search: only members in subtrees where the actor may read members. */
  actor: Actor;
  /** Only this subtree (already checked against the scope). */
  underPath?: string;
  name?: string;
  idIndex?: string;
  status?: 'probationary' | 'full';
  gender?: 'male' | 'female';
  ethnicity?: string;
  includeExited?: boolean;
  /** Full members since this date or earlier. */
  fullMemberBy?: string;
  /** Birth dates in this range (an age band on a date). */
  born?: { after: string | null; onOrBefore: string };
  /** Full members with 转正日期 in this range (a 党龄 band on a date). */
  fullSince?: { after: string | null; onOrBefore: string };
  limit: number;
  offset: number;
}

/** `column` within a start-date range of a band (see bandStartRange). */
export const dateIn = (column: SQL, r: { after: string | null; onOrBefore: string }) =>
  r.after === null ? sql`${column} <= ${r.onOrBefore}::date` : sql`${column} > ${r.after}::date and ${column} <= ${r.onOrBefore}::date`;

/**
 * Counting stops here (a county's roll counts in ~20 ms at province scale, the full count in
 * seconds): beyond it a list says "2,000+" and the user narrows the search. Exact totals are the
 * indicators' job.
 */
export const COUNT_CAP = 2_000;

/**
 * A name or pinyin fragment. Chinese of 3 characters or more matches anywhere in the name (trigram
 * index); shorter Chinese matches from the start (trigrams need 3 characters). Latin letters match
 * the start of the full pinyin or of the initials (zhangwei, zw): pinyin trigrams such as "ang" or
 * "wei" are too common to narrow anything.
 */
const nameMatch = (fragment: string): SQL => {
  const raw = escapeLike(fragment);
  if (/^[a-z]+$/i.test(fragment)) {
    const lower = raw.toLowerCase();
    return sql`(m.pinyin like ${`${lower}%`} or split_part(m.pinyin, ' ', 2) like ${`${lower}%`})`;
  }
  if ([...fragment].length >= 3) return sql`m.name like ${`%${raw}%`}`;
  return sql`m.name like ${`${raw}%`}`;
};

/**
 * Scoped member search in pinyin order. Every condition reads the member row alone (its org path
 * is kept on it), so the default page walks one covering index; the count stops at COUNT_CAP.
 */
export const searchMembers = async (q: Q, s: MemberSearch): Promise<{ items: MemberRow[]; total: number; totalCapped: boolean }> => {
  const where = sql.join(
    [
      scopeFilter(s.actor, 'member.read', sql`m.org_path`),
      s.underPath ? sql`m.org_path <@ ${s.underPath}::ltree` : undefined,
      s.name ? nameMatch(s.name) : undefined,
      s.idIndex ? sql`m.id_number_index = ${s.idIndex}` : undefined,
      s.status ? sql`m.status = ${s.status}` : undefined,
      s.gender ? sql`m.gender = ${s.gender}` : undefined,
      s.ethnicity ? sql`m.ethnicity = ${s.ethnicity}` : undefined,
      s.includeExited ? undefined : sql`m.exit_type is null`,
      s.fullMemberBy ? sql`m.full_member_at <= ${s.fullMemberBy}::date` : undefined,
      s.born ? dateIn(sql`m.birth_date`, s.born) : undefined,
      s.fullSince ? sql`m.status = 'full' and ${dateIn(sql`m.full_member_at`, s.fullSince)}` : undefined,
    ].filter((c): c is SQL => c !== undefined),
    sql` and `,
  );
  const [count] = await rows<{ total: number }>(
    q,
    sql`select count(*)::int as total from (select 1 from member m where ${where} limit ${COUNT_CAP + 1}) capped`,
  );
  // Few matches: take them and sort. Many: walk the roll's order index, which finds a page early.
  // (Walking the index for a rare filter would read most of the province to find 20 rows.)
  const page =
    (count?.total ?? 0) <= COUNT_CAP
      ? sql`select id, pinyin from (select m.id, m.pinyin from member m where ${where} offset 0) f
            order by pinyin, id limit ${s.limit} offset ${s.offset}`
      : sql`select m.id, m.pinyin from member m where ${where} order by m.pinyin, m.id limit ${s.limit} offset ${s.offset}`;
  const items = await rows<MemberRow>(
    q,
    sql`select ${COLUMNS} from (${page}) p join member m on m.id = p.id join org o on o.id = m.org_id order by m.pinyin, m.id`,
  );
  const total = count?.total ?? 0;
  return { items, total: Math.min(total, COUNT_CAP), totalCapped: total > COUNT_CAP };
};

export interface MemberInsert {
  orgId: number;
  /** The org's path when the caller has it (the trigger looks it up otherwise). */
  orgPath?: string;
  name: string;
  pinyin: string;
  gender: string;
  ethnicity: string;
  birthDate: string;
  idNumberEnc: string;
  idNumberIndex: string;
  idNumberMasked: string;
  phoneEnc: string | null;
  phoneMasked: string | null;
  education: string | null;
  occupation: string | null;
  joinedAt: string;
  fullMemberAt: string | null;
  status: string;
  isFlowing: boolean;
  isInService: boolean;
  exitType?: string | null;
  exitAt?: string | null;
}

/** Column, SQL array type and value of each inserted field: one array parameter per column. */
const INSERT_FIELDS: [string, string, (m: MemberInsert) => unknown][] = [
  ['org_id', 'int[]', (m) => m.orgId],
  // Sent as text: PGlite does not serialise arrays of extension types such as ltree.
  ['org_path', 'text[]', (m) => m.orgPath ?? null],
  ['name', 'text[]', (m) => m.name],
  ['pinyin', 'text[]', (m) => m.pinyin],
  ['gender', 'text[]', (m) => m.gender],
  ['ethnicity', 'text[]', (m) => m.ethnicity],
  ['birth_date', 'date[]', (m) => m.birthDate],
  ['id_number_enc', 'text[]', (m) => m.idNumberEnc],
  ['id_number_index', 'text[]', (m) => m.idNumberIndex],
  ['id_number_masked', 'text[]', (m) => m.idNumberMasked],
  ['phone_enc', 'text[]', (m) => m.phoneEnc],
  ['phone_masked', 'text[]', (m) => m.phoneMasked],
  ['education', 'text[]', (m) => m.education],
  ['occupation', 'text[]', (m) => m.occupation],
  ['joined_at', 'date[]', (m) => m.joinedAt],
  ['full_member_at', 'date[]', (m) => m.fullMemberAt],
  ['status', 'text[]', (m) => m.status],
  ['is_flowing', 'boolean[]', (m) => m.isFlowing],
  ['is_in_service', 'boolean[]', (m) => m.isInService],
  ['exit_type', 'text[]', (m) => m.exitType ?? null],
  ['exit_at', 'date[]', (m) => m.exitAt ?? null],
];

/**
 * Inserts members, 2,000 rows a statement as one array per column (`unnest`): 21 parameters
 * instead of 42,000, which is most of the cost of building and parsing a multi-row INSERT.
 * Returns the new ids in order. A row without `orgPath` gets it from the trigger.
 */
export const insertMembers = async (q: Q, members: MemberInsert[]): Promise<number[]> => {
  const ids: number[] = [];
  const columns = sql.raw(INSERT_FIELDS.map(([c]) => c).join(', '));
  const selected = sql.raw(INSERT_FIELDS.map(([c]) => (c === 'org_path' ? 'org_path::ltree' : c)).join(', '));
  for (let i = 0; i < members.length; i += 2000) {
    const chunk = members.slice(i, i + 2000);
    const arrays = sql.join(
      INSERT_FIELDS.map(([, type, value]) => sql`${sql.param(chunk.map(value))}::${sql.raw(type)}`),
      sql`, `,
    );
    const found = await rows<{ id: number }>(
      q,
      sql`insert into member (${columns}) select ${selected} from unnest(${arrays}) with ordinality as u(${columns}, n) order by n returning id`,
    );
    ids.push(...found.map((r) => r.id));
  }
  return ids;
};

/** Loads members in bulk (COPY on PGlite), with no ids back: the demo's path. */
export const loadMembers = (q: Q, members: readonly MemberInsert[]) =>
  insertColumns(
    q,
    'member',
    // The path goes as the column's own type here: only PGlite's parameters lack ltree, and it takes COPY.
    INSERT_FIELDS.map(([c, type]) => [c, c === 'org_path' ? 'ltree' : type.replace('[]', '')]),
    members.map((m) => INSERT_FIELDS.map(([, , value]) => value(m))),
  );

/** The columns an edit may change (the sealed ID number and the org move only by their own paths). */
export type MemberPatch = Partial<
  Pick<
    typeof member.$inferInsert,
    | 'name'
    | 'pinyin'
    | 'gender'
    | 'ethnicity'
    | 'phoneEnc'
    | 'phoneMasked'
    | 'education'
    | 'occupation'
    | 'joinedAt'
    | 'fullMemberAt'
    | 'status'
    | 'isFlowing'
    | 'isInService'
    | 'exitType'
    | 'exitAt'
  >
>;

/** Updates the given columns of one member (`undefined` leaves a column alone, `null` clears it). */
export const updateMemberRow = async (q: Q, id: number, patch: MemberPatch) => {
  if (Object.values(patch).every((v) => v === undefined)) return;
  await q
    .update(member)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(member.id, id));
};
