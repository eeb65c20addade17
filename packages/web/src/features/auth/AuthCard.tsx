import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The centred card the standalone login and password pages share. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        background: 'linear-gradient(160deg, #c8161d 0%, #8f0f14 45%, #f5f5f5 45%)',
      }}
    >
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0, marginBottom: 4 }}>
          基石
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          通辽市基层党建工作平台 · {title}
        </Typography.Paragraph>
        {children}
      </Card>
    </div>
  );
}
