import { App, Form, Input, Modal } from 'antd';
import { showRefusal } from '../../../shared/form-errors';
import { useIsMobile } from '../../../shared/use-is-mobile';
import { MemberSelect } from '../../members/components/MemberSelect';
import { useCreateGroup } from '../committees.api';

interface GroupFields {
  name: string;
  leaderId?: number;
}

const FORM_FIELDS = ['name', 'leaderId'] as const;

/**
 * 设立党小组 (支部工作条例第十三条): a name and, optionally, its 组长 from the branch's roll. Each
 * 党小组 then owes its own monthly 党小组会.
 */
export function GroupModal({ org, onClose }: { org: { id: number; name: string }; onClose: () => void }) {
  const [form] = Form.useForm<GroupFields>();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const create = useCreateGroup();

  const submit = (values: GroupFields) =>
    create.mutate(
      { orgId: org.id, name: values.name.trim(), leaderId: values.leaderId },
      {
        onSuccess: () => {
          message.success(`已设立「${values.name.trim()}」`);
          onClose();
        },
        onError: (error) => {
          showRefusal(form, error, FORM_FIELDS, message.error);
        },
      },
    );

  return (
    <Modal
      open
      title={`设立党小组 · ${org.name}`}
      okText="保存"
      okButtonProps={{ 'data-testid': 'group-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
      style={isMobile ? { top: 8 } : undefined}
    >
      <Form<GroupFields> form={form} layout="vertical" autoComplete="off" onFinish={submit} data-testid="group-form">
        <Form.Item
          label="党小组名称"
          name="name"
          rules={[
            { required: true, whitespace: true, message: '请填写党小组名称' },
            { max: 40, message: '不能超过40个字' },
          ]}
        >
          <Input maxLength={40} placeholder="如：第一党小组" data-testid="group-name" />
        </Form.Item>
        <Form.Item label="组长" name="leaderId" extra="须为本支部名册中的党员">
          <MemberSelect orgId={org.id} data-testid="group-leader" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
