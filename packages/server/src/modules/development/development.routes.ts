import {
  type Actor,
  applicantCreateSchema,
  nextDeadline,
  nextStepNo,
  recordIdParam,
  STAGE_NAMES,
  stepDef,
  stepInputSchema,
} from '@jishi/domain';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authorize, scopeFilter } from '../../platform/authorize.js';
import { businessDate } from '../../platform/dates.js';
import type { Q } from '../../platform/db/index.js';
import { route } from '../../platform/http.js';
import { idParams } from '../../platform/schemas.js';
import { findOrgRef } from '../orgs/org.repo.js';
import {
  type ApplicantRow,
  createApplicant,
  findApplicant,
  getApplicantFor,
  loadApplicantView,
  loadOpenApplicantViews,
  mayRecord,
  recordStep,
} from './development.service.js';

const tags = ['发展党员'];

/**
 * The API shape: the applicant (masked), its steps with names, stage, the next step with its
 * deadline (if the 细则 sets one), and whether the caller may record that step.
 */
const presentApplicant = (view: Awaited<ReturnType<typeof loadApplicantView>>, today: string, canRecordNext: boolean) => {
  const { applicant: a, steps, done } = view;
  const last = steps.at(-1);
  const stage = stepDef(last?.step ?? 1)?.stage ?? 1;
  const next = nextDeadline(done);
  const nextNo = nextStepNo(done);
  const nextDef = nextNo ? stepDef(nextNo) : undefined;
  return {
    id: a.id,
    orgId: a.orgId,
    orgName: a.orgName,
    name: a.name,
    gender: a.gender,
    ethnicity: a.ethnicity,
    birthDate: a.birthDate,
    idNumber: a.idNumberMasked,
    phone: a.phoneMasked,
    memberId: a.memberId,
    stage,
    stageName: STAGE_NAMES[stage],
    steps: steps.map((s) => ({
      step: s.step,
      name: stepDef(s.step)?.name,
      date: s.date,
      data: s.data,
      warnings: s.warnings,
      recordedBy: s.actorName,
    })),
    deadlines: next
      ? [
          {
            step: next.step,
            name: stepDef(next.step)?.name,
            kind: next.kind,
            date: next.date,
            overdue: next.kind === 'due' && next.date < today,
          },
        ]
      : [],
    next: nextDef
      ? {
          step: nextDef.no,
          name: nextDef.name,
          by: nextDef.by,
          kind: next?.step === nextDef.no ? next.kind : null,
          date: next?.step === nextDef.no ? next.date : null,
          overdue: next?.step === nextDef.no && next.kind === 'due' && next.date < today,
        }
      : null,
    abilities: { canRecordNext },
  };
};

/** Presents an applicant for `actor`, working out whether it may record the next step. */
const presentFor = async (q: Q, actor: Actor, a: ApplicantRow, today: string) => {
  const view = await loadApplicantView(q, a);
  const nextNo = nextStepNo(view.done);
  return presentApplicant(view, today, nextNo !== null && (await mayRecord(q, actor, a, nextNo)));
};

/** /api/v1/development: 入党申请人 through the 25 steps. */
export const developmentRoutes = (app: FastifyInstance) => {
  route(app, {
    method: 'POST',
    url: '/api/v1/development/applicants',
    permission: 'member.manage',
    auditAction: 'development.apply',
    summary: '登记入党申请（第1步：递交入党申请书）',
    tags,
    body: applicantCreateSchema,
    handler: async ({ actor, q, body, deps, audit, reply }) => {
      const today = businessDate(deps.now());
      const id = await createApplicant(q, deps.keys, actor, body, today);
      await audit({ targetType: 'applicant', targetId: id, detail: { orgId: body.orgId, step: 1 } });
      reply.status(201);
      return presentFor(q, actor, (await findApplicant(q, id)) as ApplicantRow, today);
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/development/applicants/:id/steps',
    permission: 'member.manage',
    auditAction: 'development.step',
    summary: '办理发展党员的一个步骤（1–25），按《中国共产党发展党员工作细则》校验',
    tags,
    params: idParams,
    body: stepInputSchema,
    handler: async ({ actor, q, params, body, deps, audit }) => {
      const today = businessDate(deps.now());
      const warnings = await recordStep(q, actor, params.id, body, today);
      await audit({ targetType: 'applicant', targetId: params.id, detail: { step: body.step, warnings: warnings.length } });
      return { ...(await presentFor(q, actor, (await findApplicant(q, params.id)) as ApplicantRow, today)), warnings };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/development/applicants/:id',
    permission: 'member.read',
    summary: '入党申请人：所处阶段、已办步骤、下一步期限',
    tags,
    params: idParams,
    handler: async ({ actor, q, params, deps }) =>
      presentFor(q, actor, await getApplicantFor(q, actor, params.id), businessDate(deps.now())),
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/development/deadlines',
    permission: 'member.read',
    summary: '发展党员看板：在办的每个申请人、下一步及其期限（逾期在前）',
    tags,
    querystring: z.object({ orgId: recordIdParam.optional() }),
    handler: async ({ actor, q, query, deps }) => {
      const today = businessDate(deps.now());
      let under = sql`true`;
      if (query.orgId) {
        const o = await findOrgRef(q, query.orgId);
        authorize(actor, 'member.read', o, '党组织');
        under = sql`o.path <@ ${o.orgPath}::ltree`;
      }
      const views = await loadOpenApplicantViews(q, sql`${scopeFilter(actor, 'member.read', sql`o.path`)} and ${under}`, 2000);
      const items = [];
      for (const v of views) {
        const view = presentApplicant(v, today, false);
        if (!view.next) continue;
        items.push({
          applicantId: view.id,
          applicantName: view.name,
          orgName: view.orgName,
          stageName: view.stageName,
          step: view.next.step,
          stepName: view.next.name,
          kind: view.next.kind,
          date: view.next.date,
          overdue: view.next.overdue,
        });
      }
      // Overdue first, then by date; steps without a deadline last.
      items.sort((x, y) => Number(y.overdue) - Number(x.overdue) || (x.date ?? '9999').localeCompare(y.date ?? '9999'));
      return { items, overdue: items.filter((i) => i.overdue).length };
    },
  });
};
