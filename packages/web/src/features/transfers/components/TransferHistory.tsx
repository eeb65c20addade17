import { Alert, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { type Transfer, useMemberTransfers } from '../transfers.api';
import { CancelTransferButton } from './CancelTransferButton';
import { isOutbound, sourceOf, TransferStatusTag, targetOf } from './transfer-display';

const DOT_COLORS: Record<Transfer['status'], string> = { pending: 'orange', received: 'green', cancelled: 'gray' };

function HistoryEntry({ transfer: t }: { transfer: Transfer }) {
  return (
    <div data-testid="transfer-history-item" data-status={t.status}>
      <Space size={6} wrap>
        <Typography.Text>
          {sourceOf(t)} → {targetOf(t)}
        </Typography.Text>
        {isOutbound(t) && <Tag>转出本系统</Tag>}
        <TransferStatusTag status={t.status} />
      </Space>
      <div>
        <Typography.Text type="secondary">
          介绍信 {t.letterNo} · 开具 {t.issuedAt}
          {t.receivedAt && !isOutbound(t) && ` · 接收 ${t.receivedAt}`}
        </Typography.Text>
      </div>
      {t.note && (
        <div>
          <Typography.Text type="secondary">{t.note}</Typography.Text>
        </div>
      )}
      {t.abilities.canCancel && (
        <div style={{ marginTop: 4 }}>
          <CancelTransferButton transfer={t} size="small" />
        </div>
      )}
    </div>
  );
}

/** A member's 组织关系转接 letters, newest first, in the member drawer; 撤回 where the letter's abilities allow. */
export function TransferHistory({ memberId }: { memberId: number }) {
  const transfers = useMemberTransfers(memberId);
  if (transfers.isPending) return <Spin size="small" />;
  if (transfers.isError) return <Alert type="error" showIcon title="转接记录加载失败" />;
  if (transfers.data.length === 0) {
    return (
      <Typography.Text type="secondary" data-testid="transfer-history-empty">
        暂无转接记录
      </Typography.Text>
    );
  }
  return (
    <Timeline
      data-testid="transfer-history"
      items={transfers.data.map((t) => ({
        key: t.id,
        color: DOT_COLORS[t.status],
        content: <HistoryEntry transfer={t} />,
      }))}
    />
  );
}
