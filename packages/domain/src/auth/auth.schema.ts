import { z } from 'zod';
import { ROLES } from '../access/access.js';
import { recordId } from '../org/org.schema.js';

export const usernameSchema = z
  .string()
  .trim()
  .min(3, '用户名至少3个字符')
  .max(40, '用户名不能超过40个字符')
  .regex(/^[A-Za-z0-9_.-]+$/, '用户名只能包含字母、数字、下划线、点和连字符');

export const loginSchema = z.object({
  // Same alphabet as account names, so the throttle key and the lookup fold case alike.
  username: z
    .string()
    .trim()
    .min(1, '请输入用户名')
    .max(64)
    .regex(/^[A-Za-z0-9_.-]+$/, '用户名只能包含字母、数字、下划线、点和连字符'),
  password: z.string().min(1, '请输入密码').max(256),
});

export const passwordChangeSchema = z.object({
  oldPassword: z.string().min(1, '请输入原密码').max(256),
  newPassword: z.string().min(1, '请输入新密码').max(256),
});

export const grantSchema = z.object({
  role: z.enum(ROLES, { message: '角色无效' }),
  orgId: recordId,
});

export const userCreateSchema = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1, '姓名不能为空').max(40),
  password: z.string().min(1, '请输入初始密码').max(256),
  grants: z.array(grantSchema).max(20),
  /** The org the account belongs to; defaults to the first grant's org. */
  homeOrgId: recordId.optional(),
  /** The member this account is (a Party member's own account), or none. */
  memberId: recordId.nullable().optional(),
});
export type UserCreate = z.infer<typeof userCreateSchema>;

export const userUpdateSchema = z
  .object({
    displayName: z.string().trim().min(1, '姓名不能为空').max(40),
    disabled: z.boolean(),
    grants: z.array(grantSchema).max(20),
    memberId: recordId.nullable(),
  })
  .partial();

export const passwordResetSchema = z.object({ password: z.string().min(1, '请输入新密码').max(256) });
