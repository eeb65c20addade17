import { DomainError, dateString } from '@jishi/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { OUTCOMES, verifyAuditChain } from '../../platform/audit.js';
import { attachment, writeSheet, XLSX_TYPE } from '../../platform/excel.js';
import { auditActionLabel, fileResponse, route } from '../../platform/http.js';
import { itemsOf, pageOf, pageQuery, paging } from '../../platform/schemas.js';
import { type AuditListRow, auditActionSchema, auditChainCheckSchema, auditEntrySchema, presentAuditEntry } from './audit.presenter.js';
import { auditActions, countAudit, findAudit } from './audit.repo.js';

const tags = ['审计'];

const filterSchema = z.object({
  from: dateString.optional(),
  to: dateString.optional(),
  actor: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  outcome: z.enum(OUTCOMES).optional(),
});
const OUTCOME_LABELS: Record<string, string> = { success: '成功', denied: '拒绝', failure: '失败' };

/** Largest export in one file; beyond it the auditor narrows the filter. */
const EXPORT_LIMIT = 100_000;

/** /api/v1/audit: the auditor's read-only view of the log. */
export const auditRoutes = (app: FastifyInstance) => {
  route(app, {
    method: 'GET',
    url: '/api/v1/audit',
    permission: 'audit.read',
    summary: '审计日志查询',
    tags,
    response: pageOf(auditEntrySchema),
    querystring: filterSchema.extend(pageQuery),
    handler: async ({ q, query }) => {
      const { limit, offset } = paging(query);
      const [items, total] = await Promise.all([findAudit(q, query, limit, offset), countAudit(q, query)]);
      return { items: items.map(presentAuditEntry), total };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/audit/export',
    permission: 'audit.read',
    write: true, // an export is itself audited
    auditAction: 'audit.export',
    summary: '导出审计日志（Excel）',
    tags,
    response: fileResponse(XLSX_TYPE, '审计日志（.xlsx）'),
    querystring: filterSchema,
    handler: async ({ actor, q, query, reply, deps, audit }) => {
      const total = await countAudit(q, query);
      if (total > EXPORT_LIMIT) {
        throw new DomainError(
          'INVALID_INPUT',
          `所选条件下有 ${total.toLocaleString('zh-CN')} 条记录，超过单个文件 ${EXPORT_LIMIT.toLocaleString('zh-CN')} 条的上限，请缩小时间范围或增加条件后再导出`,
          { field: 'from' },
        );
      }
      const items = await findAudit(q, query, EXPORT_LIMIT, 0);
      const file = await writeSheet<AuditListRow>({
        sheetName: '审计日志',
        title: '基石 审计日志',
        exportedBy: actor.username,
        exportedAt: deps.now(),
        rows: items,
        columns: [
          { header: '序号', width: 10, value: (r) => Number(r.seq) },
          { header: '时间', width: 22, value: (r) => r.at.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) },
          { header: '操作人', value: (r) => r.actorName },
          { header: '角色', value: (r) => r.actorRole },
          { header: '所属组织', width: 24, value: (r) => r.actorOrgName },
          { header: '操作', width: 20, value: (r) => auditActionLabel(r.action) },
          { header: '操作代码', width: 16, value: (r) => r.action },
          { header: '对象类型', value: (r) => r.targetType },
          { header: '对象', value: (r) => r.targetId },
          { header: '结果', width: 8, value: (r) => OUTCOME_LABELS[r.outcome] ?? r.outcome },
          { header: '请求号', value: (r) => r.requestId },
          { header: 'IP', value: (r) => r.ip },
          { header: '详情', width: 40, value: (r) => (r.detail ? JSON.stringify(r.detail) : '') },
        ],
      });
      // Audited last: the audit lock is held until commit, so the workbook is built before it.
      await audit({ targetType: 'audit_log', detail: { filter: query, rows: items.length } });
      reply.header('content-type', XLSX_TYPE).header('content-disposition', attachment('审计日志.xlsx'));
      return file;
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/audit/actions',
    permission: 'audit.read',
    summary: '审计日志中出现过的操作类型',
    tags,
    response: itemsOf(auditActionSchema),
    handler: async ({ q }) => ({
      items: (await auditActions(q)).map((action) => ({ action, label: auditActionLabel(action) })),
    }),
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/audit/verify',
    permission: 'audit.read',
    summary: '校验审计日志哈希链',
    tags,
    response: auditChainCheckSchema,
    handler: ({ q, deps }) => verifyAuditChain(q, deps.keys.audit),
  });
};
