import { type Actor, applicantCreateSchema, recordIdParam, stepInputSchema } from '@jishi/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { businessDate } from '../../platform/dates.js';
import type { Q } from '../../platform/db/index.js';
import { route } from '../../platform/http.js';
import { idParams } from '../../platform/schemas.js';
import { type DescribedInstance, describeMany } from '../../platform/workflow.js';
import {
  type ApplicantOut,
  applicantOut,
  deadlineBoard,
  deadlineBoardOut,
  presentApplicant,
  recordedStepOut,
} from './development.presenter.js';
import {
  type ApplicantRow,
  createApplicant,
  DEVELOPMENT,
  findApplicant,
  getApplicantFor,
  openApplicantsFor,
  recordStep,
} from './development.service.js';

const tags = ['发展党员'];

/** Presents applicants for `actor`: their instances read in one pass. */
const presentFor = async (q: Q, actor: Actor, list: ApplicantRow[], today: string): Promise<ApplicantOut[]> => {
  const views = await describeMany(
    q,
    DEVELOPMENT,
    list.map((a) => a.id),
    actor,
    today,
  );
  return list.map((a) => presentApplicant(a, views.get(a.id) as DescribedInstance));
};

const presentOne = async (q: Q, actor: Actor, a: ApplicantRow, today: string) =>
  (await presentFor(q, actor, [a], today))[0] as ApplicantOut;

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
    response: { 201: applicantOut },
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
    response: recordedStepOut,
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
    response: applicantOut,
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
    response: deadlineBoardOut,
    handler: async ({ actor, q, query, deps }) => {
      const today = businessDate(deps.now());
      return deadlineBoard(await presentFor(q, actor, await openApplicantsFor(q, actor, query.orgId), today));
    },
  });
};
