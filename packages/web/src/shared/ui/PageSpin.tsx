import { Spin } from 'antd';

/** A centred spinner for a page or a lazy chunk that is still loading. */
export function PageSpin({ fullScreen = false }: { fullScreen?: boolean }) {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', alignItems: 'center', minHeight: fullScreen ? '100vh' : 240 }}>
      <Spin size="large" />
    </div>
  );
}
