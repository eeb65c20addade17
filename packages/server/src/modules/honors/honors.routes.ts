import type { Actor } from '@jishi/domain';
import {
  COMMENDATION_LEVELS,
  COMMENDATION_TITLES,
  commendationCreateSchema,
  isMedal50Eligible,
  MEDAL50_STATUSES,
  medal50AwardSchema,
  medal50Cutoff,
  medal50RecommendSchema,
  medal50ReviewSchema,
  pathIds,
  recordIdParam,
  scopesFor,
} from '@jishi/domain';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authorize, scopeFilter } from '../../platform/authorize.js';
import { businessDate } from '../../platform/dates.js';
import type { Q } from '../../platform/db/index.js';
import { route } from '../../platform/http.js';
import { idParams } from '../../platform/schemas.js';
import { presentMember } from '../members/member.presenter.js';
import { searchMembers } from '../members/member.repo.js';
import { findOrgRef } from '../orgs/org.repo.js';
import {
  awardMedal50,
  createCommendation,
  findCommendations,
  findMedal50Cases,
  getMedal50Case,
  medal50Abilities,
  memberHonors,
  presentMedal50Cases,
  recommendMedal50,
  reviewMedal50,
} from './honors.service.js';

const tags = ['表彰激励'];
const year = z.coerce.number().int().min(1921, '年度不能早于1921年').max(2100, '年度不能晚于2100年');
const medalYear = z.coerce.number().int().min(2021, '纪念章自2021年起颁发').max(2100);

/** The org a list is for: the one asked, else the actor's first scope root; checked for reading. */
const listOrg = async (q: Q, actor: Actor, orgId: number | undefined) => {
  const id = orgId ?? pathIds(scopesFor(actor, 'honor.read')[0] ?? '0').at(-1);
  const o = id ? await findOrgRef(q, id) : undefined;
  authorize(actor, 'honor.read', o, '党组织');
  return o;
};

