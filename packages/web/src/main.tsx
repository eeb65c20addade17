/** Entry point: providers (antd in Chinese, TanStack Query), the request-error policy and the router. */
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { createQueryClient } from './app/query-client';
import { bindRequestErrorUi } from './app/request-error';
import { createAppRouter } from './app/router';
import { sessionKey } from './features/auth/auth.api';
import { PreparingPage } from './features/auth/PreparingPage';
import './app/global.css';

dayjs.locale('zh-cn');

const queryClient = createQueryClient();
const router = createAppRouter();

/**
 * Binds the request-error policy to antd's contextual toast, the router and the session cache, and
 * shows the first start's progress in place of the app while the server is still loading the demo.
 */
function App() {
  const { message } = AntApp.useApp();
  const [preparing, setPreparing] = useState(false);
  useEffect(() => {
    bindRequestErrorUi({
      navigate: (to) => void router.navigate(to),
      showError: (text) => void message.error(text),
      forgetSession: () => queryClient.setQueryData(sessionKey, null),
      showPreparing: () => setPreparing(true),
    });
  }, [message]);
  if (preparing) {
    return (
      <PreparingPage
        onReady={() => {
          setPreparing(false);
          // Whatever failed while the data loaded is asked again.
          void queryClient.resetQueries();
        }}
      />
    );
  }
  return <RouterProvider router={router} />;
}

const root = document.getElementById('root');
if (!root) throw new Error('#root element missing from index.html');

createRoot(root).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#c8161d', borderRadius: 6 } }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
