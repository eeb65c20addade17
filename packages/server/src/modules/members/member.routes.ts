import {
  type Actor,
  AGE_BAND_IDS,
  AGE_BANDS,
  bandOf,
  bandStartRange,
  ETHNICITIES,
  GENDER_LABELS,
  MEMBER_STATUS_LABELS,
  MEMBER_STATUSES,
  maskIdNumber,
  memberCreateSchema,
  memberUpdateSchema,
  normalizeIdNumber,
  OCCUPATION_LABELS,
  PARTY_AGE_BAND_IDS,
  PARTY_AGE_BANDS,
  recordIdParam,
  revealSchema,
} from '@jishi/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authorize } from '../../platform/authorize.js';
import { blindIndex, type Keys } from '../../platform/crypto.js';
import { businessDate } from '../../platform/dates.js';
import type { Q } from '../../platform/db/index.js';
import { attachment, IMPORT_UPLOAD, type SheetColumn, writeSheet, XLSX_TYPE } from '../../platform/excel.js';
import { uploadedFile } from '../../platform/files.js';
import { fileResponse, route } from '../../platform/http.js';
import { idParams, pageQuery, paging } from '../../platform/schemas.js';
import { findOrgRef } from '../orgs/org.repo.js';
import { annotateErrors, memberTemplate } from './member.excel.js';
import { checkMemberSheet, importMemberSheet } from './member.import.js';
import { importResultSchema, type MemberOut, memberPageSchema, memberSchema, presentMember, revealedSchema } from './member.presenter.js';
import { searchMembers } from './member.repo.js';
import { createMember, getMemberFor, revealMemberField, updateMember } from './member.service.js';

const tags = ['党员管理'];

const listQuery = z.object({
  orgId: recordIdParam.optional(),
  q: z.string().trim().max(50).optional(),
  status: z.enum(MEMBER_STATUSES).optional(),
  gender: z.enum(['male', 'female']).optional(),
  ethnicity: z.enum(ETHNICITIES).optional(),
  ageBand: z.enum(AGE_BAND_IDS, { message: `年龄段只能是 ${AGE_BAND_IDS.join('、')}` }).optional(),
  partyAgeBand: z.enum(PARTY_AGE_BAND_IDS, { message: `党龄段只能是 ${PARTY_AGE_BAND_IDS.join('、')}` }).optional(),
  includeExited: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  ...pageQuery,
});

/** A whole ID number is looked up by its blind index; anything else is a name or pinyin fragment. */
const searchedIdNumber = (q: string | undefined): string | undefined => {
  const term = q ? normalizeIdNumber(q) : undefined;
  return term !== undefined && /^(\d{17}[\dX]|\d{15})$/.test(term) ? term : undefined;
};

/** The filter as an audit row keeps it: an ID number searched for is recorded masked, never in clear. */
const auditedFilter = <F extends { q?: string }>(query: F): F => {
  const idNumber = searchedIdNumber(query.q);
  return idNumber ? { ...query, q: maskIdNumber(idNumber) } : query;
};

/** The scoped filter of the list and the export alike, so an export never reaches further than the list. */
const listFilter = async (q: Q, actor: Actor, query: Omit<z.infer<typeof listQuery>, 'page' | 'pageSize'>, keys: Keys, today: string) => {
  let underPath: string | undefined;
  if (query.orgId) {
    const o = await findOrgRef(q, query.orgId);
    authorize(actor, 'member.read', o, '党组织');
    underPath = o.orgPath;
  }
  const idNumber = searchedIdNumber(query.q);
  return {
    actor,
    underPath,
    name: idNumber ? undefined : query.q,
    idIndex: idNumber ? blindIndex(keys, idNumber) : undefined,
    status: query.status,
    gender: query.gender,
    ethnicity: query.ethnicity,
    includeExited: query.includeExited,
    born: query.ageBand ? bandStartRange(bandOf(AGE_BANDS, query.ageBand), today) : undefined,
    fullSince: query.partyAgeBand ? bandStartRange(bandOf(PARTY_AGE_BANDS, query.partyAgeBand), today) : undefined,
  };
};

/** Largest export in one file. */
const EXPORT_LIMIT = 200_000;

/** Export columns: the masked values only, as on screen. */
const EXPORT_COLUMNS: SheetColumn<MemberOut>[] = [
  { header: '姓名', value: (m) => m.name },
  { header: '性别', width: 6, value: (m) => GENDER_LABELS[m.gender] },
  { header: '民族', width: 10, value: (m) => m.ethnicity },
  { header: '出生日期', value: (m) => m.birthDate },
  { header: '公民身份号码', width: 22, value: (m) => m.idNumber },
  { header: '手机号码', value: (m) => m.phone },
  { header: '所在党组织', width: 30, value: (m) => m.orgName },
  { header: '入党日期', value: (m) => m.joinedAt },
  { header: '转正日期', value: (m) => m.fullMemberAt },
  { header: '党员状态', value: (m) => MEMBER_STATUS_LABELS[m.status] },
  { header: '党龄（年）', width: 10, value: (m) => m.partyAgeYears },
  { header: '学历', value: (m) => m.education },
  { header: '人员类别', width: 20, value: (m) => (m.occupation ? OCCUPATION_LABELS[m.occupation] : null) },
];