/** /api/v1/honors: 表彰 and 「光荣在党50年」. */
export const honorRoutes = (app: FastifyInstance) => {
  route(app, {
    method: 'GET',
    url: '/api/v1/honors/medal50',
    permission: 'honor.read',
    summary: '「光荣在党50年」纪念章应颁发名单（含各人的申报进度）',
    tags,
    querystring: z.object({ orgId: recordIdParam.optional(), year: medalYear }),
    handler: async ({ actor, q, query, deps }) => {
      const o = await listOrg(q, actor, query.orgId);
      const cutoff = medal50Cutoff(query.year);
      const found = await searchMembers(q, {
        actor,
        underPath: o.orgPath,
        status: 'full',
        fullMemberBy: cutoff,
        limit: 100_000,
        offset: 0,
      });
      const cases = new Map(
        (await findMedal50Cases(q, sql`o.path <@ ${o.orgPath}::ltree and wi.state <> 'rejected'`, 100_000)).map((c) => [c.memberId, c]),
      );
      const today = businessDate(deps.now());
      // Awarded in an earlier year: the medal is for life, so not on this year's list.
      const items = found.items
        .filter((m) => isMedal50Eligible(m, query.year))
        .filter((m) => {
          const c = cases.get(m.id);
          return !(c && c.status === 'awarded' && c.year < query.year);
        })
        .map((m) => {
          const c = cases.get(m.id);
          return { ...presentMember(actor, m, today), medal50: c ? { id: c.id, year: c.year, status: c.status } : null };
        });
      return {
        org: { id: o.id, name: o.name },
        year: query.year,
        cutoff,
        items,
        total: items.length,
        abilities: await medal50Abilities(q, actor, o.orgPath),
      };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/honors/medal50/cases',
    permission: 'honor.read',
    summary: '纪念章申报（推荐、审核、颁发）',
    tags,
    querystring: z.object({ orgId: recordIdParam.optional(), year: medalYear.optional(), status: z.enum(MEDAL50_STATUSES).optional() }),
    handler: async ({ actor, q, query, deps }) => {
      const o = await listOrg(q, actor, query.orgId);
      const where = sql.join(
        [
          sql`o.path <@ ${o.orgPath}::ltree`,
          scopeFilter(actor, 'honor.read', sql`o.path`),
          query.year ? sql`c.year = ${query.year}` : sql`true`,
          query.status ? sql`wi.state = ${query.status}` : sql`true`,
        ],
        sql` and `,
      );
      const items = await presentMedal50Cases(q, actor, await findMedal50Cases(q, where), businessDate(deps.now()));
      return { items, total: items.length };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/honors/medal50/cases/:id',
    permission: 'honor.read',
    summary: '一份纪念章申报及其各步记录',
    tags,
    params: idParams,
    handler: async ({ actor, q, params, deps }) => getMedal50Case(q, actor, params.id, businessDate(deps.now())),
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/honors/medal50/cases',
    permission: 'honor.manage',
    auditAction: 'honor.medal50_recommend',
    summary: '推荐颁发「光荣在党50年」纪念章',
    tags,
    body: medal50RecommendSchema,
    handler: async ({ actor, q, body, deps, audit, reply }) => {
      const c = await recommendMedal50(q, { actor, today: businessDate(deps.now()), audit }, body);
      reply.status(201);
      return c;
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/honors/medal50/cases/:id/review',
    permission: 'honor.manage',
    auditAction: 'honor.medal50_review',
    summary: '审核纪念章申报（征求纪检监察机关意见）',
    tags,
    params: idParams,
    body: medal50ReviewSchema,
    handler: async ({ actor, q, params, body, deps, audit }) =>
      reviewMedal50(q, { actor, today: businessDate(deps.now()), audit }, params.id, body),
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/honors/medal50/cases/:id/award',
    permission: 'honor.manage',
    auditAction: 'honor.medal50_award',
    summary: '颁发「光荣在党50年」纪念章',
    tags,
    params: idParams,
    body: medal50AwardSchema,
    handler: async ({ actor, q, params, body, deps, audit }) =>
      awardMedal50(q, { actor, today: businessDate(deps.now()), audit }, params.id, body.date),
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/honors/commendations',
    permission: 'honor.read',
    summary: '表彰记录（优秀共产党员、优秀党务工作者、先进基层党组织）',
    tags,
    querystring: z.object({
      orgId: recordIdParam.optional(),
      year: year.optional(),
      title: z.enum(COMMENDATION_TITLES).optional(),
      level: z.enum(COMMENDATION_LEVELS).optional(),
    }),
    handler: async ({ actor, q, query }) => {
      const o = await listOrg(q, actor, query.orgId);
      const where = sql.join(
        [
          sql`s.path <@ ${o.orgPath}::ltree`,
          scopeFilter(actor, 'honor.read', sql`s.path`),
          query.year ? sql`c.year = ${query.year}` : sql`true`,
          query.title ? sql`c.title = ${query.title}` : sql`true`,
          query.level ? sql`c.level = ${query.level}` : sql`true`,
        ],
        sql` and `,
      );
      const items = await findCommendations(q, where);
      return { items: items.map(({ path, ...c }) => c), total: items.length };
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/honors/commendations',
    permission: 'honor.manage',
    auditAction: 'honor.commendation_create',
    summary: '登记表彰',
    tags,
    body: commendationCreateSchema,
    handler: async ({ actor, q, body, deps, audit, reply }) => {
      const { path, ...c } = await createCommendation(q, actor, actor.userId, body, businessDate(deps.now()));
      await audit({ targetType: 'commendation', targetId: c.id, detail: { title: c.title, level: c.level, year: c.year } });
      reply.status(201);
      return c;
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/members/:id/honors',
    permission: 'honor.read',
    summary: '党员获得的表彰与纪念章',
    tags,
    params: idParams,
    handler: async ({ actor, q, params, deps }) => {
      const h = await memberHonors(q, actor, params.id, businessDate(deps.now()));
      return { commendations: h.commendations.map(({ path, ...c }) => c), medal50: h.medal50 };
    },
  });
};
