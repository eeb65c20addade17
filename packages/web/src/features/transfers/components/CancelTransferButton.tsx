import { RollbackOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm } from 'antd';
import { type Transfer, useCancelTransfer } from '../transfers.api';

/** 撤回: withdraws a pending letter after a confirmation; the server's refusal is a message. */
export function CancelTransferButton({ transfer, size }: { transfer: Transfer; size?: 'small' | 'middle' }) {
  const { message } = App.useApp();
  const cancel = useCancelTransfer();
  return (
    <Popconfirm
      title="撤回介绍信？"
      description={`撤回后「${transfer.memberName}」的组织关系仍在${transfer.fromOrgName ?? '原党组织'}`}
      okText="撤回"
      okButtonProps={{ 'data-testid': 'transfer-cancel-confirm' }}
      onConfirm={() =>
        cancel.mutateAsync(transfer.id).then(
          () => void message.success('已撤回介绍信'),
          (error: Error) => void message.error(error.message),
        )
      }
    >
      <Button size={size} icon={<RollbackOutlined />} loading={cancel.isPending} data-testid="transfer-cancel">
        撤回
      </Button>
    </Popconfirm>
  );
}
