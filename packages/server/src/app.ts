import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, LogController, type RouteOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { committeeRoutes } from './modules/committees/committee.routes.js';
import { developmentRoutes } from './modules/development/development.routes.js';
import { DEVELOPMENT } from './modules/development/development.service.js';
import { divisionRoutes } from './modules/divisions/division.routes.js';
import { duesRoutes } from './modules/dues/dues.routes.js';
import { ENTRIES } from './modules/evaluations/evaluation.repo.js';
import { evaluationRoutes } from './modules/evaluations/evaluation.routes.js';
import { honorRoutes } from './modules/honors/honors.routes.js';
import { MEDAL50 } from './modules/honors/honors.service.js';
import { indicatorRoutes } from './modules/indicators/indicator.routes.js';
import { jobRoutes } from './modules/jobs/job.routes.js';
import { complianceScan } from './modules/meetings/compliance.js';
import { meetingRoutes } from './modules/meetings/meeting.routes.js';
import { memberRoutes } from './modules/members/member.routes.js';
import { TRANSFERS } from './modules/members/member.transfer.js';
import { transferRoutes } from './modules/members/member.transfer.routes.js';
import { orgRoutes } from './modules/orgs/org.routes.js';
import { reminderRoutes } from './modules/reminders/reminder.routes.js';
import { calendarRoutes } from './modules/settings/calendar.routes.js';
import { userRoutes } from './modules/users/user.routes.js';
import type { Config } from './platform/config.js';
import { errorHandler, notFoundHandler, refuseBadInput } from './platform/errors.js';
import { ImportLimits } from './platform/excel.js';
import { type Deps, registerAuthHooks, route } from './platform/http.js';
import { type PreparationProgress, preparationGate, statusRoute } from './platform/preparation.js';
import { registerWebSecurity } from './platform/web-security.js';
import { workflowDeadlines } from './platform/workflow.jobs.js';

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** Every process on the workflow engine: the deadline job walks them all. */
export const PROCESSES = [DEVELOPMENT, MEDAL50, ENTRIES, TRANSFERS];

/** Every scheduled job (ARCHITECTURE.md Jobs); the server starts them, `POST /jobs/:name/run` and tests run them now. */
export const JOBS = [workflowDeadlines(PROCESSES), complianceScan];

/** Every module's routes, in one list: the permission test walks what these register. */
const MODULES = [
  authRoutes,
  orgRoutes,
  memberRoutes,
  transferRoutes,
  honorRoutes,
  reminderRoutes,
  developmentRoutes,
  userRoutes,
  auditRoutes,
  indicatorRoutes,
  divisionRoutes,
  duesRoutes,
  meetingRoutes,
  committeeRoutes,
  evaluationRoutes,
  jobRoutes(JOBS),
  calendarRoutes,
];

/**
 * Turns a route's zod schemas into OpenAPI, and documents the one error body as the `default`
 * answer of every route that declares its responses (`ApiError`, registered by platform/errors.ts).
 */
const openApiTransform: typeof jsonSchemaTransform = (document) => {
  const out = jsonSchemaTransform(document);
  const response = out.schema.response as Record<string, unknown> | undefined;
  if (response && !response.default) {
    response.default = { description: '请求被拒绝或失败：{ error: { code, message, details } }', $ref: '#/components/schemas/ApiError' };
  }
  return out;
};

/**
 * The document's components, without those no path reaches: the zod registry holds an input and
 * an output variant of every named schema, and most are used one way only.
 */
const openApiObject: typeof jsonSchemaTransformObject = (document) => {
  const out = jsonSchemaTransformObject(document) as { paths?: unknown; components?: { schemas?: Record<string, unknown> } };
  const schemas = out.components?.schemas;
  if (!schemas) return out as ReturnType<typeof jsonSchemaTransformObject>;
  const refsIn = (value: unknown) => [...JSON.stringify(value).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1] as string);
  const used = new Set<string>();
  for (let todo = refsIn(out.paths); todo.length > 0; ) {
    const name = todo.pop() as string;
    if (used.has(name)) continue;
    used.add(name);
    todo.push(...refsIn(schemas[name]));
  }
  for (const name of Object.keys(schemas)) if (!used.has(name)) delete schemas[name];
  return out as ReturnType<typeof jsonSchemaTransformObject>;
};

