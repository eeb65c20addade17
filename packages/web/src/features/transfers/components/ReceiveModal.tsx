import { transferReceiveSchema } from '@jishi/domain';
import { App, DatePicker, Descriptions, Form, Modal } from 'antd';
import { DATE_FORMAT, dateStringField, today } from '../../../shared/dates';
import { checkedInput, showRefusal } from '../../../shared/form-errors';
import { zodRule } from '../../../shared/zod-rule';
import { type Transfer, useReceiveTransfer } from '../transfers.api';
import { sourceOf } from './transfer-display';

interface ReceiveFields {
  receivedAt?: string;
}

/**
 * 接收: the receiving branch records the day the member's relation arrived; the member then moves to
 * it. The server's refusal (a date before the letter, a letter already received or withdrawn, a
 * caller who is not the receiving side) is shown at the date or as a message.
 */
export function ReceiveModal({ transfer, onClose }: { transfer: Transfer; onClose: () => void }) {
  const [form] = Form.useForm<ReceiveFields>();
  const { message } = App.useApp();
  const receive = useReceiveTransfer();

  const submit = (values: ReceiveFields) => {
    const parsed = checkedInput(form, transferReceiveSchema, values, ['receivedAt'], message.error);
    if (parsed === undefined) return;
    receive.mutate(
      { id: transfer.id, receivedAt: parsed.receivedAt },
      {
        onSuccess: (saved) => {
          message.success(`已接收「${saved.memberName}」的组织关系，转入${saved.toOrgName ?? ''}`);
          onClose();
        },
        onError: (error) => {
          showRefusal(form, error, ['receivedAt'], message.error);
        },
      },
    );
  };

  return (
    <Modal
      open
      title={`接收组织关系 · ${transfer.memberName}`}
      okText="确认接收"
      okButtonProps={{ 'data-testid': 'receive-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={receive.isPending}
      destroyOnHidden
    >
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
      <Form<ReceiveFields>
        form={form}
        layout="vertical"
        initialValues={{ receivedAt: today() }}
        onFinish={submit}
        data-testid="receive-form"
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
      </Form>
    </Modal>
  );
}
