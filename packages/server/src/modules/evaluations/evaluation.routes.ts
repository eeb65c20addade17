import {
  approveSchema,
  BALLOT_CODES_MAX,
  ballotSchema,
  contestScoreSchema,
  DomainError,
  fenToYuan,
  objectionAnswerSchema,
  objectionSchema,
  PROGRAMMES,
  recordId,
  recordIdParam,
  reviewSchema,
  roundCreateSchema,
  schemeInputSchema,
  selfAssessmentSchema,
} from '@jishi/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { businessDate } from '../../platform/dates.js';
import { attachment, writeSheet, XLSX_TYPE } from '../../platform/excel.js';
import { fileResponse, route } from '../../platform/http.js';
import { ipLimiter } from '../../platform/rate-limit.js';
import { idParams, itemsOf, pageOf, pageQuery, paging, yearQuery } from '../../platform/schemas.js';
import { getMemberFor } from '../members/member.service.js';
import { ballotInfo, castBallot, closeBallot, issueCodes } from './evaluation.ballots.js';
import {
  approvedOut,
  ballotInfoOut,
  ballotTallyOut,
  contestOut,
  entryItemOut,
  entryOut,
  issuedCodesOut,
  orgResultOut,
  presentRound,
  presentScheme,
  presentSubsidy,
  publishedOut,
  reviewResultOut,
  roundCreatedOut,
  roundDetailOut,
  roundListItemOut,
  schemeOut,
  secretaryReviewOut,
  selfRecordOut,
  subsidyListOut,
  yearResultOut,
} from './evaluation.presenter.js';
import { addObjection, answerObjection, publishRound } from './evaluation.publicity.js';
import { compareYears, entryDetail, listEntries, orgResults, roundProgress, secretaryReviews, subsidyList } from './evaluation.read.js';
import { listRounds, listSchemes, readableRound, readableScheme } from './evaluation.repo.js';
import { addContestScore, approveEntries, closeContest, fileSelfAssessment, returnEntry, reviewEntry } from './evaluation.review.js';
import { createRound } from './evaluation.rounds.js';
import { copyScheme, createScheme, updateScheme } from './evaluation.schemes.js';

