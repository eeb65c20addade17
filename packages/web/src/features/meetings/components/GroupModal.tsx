import { App, Form, Input } from 'antd';
import { FormModal } from '../../../shared/FormModal';
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
  const { message } = App.useApp();
  const create = useCreateGroup();

  const submit = async (values: GroupFields) => {
    const name = values.name.trim();
    await create.mutateAsync({ orgId: org.id, name, leaderId: values.leaderId });
    message.success(`已设立「${name}」`);
    onClose();
  };

  return (
    <FormModal<GroupFields>
      title={`设立党小组 · ${org.name}`}
      submitTestId="group-submit"
      onClose={onClose}
      onSubmit={submit}
      fields={FORM_FIELDS}
      testId="group-form"
    >
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
    </FormModal>
  );
}
