import { AuditOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../shared/api-client';
import { useIsMobile } from '../../../shared/use-is-mobile';
import { type EntryDetail, useReturnEntry } from '../evaluations.api';
import { ApproveModal } from './ApproveModal';

/** 退回: back to 评定 with the reason, which goes into the 办理记录. */
function ReturnModal({ entry, onClose }: { entry: EntryDetail; onClose: () => void }) {
  const [form] = Form.useForm<{ note?: string }>();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const back = useReturnEntry();
  const [refusal, setRefusal] = useState<string>();

  const submit = ({ note }: { note?: string }) =>
    back.mutate(
      { id: entry.id, input: note?.trim() ?? '' },
      {
        onSuccess: () => {
          message.success('已退回重新评定');
          onClose();
        },
        onError: (error) => setRefusal(isApiError(error) ? error.message : '退回失败，请稍后重试'),
      },
    );

  return (
    <Modal
      open
      title={`退回重新评定 · ${entry.org.name}`}
      okText="退回"
      okButtonProps={{ danger: true, 'data-testid': 'return-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={back.isPending}
      destroyOnHidden
      style={isMobile ? { top: 8 } : undefined}
    >
      <Form form={form} layout="vertical" autoComplete="off" onFinish={submit} onValuesChange={() => setRefusal(undefined)}>
        <Form.Item label="退回理由" name="note" rules={[{ required: true, whitespace: true, message: '请填写退回理由' }]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 3, maxRows: 6 }} data-testid="return-note" />
        </Form.Item>
      </Form>
      {refusal && <Alert type="error" showIcon title={refusal} />}
    </Modal>
  );
}

/** 审定 of this entry, or 退回 to 评定 with the reason. */
export function ApproveActions({ entry }: { entry: EntryDetail }) {
  const [dialog, setDialog] = useState<'approve' | 'return'>();
  return (
    <div data-testid="approve-actions">
      <Typography.Paragraph type="secondary">
        审定通过后进入公示，公示期{entry.publicityDays}天；如评定有误，退回评定单位重新评定。
      </Typography.Paragraph>
      <Space wrap>
        <Button type="primary" icon={<AuditOutlined />} onClick={() => setDialog('approve')} data-testid="entry-approve">
          审定通过
        </Button>
        <Button danger icon={<RollbackOutlined />} onClick={() => setDialog('return')} data-testid="entry-return">
          退回重新评定
        </Button>
      </Space>
      {dialog === 'approve' && (
        <ApproveModal
          roundId={entry.round.id}
          entries={[{ id: entry.id, orgName: entry.org.name }]}
          publicityDays={entry.publicityDays}
          onClose={() => setDialog(undefined)}
        />
      )}
      {dialog === 'return' && <ReturnModal entry={entry} onClose={() => setDialog(undefined)} />}
    </div>
  );
}
