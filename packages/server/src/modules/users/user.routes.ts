import { passwordResetSchema, userCreateSchema, userUpdateSchema } from '@jishi/domain';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { scopeFilter } from '../../platform/authorize.js';
import { route } from '../../platform/http.js';
import { idParams, pageOf, pageQuery, paging } from '../../platform/schemas.js';
import { presentUser, userSchema } from './user.presenter.js';
import { searchUsers } from './user.repo.js';
import { createUser, resetPassword, unlockUser, updateUser } from './user.service.js';

const tags = ['账号管理'];

/** /api/v1/users: accounts and their grants. */
export const userRoutes = (app: FastifyInstance) => {
  route(app, {
    method: 'GET',
    url: '/api/v1/users',
    permission: 'user.read',
    summary: '账号列表（本人管辖范围内）',
    tags,
    response: pageOf(userSchema),
    querystring: z.object({ q: z.string().max(50).optional(), ...pageQuery }),
    handler: async ({ actor, q, deps, query }) => {
      const found = await searchUsers(q, { scope: scopeFilter(actor, 'user.read', sql`h.path`), q: query.q, ...paging(query) });
      return { items: found.items.map((u) => presentUser(actor, u, deps.now())), total: found.total };
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/users',
    permission: 'user.manage',
    auditAction: 'user.create',
    summary: '新建账号',
    tags,
    response: { 201: userSchema },
    body: userCreateSchema,
    handler: async ({ actor, q, deps, body, audit, reply }) => {
      const u = await createUser(q, actor, body);
      await audit({ targetType: 'user', targetId: u.id, detail: { grants: body.grants } });
      reply.status(201);
      return presentUser(actor, u, deps.now());
    },
  });

  route(app, {
    method: 'PATCH',
    url: '/api/v1/users/:id',
    permission: 'authenticated',
    auditAction: 'user.update',
    summary: '修改账号（姓名、停用、权限）',
    tags,
    response: userSchema,
    params: idParams,
    body: userUpdateSchema,
    handler: async ({ actor, q, deps, params, body, audit }) => {
      const u = await updateUser(q, actor, params.id, body);
      await audit({ targetType: 'user', targetId: u.id, detail: body });
      return presentUser(actor, u, deps.now());
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/users/:id/unlock',
    permission: 'user.manage',
    auditAction: 'user.unlock',
    summary: '解除登录锁定',
    tags,
    response: userSchema,
    params: idParams,
    handler: async ({ actor, q, deps, params, audit }) => {
      const u = await unlockUser(q, actor, params.id);
      await audit({ targetType: 'user', targetId: u.id });
      return presentUser(actor, u, deps.now());
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/users/:id/reset-password',
    permission: 'user.manage',
    auditAction: 'user.reset_password',
    summary: '重置密码（下次登录须修改）',
    tags,
    response: userSchema,
    params: idParams,
    body: passwordResetSchema,
    handler: async ({ actor, q, deps, params, body, audit }) => {
      const u = await resetPassword(q, actor, params.id, body.password);
      await audit({ targetType: 'user', targetId: u.id });
      return presentUser(actor, u, deps.now());
    },
  });
};
