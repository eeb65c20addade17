import { AuditOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../../shared/FormModal';
import { type EntryDetail, useReturnEntry } from '../evaluations.api';
import { ApproveModal } from './ApproveModal';

/** 退回: back to 评定 with the reason, which goes into the 办理记录. */
function ReturnModal({ entry, onClose }: { entry: EntryDetail; onClose: () => void }) {
  const { message } = App.useApp();
  const back = useReturnEntry();

  const submit = async ({ note }: { note?: string }) => {
    await back.mutateAsync({ id: entry.id, input: note?.trim() ?? '' });
    message.success('已退回重新评定');
    onClose();
  };

  return (
    <FormModal<{ note?: string }>
      title={`退回重新评定 · ${entry.org.name}`}
      submitText="退回"
      danger
      submitTestId="return-submit"
      onClose={onClose}
      onSubmit={submit}
      refusalAlert={{}}
    >
      <Form.Item label="退回理由" name="note" rules={[{ required: true, whitespace: true, message: '请填写退回理由' }]}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 3, maxRows: 6 }} data-testid="return-note" />
      </Form.Item>
    </FormModal>
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
