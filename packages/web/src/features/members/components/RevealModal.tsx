import { revealSchema } from '@jishi/domain';
import { Form, Input, Typography } from 'antd';
import { FormModal } from '../../../shared/FormModal';
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
  const reveal = useRevealMember();

  const submit = async ({ reason }: { reason: string }) => {
    const result = await reveal.mutateAsync({ id: member.id, field, reason: reason.trim() });
    // Hand the value over and drop it from the mutation, so it lives only in the drawer's state.
    reveal.reset();
    onRevealed(result.field, result.value);
  };

  return (
    <FormModal<{ reason: string }>
      title={`查看完整${FIELD_NAMES[field]} · ${member.name}`}
      submitText="查看"
      submitTestId="reveal-submit"
      onClose={onClose}
      onSubmit={submit}
      refusalAlert={{ testId: 'reveal-error' }}
      intro={
        <Typography.Paragraph type="secondary">
          完整{FIELD_NAMES[field]}属于个人敏感信息。查看将连同原因记入审计日志（留痕），每个账号每小时最多查看50次。
        </Typography.Paragraph>
      }
    >
      <Form.Item
        label="查看原因"
        name="reason"
        rules={[{ required: true, whitespace: true, message: '请填写查看原因' }, zodRule(revealSchema.shape.reason.optional())]}
      >
        <Input.TextArea rows={3} maxLength={200} showCount placeholder="如：办理组织关系转接，核对身份信息" data-testid="reveal-reason" />
      </Form.Item>
    </FormModal>
  );
}
