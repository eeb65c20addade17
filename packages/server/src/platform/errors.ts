import { DomainError, fieldLabel } from '@jishi/domain';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';

const PART_LABELS: Record<string, string> = { body: '请求体', querystring: '查询参数', params: '路径参数', headers: '请求头' };

/** The answer to a body type a route does not take. */
export const UNSUPPORTED_MEDIA_TYPE_MESSAGE = '不支持的内容类型，请使用 application/json';

/** The one error body, as the OpenAPI document describes every refusal. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: '错误代码，如 INVALID_INPUT、NOT_FOUND、FORBIDDEN' }),
      message: z.string().meta({ description: '中文错误说明' }),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'ApiError' });

/**
 * A browser that opened an API address itself (an export link) rather than the app asking: it
 * would show the error body as JSON, so it gets the message as a page instead.
 */
const isPageRequest = (request: FastifyRequest): boolean => {
  if (request.headers['sec-fetch-mode'] === 'navigate') return true;
  const accept = request.headers.accept ?? '';
  return accept.includes('text/html') && !accept.includes('application/json');
};

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** The one error body: `{ error: { code, message, details } }`; for a page request, the message as a page. */
export const sendError = (
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  details?: unknown,
) => {
  reply.status(status);
  if (isPageRequest(request)) {
    return reply
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>基石 · 无法完成</title></head>` +
          `<body><h1>无法完成此操作</h1><p>${escapeHtml(message)}</p><p><a href="/">返回基石</a></p></body></html>`,
      );
  }
  return reply.send({ error: { code, message, ...(details === undefined ? {} : { details }) } } satisfies z.infer<typeof errorBodySchema>);
};

/**
 * Maps every error to an HTTP answer once. Expected refusals carry their own code; bad input is a
 * 4xx naming the field; anything else is logged (ids only) and answered as a 500 without internals.
 */
export const errorHandler = (error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) => {
  if (error instanceof DomainError) return sendError(request, reply, error.status, error.code, error.message, error.details);

  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = PART_LABELS[(error as FastifyError).validationContext ?? 'body'] ?? '请求';
    const fields = error.validation.map((v) => ({
      field: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || part,
      message: v.message ?? '无效',
    }));
    const first = fields[0];
    const message = first ? `${part}字段「${fieldLabel(first.field)}」：${first.message}` : `${part}无效`;
    return sendError(request, reply, 400, 'INVALID_INPUT', message, { fields });
  }

  const fe = error as FastifyError;
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(request, reply, 413, 'PAYLOAD_TOO_LARGE', '请求内容过大');
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return sendError(request, reply, 415, 'UNSUPPORTED_MEDIA_TYPE', UNSUPPORTED_MEDIA_TYPE_MESSAGE);
  if (fe.code === 'FST_ERR_BAD_URL') return sendError(request, reply, 400, 'INVALID_INPUT', '请求地址包含无效的字符编码');
  if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return sendError(request, reply, 400, 'INVALID_INPUT', '请求体不能为空');
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    const message = fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe instanceof SyntaxError ? '请求体不是有效的JSON' : '请求无效';
    return sendError(request, reply, fe.statusCode, 'INVALID_INPUT', message);
  }

  // An answer its route's response schema refuses: a bug; log which fields, never their values.
  if (isResponseSerializationError(error)) {
    const issues = error.cause.issues.map((i) => ({ path: i.path.join('.'), code: i.code }));
    request.log.error({ err: { name: error.name, method: error.method, url: error.url, issues } }, 'response does not match its schema');
    return sendError(request, reply, 500, 'INTERNAL', '服务器内部错误，请稍后重试');
  }

  // A database error: map the races that reach a constraint, and never log its message, which
  // carries the query's parameters (names, usernames, hashes).
  const db = (error as { cause?: { code?: string; constraint?: string; table?: string; routine?: string } }).cause;
  if (error.name === 'DrizzleQueryError' || db?.code) {
    if (db?.code === '23505') return sendError(request, reply, 409, 'CONFLICT', '数据已存在，可能与其他人的操作同时提交，请刷新后重试');
    if (db?.code === '40001' || db?.code === '40P01') return sendError(request, reply, 409, 'CONFLICT', '操作与其他人的修改冲突，请重试');
    request.log.error(
      { err: { name: error.name, code: db?.code, constraint: db?.constraint, table: db?.table, routine: db?.routine } },
      'database error',
    );
    return sendError(request, reply, 500, 'INTERNAL', '服务器内部错误，请稍后重试');
  }
  request.log.error({ err: { code: fe.code, name: error.name, message: error.message, stack: error.stack } }, 'unhandled error');
  return sendError(request, reply, 500, 'INTERNAL', '服务器内部错误，请稍后重试');
};

/** 404 for unknown routes, in the same shape. */
export const notFoundHandler = (request: FastifyRequest, reply: FastifyReply) =>
  sendError(request, reply, 404, 'NOT_FOUND', '请求的接口不存在');

/** Deepest nesting of arrays and objects a request body may have; real forms need a handful. */
export const MAX_INPUT_DEPTH = 64;

type InputProblem = { kind: 'nul' | 'surrogate'; field: string } | { kind: 'depth' };

/** Lone surrogates: `u` mode matches only halves that are not part of a pair. */
const LONE_SURROGATE = /\p{Surrogate}/u;

const stringProblem = (s: string): 'nul' | 'surrogate' | null =>
  s.includes('\u0000') ? 'nul' : LONE_SURROGATE.test(s) ? 'surrogate' : null;

/**
 * The first string (value or key) PostgreSQL cannot take — a NUL, or an unpaired surrogate that
 * breaks jsonb (22P02) and turns into U+FFFD in text — or nesting beyond MAX_INPUT_DEPTH.
 * Iterative, so a body nested 100,000 deep cannot overflow the stack.
 */
export const inputProblem = (root: unknown): InputProblem | null => {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: '', depth: 1 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value, path, depth } = item;
    if (typeof value === 'string') {
      const kind = stringProblem(value);
      if (kind) return { kind, field: path };
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    if (depth > MAX_INPUT_DEPTH) return { kind: 'depth' };
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    for (const [key, v] of entries) {
      const sub = path ? `${path}.${key}` : key;
      const kind = stringProblem(key);
      if (kind) return { kind, field: sub };
      stack.push({ value: v, path: sub, depth: depth + 1 });
    }
  }
  return null;
};

const PROBLEM_MESSAGES = {
  nul: '输入包含不可见的非法字符（NUL），请删除后重试',
  surrogate: '输入包含无效的字符编码（不成对的代理字符），请删除后重试',
} as const;

/**
 * Refuses, before any handler or schema sees them, a body, query or path holding what the
 * database cannot store, or a body nested absurdly deep.
 */
export const refuseBadInput = async (request: FastifyRequest) => {
  for (const [part, value] of [
    ['body', request.body],
    ['querystring', request.query],
    ['params', request.params],
  ] as const) {
    const problem = inputProblem(value);
    if (!problem) continue;
    if (problem.kind === 'depth') throw new DomainError('INVALID_INPUT', '请求体嵌套层级过深');
    const message = PROBLEM_MESSAGES[problem.kind];
    throw new DomainError(
      'INVALID_INPUT',
      problem.field ? `${PART_LABELS[part]}字段「${fieldLabel(problem.field)}」：${message}` : message,
      { field: problem.field || part },
    );
  }
};
