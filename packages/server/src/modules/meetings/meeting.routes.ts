import { BRANCH_TYPES, MEETING_TYPES, meetingCreateSchema, meetingHoldSchema, recordIdParam } from '@jishi/domain';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authorize, scopeFilter } from '../../platform/authorize.js';
import { businessDate } from '../../platform/dates.js';
import { rows } from '../../platform/db/index.js';
import { uploadedFile } from '../../platform/files.js';
import { route } from '../../platform/http.js';
import { idParams, orgYearQuery, pageQuery, paging, yearQuery } from '../../platform/schemas.js';
import { findOrg, findOrgRef, orgTypeIn } from '../orgs/org.repo.js';
import { freshenSnapshots, scanCompliance } from './compliance.js';
import { attachFile, findAttachments, meetingOrg, openAttachment } from './meeting.files.js';
import { createMeeting, findMeetings, holdMeeting, type MeetingRow } from './meeting.service.js';

const tags = ['组织生活'];
const present = ({ orgPath, ...m }: MeetingRow) => m;

/** /api/v1/meetings and /api/v1/orgs/:id/compliance. */
export const meetingRoutes = (app: FastifyInstance) => {
  route(app, {
    method: 'POST',
    url: '/api/v1/meetings',
    permission: 'member.manage',
    auditAction: 'meeting.create',
    summary: '登记会议（三会一课、主题党日、组织生活会、民主评议、谈心谈话）',
    tags,
    body: meetingCreateSchema,
    handler: async ({ actor, q, body, deps, audit, reply }) => {
      const m = await createMeeting(q, actor, body, businessDate(deps.now()));
      await audit({ targetType: 'meeting', targetId: m.id, detail: { orgId: m.orgId, type: m.type, date: m.date, status: m.status } });
      reply.status(201);
      return present(m);
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/meetings',
    permission: 'member.read',
    summary: '某党组织的会议记录',
    tags,
    querystring: z.object({ orgId: recordIdParam, year: yearQuery.optional(), type: z.enum(MEETING_TYPES).optional() }),
    handler: async ({ actor, q, query }) => {
      const o = await findOrgRef(q, query.orgId);
      authorize(actor, 'member.read', o, '党组织');
      const where = sql.join(
        [
          sql`g.org_id = ${o.id}`,
          query.year ? sql`g.date >= ${`${query.year}-01-01`}::date and g.date <= ${`${query.year}-12-31`}::date` : sql`true`,
          query.type ? sql`g.type = ${query.type}` : sql`true`,
        ],
        sql` and `,
      );
      return { items: (await findMeetings(q, where)).map(present) };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/orgs/:id/compliance',
    permission: 'member.read',
    summary: '党组织某年度的问题：应开未开的会议、设置不符合规定等（每条带固定代码）',
    tags,
    params: idParams,
    querystring: z.object({ year: yearQuery }),
    handler: async ({ actor, q, params, query, deps }) => {
      const o = await findOrg(q, params.id);
      authorize(actor, 'member.read', o, '党组织');
      const [scan] = await scanCompliance(q, query.year, businessDate(deps.now()), sql`o.id = ${o.id}`);
      return {
        org: { id: o.id, name: o.name },
        year: query.year,
        meetingsRequired: scan?.meetingsRequired ?? 0,
        meetingsOwed: scan?.meetingsOwed ?? 0,
        items: scan?.findings ?? [],
      };
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/meetings/:id/held',
    permission: 'member.manage',
    auditAction: 'meeting.hold',
    summary: '将计划召开的会议登记为已召开（到会人员、记录、决定）',
    tags,
    params: idParams,
    body: meetingHoldSchema,
    handler: async ({ actor, q, params, body, deps, audit }) => {
      const m = await holdMeeting(q, actor, params.id, body, businessDate(deps.now()));
      await audit({ targetType: 'meeting', targetId: m.id, detail: { orgId: m.orgId, type: m.type, date: m.date, status: m.status } });
      return present(m);
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/meetings/:id',
    permission: 'member.read',
    summary: '一次会议的记录：到会与缺席人员、附件',
    tags,
    params: idParams,
    handler: async ({ actor, q, params }) => {
      await meetingOrg(q, actor, params.id, 'member.read');
      const [m] = await findMeetings(q, sql`g.id = ${params.id}`);
      const people = await rows<{ memberId: number; name: string; present: boolean; absenceReason: string | null }>(
        q,
        sql`select a.member_id as "memberId", m.name, a.present, a.absence_reason as "absenceReason"
            from meeting_attendee a join member m on m.id = a.member_id where a.meeting_id = ${params.id} order by a.present desc, m.pinyin`,
      );
      return { ...present(m as MeetingRow), people, files: await findAttachments(q, params.id) };
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/meetings/:id/attachments',
    permission: 'member.manage',
    auditAction: 'meeting.attach',
    summary: '为会议上传附件（签到表照片、会议记录PDF；JPG/PNG/WebP/PDF，不超过10MB）',
    tags,
    params: idParams,
    handler: async ({ actor, q, params, req, deps, audit, reply }) => {
      const file = await uploadedFile(req, '一张照片或一个 PDF 文件');
      const a = await attachFile(q, actor, deps.config.filesDir, params.id, file);
      await audit({ targetType: 'attachment', targetId: a.id, detail: { meetingId: params.id, type: a.contentType, bytes: a.sizeBytes } });
      reply.status(201);
      return a;
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/attachments/:id',
    permission: 'member.read',
    summary: '下载或查看会议附件（仅限管理范围内）',
    tags,
    params: idParams,
    handler: async ({ actor, q, params, deps, reply }) => {
      const a = await openAttachment(q, actor, deps.config.filesDir, params.id);
      const kind = a.contentType === 'application/pdf' ? 'attachment' : 'inline';
      reply
        .header('content-type', a.contentType)
        .header('content-disposition', `${kind}; filename="file"; filename*=UTF-8''${encodeURIComponent(a.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=3600');
      return a.bytes;
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/compliance/summary',
    permission: 'member.read',
    summary: '下级党组织组织生活情况汇总（按当日扫描结果：落后支部、三会一课完成率、换届到期）',
    tags,
    querystring: orgYearQuery,
    handler: async ({ actor, q, query, deps }) => {
      const o = await findOrgRef(q, query.orgId);
      authorize(actor, 'member.read', o, '党组织');
      await freshenSnapshots(q, query.year, businessDate(deps.now()), sql`o.path <@ ${o.orgPath}::ltree`);
      const scope = scopeFilter(actor, 'member.read', sql`x.path`);
      const items = await rows<RollupRow>(
        q,
        sql`select c.id as "orgId", c.name, c.type, ${ROLLUP}
            from org c join org x on x.path <@ c.path and ${scope}
            join ${FLAGS(query.year)} s on s.org_id = x.id
            where (c.parent_id = ${o.id} or c.id = ${o.id}) and c.closed_at is null
            group by c.id order by c.id = ${o.id} desc, c.code`,
      );
      const [asOf] = await rows<{ asOf: string | null }>(
        q,
        sql`select to_char(max(s.as_of), 'YYYY-MM-DD') as "asOf" from compliance_snapshot s join org x on x.id = s.org_id
            where s.year = ${query.year} and x.path <@ ${o.orgPath}::ltree`,
      );
      return { org: { id: o.id, name: o.name }, year: query.year, asOf: asOf?.asOf ?? null, items };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/compliance/branches',
    permission: 'member.read',
    summary: '某党组织下组织生活落后的党支部（应开未开会议、换届逾期等）',
    tags,
    querystring: z.object({ orgId: recordIdParam, year: yearQuery, code: z.string().max(60).optional(), ...pageQuery }),
    handler: async ({ actor, q, query, deps }) => {
      const o = await findOrgRef(q, query.orgId);
      authorize(actor, 'member.read', o, '党组织');
      await freshenSnapshots(q, query.year, businessDate(deps.now()), sql`o.path <@ ${o.orgPath}::ltree`);
      const { limit, offset } = paging(query);
      const where = sql`x.path <@ ${o.orgPath}::ltree and ${scopeFilter(actor, 'member.read', sql`x.path`)} and x.closed_at is null
        and s.year = ${query.year} and jsonb_array_length(s.findings) > 0
        ${query.code ? sql`and s.findings @> ${JSON.stringify([{ code: query.code }])}::jsonb` : sql``}`;
      const items = await rows<{
        orgId: number;
        name: string;
        parentName: string | null;
        meetingsRequired: number;
        meetingsOwed: number;
        findings: unknown;
      }>(
        q,
        sql`select x.id as "orgId", x.name, p.name as "parentName", s.meetings_required as "meetingsRequired", s.meetings_owed as "meetingsOwed", s.findings
            from compliance_snapshot s join org x on x.id = s.org_id left join org p on p.id = x.parent_id
            where ${where} order by s.meetings_owed desc, x.code limit ${limit} offset ${offset}`,
      );
      const [total] = await rows<{ n: number }>(
        q,
        sql`select count(*)::int as n from compliance_snapshot s join org x on x.id = s.org_id where ${where}`,
      );
      return {
        items: items.map((i) => ({ ...i, findings: typeof i.findings === 'string' ? JSON.parse(i.findings) : i.findings })),
        total: total?.n ?? 0,
      };
    },
  });
};

interface RollupRow {
  orgId: number;
  name: string;
  type: string;
  branches: number;
  branchesBehind: number;
  meetingsRequired: number;
  meetingsOwed: number;
  termsOverdue: number;
  termsDueSoon: number;
  termsUnrecorded: number;
  setupProblems: number;
  duesLapse: number;
}

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