const tags = ['评星定级'];
const listFilter = z.object({ programme: z.enum(PROGRAMMES, { message: '评选项目无效' }).optional(), year: yearQuery.optional() });
/** /api/v1/evaluation: schemes, rounds and their steps (评星定级); /api/v1/ballots: the public 测评 page. */
export const evaluationRoutes = (app: FastifyInstance) => {
  const today = () => businessDate(app.deps.now());

  route(app, {
    method: 'GET',
    url: '/api/v1/evaluation/schemes',
    permission: 'evaluation.file',
    summary: '评选方案列表（本级及上级制定的）',
    tags,
    response: itemsOf(schemeOut),
    querystring: listFilter,
    handler: async ({ actor, q, query }) => ({ items: (await listSchemes(q, actor, query)).map((s) => presentScheme(actor, s)) }),
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/evaluation/schemes/:id',
    permission: 'evaluation.file',
    summary: '评选方案：适用范围、指标、等次、红旗、环节',
    tags,
    response: schemeOut,
    params: idParams,
    handler: async ({ actor, q, params }) => presentScheme(actor, await readableScheme(q, actor, params.id)),
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/evaluation/schemes',
    permission: 'evaluation.manage',
    auditAction: 'scheme.create',
    summary: '制定评选方案',
    tags,
    response: { 201: schemeOut },
    body: z.object({ orgId: recordId, scheme: schemeInputSchema }),
    handler: async ({ actor, q, body, audit, reply }) => {
      const id = await createScheme(q, actor, body.orgId, body.scheme);
      await audit({ targetType: 'scheme', targetId: id, detail: { programme: body.scheme.programme, year: body.scheme.year } });
      reply.status(201);
      return presentScheme(actor, await readableScheme(q, actor, id));
    },
  });

  route(app, {
    method: 'PUT',
    url: '/api/v1/evaluation/schemes/:id',
    permission: 'evaluation.manage',
    auditAction: 'scheme.update',
    summary: '修改评选方案（已开展评选的方案不能修改）',
    tags,
    response: schemeOut,
    params: idParams,
    body: schemeInputSchema,
    handler: async ({ actor, q, params, body, audit }) => {
      await updateScheme(q, actor, params.id, body);
      await audit({ targetType: 'scheme', targetId: params.id, detail: { year: body.year } });
      return presentScheme(actor, await readableScheme(q, actor, params.id));
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/evaluation/schemes/:id/copy',
    permission: 'evaluation.manage',
    auditAction: 'scheme.copy',
    summary: '复制方案为新年度版本（可复制到本级党组织，作为本级方案）',
    tags,
    response: { 201: schemeOut },
    params: idParams,
    body: z.object({
      year: yearQuery,
      name: z.string().trim().min(1, '请填写方案名称').max(60, '方案名称不能超过60个字'),
      /** Where the copy belongs: the scheme's own org by default, or one the user manages (a 旗县 adapting the city's). */
      orgId: recordId.optional(),
    }),
    handler: async ({ actor, q, params, body, audit, reply }) => {
      const { id, from } = await copyScheme(q, actor, params.id, body);
      await audit({ targetType: 'scheme', targetId: id, detail: { copiedFrom: from.id, year: body.year } });
      reply.status(201);
      return presentScheme(actor, await readableScheme(q, actor, id));
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/evaluation/rounds',
    permission: 'evaluation.file',
    summary: '评选轮次列表',
    tags,
    response: itemsOf(roundListItemOut),
    querystring: listFilter,
    handler: async ({ actor, q, query }) => ({
      items: (await listRounds(q, actor, query)).map((r) => ({ ...presentRound(actor, r), entries: r.entries, final: r.final })),
    }),
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/evaluation/rounds',
    permission: 'evaluation.manage',
    auditAction: 'round.create',
    summary: '开展评选：按方案设定各环节起止日期与公示天数，适用的党组织自动纳入',
    tags,
    response: { 201: roundCreatedOut },
    body: roundCreateSchema,
    handler: async ({ actor, q, body, audit, reply }) => {
      const r = await createRound(q, actor, body, today());
      await audit({
        targetType: 'evaluation_round',
        targetId: r.id,
        detail: { schemeId: body.schemeId, orgId: body.orgId, entries: r.entries },
      });
      reply.status(201);
      return { ...presentRound(actor, await readableRound(q, actor, r.id)), entries: r.entries };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/evaluation/rounds/:id',
    permission: 'evaluation.file',
    summary: '评选轮次：环节与进度、结果分布',
    tags,
    response: roundDetailOut,
    params: idParams,
    handler: async ({ actor, q, params }) => {
      const r = await readableRound(q, actor, params.id);
      return { ...presentRound(actor, r), progress: await roundProgress(q, actor, r) };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/evaluation/rounds/:id/entries',
    permission: 'evaluation.file',
    summary: '参评党组织：所处环节、得分、等次、红旗、在乡镇和领域内的排名',
    tags,
    response: pageOf(entryItemOut),
    params: idParams,
    querystring: z.object({
      stage: z.coerce.number().int().min(0).max(10).optional(),
      orgId: recordIdParam.optional(),
      level: z.string().max(32).optional(),
      q: z.string().trim().max(50).optional(),
      ...pageQuery,
    }),
    handler: async ({ actor, q, params, query }) => listEntries(q, actor, params.id, { ...query, ...paging(query) }, today()),
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/evaluation/rounds/:id/approve',
    permission: 'evaluation.manage',
    auditAction: 'round.approve',
    summary: '上级党委组织部门审定（可批量），审定后进入公示',
    tags,
    response: approvedOut,
    params: idParams,
    body: approveSchema,
    handler: async ({ actor, q, params, body, audit }) =>
      approveEntries(q, { actor, today: today(), audit }, params.id, body.entryIds, body.note),
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/evaluation/rounds/:id/publish',
    permission: 'evaluation.manage',
    auditAction: 'round.publish',
    summary: '公示期满且异议均已答复的，发布结果（命名）',
    tags,
    response: publishedOut,
    params: idParams,
    handler: async ({ actor, q, params, audit }) => publishRound(q, { actor, today: today(), audit }, params.id),
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/evaluation/rounds/:id/subsidy',
    permission: 'evaluation.file',
    summary: '红旗工作补贴资金清单',
    tags,
    response: subsidyListOut,
    params: idParams,
    handler: async ({ actor, q, params }) => presentSubsidy(await subsidyList(q, actor, params.id)),
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/evaluation/rounds/:id/subsidy/export',
    permission: 'evaluation.file',
    write: true, // an export is audited
    auditAction: 'round.subsidy.export',
    summary: '导出红旗工作补贴资金清单（Excel，供财务）',
    tags,
    response: fileResponse(XLSX_TYPE, '红旗工作补贴资金清单（.xlsx）'),
    params: idParams,
    handler: async ({ actor, q, params, deps, audit, reply }) => {
      const s = await subsidyList(q, actor, params.id);
      const file = await writeSheet({
        sheetName: '红旗补贴',
        title: `${s.round.name}工作补贴资金清单（每面${fenToYuan(s.perFlagFen)}元，共${s.flags}面，合计${fenToYuan(s.totalFen)}元）`,
        exportedBy: actor.username,
        exportedAt: deps.now(),
        columns: [
          { header: '苏木乡镇(街道)', width: 22, value: (i) => i.township },
          { header: '党组织', width: 34, value: (i) => i.orgName },
          { header: '组织代码', width: 18, value: (i) => i.code },
          { header: '命名红旗', width: 36, value: (i) => i.flagNames.join('、') },
          { header: '面数', width: 8, value: (i) => i.flags.length },
          { header: '补贴金额（元）', width: 16, value: (i) => fenToYuan(i.amountFen) },
          { header: '命名日期', width: 14, value: (i) => i.finalAt },
        ],
        rows: s.items,
      });
      await audit({ targetType: 'evaluation_round', targetId: params.id, detail: { rows: s.items.length, totalFen: s.totalFen } });
      reply.header('content-type', XLSX_TYPE).header('content-disposition', attachment(`${s.round.name}补贴资金清单.xlsx`));
      return file;
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/evaluation/entries/:id',
    permission: 'evaluation.file',
    summary: '参评记录：指标、自评及系统取数、测评、比武评分、评定、公示与异议、办理记录',
    tags,
    response: entryOut,
    params: idParams,
    handler: async ({ actor, q, params }) => entryDetail(q, actor, params.id, today()),
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/evaluation/entries/:id/self',
    permission: 'evaluation.file',
    auditAction: 'entry.self',
    summary: '提交自评（五面红旗同时申报争创的红旗）；三会一课、党费等由系统取数',
    tags,
    response: selfRecordOut,
    params: idParams,
    body: selfAssessmentSchema,
    handler: async ({ actor, q, params, body, audit }) => fileSelfAssessment(q, { actor, today: today(), audit }, params.id, body),
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/evaluation/entries/:id/codes',
    permission: 'evaluation.file',
    auditAction: 'entry.codes',
    summary: '生成一次性测评码（只显示这一次，请打印或分发）',
    tags,
    response: issuedCodesOut,
    params: idParams,
    body: z.object({
      count: z
        .number({ message: '请填写数量' })
        .int('数量应为整数')
        .min(1, '至少生成1个')
        .max(BALLOT_CODES_MAX, `一次最多生成${BALLOT_CODES_MAX}个`),
    }),
    handler: async ({ actor, q, params, body, deps, audit, reply }) => {
      const r = await issueCodes(q, { actor, today: today(), audit }, deps.keys, params.id, body.count);
      reply.header('cache-control', 'no-store');
      return r;
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/evaluation/entries/:id/ballot/close',
    permission: 'evaluation.file',
    auditAction: 'entry.ballot.close',
    summary: '结束党员群众测评，计票并进入下一环节',
    tags,
    response: ballotTallyOut,
    params: idParams,
    handler: async ({ actor, q, params, audit }) => closeBallot(q, { actor, today: today(), audit }, params.id),
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/evaluation/entries/:id/contest-scores',
    permission: 'evaluation.manage',
    auditAction: 'entry.contest.score',
    summary: '登记评委对书记比武的评分',
    tags,
    response: { 201: contestOut },
    params: idParams,
    body: contestScoreSchema,
    handler: async ({ actor, q, params, body, audit, reply }) => {
      const r = await addContestScore(q, { actor, today: today(), audit }, params.id, body);
      reply.status(201);
      return r;
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/evaluation/entries/:id/contest/close',
    permission: 'evaluation.manage',
    auditAction: 'entry.contest.close',
    summary: '结束比武：评委5人及以上去掉一个最高分和一个最低分后取平均',
    tags,
    response: contestOut,
    params: idParams,
    handler: async ({ actor, q, params, audit }) => closeContest(q, { actor, today: today(), audit }, params.id),
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/evaluation/entries/:id/review',
    permission: 'evaluation.manage',
    auditAction: 'entry.review',
    summary: '基层党委(工委)评定：逐项扣分、一票否决、评定等次或红旗',
    tags,
    response: reviewResultOut,
    params: idParams,
    body: reviewSchema,
    handler: async ({ actor, q, params, body, audit }) => reviewEntry(q, { actor, today: today(), audit }, params.id, body),
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/evaluation/entries/:id/return',
    permission: 'evaluation.manage',
    auditAction: 'entry.return',
    summary: '审定时退回重新评定',
    tags,
    response: entryOut,
    params: idParams,
    body: z.object({ note: z.string().trim().min(1, '请填写退回理由').max(500, '退回理由不能超过500个字') }),
    handler: async ({ actor, q, params, body, audit }) => {
      await returnEntry(q, { actor, today: today(), audit }, params.id, body.note);
      return entryDetail(q, actor, params.id, today());
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/evaluation/entries/:id/objections',
    permission: 'evaluation.manage',
    auditAction: 'entry.objection',
    summary: '登记公示期间收到的异议',
    tags,
    response: { 201: entryOut },
    params: idParams,
    body: objectionSchema,
    handler: async ({ actor, q, params, body, audit, reply }) => {
      await addObjection(q, { actor, today: today(), audit }, params.id, body);
      reply.status(201);
      return entryDetail(q, actor, params.id, today());
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/evaluation/objections/:id/answer',
    permission: 'evaluation.manage',
    auditAction: 'objection.answer',
    summary: '答复异议：不成立维持结果，成立则退回重新评定',
    tags,
    response: entryOut,
    params: idParams,
    body: objectionAnswerSchema,
    handler: async ({ actor, q, params, body, audit }) => {
      const r = await answerObjection(q, { actor, today: today(), audit }, params.id, body);
      return entryDetail(q, actor, r.entryId, today());
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/evaluation/compare',
    permission: 'evaluation.file',
    summary: '历年对比：各年度已发布结果的参评数、各等次（评价）数和命名红旗数',
    tags,
    response: itemsOf(yearResultOut),
    querystring: z.object({ programme: z.enum(PROGRAMMES, { message: '评选项目无效' }), orgId: recordIdParam }),
    handler: async ({ actor, q, query }) => ({ items: await compareYears(q, actor, query.programme, query.orgId) }),
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/orgs/:id/evaluations',
    permission: 'org.read',
    summary: '党组织历年评星定级结果（红旗、等次、述职评议）',
    tags,
    response: itemsOf(orgResultOut),
    params: idParams,
    handler: async ({ actor, q, params }) => ({ items: await orgResults(q, actor, params.id) }),
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/members/:id/reviews',
    permission: 'member.read',
    summary: '党员任书记期间所在党组织的书记抓基层党建述职评议结果',
    tags,
    response: itemsOf(secretaryReviewOut),
    params: idParams,
    handler: async ({ actor, q, params }) => {
      const m = await getMemberFor(q, actor, 'member.read', params.id);
      return { items: await secretaryReviews(q, m.id) };
    },
  });

  // The 测评 page: no login, one ballot per one-time code. Limited per IP: a village meeting room
  // votes from one address, so the limit is generous; a 50-bit code is not guessed at this rate.
  const allowBallot = ipLimiter(120);
  const limited = (ip: string) => {
    if (!allowBallot(ip, app.deps.now().getTime())) throw new DomainError('RATE_LIMITED', '操作过于频繁，请稍后再试');
  };

  route(app, {
    method: 'GET',
    url: '/api/v1/ballots/:code',
    permission: 'public',
    summary: '测评码对应的测评（无需登录）',
    tags,
    response: ballotInfoOut,
    params: z.object({ code: ballotSchema.shape.code }),
    handler: async ({ req, q, params, deps }) => {
      limited(req.ip);
      const info = await ballotInfo(q, deps.keys, params.code, today());
      return { orgName: info.orgName, roundName: info.roundName, stepName: info.stepName, summary: info.summary, refusal: info.refusal };
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/ballots',
    permission: 'public',
    auditAction: 'ballot.cast',
    summary: '投票（无需登录，每个测评码只能投一次，匿名）',
    tags,
    response: { 201: z.object({ orgName: z.string() }) },
    body: ballotSchema,
    handler: async ({ req, q, body, deps, audit, reply }) => {
      limited(req.ip);
      const r = await castBallot(q, deps.keys, body.code, body.choice, today());
      // Anonymous: the audit row names the entry, never the code or the choice.
      await audit({ targetType: 'round_entry', targetId: r.entryId });
      reply.status(201);
      return { orgName: r.orgName };
    },
  });
};
