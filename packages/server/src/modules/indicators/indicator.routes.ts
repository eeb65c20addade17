import { DomainError, dateString, pathIds, recordIdParam, scopesFor } from '@jishi/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authorize } from '../../platform/authorize.js';
import { businessDate } from '../../platform/dates.js';
import type { Q } from '../../platform/db/index.js';
import { route, type SessionActor } from '../../platform/http.js';
import { allIndicators, computeIndicators, figureKind, findIndicator, presentFigure } from '../../platform/indicators.js';
import { findChildren, findOrg } from '../orgs/org.repo.js';
import { indicatorBreakdownSchema, indicatorSnapshotSchema } from './indicator.presenter.js';
import './branch-life.indicators.js';
import './development.indicators.js';
import './evaluation.indicators.js';
import './honor.indicators.js';
import './member.indicators.js';
import './org.indicators.js';

const tags = ['数据驾驶舱'];

/** The org the figures are for: the one asked for, or the top of the caller's scope. */
const targetOrg = async (q: Q, actor: SessionActor, orgId: number | undefined) => {
  const id = orgId ?? pathIds(scopesFor(actor, 'indicator.read')[0] ?? '0').at(-1);
  const o = id ? await findOrg(q, id) : undefined;
  authorize(actor, 'indicator.read', o, '党组织');
  return o;
};

const query = z.object({
  orgId: recordIdParam.optional(),
  date: dateString.optional(),
});

/** /api/v1/indicators: every reported figure, computed from records for a subtree and date. */
export const indicatorRoutes = (app: FastifyInstance) => {
  route(app, {
    method: 'GET',
    url: '/api/v1/indicators',
    permission: 'indicator.read',
    summary: '统计指标（某组织及其下级，截至某日）',
    tags,
    response: indicatorSnapshotSchema,
    querystring: query,
    handler: async ({ actor, q, query, deps }) => {
      const o = await targetOrg(q, actor, query.orgId);
      const date = query.date ?? businessDate(deps.now());
      const defs = allIndicators();
      const values = await computeIndicators(q, defs, [o.orgPath], date);
      const items = defs.map((def) => ({
        id: def.id,
        name: def.name,
        unit: def.unit,
        ...presentFigure(def, values.get(def.id)?.get(o.orgPath)),
        group: def.group ?? null,
      }));
      return { org: { id: o.id, name: o.name }, date, items };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/indicators/:id',
    permission: 'indicator.read',
    summary: '单项指标及其按下级组织的分解',
    tags,
    response: indicatorBreakdownSchema,
    params: z.object({ id: z.string().max(80) }),
    querystring: query.extend({ by: z.enum(['child']).optional() }),
    handler: async ({ actor, q, params, query, deps }) => {
      const def = findIndicator(params.id);
      if (!def) throw new DomainError('NOT_FOUND', `指标「${params.id}」不存在`);
      const o = await targetOrg(q, actor, query.orgId);
      const date = query.date ?? businessDate(deps.now());
      const children = query.by === 'child' ? await findChildren(q, o.id, false) : [];
      const values = (await computeIndicators(q, [def], [o.orgPath, ...children.map((c) => c.orgPath)], date)).get(def.id) as Map<
        string,
        number
      >;
      return {
        indicator: { id: def.id, name: def.name, unit: def.unit, kind: figureKind(def), description: def.description },
        org: { id: o.id, name: o.name },
        date,
        value: presentFigure(def, values.get(o.orgPath)).value,
        items: children.map((c) => ({
          orgId: c.id,
          orgName: c.name,
          value: presentFigure(def, values.get(c.orgPath)).value,
          childCount: c.childCount,
        })),
      };
    },
  });
};
