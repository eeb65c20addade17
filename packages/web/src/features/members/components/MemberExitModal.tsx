import { memberUpdateSchema } from '@jishi/domain';
import { Alert, App, DatePicker, Form, Select } from 'antd';
import { DATE_FORMAT, dateStringField, today } from '../../../shared/dates';
import { FormModal } from '../../../shared/FormModal';
import { EXIT_TYPE_OPTIONS } from '../../../shared/labels';
import { zodRule } from '../../../shared/zod-rule';
import { type Member, useUpdateMember } from '../members.api';

interface ExitFields {
  exitType: NonNullable<Member['exitType']>;
  exitAt: string;
}

const FORM_FIELDS = ['exitType', 'exitAt'] as const;

/** 减少: records how and when a member left the roll; the record itself stays. */
export function MemberExitModal({ member, onClose, onSaved }: { member: Member; onClose: () => void; onSaved: (m: Member) => void }) {
  const { message } = App.useApp();
  const update = useUpdateMember();

  const submit = async (values: ExitFields) => {
    const saved = await update.mutateAsync({ id: member.id, patch: { exitType: values.exitType, exitAt: values.exitAt } });
    message.success(`已将「${saved.name}」减少`);
    onSaved(saved);
  };

  return (
    <FormModal<ExitFields>
      title={`减少党员 · ${member.name}`}
      submitText="确认减少"
      danger
      onClose={onClose}
      onSubmit={submit}
      fields={FORM_FIELDS}
      initialValues={{ exitAt: today() }}
      testId="member-exit-form"
      intro={
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="减少后该党员不再计入党员名册和统计，记录仍然保留，可在名册中勾选「含已减少」查看。"
        />
      }
    >
      <Form.Item label="减少类型" name="exitType" rules={[{ required: true, message: '请选择减少类型' }]}>
        <Select options={EXIT_TYPE_OPTIONS} placeholder="请选择" />
      </Form.Item>
      <Form.Item
        label="减少日期"
        name="exitAt"
        rules={[{ required: true, message: '请选择减少日期' }, zodRule(memberUpdateSchema.shape.exitAt)]}
        {...dateStringField}
      >
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={(d) => d.format(DATE_FORMAT) > today() || d.format(DATE_FORMAT) < member.joinedAt}
        />
      </Form.Item>
    </FormModal>
  );
}
