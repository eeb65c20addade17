import { type Action, type Actor, canAnywhere, DomainError, type Grant, sessionExpired } from '@jishi/domain';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { ResponseSerializationError, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type AuditContext, type AuditEntry, recordAudit } from './audit.js';
import type { Config } from './config.js';
import { type Keys, sm3 } from './crypto.js';
import type { Database, Db, Q } from './db/index.js';
import { rows, toDate } from './db/index.js';
import { type CachedSession, SessionCache } from './sessions.js';

export const SESSION_COOKIE = 'jishi_sid';

/** What a route requires: nothing, a signed-in user, or an action somewhere in the tree. */
export type Permission = 'public' | 'authenticated' | Action;

export interface Deps {
  database: Database;
  db: Db;
  config: Config;
  keys: Keys;
  now: () => Date;
}

export interface SessionGrant extends Grant {
  orgName: string;
}

export interface SessionActor extends Actor {
  displayName: string;
  homeOrgId: number | null;
  /** The member this account is, if linked (a member's own dues). */
  memberId: number | null;
  mustChangePassword: boolean;
  sessionId: string;
  grants: SessionGrant[];
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: Deps;
    /** This process's session cache. */
    sessions: SessionCache;
  }
  interface FastifyRequest {
    actor: SessionActor | null;
  }
  interface FastifyContextConfig {
    permission?: Permission;
    /** Reachable while the user still has to change the initial password. */
    duringPasswordChange?: boolean;
    /** Takes a multipart/form-data file upload; every other write takes JSON only (web-security.ts). */
    upload?: boolean;
  }
}

/** Who did it, for the audit row, from the request. */
export const auditContextOf = (req: FastifyRequest, actor: SessionActor | null = req.actor): AuditContext => ({
  actorId: actor?.userId ?? null,
  actorName: actor?.username ?? null,
  actorRole: actor ? [...new Set(actor.grants.map((g) => g.role))].join(',') || null : null,
  actorOrgId: actor?.homeOrgId ?? null,
  requestId: req.id,
  ip: req.ip,
});

/** Reads a session with its user and grants from the database. */
const readSession = async (deps: Deps, sessionId: string) => {
  const [s] = await rows<{
    user_id: number;
    created_at: Date;
    last_seen_at: Date;
    username: string;
    display_name: string;
    home_org_id: number | null;
    member_id: number | null;
    must_change_password: boolean;
    disabled: boolean;
    session_epoch: number;
    grants: { role: Grant['role']; orgId: number; orgPath: string; orgName: string }[] | string;
  }>(
    deps.db,
    sql`select s.user_id, s.created_at, s.last_seen_at, u.username, u.display_name, u.home_org_id, u.member_id,
               u.must_change_password, u.disabled, u.session_epoch,
               coalesce((select json_agg(json_build_object('role', g.role, 'orgId', g.org_id, 'orgPath', o.path::text, 'orgName', o.name) order by g.id)
                 from user_grant g join org o on o.id = g.org_id where g.user_id = u.id), '[]') as grants
        from session s join app_user u on u.id = s.user_id where s.id = ${sessionId}`,
  );
  if (!s) return undefined;
  const actor: SessionActor = {
    userId: s.user_id,
    username: s.username,
    displayName: s.display_name,
    homeOrgId: s.home_org_id,
    memberId: s.member_id,
    mustChangePassword: s.must_change_password,
    sessionId,
    grants: typeof s.grants === 'string' ? JSON.parse(s.grants) : s.grants,
  };
  return { actor, disabled: s.disabled, epoch: s.session_epoch, createdAt: toDate(s.created_at), lastSeenAt: toDate(s.last_seen_at) };
};

/**
 * The cheap shared check of a cached session (two primary-key lookups): still there, and the
 * account's session epoch unchanged. Logout deletes the row; a new password, disabling and grant
 * changes bump the epoch (triggers of migration 0022), so every process sees them at its next request.
 */
const cachedSessionHolds = async (deps: Deps, sessionId: string, cached: CachedSession): Promise<'valid' | 'stale' | 'gone'> => {
  const [live] = await rows<{ epoch: number }>(
    deps.db,
    sql`select u.session_epoch as epoch from session s join app_user u on u.id = s.user_id where s.id = ${sessionId}`,
  );
  if (!live) return 'gone';
  return live.epoch === cached.epoch ? 'valid' : 'stale';
};

/**
 * Loads the signed-in actor from the session cookie: from this process's cache once the shared
 * check says the entry still holds, else from the database; expired sessions are removed.
 */
