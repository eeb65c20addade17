/**
 * The one request-error policy (ant-design-pro's `requestErrorConfig`): every failed query and
 * mutation ends here unless it declares `meta: { handlesErrors: true }` and shows the error itself.
 *
 * - 401 → the session is gone: forget it and go to the login page, coming back afterwards;
 * - 403 PASSWORD_CHANGE_REQUIRED → the password change page;
 * - 503 PREPARING → the first start is still loading the demo data: the progress page;
 * - anything else → the server's Chinese message in a toast.
 */
import { isApiError } from '../shared/api-client';

/** What the policy needs from the running app; bound once by `useRequestErrorPolicy`. */
export interface RequestErrorUi {
  navigate: (to: string) => void;
  showError: (message: string) => void;
  /** Drops the cached session so guards see the user as logged out. */
  forgetSession: () => void;
  /** Shows the first start's progress instead of the app until the server is ready. */
  showPreparing: () => void;
}

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: RequestMeta;
    mutationMeta: RequestMeta;
  }
}

/** Per-query options for the policy. */
export interface RequestMeta extends Record<string, unknown> {
  /** The caller shows the error inline (forms such as login); skip the global toast. */
  handlesErrors?: boolean;
}

let ui: RequestErrorUi | undefined;

/** Binds the policy to the app's router, toast and session cache. */
export const bindRequestErrorUi = (next: RequestErrorUi): void => {
  ui = next;
};

const currentPath = (): string => `${window.location.pathname}${window.location.search}`;

/** The login URL that returns to `path` afterwards. */
export const loginUrl = (path: string = currentPath()): string =>
  path === '/' || path.startsWith('/login') ? '/login' : `/login?redirect=${encodeURIComponent(path)}`;

/** Applies the policy to one error. */
export function handleRequestError(error: unknown, meta?: RequestMeta): void {
  if (!ui) return;
  if (isApiError(error, 401)) {
    ui.forgetSession();
    if (!window.location.pathname.startsWith('/login')) ui.navigate(loginUrl());
    return;
  }
  if (isApiError(error, 403) && error.code === 'PASSWORD_CHANGE_REQUIRED') {
    ui.navigate('/change-password');
    return;
  }
  if (isApiError(error, 503) && error.code === 'PREPARING') {
    ui.showPreparing();
    return;
  }
  if (meta?.handlesErrors) return;
  ui.showError(isApiError(error) ? error.message : '操作失败，请稍后重试');
}
