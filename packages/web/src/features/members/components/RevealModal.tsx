import { revealSchema } from '@jishi/domain';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { zodRule } from '../../../shared/zod-rule';
import { type Member, type RevealField, useRevealMember } from '../members.api';

const FIELD_NAMES: Record<RevealField, string> = { idNumber: '公民身份号码', phone: '手机号码' };

/**
 * 查看完整信息: asks for the reason, then reveals one sealed field. The server records the view in the
 * audit log and limits views per account; its refusal (e.g. the hourly limit) is shown here.
 */
export function RevealModal({
  member,
  field,
  onClose,
  onRevealed,
}: {
  member: Member;
  field: RevealField;
  onClose: () => void;
  onRevealed: (field: RevealField, value: string) => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const reveal = useRevealMember();

  const submit = ({ reason }: { reason: string }) =>
    reveal.mutate(
      { id: member.id, field, reason: reason.trim() },
      {
        onSuccess: (result) => {
          // Hand the value over and drop it from the mutation, so it lives only in the drawer's state.
          reveal.reset();
          onRevealed(result.field, result.value);
        },
      },
    );

  return (
    <Modal
      open
      title={`查看完整${FIELD_NAMES[field]} · ${member.name}`}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          取消
        </Button>,
        <Button key="ok" type="primary" loading={reveal.isPending} onClick={() => form.submit()} data-testid="reveal-submit">
          查看
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">
        完整{FIELD_NAMES[field]}属于个人敏感信息。查看将连同原因记入审计日志（留痕），每个账号每小时最多查看50次。
      </Typography.Paragraph>
      {reveal.error && <Alert type="error" showIcon title={reveal.error.message} style={{ marginBottom: 16 }} data-testid="reveal-error" />}
      <Form form={form} layout="vertical" onFinish={submit} autoComplete="off">
        <Form.Item
          label="查看原因"
          name="reason"
          rules={[{ required: true, whitespace: true, message: '请填写查看原因' }, zodRule(revealSchema.shape.reason.optional())]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount placeholder="如：办理组织关系转接，核对身份信息" data-testid="reveal-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
