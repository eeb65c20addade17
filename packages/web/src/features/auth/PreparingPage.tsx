/** 正在准备演示数据: the first start's progress, asked every second, until the server is ready. */
import { Progress, Typography } from 'antd';
import { useEffect } from 'react';
import { AuthCard } from './AuthCard';
import { useServerStatus } from './auth.api';

export function PreparingPage({ onReady }: { onReady: () => void }) {
  const status = useServerStatus();
  const ready = status.data?.ready === true;
  useEffect(() => {
    if (ready) onReady();
  }, [ready, onReady]);
  const percent = status.data?.percent ?? 0;
  return (
    <AuthCard title="首次启动">
      <div role="status" aria-live="polite" data-testid="preparing">
        <Typography.Paragraph strong style={{ textAlign: 'center', fontSize: 16, marginBottom: 8 }}>
          正在准备演示数据… {percent}%
        </Typography.Paragraph>
        <Progress percent={percent} showInfo={false} status="active" strokeColor="#c8161d" />
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 8, marginBottom: 0 }}>
          {status.data?.stage ? `当前：${status.data.stage}。` : ''}首次启动需装入全市演示数据，约需一分钟，完成后自动进入登录页。
        </Typography.Paragraph>
      </div>
    </AuthCard>
  );
}