export const loadActorByToken = async (deps: Deps, sessions: SessionCache, token: string): Promise<SessionActor | null> => {
  const sessionId = sm3(token);
  const now = deps.now();
  let entry = sessions.get(sessionId, now.getTime());
  if (entry) {
    const state = await cachedSessionHolds(deps, sessionId, entry);
    if (state !== 'valid') sessions.drop(sessionId);
    if (state === 'gone') return null;
    if (state === 'stale') entry = undefined;
  }
  if (!entry) {
    const found = await readSession(deps, sessionId);
    if (!found) return null;
    if (found.disabled) {
      await deps.db.execute(sql`delete from session where id = ${sessionId}`);
      return null;
    }
    entry = { actor: found.actor, createdAt: found.createdAt, lastSeenAt: found.lastSeenAt, epoch: found.epoch, loadedAt: now.getTime() };
    sessions.set(sessionId, entry);
  }
  if (sessionExpired(entry, now)) {
    sessions.drop(sessionId);
    await deps.db.execute(sql`delete from session where id = ${sessionId}`);
    return null;
  }
  // Touch at most every 30 s: idle timeout needs the time, not a write per request.
  if (now.getTime() - entry.lastSeenAt.getTime() > 30_000) {
    entry.lastSeenAt = now;
    await deps.db.execute(sql`update session set last_seen_at = ${now} where id = ${sessionId}`);
  }
  return entry.actor;
};

/**
 * Resolves the actor on every request, then checks the route's declared permission. An API route
 * registered without a declared permission stops the app from starting.
 */
export const registerAuthHooks = (app: FastifyInstance) => {
  app.addHook('onRoute', (r) => {
    if (r.url.startsWith('/api/') && !r.config?.permission) throw new Error(`route ${r.method} ${r.url} declares no permission`);
  });
  app.decorate('sessions', new SessionCache());
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    const token = req.cookies?.[SESSION_COOKIE];
    req.actor = token ? await loadActorByToken(app.deps, app.sessions, token) : null;
  });
  // Before validation: a caller without a session learns nothing about the body's shape.
  app.addHook('preValidation', async (req) => {
    const permission = req.routeOptions.config?.permission;
    if (permission === undefined || permission === 'public') return;
    const actor = req.actor;
    if (!actor) throw new DomainError('UNAUTHENTICATED', '请先登录');
    if (actor.mustChangePassword && !req.routeOptions.config.duringPasswordChange) {
      throw new DomainError('PASSWORD_CHANGE_REQUIRED', '首次登录或密码已重置，请先修改密码');
    }
    if (permission !== 'authenticated' && !canAnywhere(actor, permission)) {
      throw new DomainError('FORBIDDEN', `当前角色无权执行此操作（需要「${permission}」权限）`);
    }
  });
};

type Schema = z.ZodType;
type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

/** A file answer (an Excel export): documented by its media type, sent as bytes without serialization. */
export interface FileResponse {
  description: string;
  content: Record<string, { schema: Schema }>;
}

/** The response of a route answering with a file of `mediaType` (or of one of several types). */
export const fileResponse = (mediaType: string | readonly string[], description = '文件'): { 200: FileResponse } => ({
  200: {
    description,
    content: Object.fromEntries([mediaType].flat().map((type) => [type, { schema: z.string().meta({ format: 'binary' }) }])),
  },
});

/** What a route answers: one schema for 200, or schemas by status (`{ 201: orgSchema }`). */
export type ResponseSpec = Schema | { [status: number]: Schema | FileResponse };

/** What the handler must return for a response spec (anything when none is declared yet). */
type ReplyOf<R> = R extends Schema ? z.output<R> : R extends Record<number, infer V> ? (V extends Schema ? z.output<V> : unknown) : unknown;

export interface RouteContext<B, Qs, P> {
  req: FastifyRequest;
  reply: FastifyReply;
  /** The signed-in actor; routes marked `public` must not rely on it. */
  actor: SessionActor;
  body: B;
  query: Qs;
  params: P;
  /** The transaction for a write route, the pool for a read. */
  q: Q;
  deps: Deps;
  /** Runs after the write commits (work that must not happen for a write that rolls back). */
  afterCommit: (fn: () => void) => void;
  /** Appends the audit row for this request inside the same transaction; `action` defaults to the route's. */
  audit: (entry: Omit<AuditEntry, 'action'> & { action?: string }) => Promise<void>;
}

/**
 * A route's declaration. `response` is the contract of its answer, from which the OpenAPI document
 * and the web's generated types come: a zod schema for a 200 answer (`response: orgSchema`), or
 * schemas by status when it answers otherwise (`response: { 201: orgSchema }`; a file export uses
 * `fileResponse(XLSX_TYPE)`). The schema lives beside the module's presenter, whose return type is
 * `z.infer` of it, so the handler's return type is checked against it. It is plain data: no
 * transforms or coercion (the answer is encoded by it); dates are `YYYY-MM-DD` strings and instants
 * ISO strings (`dateOut`, `instantOut`), money a yuan decimal string (the domain's `yuanOut`),
 * lists `pageOf(item)` (platform/schemas.ts). Fields the schema does not name are dropped from the
 * answer (it is the allow-list of what leaves the server); a field it names with the wrong type, or
 * an answer with an undeclared status, is a 500 that tests catch (a write's is caught before it
 * commits). Every module declares one on every route (platform/routes.test.ts keeps the list of
 * those not done yet); after changing a route, `npm run api:generate` updates the web's types.
 */
export interface RouteSpec<
  BS extends Schema | undefined,
  QS extends Schema | undefined,
  PS extends Schema | undefined,
  RS extends ResponseSpec | undefined = undefined,
