import { approveSchema } from '@jishi/domain';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../shared/api-client';
import { useIsMobile } from '../../../shared/use-is-mobile';
import { useApproveEntries } from '../evaluations.api';

/**
 * 审定 of one or more entries at the 审定 step, with an optional opinion; 公示 starts today. The
 * server holds the top level's quota over the approver's scope and names the org it refuses.
 */
export function ApproveModal({
  roundId,
  entries,
  publicityDays,
  onClose,
  onApproved,
}: {
  roundId: number;
  entries: readonly { id: number; orgName: string }[];
  publicityDays: number;
  onClose: () => void;
  onApproved?: () => void;
}) {
  const [form] = Form.useForm<{ note?: string }>();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const approve = useApproveEntries();
  const [refusal, setRefusal] = useState<string>();

  const submit = ({ note }: { note?: string }) => {
    const shape = approveSchema.safeParse({ entryIds: entries.map((e) => e.id), note: note?.trim() || undefined });
    if (!shape.success) {
      setRefusal(shape.error.issues[0]?.message ?? '输入无效');
      return;
    }
    approve.mutate(
      { roundId, ...shape.data },
      {
        onSuccess: (r) => {
          message.success(`已审定${r.approved}个，公示至${r.publicityTo}`);
          onApproved?.();
          onClose();
        },
        onError: (error) => setRefusal(isApiError(error) ? error.message : '审定失败，请稍后重试'),
      },
    );
  };

  const names = entries.map((e) => e.orgName);
  return (
    <Modal
      open
      title={entries.length === 1 ? `审定 · ${names[0]}` : `审定所选的${entries.length}个党组织`}
      okText="审定通过"
      okButtonProps={{ 'data-testid': 'approve-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={approve.isPending}
      destroyOnHidden
      style={isMobile ? { top: 8 } : undefined}
    >
      {entries.length > 1 && (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 3, expandable: true, symbol: '展开' }}>
          {names.join('、')}
        </Typography.Paragraph>
      )}
      <Typography.Paragraph>审定后即进入公示，公示期{publicityDays}天；公示期间受理异议。</Typography.Paragraph>
      <Form form={form} layout="vertical" autoComplete="off" onFinish={submit} onValuesChange={() => setRefusal(undefined)}>
        <Form.Item label="审定意见" name="note">
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} placeholder="选填" data-testid="approve-note" />
        </Form.Item>
      </Form>
      {refusal && <Alert type="error" showIcon title="不能审定" description={refusal} data-testid="approve-refusal" />}
    </Modal>
  );
}
