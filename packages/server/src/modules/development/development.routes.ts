import { type Actor, applicantCreateSchema, recordIdParam, STAGE_NAMES, stepDef, stepInputSchema } from '@jishi/domain';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authorize, scopeFilter } from '../../platform/authorize.js';
import { businessDate } from '../../platform/dates.js';
import type { Q } from '../../platform/db/index.js';
import { route } from '../../platform/http.js';
import { idParams } from '../../platform/schemas.js';
import { type DescribedInstance, describeMany } from '../../platform/workflow.js';
import { findOrgRef } from '../orgs/org.repo.js';
import {
  type ApplicantRow,
  createApplicant,
  DEVELOPMENT,
  findApplicant,
  getApplicantFor,
  loadOpenApplicantViews,
  recordStep,
} from './development.service.js';

const tags = ['发展党员'];

/**
 * The API shape: the applicant (masked), its steps with names, stage, the next step with its
 * deadline (if the 细则 sets one), and whether the caller may record that step — all from the
 * applicant's workflow instance.
 */
const presentApplicant = (a: ApplicantRow, view: DescribedInstance) => {
  const last = view.log.at(-1);
  const stage = stepDef(last?.step ?? 1)?.stage ?? 1;
  const next = view.next[0];
  const nextNo = next ? Number(next.event.slice(4)) : null;
  const nextDef = nextNo ? stepDef(nextNo) : undefined;
  const due = view.deadline;
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
    state: view.state,
    stateLabel: view.stateLabel,
    seq: view.seq,
    steps: view.log.map((s) => ({
      step: s.step,
      name: stepDef(s.step)?.name,
      date: s.date,
      data: s.data,
      warnings: s.warnings,
      recordedBy: s.actorName,
    })),
    deadlines: due ? [{ step: due.step, name: stepDef(due.step)?.name, kind: due.kind, date: due.date, overdue: due.overdue }] : [],
    next: nextDef
      ? {
          step: nextDef.no,
          name: nextDef.name,
          by: nextDef.by,
          kind: due?.step === nextDef.no ? due.kind : null,
          date: due?.step === nextDef.no ? due.date : null,
          overdue: due?.step === nextDef.no && due.overdue,
        }
      : null,
    abilities: { canRecordNext: next?.mayAct ?? false, whyNot: next?.whyNot ?? null },
  };
};

/** Presents applicants for `actor`: their instances read in one pass. */
const presentFor = async (q: Q, actor: Actor, list: ApplicantRow[], today: string) => {
  const views = await describeMany(
    q,
    DEVELOPMENT,
    list.map((a) => a.id),
    actor,
    today,
  );
  return list.map((a) => presentApplicant(a, views.get(a.id) as DescribedInstance));
};

const presentOne = async (q: Q, actor: Actor, a: ApplicantRow, today: string) => (await presentFor(q, actor, [a], today))[0];

/** /api/v1/development: 入党申请人 through the 25 steps. */
export const developmentRoutes = (app: FastifyInstance) => {
  route(app, {
    method: 'POST',
    url: '/api/v1/development/applicants',
    permission: 'development.manage',
    auditAction: 'development.apply',
    summary: '登记入党申请（第1步：递交入党申请书）',
    tags,
    body: applicantCreateSchema,
    handler: async ({ actor, q, body, deps, audit, reply }) => {
      const today = businessDate(deps.now());
      const id = await createApplicant(q, deps.keys, { actor, today, audit }, body);
      reply.status(201);
      return presentOne(q, actor, (await findApplicant(q, id)) as ApplicantRow, today);
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/development/applicants/:id/steps',
    // Branch steps need development.manage, committee steps development.approve: the process decides.
    permission: 'development.read',
    auditAction: 'development.step',
    summary: '办理发展党员的一个步骤（1–25），按《中国共产党发展党员工作细则》校验',
    tags,
    params: idParams,
    body: stepInputSchema,
    handler: async ({ actor, q, params, body, deps, audit }) => {
      const today = businessDate(deps.now());
      const warnings = await recordStep(q, { actor, today, audit }, params.id, body);
      return { ...(await presentOne(q, actor, (await findApplicant(q, params.id)) as ApplicantRow, today)), warnings };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/development/applicants/:id',
    permission: 'development.read',
    summary: '入党申请人：所处阶段、已办步骤、下一步期限',
    tags,
    params: idParams,
    handler: async ({ actor, q, params, deps }) =>
      presentOne(q, actor, await getApplicantFor(q, actor, params.id), businessDate(deps.now())),
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/development/deadlines',
    permission: 'development.read',
    summary: '发展党员看板：在办的每个申请人、下一步及其期限（逾期在前）',
    tags,
    querystring: z.object({ orgId: recordIdParam.optional() }),
    handler: async ({ actor, q, query, deps }) => {
      const today = businessDate(deps.now());
      let under = sql`true`;
      if (query.orgId) {
        const o = await findOrgRef(q, query.orgId);
        authorize(actor, 'development.read', o, '党组织');
        under = sql`o.path <@ ${o.orgPath}::ltree`;
      }
      const open = await loadOpenApplicantViews(q, sql`${scopeFilter(actor, 'development.read', sql`o.path`)} and ${under}`, 2000);
      const items = [];
      for (const view of await presentFor(
        q,
        actor,
        open.map((v) => v.applicant),
        today,
      )) {
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
          abilities: view.abilities,
        });
      }
      // Overdue first, then by date; steps without a deadline last.
      items.sort((x, y) => Number(y.overdue) - Number(x.overdue) || (x.date ?? '9999').localeCompare(y.date ?? '9999'));
      return { items, overdue: items.filter((i) => i.overdue).length };
    },
  });
};