> {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  permission: Permission;
  summary: string;
  tags?: string[];
  body?: BS;
  querystring?: QS;
  params?: PS;
  /** The answer's schema (see above); optional only until every module declares its own. */
  response?: RS;
  /** Runs in one transaction and must leave exactly one audit row. Defaults to true for non-GET. */
  write?: boolean;
  /** The audit action of a write route (`org.create`); also used when the write is refused. */
  auditAction?: string;
  duringPasswordChange?: boolean;
  /** Takes one multipart/form-data file (read with `uploadedFile`); other writes take JSON only. */
  upload?: boolean;
  handler: (ctx: RouteContext<Infer<BS>, Infer<QS>, Infer<PS>>) => Promise<ReplyOf<RS>>;
}

/** Chinese names of audit actions, from the write routes' summaries and the few system actions. */
const auditActionLabels = new Map<string, string>([
  ['auth.login', '登录'],
  ['system.bootstrap', '系统初始化'],
  ['system.demo', '装入演示数据'],
]);

/** The Chinese name of an audit action, or the code itself. */
export const auditActionLabel = (action: string): string => auditActionLabels.get(action) ?? action;

/**
 * Registers a route: zod schemas for validation and OpenAPI, a declared permission, and for writes
 * one transaction with exactly one audit row. A refused write is audited too, as `denied`.
 */
export const route = <
  BS extends Schema | undefined,
  QS extends Schema | undefined,
  PS extends Schema | undefined,
  RS extends ResponseSpec | undefined = undefined,
>(
  app: FastifyInstance,
  spec: RouteSpec<BS, QS, PS, RS>,
) => {
  const write = spec.write ?? spec.method !== 'GET';
  const response = spec.response instanceof z.ZodType ? { 200: spec.response } : spec.response;
  /**
   * Fastify sends a status without a schema unchecked, so answering one the route does not declare
   * is a bug. A write's answer is checked before its transaction commits: a 500 then changes nothing.
   */
  const checkAnswer = (reply: FastifyReply, result: unknown) => {
    if (!response) return;
    const schema = (response as Record<number, Schema | FileResponse>)[reply.statusCode];
    if (!schema)
      throw new Error(`route ${spec.method} ${spec.url} answered ${reply.statusCode}, declares ${Object.keys(response).join(', ')}`);
    if (write && schema instanceof z.ZodType) {
      const encoded = z.safeEncode(schema, result);
      if (!encoded.success) throw new ResponseSerializationError(spec.method, spec.url, { cause: encoded.error });
    }
  };
  if (spec.auditAction) auditActionLabels.set(spec.auditAction, spec.summary);
  const options: RouteShorthandOptions = {
    schema: {
      summary: spec.summary,
      tags: spec.tags,
      ...(spec.body ? { body: spec.body } : {}),
      ...(spec.querystring ? { querystring: spec.querystring } : {}),
      ...(spec.params ? { params: spec.params } : {}),
      ...(response ? { response } : {}),
    },
    config: { permission: spec.permission, duringPasswordChange: spec.duringPasswordChange, upload: spec.upload },
  };
  app.withTypeProvider<ZodTypeProvider>().route({
    method: spec.method,
    url: spec.url,
    ...options,
    handler: async (req, reply) => {
      const deps = app.deps;
      const base = {
        req,
        reply,
        actor: req.actor as SessionActor,
        body: req.body as Infer<BS>,
        query: req.query as Infer<QS>,
        params: req.params as Infer<PS>,
        deps,
      };
      if (!write) {
        const result = await spec.handler({
          ...base,
          q: deps.db,
          afterCommit: (fn) => fn(),
          audit: () => Promise.reject(new Error('audit in a read route')),
        });
        checkAnswer(reply, result);
        return result;
      }
      const action = spec.auditAction ?? `${spec.method} ${spec.url}`;
      let lastEntry: AuditEntry | undefined;
      const committed: (() => void)[] = [];
      try {
        const result = await deps.db.transaction(async (tx) => {
          let audited = 0;
          const audit = async (entry: Omit<AuditEntry, 'action'> & { action?: string }) => {
            lastEntry = { action, ...entry };
            audited++;
            await recordAudit(tx, deps.keys.audit, auditContextOf(req), lastEntry, deps.now());
          };
          const result = await spec.handler({ ...base, q: tx, audit, afterCommit: (fn) => committed.push(fn) });
          if (audited !== 1) throw new Error(`write route ${spec.method} ${spec.url} recorded ${audited} audit rows`);
          checkAnswer(reply, result);
          return result;
        });
        for (const fn of committed) fn();
        return result;
      } catch (err) {
        if (err instanceof DomainError) {
          const outcome = err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN' ? 'denied' : 'failure';
          await deps.db.transaction((tx) =>
            recordAudit(
              tx,
              deps.keys.audit,
              auditContextOf(req),
              {
                action: lastEntry?.action ?? action,
                targetType: lastEntry?.targetType,
                targetId: lastEntry?.targetId ?? (req.params as { id?: string })?.id,
                outcome,
                detail: { code: err.code },
              },
              deps.now(),
            ),
          );
        }
        throw err;
      }
    },
  });
};