/** /api/v1/members. */
export const memberRoutes = (app: FastifyInstance) => {
  route(app, {
    method: 'GET',
    url: '/api/v1/members',
    permission: 'member.read',
    summary: '党员名册（按组织、姓名、身份证号、状态等查询）',
    tags,
    querystring: listQuery,
    response: memberPageSchema,
    handler: async ({ actor, q, query, deps }) => {
      const found = await searchMembers(q, {
        ...(await listFilter(q, actor, query, deps.keys, businessDate(deps.now()))),
        ...paging(query),
      });
      const today = businessDate(deps.now());
      return { items: found.items.map((m) => presentMember(actor, m, today)), total: found.total, totalCapped: found.totalCapped };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/members/import/template',
    permission: 'member.manage',
    summary: '党员名册导入模板（Excel）',
    tags,
    response: fileResponse(XLSX_TYPE, '党员名册导入模板（.xlsx）'),
    handler: async ({ reply }) => {
      reply.header('content-type', XLSX_TYPE).header('content-disposition', attachment('党员名册导入模板.xlsx'));
      return memberTemplate();
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/members/import',
    permission: 'member.manage',
    auditAction: 'member.import',
    summary: '导入党员名册（.xlsx；先校验全部行，有任何错误则不导入）',
    tags,
    response: { 201: importResultSchema },
    upload: true,
    handler: async ({ req, actor, q, deps, audit, reply }) => {
      const file = (await uploadedFile(req, IMPORT_UPLOAD)).bytes;
      const result = await importMemberSheet(q, deps.keys, actor, file, businessDate(deps.now()));
      await audit({ targetType: 'member', detail: { created: result.created } });
      reply.status(201);
      return result;
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/members/import/annotate',
    permission: 'member.manage',
    write: false, // checks only: nothing is written
    summary: '返回标注了错误说明的导入文件',
    tags,
    response: fileResponse(XLSX_TYPE, '标注了错误说明的导入文件（.xlsx）'),
    upload: true,
    handler: async ({ req, actor, q, deps, reply }) => {
      const file = (await uploadedFile(req, IMPORT_UPLOAD)).bytes;
      const { errors } = await checkMemberSheet(q, deps.keys, actor, file, businessDate(deps.now()));
      reply.header('content-type', XLSX_TYPE).header('content-disposition', attachment('党员名册-错误说明.xlsx'));
      return annotateErrors(file, errors);
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/members/export',
    permission: 'member.read',
    write: true, // an export is audited
    auditAction: 'member.export',
    summary: '导出党员名册（Excel，身份证号和手机号已脱敏）',
    tags,
    response: fileResponse(XLSX_TYPE, '党员名册（.xlsx）'),
    querystring: listQuery.omit({ page: true, pageSize: true }),
    handler: async ({ actor, q, query, deps, audit, reply }) => {
      const found = await searchMembers(q, {
        ...(await listFilter(q, actor, query, deps.keys, businessDate(deps.now()))),
        limit: EXPORT_LIMIT,
        offset: 0,
      });
      const today = businessDate(deps.now());
      const file = await writeSheet({
        sheetName: '党员名册',
        title: '党员名册（身份证号、手机号已脱敏）',
        exportedBy: actor.username,
        exportedAt: deps.now(),
        rows: found.items.map((m) => presentMember(actor, m, today)),
        columns: EXPORT_COLUMNS,
      });
      await audit({ targetType: 'member', detail: { filter: auditedFilter(query), rows: found.items.length } });
      reply.header('content-type', XLSX_TYPE).header('content-disposition', attachment('党员名册.xlsx'));
      return file;
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/members/:id',
    permission: 'member.read',
    summary: '党员详情',
    tags,
    response: memberSchema,
    params: idParams,
    handler: async ({ actor, q, params, deps }) =>
      presentMember(actor, await getMemberFor(q, actor, 'member.read', params.id), businessDate(deps.now())),
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/members',
    permission: 'member.manage',
    auditAction: 'member.create',
    summary: '登记党员',
    tags,
    response: { 201: memberSchema },
    body: memberCreateSchema,
    handler: async ({ actor, q, body, deps, audit, reply }) => {
      const today = businessDate(deps.now());
      const m = await createMember(q, deps.keys, actor, body, today);
      await audit({ targetType: 'member', targetId: m.id, detail: { orgId: m.orgId } });
      reply.status(201);
      return presentMember(actor, m, today);
    },
  });

  route(app, {
    method: 'PATCH',
    url: '/api/v1/members/:id',
    permission: 'member.manage',
    auditAction: 'member.update',
    summary: '修改党员信息',
    tags,
    response: memberSchema,
    params: idParams,
    body: memberUpdateSchema,
    handler: async ({ actor, q, params, body, deps, audit }) => {
      const today = businessDate(deps.now());
      const m = await updateMember(q, deps.keys, actor, params.id, body, today);
      // Field names only: the audit log holds no personal data.
      await audit({ targetType: 'member', targetId: m.id, detail: { fields: Object.keys(body) } });
      return presentMember(actor, m, today);
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/members/:id/reveal',
    permission: 'member.reveal',
    auditAction: 'member.reveal',
    summary: '查看完整公民身份号码或手机号码（须填写原因，留痕）',
    tags,
    response: revealedSchema,
    params: idParams,
    body: revealSchema,
    handler: async ({ actor, q, params, body, deps, audit }) => {
      const value = await revealMemberField(q, deps.keys, actor, params.id, body.field, deps.now());
      await audit({ targetType: 'member', targetId: params.id, detail: { field: body.field, reason: body.reason } });
      return { field: body.field, value };
    },
  });
};
