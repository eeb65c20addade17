import { type Actor, BRANCH_TYPES, type ComplianceFinding } from '@jishi/domain';
import { sql } from 'drizzle-orm';
import { scopeFilter } from '../../platform/authorize.js';
import { type Q, rows } from '../../platform/db/index.js';
import { orgTypeIn } from '../orgs/org.repo.js';
import { freshenSnapshots, scanCompliance } from './compliance.js';
import type { BranchComplianceOut, ComplianceRollupOut } from './meeting.presenter.js';

/**
 * What `org` owes for `year` as of `today`, scanned live (`GET /orgs/:id/compliance`): the
 * meetings owed and every finding with its code and period.
 */
export const orgCompliance = async (q: Q, org: { id: number; name: string }, year: number, today: string) => {
  const [scan] = await scanCompliance(q, year, today, sql`o.id = ${org.id}`);
  return {
    org: { id: org.id, name: org.name },
    year,
    meetingsRequired: scan?.meetingsRequired ?? 0,
    meetingsOwed: scan?.meetingsOwed ?? 0,
    items: scan?.findings ?? [],
  };
};

/**
 * The snapshots of the open orgs under `org` for `year`, brought up to `today` first: the township
 * and county tables read the nightly compliance snapshots, kept current on writes.
 */
const freshenSubtree = (q: Q, org: { orgPath: string }, year: number, today: string) =>
  freshenSnapshots(q, year, today, sql`o.path <@ ${org.orgPath}::ltree`);

const has = (code: string) => sql`s.findings @> ${JSON.stringify([{ code }])}::jsonb`;
/** A year's snapshots reduced to flags first, so the roll-up joins and sorts no jsonb. */
const FLAGS = (year: number) => sql`(select s.org_id, s.meetings_owed, s.meetings_required,
    ${has('term.overdue')} as term_overdue, ${has('term.due_soon')} as term_due_soon, ${has('term.unrecorded')} as term_unrecorded,
    ${has('dues.lapse_warning')} as dues_lapse,
    exists (select 1 from jsonb_array_elements(s.findings) f where f->>'code' like 'setup.%') as setup_problem
  from compliance_snapshot s where s.year = ${year})`;
/** Counts over the snapshot flags (`s`) of a subtree. */
const ROLLUP = sql`count(*) filter (where ${orgTypeIn(sql`x`, BRANCH_TYPES)})::int as branches,
  count(*) filter (where s.meetings_owed > 0)::int as "branchesBehind",
  coalesce(sum(s.meetings_required), 0)::int as "meetingsRequired", coalesce(sum(s.meetings_owed), 0)::int as "meetingsOwed",
  count(*) filter (where s.term_overdue)::int as "termsOverdue",
  count(*) filter (where s.term_due_soon)::int as "termsDueSoon",
  count(*) filter (where s.term_unrecorded)::int as "termsUnrecorded",
  count(*) filter (where s.dues_lapse)::int as "duesLapse",
  count(*) filter (where s.setup_problem)::int as "setupProblems"`;

/**
 * Each child of `org` (and the org itself, first) with the roll-up of the snapshots beneath it that
 * the actor may read, as of `today`.
 */
export const complianceSummary = async (q: Q, actor: Actor, org: { id: number; orgPath: string }, year: number, today: string) => {
  await freshenSubtree(q, org, year, today);
  const scope = scopeFilter(actor, 'meeting.read', sql`x.path`);
  const items = await rows<ComplianceRollupOut>(
    q,
    sql`select c.id as "orgId", c.name, c.type, ${ROLLUP}
        from org c join org x on x.path <@ c.path and ${scope}
        join ${FLAGS(year)} s on s.org_id = x.id
        where (c.parent_id = ${org.id} or c.id = ${org.id}) and c.closed_at is null
        group by c.id order by c.id = ${org.id} desc, c.code`,
  );
  const [asOf] = await rows<{ asOf: string | null }>(
    q,
    sql`select to_char(max(s.as_of), 'YYYY-MM-DD') as "asOf" from compliance_snapshot s join org x on x.id = s.org_id
        where s.year = ${year} and x.path <@ ${org.orgPath}::ltree`,
  );
  return { asOf: asOf?.asOf ?? null, items };
};

/** A branch's row of the snapshot; jsonb arrives parsed or as text, by engine. */
type BranchRow = Omit<BranchComplianceOut, 'findings'> & { findings: ComplianceFinding[] | string };

/**
 * The branches under `org` with findings (optionally one finding code) as of `today`, most meetings
 * owed first, a page at a time.
 */
export const complianceBranches = async (
  q: Q,
  actor: Actor,
  org: { orgPath: string },
  filter: { year: number; today: string; code: string | undefined },
  page: { limit: number; offset: number },
) => {
  const { year, code } = filter;
  await freshenSubtree(q, org, year, filter.today);
  const where = sql`x.path <@ ${org.orgPath}::ltree and ${scopeFilter(actor, 'meeting.read', sql`x.path`)} and x.closed_at is null
    and s.year = ${year} and jsonb_array_length(s.findings) > 0
    ${code ? sql`and s.findings @> ${JSON.stringify([{ code }])}::jsonb` : sql``}`;
  const items = await rows<BranchRow>(
    q,
    sql`select x.id as "orgId", x.name, p.name as "parentName", s.meetings_required as "meetingsRequired", s.meetings_owed as "meetingsOwed", s.findings
        from compliance_snapshot s join org x on x.id = s.org_id left join org p on p.id = x.parent_id
        where ${where} order by s.meetings_owed desc, x.code limit ${page.limit} offset ${page.offset}`,
  );
  const [total] = await rows<{ n: number }>(
    q,
    sql`select count(*)::int as n from compliance_snapshot s join org x on x.id = s.org_id where ${where}`,
  );
  return {
    items: items.map((i) => ({ ...i, findings: typeof i.findings === 'string' ? JSON.parse(i.findings) : i.findings })),
    total: total?.n ?? 0,
  };
};
