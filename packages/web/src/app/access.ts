/**
 * Route access, read from the abilities the server sent with the session. The UI never
 * re-derives a permission rule; it only checks whether an ability is held.
 */
import type { Action } from '@jishi/domain';
import { matchPath } from 'react-router';
import { type AppRoute, ROUTES } from './routes';

/** May a user holding `abilities` open `route`? */
export const canAccess = (abilities: ReadonlySet<Action>, route: Pick<AppRoute, 'access'>): boolean =>
  route.access === undefined || abilities.has(route.access);

/** Routes shown in the menu for this user, in table order. */
export const menuRoutes = (abilities: ReadonlySet<Action>): AppRoute[] =>
  ROUTES.filter((r) => !r.hideInMenu && r.layout !== false && canAccess(abilities, r));

/** Where to land a user who may not open the dashboard: their first menu entry. */
export const firstAccessiblePath = (abilities: ReadonlySet<Action>): string | undefined => menuRoutes(abilities)[0]?.path;

/**
 * The routes along `pathname`, outermost first: `/orgs/12` → [组织管理, 组织详情].
 * The home route only appears when it is the page itself.
 */
export const routeTrail = (pathname: string): AppRoute[] => {
  const segments = pathname.split('/').filter(Boolean);
  if (segments.length === 0) return ROUTES.filter((r) => r.path === '/');
  const trail: AppRoute[] = [];
  for (let i = 1; i <= segments.length; i++) {
    const prefix = `/${segments.slice(0, i).join('/')}`;
    const route = ROUTES.find((r) => r.layout !== false && r.path !== '/' && matchPath({ path: r.path, end: true }, prefix));
    if (route) trail.push(route);
  }
  return trail;
};
