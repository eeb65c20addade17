/**
 * The one way the web app talks to the server. Pages never call `fetch`: each feature's
 * `<feature>.api.ts` wraps these calls in TanStack Query hooks.
 */

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

interface RequestOptions {
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: unknown };
}

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
 * Sends one request with the session cookie and returns the response when it is a 2xx.
 * Throws {@link ApiError} for any other answer (with the server's code and message) and for
 * network failures (status 0).
 */
async function send(path: string, init: RequestInit, query?: QueryParams): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path, query), { ...init, credentials: 'same-origin' });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK_ERROR', '网络连接失败，请检查网络后重试');
  }
  if (!response.ok) {
    const error = ((await readJson(response)) as ErrorBody | undefined)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? `HTTP_${response.status}`,
      error?.message ?? statusMessage(response.status),
      error?.details,
    );
  }
  return response;
}

/**
 * Sends one JSON request with the session cookie and returns the parsed body.
 * Throws {@link ApiError} for any non-2xx answer (with the server's code and message) and for
 * network failures (status 0).
 */
export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const hasBody = options.body !== undefined;
  const response = await send(
    path,
    {
      method,
      // A JSON content type on an empty body is rejected by the server, so set it only with a body.
      headers: hasBody ? { 'content-type': 'application/json', accept: 'application/json' } : { accept: 'application/json' },
      body: hasBody ? JSON.stringify(options.body) : undefined,
      signal: options.signal,
    },
    options.query,
  );
  return (await readJson(response)) as T;
}

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

/** Shorthands for the verbs the API uses. */
export const api = {
  get: <T>(path: string, query?: QueryParams, signal?: AbortSignal) => apiRequest<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, { body }),
  upload: apiUpload,
  uploadForFile: apiUploadForFile,
};

/** The list envelope every paged endpoint answers with. */
export interface Page<T> {
  items: T[];
  total: number;
}
