import { approveSchema } from '@jishi/domain';
import { App, Form, Input, Typography } from 'antd';
import { FormModal, type SubmitContext } from '../../../shared/FormModal';
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
  const { message } = App.useApp();
  const approve = useApproveEntries();

  const submit = async ({ note }: { note?: string }, { check }: SubmitContext) => {
    const input = check(approveSchema, { entryIds: entries.map((e) => e.id), note: note?.trim() || undefined });
    if (input === undefined) return;
    const r = await approve.mutateAsync({ roundId, ...input });
    message.success(`已审定${r.approved}个，公示至${r.publicityTo}`);
    onApproved?.();
    onClose();
  };

  const names = entries.map((e) => e.orgName);
  return (
    <FormModal<{ note?: string }>
      title={entries.length === 1 ? `审定 · ${names[0]}` : `审定所选的${entries.length}个党组织`}
      submitText="审定通过"
      submitTestId="approve-submit"
      onClose={onClose}
      onSubmit={submit}
      refusalAlert={{ title: '不能审定', testId: 'approve-refusal' }}
      intro={
        <>
          {entries.length > 1 && (
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 3, expandable: true, symbol: '展开' }}>
              {names.join('、')}
            </Typography.Paragraph>
          )}
          <Typography.Paragraph>审定后即进入公示，公示期{publicityDays}天；公示期间受理异议。</Typography.Paragraph>
        </>
      }
    >
      <Form.Item label="审定意见" name="note">
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} placeholder="选填" data-testid="approve-note" />
      </Form.Item>
    </FormModal>
  );
}
