/** Builds the react-router tree from the route table. */
import { Button, Result } from 'antd';
import { Suspense, useEffect } from 'react';
import { createBrowserRouter, type RouteObject, useRouteError } from 'react-router';
import { isApiError } from '../shared/api-client';
import { PageSpin } from '../shared/ui/PageSpin';
import { AppLayout } from './Layout';
import { type AppRoute, ROUTES } from './routes';

/** Renders one page of the table inside its own Suspense boundary and names the browser tab after it. */
function Page({ route }: { route: AppRoute }) {
  useEffect(() => {
    document.title = `${route.name} · 基石`;
  }, [route.name]);
  return (
    <Suspense fallback={<PageSpin />}>
      <route.component />
    </Suspense>
  );
}

/** Shown when a page throws while rendering or its chunk fails to load (e.g. after a redeploy). */
function RouteError() {
  const error = useRouteError();
  const detail = isApiError(error) || error instanceof Error ? error.message : undefined;
  return (
    <Result
      status="error"
      title="页面加载失败"
      subTitle={detail ?? '请刷新页面后重试'}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          刷新页面
        </Button>
      }
    />
  );
}

const toRouteObject = (route: AppRoute): RouteObject => ({
  path: route.path,
  element: <Page route={route} />,
  handle: route,
});

/** The browser router: layout pages share the guarded shell; standalone pages (login, 404) do not. */
export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <AppLayout />,
      errorElement: <RouteError />,
      children: ROUTES.filter((r) => r.layout !== false).map(toRouteObject),
    },
    ...ROUTES.filter((r) => r.layout === false).map((r) => ({ ...toRouteObject(r), errorElement: <RouteError /> })),
  ]);
}
