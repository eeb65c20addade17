import { committeeAdjustSchema, MAX_TERM_ADJUSTMENT_MONTHS } from '@jishi/domain';
import { App, Form, Input, InputNumber } from 'antd';
import { FormModal } from '../../../shared/FormModal';
import { zodRule } from '../../../shared/zod-rule';
import { type CurrentCommittee, useAdjustTerm } from '../committees.api';

interface AdjustFields {
  adjustmentMonths?: number;
  reason?: string;
}

const FORM_FIELDS = ['adjustmentMonths', 'reason'] as const;
const rules = committeeAdjustSchema.shape;

/**
 * 批准提前/延期换届 (选举工作条例第三条): the 上级 records an approved advance (negative months) or
 * delay (positive) of the next election, at most a year, with its 文号 or reason. Only an
 * administrator of the org above may; the page offers it to them only.
 */
export function TermAdjustModal({
  org,
  committee,
  onClose,
}: {
  org: { id: number; name: string };
  committee: CurrentCommittee;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const adjust = useAdjustTerm();

  const submit = async (values: AdjustFields) => {
    const saved = await adjust.mutateAsync({
      orgId: org.id,
      adjustmentMonths: values.adjustmentMonths ?? 0,
      reason: (values.reason ?? '').trim(),
    });
    message.success(`已登记，「${org.name}」应于${saved.current?.term.endsAt ?? '—'}换届`);
    onClose();
  };

  return (
    <FormModal<AdjustFields>
      title={`批准提前/延期换届 · ${org.name}`}
      submitTestId="adjust-submit"
      onClose={onClose}
      onSubmit={submit}
      fields={FORM_FIELDS}
      initialValues={{ adjustmentMonths: committee.adjustmentMonths || undefined, reason: committee.adjustmentReason ?? undefined }}
      testId="adjust-form"
    >
      <Form.Item
        label="提前或延期的月数"
        name="adjustmentMonths"
        rules={[{ required: true, message: '请填写提前或延期的月数' }, zodRule(rules.adjustmentMonths.optional())]}
        extra={`负数为提前，正数为延期，一般不超过${MAX_TERM_ADJUSTMENT_MONTHS}个月；本届选举于${committee.electedAt}`}
      >
        <InputNumber
          min={-MAX_TERM_ADJUSTMENT_MONTHS}
          max={MAX_TERM_ADJUSTMENT_MONTHS}
          precision={0}
          suffix="个月"
          style={{ width: '100%' }}
          data-testid="adjust-months"
        />
      </Form.Item>
      <Form.Item
        label="批准文号或理由"
        name="reason"
        rules={[{ required: true, whitespace: true, message: '请填写上级党组织批准的文号或理由' }, zodRule(rules.reason.optional())]}
      >
        <Input.TextArea maxLength={200} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="adjust-reason" />
      </Form.Item>
    </FormModal>
  );
}
