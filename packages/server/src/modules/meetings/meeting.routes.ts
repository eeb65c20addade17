import { ATTACHMENT_TYPES, MEETING_TYPES, meetingCreateSchema, meetingHoldSchema, recordIdParam } from '@jishi/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authorize } from '../../platform/authorize.js';
import { businessDate } from '../../platform/dates.js';
import { ATTACHMENT_UPLOAD, megabytes, uploadedFile } from '../../platform/files.js';
import { fileResponse, route } from '../../platform/http.js';
import { idParams, itemsOf, orgYearQuery, pageQuery, paging, yearQuery } from '../../platform/schemas.js';
import { findOrg, findOrgRef } from '../orgs/org.repo.js';
import { complianceBranches, complianceSummary, orgCompliance } from './compliance.read.js';
import { attachFile, findAttachments, meetingOrg, openAttachment } from './meeting.files.js';
import {
  attachmentSchema,
  branchCompliancePageSchema,
  complianceSummarySchema,
  meetingDetailSchema,
  meetingSchema,
  orgComplianceSchema,
  presentAttachment,
  presentMeeting,
  presentMeetingDetail,
} from './meeting.presenter.js';
import { createMeeting, findAttendees, findMeeting, findOrgMeetings, holdMeeting, type MeetingRow } from './meeting.service.js';

const tags = ['组织生活'];

/** /api/v1/meetings and /api/v1/orgs/:id/compliance. */
export const meetingRoutes = (app: FastifyInstance) => {
  route(app, {
    method: 'POST',
    url: '/api/v1/meetings',
    permission: 'meeting.manage',
    auditAction: 'meeting.create',
    summary: '登记会议（三会一课、主题党日、组织生活会、民主评议、谈心谈话）',
    tags,
    response: { 201: meetingSchema },
    body: meetingCreateSchema,
    handler: async ({ actor, q, body, deps, audit, reply }) => {
      const m = await createMeeting(q, actor, body, businessDate(deps.now()));
      await audit({ targetType: 'meeting', targetId: m.id, detail: { orgId: m.orgId, type: m.type, date: m.date, status: m.status } });
      reply.status(201);
      return presentMeeting(actor, m);
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/meetings',
    permission: 'meeting.read',
    summary: '某党组织的会议记录',
    tags,
    response: itemsOf(meetingSchema),
    querystring: z.object({ orgId: recordIdParam, year: yearQuery.optional(), type: z.enum(MEETING_TYPES).optional() }),
    handler: async ({ actor, q, query }) => {
      const o = await findOrgRef(q, query.orgId);
      authorize(actor, 'meeting.read', o, '党组织');
      const items = await findOrgMeetings(q, o.id, { year: query.year, type: query.type });
      return { items: items.map((m) => presentMeeting(actor, m)) };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/orgs/:id/compliance',
    permission: 'meeting.read',
    summary: '党组织某年度的问题：应开未开的会议、设置不符合规定等（每条带固定代码）',
    tags,
    response: orgComplianceSchema,
    params: idParams,
    querystring: z.object({ year: yearQuery }),
    handler: async ({ actor, q, params, query, deps }) => {
      const o = await findOrg(q, params.id);
      authorize(actor, 'meeting.read', o, '党组织');
      return orgCompliance(q, o, query.year, businessDate(deps.now()));
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/meetings/:id/held',
    permission: 'meeting.manage',
    auditAction: 'meeting.hold',
    summary: '将计划召开的会议登记为已召开（到会人员、记录、决定）',
    tags,
    response: meetingSchema,
    params: idParams,
    body: meetingHoldSchema,
    handler: async ({ actor, q, params, body, deps, audit }) => {
      const m = await holdMeeting(q, actor, params.id, body, businessDate(deps.now()));
      await audit({ targetType: 'meeting', targetId: m.id, detail: { orgId: m.orgId, type: m.type, date: m.date, status: m.status } });
      return presentMeeting(actor, m);
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/meetings/:id',
    permission: 'meeting.read',
    summary: '一次会议的记录：到会与缺席人员、附件',
    tags,
    response: meetingDetailSchema,
    params: idParams,
    handler: async ({ actor, q, params }) => {
      await meetingOrg(q, actor, params.id, 'meeting.read');
      const m = (await findMeeting(q, params.id)) as MeetingRow;
      return presentMeetingDetail(actor, m, await findAttendees(q, params.id), await findAttachments(q, params.id));
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/meetings/:id/attachments',
    permission: 'meeting.manage',
    auditAction: 'meeting.attach',
    summary: `为会议上传附件（签到表照片、会议记录PDF；JPG/PNG/WebP/PDF，不超过${megabytes(ATTACHMENT_UPLOAD.maxBytes)}MB）`,
    tags,
    upload: true,
    response: { 201: attachmentSchema },
    params: idParams,
    handler: async ({ actor, q, params, req, deps, audit, reply }) => {
      const file = await uploadedFile(req, ATTACHMENT_UPLOAD);
      const a = await attachFile(q, actor, deps.config.filesDir, params.id, file);
      await audit({ targetType: 'attachment', targetId: a.id, detail: { meetingId: params.id, type: a.contentType, bytes: a.sizeBytes } });
      reply.status(201);
      return presentAttachment(a);
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/attachments/:id',
    permission: 'meeting.read',
    summary: '下载或查看会议附件（仅限管理范围内）',
    tags,
    response: fileResponse(ATTACHMENT_TYPES, '附件（图片在页面中显示，PDF下载）'),
    params: idParams,
    handler: async ({ actor, q, params, deps, reply }) => {
      const a = await openAttachment(q, actor, deps.config.filesDir, params.id);
      const kind = a.contentType === 'application/pdf' ? 'attachment' : 'inline';
      reply
        .header('content-type', a.contentType)
        .header('content-disposition', `${kind}; filename="file"; filename*=UTF-8''${encodeURIComponent(a.fileName)}`)
        .header('cache-control', 'private, max-age=3600');
      return a.bytes;
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/compliance/summary',
    permission: 'meeting.read',
    summary: '下级党组织组织生活情况汇总（按当日扫描结果：落后支部、三会一课完成率、换届到期）',
    tags,
    response: complianceSummarySchema,
    querystring: orgYearQuery,
    handler: async ({ actor, q, query, deps }) => {
      const o = await findOrgRef(q, query.orgId);
      authorize(actor, 'meeting.read', o, '党组织');
      const summary = await complianceSummary(q, actor, o, query.year, businessDate(deps.now()));
      return { org: { id: o.id, name: o.name }, year: query.year, ...summary };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/compliance/branches',
    permission: 'meeting.read',
    summary: '某党组织下组织生活落后的党支部（应开未开会议、换届逾期等）',
    tags,
    response: branchCompliancePageSchema,
    querystring: z.object({ orgId: recordIdParam, year: yearQuery, code: z.string().max(60).optional(), ...pageQuery }),
    handler: async ({ actor, q, query, deps }) => {
      const o = await findOrgRef(q, query.orgId);
      authorize(actor, 'meeting.read', o, '党组织');
      const filter = { year: query.year, today: businessDate(deps.now()), code: query.code };
      return complianceBranches(q, actor, o, filter, paging(query));
    },
  });
};
