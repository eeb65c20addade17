/**
 * The one way the web app talks to the server. Pages never call `fetch`: each feature's
 * `<feature>.api.ts` wraps these calls in TanStack Query hooks.
 *
 * `apiClient` is typed by the contract the server publishes (`api/schema.gen.ts`, generated from
 * /api/v1/openapi.json by `npm run api:generate`): paths, parameters, bodies and answers come from
 * the server's zod schemas, never retyped here. `api` is the untyped path the features that still
 * keep hand-written types go through; both send the session cookie and share one error policy.
 */
import createClient from 'openapi-fetch';
import type { components, paths } from './api/schema.gen';

/** Every API path lives under this prefix. */
export const API_BASE = '/api/v1';

/** Values a query string may carry; `undefined`, `null` and `''` are left out. */
export type QueryParams = Record<string, string | number | boolean | null | undefined>;

/** A refused or failed request, carrying the server's error code and its Chinese message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** True when `error` is an {@link ApiError}, optionally with the given status. */
export const isApiError = (error: unknown, status?: number): error is ApiError =>
  error instanceof ApiError && (status === undefined || error.status === status);

/** `?a=1&b=x` from the defined params, or `''` when there are none. */
export const toQueryString = (params?: QueryParams): string => {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};

/** The full URL of an API path, for links the browser follows itself (file downloads). */
export const apiUrl = (path: string, params?: QueryParams): string => `${API_BASE}${path}${toQueryString(params)}`;

/** The contract's error body, read defensively: a proxy may answer with anything. */
type ErrorBody = { error?: Partial<ApiSchema<'ApiError'>['error']> } | undefined;

const statusMessage = (status: number): string =>
  status >= 500 ? `服务器暂时无法处理请求（${status}），请稍后重试` : `请求失败（${status}）`;

const readJson = async (response: Response): Promise<unknown> => {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/**
 * `fetch` with the session cookie and the error policy: returns the response when it is a 2xx,
 * throws {@link ApiError} for any other answer (with the server's code and message) and for
 * network failures (status 0). An abort stays an abort.
 */
async function checkedFetch(input: Request | string, init?: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(input, { ...init, credentials: 'same-origin' });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK_ERROR', '网络连接失败，请检查网络后重试');
  }
  if (!response.ok) {
    const error = ((await readJson(response)) as ErrorBody)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? `HTTP_${response.status}`,
      error?.message ?? statusMessage(response.status),
      error?.details,
    );
  }
  return response;
}

/** Sends one request to an API path (see {@link checkedFetch}). */
const send = (path: string, init: RequestInit, query?: QueryParams): Promise<Response> => checkedFetch(apiUrl(path, query), init);

/** A named schema of the API contract, e.g. `ApiSchema<'Org'>`. */
export type ApiSchema<Name extends keyof components['schemas']> = components['schemas'][Name];

type Operation<P extends keyof paths, M extends 'get' | 'post' | 'put' | 'patch' | 'delete'> = NonNullable<paths[P][M]>;

/** The query parameters of an operation, e.g. `ApiQuery<'/api/v1/orgs'>`. */
export type ApiQuery<P extends keyof paths, M extends 'get' | 'post' = 'get'> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** The JSON body of an operation, e.g. `ApiBody<'/api/v1/users', 'post'>`. */
export type ApiBody<P extends keyof paths, M extends 'post' | 'put' | 'patch'> =
  Operation<P, M> extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

/**
 * The typed client over the contract's paths (`/api/v1/...`). A refusal never reaches the caller
 * as `error`: it throws {@link ApiError} like every other request, so use {@link bodyOf}.
 */
export const apiClient = createClient<paths>({
  // No baseUrl: the contract's paths start at /api/v1 and resolve against the page (same origin).
  fetch: (request) => checkedFetch(request),
  headers: { accept: 'application/json' },
  querySerializer: (query) => toQueryString(query as QueryParams),
});

/** The body of a typed call's 2xx answer: `bodyOf(apiClient.GET('/api/v1/orgs/{id}', …))`. */
export const bodyOf = async <T>(call: Promise<{ data?: T }>): Promise<T> => (await call).data as T;

/** A file the server answered with: its bytes and the name it suggested. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/** The file name a Content-Disposition header suggests (`filename*` first), or `fallback`. */
export const fileNameOf = (disposition: string | null, fallback: string): string => {
  const encoded = disposition && /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded.trim());
    } catch {
      // a malformed name: fall through
    }
  }
  return (disposition && /filename="([^"]+)"/i.exec(disposition)?.[1]) || fallback;
};

/** A multipart POST of one file in the field `file` (the browser sets the boundary). */
const postFile = (path: string, file: Blob, accept: string, signal?: AbortSignal): Promise<Response> => {
  const form = new FormData();
  form.append('file', file);
  return send(path, { method: 'POST', headers: { accept }, body: form, signal });
};

/** Uploads one file as `multipart/form-data` (field `file`) and returns the parsed JSON answer. */
export async function apiUpload<T>(path: string, file: Blob, signal?: AbortSignal): Promise<T> {
  return (await readJson(await postFile(path, file, 'application/json', signal))) as T;
}

/** Uploads one file as `multipart/form-data` (field `file`) and returns the file the server answers with. */
export async function apiUploadForFile(path: string, file: Blob, fallbackName: string, signal?: AbortSignal): Promise<DownloadedFile> {
  const response = await postFile(path, file, '*/*', signal);
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('content-disposition'), fallbackName) };
}
