import { DomainError, loginSchema, passwordChangeSchema } from '@jishi/domain';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { auditContextOf, loadActorByToken, route, SESSION_COOKIE, type SessionActor } from '../../platform/http.js';
import { ipLimiter } from '../../platform/rate-limit.js';
import { okOut } from '../../platform/schemas.js';
import { presentSession, sessionSchema } from './auth.presenter.js';
import { changePassword, login, logout } from './auth.service.js';

const tags = ['认证'];

/** /api/v1/auth: login, logout, password change, current user. */
export const authRoutes = (app: FastifyInstance) => {
  const allow = ipLimiter(app.deps.config.loginRatePerMinute);
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: app.deps.config.cookieSecure,
    });

  route(app, {
    method: 'POST',
    url: '/api/v1/auth/login',
    permission: 'public',
    write: false, // login manages its own transactions: a failed attempt must still be counted
    summary: '登录',
    tags,
    response: sessionSchema,
    body: loginSchema,
    handler: async ({ req, reply, body, deps }) => {
      if (!allow(req.ip, deps.now().getTime())) throw new DomainError('RATE_LIMITED', '登录尝试过于频繁，请一分钟后再试');
      const { token } = await login(deps, auditContextOf(req, null), body.username, body.password);
      setCookie(reply, token);
      req.cookies[SESSION_COOKIE] = token;
      const actor = (await loadActorByToken(deps, app.sessions, token)) as SessionActor;
      return presentSession(actor);
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/auth/logout',
    permission: 'authenticated',
    duringPasswordChange: true,
    auditAction: 'auth.logout',
    summary: '退出登录',
    tags,
    response: okOut,
    handler: async ({ actor, q, reply, audit }) => {
      await logout(q, actor.sessionId);
      await audit({ targetType: 'user', targetId: actor.userId });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/auth/password',
    permission: 'authenticated',
    duringPasswordChange: true,
    auditAction: 'auth.password',
    summary: '修改本人密码',
    tags,
    response: okOut,
    body: passwordChangeSchema,
    handler: async ({ actor, q, body, deps, audit }) => {
      await changePassword(deps, q, actor, body.oldPassword, body.newPassword);
      await audit({ targetType: 'user', targetId: actor.userId });
      return { ok: true as const };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/auth/me',
    permission: 'authenticated',
    duringPasswordChange: true,
    summary: '当前用户',
    tags,
    response: sessionSchema,
    handler: async ({ actor }) => presentSession(actor),
  });
};