export interface BuildOptions {
  logger?: boolean;
  serveWeb?: boolean;
  /** Sees every route as it is registered (the permission test walks them). */
  onRoute?: (r: RouteOptions) => void;
  /** Registers more routes before start (tests only). */
  extra?: (app: FastifyInstance) => void;
}

/** The built web app, when there is one (`npm run build -w packages/web`); else only the API's 404s. */
const serveWebApp = async (app: FastifyInstance) => {
  if (!existsSync(WEB_DIST)) {
    app.setNotFoundHandler(notFoundHandler);
    return;
  }
  // index.html is never cached (at `/`, `/index.html` and every page path), so a redeploy's new
  // asset names reach every browser; the hashed assets are.
  await app.register(fastifyStatic, {
    root: WEB_DIST,
    wildcard: false,
    maxAge: '1h',
    setHeaders: (reply, file) => {
      if (path.basename(file) === 'index.html') reply.header('cache-control', 'no-cache');
    },
  });
  // The SPA owns every page path; a missing asset or API path is a real 404.
  app.setNotFoundHandler((req, reply) =>
    req.url.startsWith('/api/') || req.url.startsWith('/assets/')
      ? notFoundHandler(req, reply)
      : reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false }),
  );
};

/**
 * The server of a first start while its demo data loads (setup/first-start.ts): the web app and
 * the load's progress, no database.
 */
export const buildPreparingApp = async (
  config: Config,
  preparing: { readonly progress: PreparationProgress },
): Promise<FastifyInstance> => {
  const app = Fastify({
    logger: false,
    trustProxy: config.trustProxy,
    frameworkErrors: (error, req, reply) => errorHandler(error, req, reply),
  });
  app.setErrorHandler(errorHandler);
  await registerWebSecurity(app, config);
  preparationGate(app, preparing);
  await serveWebApp(app);
  await app.ready();
  return app;
};

/** Builds the HTTP app over its dependencies; it does not listen. */
export const buildApp = async (deps: Deps, opts: BuildOptions = {}): Promise<FastifyInstance> => {
  const app = Fastify({
    logger: opts.logger ? { level: deps.config.logLevel } : false,
    bodyLimit: 1024 * 1024,
    trustProxy: deps.config.trustProxy,
    // Access logs come from the load balancer; the app logs failures and slow requests (below).
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => crypto.randomUUID(),
    // A path that does not decode (`/orgs/%ED%A0%80`) gets the same Chinese error body as the rest.
    frameworkErrors: (error, req, reply) => errorHandler(error, req, reply),
  });
  app.decorate('deps', deps);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  await registerWebSecurity(app, deps.config);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: ImportLimits.maxBytes, files: 1, fields: 5 }, throwFileSizeLimit: true });
  await app.register(swagger, {
    openapi: { info: { title: '基石 基层党建综合管理平台 API', version: '1.0.0' } },
    transform: openApiTransform,
    transformObject: openApiObject,
  });
  if (opts.onRoute) app.addHook('onRoute', opts.onRoute);
  app.addHook('onResponse', async (req, reply) => {
    if (reply.statusCode >= 500 || reply.elapsedTime > 1000) {
      req.log.warn(
        {
          method: req.method,
          url: req.routeOptions.url,
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime),
          actorId: req.actor?.userId,
        },
        'slow or failed request',
      );
    }
  });
  registerAuthHooks(app);
  app.addHook('preValidation', refuseBadInput);
  for (const register of MODULES) register(app);
  opts.extra?.(app);
  route(app, {
    method: 'GET',
    url: '/api/v1/openapi.json',
    permission: 'public',
    summary: 'OpenAPI 接口文档',
    tags: ['参考数据'],
    response: z.record(z.string(), z.unknown()),
    handler: async () => app.swagger() as unknown as Record<string, unknown>,
  });

  statusRoute(app);
  if (opts.serveWeb) await serveWebApp(app);
  else app.setNotFoundHandler(notFoundHandler);
  await app.ready();
  return app;
};
