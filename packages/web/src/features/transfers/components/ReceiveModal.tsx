import { transferReceiveSchema } from '@jishi/domain';
import { App, DatePicker, Descriptions, Form } from 'antd';
import { DATE_FORMAT, dateStringField, today } from '../../../shared/dates';
import { FormModal, type SubmitContext } from '../../../shared/FormModal';
import { zodRule } from '../../../shared/zod-rule';
import { type Transfer, useReceiveTransfer } from '../transfers.api';
import { sourceOf } from './transfer-display';

interface ReceiveFields {
  receivedAt?: string;
}

const FORM_FIELDS = ['receivedAt'] as const;

/**
 * 接收: the receiving branch records the day the member's relation arrived; the member then moves to
 * it. The server's refusal (a date before the letter, a letter already received or withdrawn, a
 * caller who is not the receiving side) is shown at the date or as a message.
 */
export function ReceiveModal({ transfer, onClose }: { transfer: Transfer; onClose: () => void }) {
  const { message } = App.useApp();
  const receive = useReceiveTransfer();

  const submit = async (values: ReceiveFields, { check }: SubmitContext) => {
    const parsed = check(transferReceiveSchema, values);
    if (parsed === undefined) return;
    const saved = await receive.mutateAsync({ id: transfer.id, receivedAt: parsed.receivedAt });
    message.success(`已接收「${saved.memberName}」的组织关系，转入${saved.toOrgName ?? ''}`);
    onClose();
  };

  return (
    <FormModal<ReceiveFields>
      title={`接收组织关系 · ${transfer.memberName}`}
      submitText="确认接收"
      submitTestId="receive-submit"
      onClose={onClose}
      onSubmit={submit}
      fields={FORM_FIELDS}
      initialValues={{ receivedAt: today() }}
      testId="receive-form"
      intro={
        <Descriptions
          size="small"
          column={1}
          style={{ marginBottom: 16 }}
          items={[
            { key: 'from', label: '转出党组织', children: sourceOf(transfer) },
            { key: 'to', label: '接收党支部', children: transfer.toOrgName ?? '—' },
            { key: 'letter', label: '介绍信编号', children: transfer.letterNo },
            { key: 'issued', label: '开具日期', children: transfer.issuedAt },
          ]}
        />
      }
    >
      <Form.Item
        label="接收日期"
        name="receivedAt"
        rules={[{ required: true, message: '请选择接收日期' }, zodRule(transferReceiveSchema.shape.receivedAt)]}
        extra={`不早于介绍信开具日期（${transfer.issuedAt}），不晚于今天`}
        {...dateStringField}
      >
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={(d) => d.format(DATE_FORMAT) > today() || d.format(DATE_FORMAT) < transfer.issuedAt}
          data-testid="receive-date"
        />
      </Form.Item>
    </FormModal>
  );
}
