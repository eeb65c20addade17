import {
  calculateDues,
  DEFAULT_DUES_SETTINGS,
  duesAssessSchema,
  duesCalculateSchema,
  duesPaySchema,
  LARGE_VOLUNTARY_FEN,
  ruleYuan,
  fenToYuan as yuan,
} from '@jishi/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authorize } from '../../platform/authorize.js';
import { businessDate } from '../../platform/dates.js';
import { attachment, writeSheet, XLSX_TYPE } from '../../platform/excel.js';
import { fileResponse, route } from '../../platform/http.js';
import { idParams, itemsOf, orgYearQuery, yearQuery } from '../../platform/schemas.js';
import { readSettings } from '../../platform/settings.js';
import { findOrgRef } from '../orgs/org.repo.js';
import {
  duesAssessmentSchema,
  duesCalculationSchema,
  duesRosterItemSchema,
  duesStatementSchema,
  memberDuesSchema,
  presentAssessment,
  presentCalculation,
  presentMemberDues,
  presentRecordedPayment,
  presentRosterItem,
  presentStatement,
  recordedPaymentSchema,
} from './dues.presenter.js';
import { assessDues, duesRoster, duesStatement, memberDues, ownDues, payDues } from './dues.service.js';

const tags = ['党费'];

/** /api/v1/dues: 党费. */
export const duesRoutes = (app: FastifyInstance) => {
  route(app, {
    method: 'POST',
    url: '/api/v1/dues/calculate',
    // A calculation: any signed-in user (a member checking their own dues included); nothing is written.
    permission: 'authenticated',
    write: false,
    summary: '党费计算器：按类别与每月基数计算应交党费',
    tags,
    response: duesCalculationSchema,
    body: duesCalculateSchema,
    handler: async ({ q, body }) =>
      presentCalculation(calculateDues(body.category, body.monthlyBase ?? 0, await readSettings(q, 'dues', DEFAULT_DUES_SETTINGS))),
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/dues/assessments',
    permission: 'dues.manage',
    auditAction: 'dues.assess',
    summary: '核定党员每月应交党费（年初核定或工资变动当月起；少交、免交须上一级党委批准）',
    tags,
    response: { 201: duesAssessmentSchema },
    body: duesAssessSchema,
    handler: async ({ actor, q, body, audit, reply }) => {
      const a = await assessDues(q, actor, body);
      await audit({
        targetType: 'member',
        targetId: body.memberId,
        detail: {
          effectiveFrom: body.effectiveFrom,
          category: body.category,
          amountFen: a.amountFen,
          reduced: a.amountFen !== a.calculatedFen,
        },
      });
      reply.status(201);
      return presentAssessment(a);
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/dues/payments',
    permission: 'dues.manage',
    auditAction: 'dues.pay',
    summary: '登记党费交纳（按月份区间，金额按核定标准计算；补交、预交一般不超过6个月）',
    tags,
    response: { 201: recordedPaymentSchema },
    body: duesPaySchema,
    handler: async ({ actor, q, body, deps, audit, reply }) => {
      const p = await payDues(q, actor, body, businessDate(deps.now()));
      await audit({
        targetType: 'member',
        targetId: body.memberId,
        detail: { paymentId: p.id, fromMonth: p.fromMonth, toMonth: p.toMonth, amountFen: p.amountFen, voluntaryFen: p.voluntaryFen },
      });
      reply.status(201);
      return presentRecordedPayment(p);
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/members/:id/dues',
    permission: 'dues.read',
    summary: '党员的党费：每月应交及依据、交纳记录、欠交情况',
    tags,
    response: memberDuesSchema,
    params: idParams,
    querystring: z.object({ year: yearQuery }),
    handler: async ({ actor, q, params, query, deps }) =>
      presentMemberDues(await memberDues(q, actor, params.id, query.year, businessDate(deps.now()))),
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/me/dues',
    // A member's own dues: any signed-in account linked to a member, no roll access needed.
    permission: 'authenticated',
    summary: '我的党费：每月应交及依据、交纳记录、欠交情况',
    tags,
    response: memberDuesSchema,
    querystring: z.object({ year: yearQuery }),
    handler: async ({ actor, q, query, deps }) => presentMemberDues(await ownDues(q, actor.memberId, query.year, businessDate(deps.now()))),
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/dues/roster',
    permission: 'dues.read',
    summary: '党支部党费台账：每名党员的交纳标准、本年已交、欠交月数及提醒',
    tags,
    response: itemsOf(duesRosterItemSchema),
    querystring: orgYearQuery,
    handler: async ({ actor, q, query, deps }) => {
      const o = await findOrgRef(q, query.orgId);
      authorize(actor, 'dues.read', o, '党组织');
      return { items: (await duesRoster(q, o.id, query.year, businessDate(deps.now()))).map(presentRosterItem) };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/dues/statement',
    permission: 'dues.read',
    summary: '党支部年度党费收缴情况（向党员公布）',
    tags,
    response: duesStatementSchema,
    querystring: orgYearQuery,
    handler: async ({ actor, q, query }) => {
      const o = await findOrgRef(q, query.orgId);
      authorize(actor, 'dues.read', o, '党组织');
      return presentStatement(o, query.year, await duesStatement(q, o.id, query.year));
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/dues/statement/export',
    permission: 'dues.read',
    write: true, // an export is audited
    auditAction: 'dues.statement.export',
    summary: '导出党支部年度党费收缴情况（Excel，供向党员公布）',
    tags,
    response: fileResponse(XLSX_TYPE, '党费收缴情况（.xlsx）'),
    querystring: orgYearQuery,
    handler: async ({ actor, q, query, deps, audit, reply }) => {
      const o = await findOrgRef(q, query.orgId);
      authorize(actor, 'dues.read', o, '党组织');
      const s = await duesStatement(q, o.id, query.year);
      const file = await writeSheet({
        sheetName: '党费收缴情况',
        title: `${o.name}${query.year}年度党费收缴情况（全年收缴${yuan(s.collectedFen)}元，其中自愿多交${yuan(s.voluntaryFen)}元${s.largeFen > 0 ? `，一次性${ruleYuan(LARGE_VOLUNTARY_FEN)}元以上${yuan(s.largeFen)}元全部上缴中央` : ''}）`,
        exportedBy: actor.username,
        exportedAt: deps.now(),
        columns: [
          { header: '月份', width: 10, value: (m) => m.month },
          { header: '在册党员（人）', width: 14, value: (m) => m.members },
          { header: '应交（元）', width: 14, value: (m) => yuan(m.dueFen) },
          { header: '已交人数', width: 12, value: (m) => m.payers },
          { header: '已交（元）', width: 14, value: (m) => yuan(m.paidFen) },
          { header: '未交（元）', width: 14, value: (m) => yuan(Math.max(0, m.dueFen - m.paidFen)) },
        ],
        rows: s.months,
      });
      await audit({ targetType: 'org', targetId: o.id, detail: { year: query.year } });
      reply.header('content-type', XLSX_TYPE).header('content-disposition', attachment(`${o.name}${query.year}年党费收缴情况.xlsx`));
      return file;
    },
  });
};
