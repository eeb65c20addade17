import { orgCloseSchema } from '@jishi/domain';
import { Alert, App, DatePicker, Form, Input } from 'antd';
import { dateStringField, today } from '../../../shared/dates';
import { FormModal } from '../../../shared/FormModal';
import { zodRule } from '../../../shared/zod-rule';
import { type Org, useCloseOrg } from '../orgs.api';

interface CloseFields {
  closedAt: string;
  reason: string;
}

/** 撤销: records the date and reason; the org stays in the records, marked closed. */
export function OrgCloseModal({ org, onClose, onClosed }: { org: Org; onClose: () => void; onClosed: (org: Org) => void }) {
  const { message } = App.useApp();
  const close = useCloseOrg();

  const submit = async (values: CloseFields) => {
    const closed = await close.mutateAsync({ id: org.id, ...values });
    message.success(`已撤销「${closed.name}」`);
    onClosed(closed);
  };

  return (
    <FormModal<CloseFields>
      title={`撤销 · ${org.name}`}
      submitText="确认撤销"
      danger
      onClose={onClose}
      onSubmit={submit}
      fields={['closedAt', 'reason']}
      initialValues={{ closedAt: today() }}
      intro={
        <Alert
          type="warning"
          showIcon
          title="撤销前须先撤销或移出其全部下级组织；撤销后该组织的历史记录仍然保留。"
          style={{ marginBottom: 16 }}
        />
      }
    >
      <Form.Item label="撤销日期" name="closedAt" rules={[{ required: true, message: '请选择撤销日期' }]} {...dateStringField}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        label="撤销原因"
        name="reason"
        rules={[{ required: true, message: '请填写撤销原因' }, zodRule(orgCloseSchema.shape.reason)]}
      >
        <Input.TextArea rows={3} maxLength={200} showCount />
      </Form.Item>
    </FormModal>
  );
}
