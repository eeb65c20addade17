import { type Child, logTail } from './proc.js';

export const DEMO_USER = 'q150502';
export const DEMO_PASSWORD = 'Tongliao@2021';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One request; null when nothing answers (refused, reset, timed out). */
export const tryFetch = async (url: string, init: RequestInit = {}, timeoutMs = 5_000): Promise<Response | null> => {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch {
    return null;
  }
};

/** The first fetch in a process pays for loading undici: pay it before any clock starts. */
export const warmFetch = async () => {
  await tryFetch('http://127.0.0.1:9/', {}, 500);
};

/**
 * Polls `url` every `intervalMs` until it answers with any HTTP status (a 401 counts: the server is
 * up). Throws when the child exits first or `timeoutMs` passes.
 */
export const waitForHttp = async (child: Child, url: string, timeoutMs: number, intervalMs = 20): Promise<Response> => {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (child.hasExited()) throw new Error(`${child.name} exited before serving:\n${logTail(child)}`);
    const res = await tryFetch(url, {}, 2_000);
    if (res) return res;
    await sleep(intervalMs);
  }
  throw new Error(`${child.name} did not answer ${url} within ${timeoutMs / 1000} s:\n${logTail(child)}`);
};

/** Polls GET /api/v1/status until the server says it is ready (the first start's demo load done). */
export const waitForReady = async (child: Child, base: string, timeoutMs: number, intervalMs = 100): Promise<void> => {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (child.hasExited()) throw new Error(`${child.name} exited before it was ready:\n${logTail(child)}`);
    const res = await tryFetch(`${base}/api/v1/status`, {}, 2_000);
    if (res?.ok && ((await res.json()) as { ready: boolean }).ready) return;
    await sleep(intervalMs);
  }
  throw new Error(`${child.name} was not ready within ${timeoutMs / 1000} s:\n${logTail(child)}`);
};

/** Logs in and returns the session cookie (`jishi_sid=…`). */
export const login = async (base: string, username = DEMO_USER, password = DEMO_PASSWORD): Promise<string> => {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`login as ${username} answered ${res.status}: ${body.slice(0, 300)}`);
  const sid = res.headers.getSetCookie().find((c) => c.startsWith('jishi_sid='));
  if (!sid) throw new Error('login set no jishi_sid cookie');
  return sid.split(';')[0] as string;
};

/** GET with a cookie; throws unless 200; returns the parsed body and its size. */
export const getJson = async <T>(url: string, cookie?: string): Promise<{ body: T; bytes: number }> => {
  const res = await fetch(url, { headers: cookie ? { cookie } : {} });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${text.slice(0, 300)}`);
  return { body: JSON.parse(text) as T, bytes: Buffer.byteLength(text) };
};
