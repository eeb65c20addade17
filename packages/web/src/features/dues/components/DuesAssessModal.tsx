import { type DuesCategory, duesAssessSchema } from '@jishi/domain';
import { Alert, App, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Typography } from 'antd';
import { useMemo } from 'react';
import { FormModal, type SubmitContext } from '../../../shared/FormModal';
import { formatYuanAmount } from '../../../shared/money';
import { ChoiceGrid } from '../../../shared/ui/ChoiceGrid';
import { TouchTargets } from '../../../shared/ui/TouchTargets';
import { useDebouncedValue } from '../../../shared/use-debounced-value';
import { useIsMobile } from '../../../shared/use-is-mobile';
import { blankToUndefined } from '../../../shared/zod-rule';
import { OrgSelect } from '../../orgs/components/OrgSelect';
import { useOrg, useOrgRoots } from '../../orgs/orgs.api';
import { type DuesAssessInput, type DuesAssessment, type MemberDues, useAssessDues, useDuesCalculation } from '../dues.api';
import { calculationInput, DuesCalculationResult } from './DuesCalculator';
import {
  baseLabel,
  DUES_CATEGORY_OPTIONS,
  hasMonthlyBase,
  isReduced,
  type MemberDuesDialogProps,
  monthStringField,
  thisMonth,
  useDialogDues,
} from './dues-display';

interface AssessFields {
  effectiveFrom?: string;
  category?: DuesCategory;
  monthlyBase?: number | null;
  isReducing?: boolean;
  reducedAmount?: number | null;
  reductionReason?: string;
  reductionApprovedBy?: number;
}

const FORM_FIELDS = ['effectiveFrom', 'category', 'monthlyBase', 'reducedAmount', 'reductionReason', 'reductionApprovedBy'] as const;

/**
 * The month first offered: January for a member not yet assessed (每年初核定), this month for a
 * change (the month a new pay is first received, 规定第十条).
 */
const defaultsOf = (dues: MemberDues): AssessFields => {
  const current: DuesAssessment | null = dues.current;
  const month = thisMonth();
  return {
    effectiveFrom: current ? month : `${month.slice(0, 4)}-01`,
    category: current?.category,
    // The form edits yuan as a number (InputNumber), as the schema takes it.
    monthlyBase: current?.monthlyBase != null ? Number(current.monthlyBase) : undefined,
    isReducing: current ? isReduced(current) : false,
    reducedAmount: current && isReduced(current) ? Number(current.amount) : undefined,
    reductionReason: current?.reductionReason ?? undefined,
  };
};

/**
 * 核定标准: from a month on, the category and (for 在职/离退休) the monthly base; the amount is the
 * rule's, previewed here and computed again by the server. 少交 or 免交 needs the reason and the
 * approving 上一级党委 (规定第七条). Checked with the domain schema first; a field the server refuses
 * (a month before joining, an approver that is not a 党委 above the branch) is marked there.
 */
export function DuesAssessModal({ memberId, memberName, onClose, onSaved }: MemberDuesDialogProps<DuesAssessment>) {
  const [form] = Form.useForm<AssessFields>();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const { data, frame } = useDialogDues(memberId);
  const branch = useOrg(data?.member.orgId);
  const roots = useOrgRoots();
  const assess = useAssessDues();
  const category = Form.useWatch('category', form);
  const base = useDebouncedValue(Form.useWatch('monthlyBase', form));
  const isReducing = Form.useWatch('isReducing', form) ?? false;
  const { input } = calculationInput(category, base);
  const calc = useDuesCalculation(input);

  // The orgs above the branch, nearest first: the approver is one of them (a branch's own
  // secretary may not search above the branch, so they are offered without a search).
  const approvers = useMemo(
    () => (branch.data ? branch.data.ancestors.filter((a) => a.id !== branch.data.id).reverse() : (roots.data ?? [])),
    [branch.data, roots.data],
  );

  const submit = async (values: AssessFields, { check, refuse }: SubmitContext) => {
    // Amounts travel in yuan, as the schema takes them: the schema's own output (fen) is only checked.
    const payload: DuesAssessInput = {
      memberId,
      effectiveFrom: values.effectiveFrom ?? '',
      category: values.category as DuesCategory,
      monthlyBase: hasMonthlyBase(values.category) ? (values.monthlyBase ?? undefined) : undefined,
      reducedAmount: values.isReducing ? (values.reducedAmount ?? undefined) : undefined,
      reductionReason: values.isReducing ? (blankToUndefined(values.reductionReason) as string | undefined) : undefined,
      reductionApprovedBy: values.isReducing ? values.reductionApprovedBy : undefined,
    };
    if (check(duesAssessSchema, payload) === undefined) return;
    if (values.isReducing && payload.reducedAmount === undefined) return refuse('请填写少交后的每月金额（免交填0）', 'reducedAmount');
    const saved = await assess.mutateAsync(payload);
    message.success(`已核定${memberName}自 ${saved.effectiveFrom} 起每月交纳党费 ${formatYuanAmount(saved.amount)}`);
    onSaved?.(saved);
    onClose();
  };

  return (
    <TouchTargets>
      <FormModal<AssessFields>
        form={form}
        title={`核定党费交纳标准 · ${memberName}`}
        submitTestId="dues-assess-submit"
        onClose={onClose}
        onSubmit={submit}
        fields={FORM_FIELDS}
        {...frame}
        initialValues={data && defaultsOf(data)}
        testId="dues-assess-form"
      >
        {data?.current && (
          <Typography.Paragraph type="secondary">
            现行标准：自 {data.current.effectiveFrom} 起每月 {formatYuanAmount(data.current.amount)}。同一月份再次核定将替换该月的标准。
          </Typography.Paragraph>
        )}
        <Form.Item
          label="执行起始月份"
          name="effectiveFrom"
          rules={[{ required: true, message: '请选择执行起始月份' }]}
          extra="每年初核定；工资收入变动的，从领取新工资的当月起按新标准交纳"
          {...monthStringField}
        >
          <DatePicker picker="month" style={{ width: '100%' }} allowClear={false} inputReadOnly={isMobile} data-testid="dues-assess-from" />
        </Form.Item>
        <Form.Item label="党员类别" name="category" rules={[{ required: true, message: '请选择党员类别' }]}>
          <ChoiceGrid options={DUES_CATEGORY_OPTIONS} columns={3} data-testid="dues-assess-category" />
        </Form.Item>
        {hasMonthlyBase(category) && (
          <Form.Item label={baseLabel(category)} name="monthlyBase" rules={[{ required: true, message: '请填写每月交纳基数' }]}>
            <InputNumber min={0} precision={2} inputMode="decimal" style={{ width: '100%' }} data-testid="dues-assess-base" />
          </Form.Item>
        )}
        {input && calc.data && (
          <Alert
            type="info"
            style={{ marginBottom: 16 }}
            title={<DuesCalculationResult result={calc.data} category={input.category} />}
            data-testid="dues-assess-calculated"
          />
        )}
        <Form.Item name="isReducing" valuePropName="checked" style={{ marginBottom: isReducing ? 8 : 0 }}>
          <Checkbox data-testid="dues-assess-reduce">少交或免交（经党支部研究，报上一级党委批准）</Checkbox>
        </Form.Item>
        {isReducing && (
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item label="少交后每月金额（元）" name="reducedAmount" extra="免交填 0">
                <InputNumber min={0} precision={2} inputMode="decimal" style={{ width: '100%' }} data-testid="dues-assess-reduced" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                label="批准的上一级党委"
                name="reductionApprovedBy"
                rules={[{ required: true, message: '请选择批准的上一级党委' }]}
              >
                <OrgSelect seeds={approvers} placeholder="输入党委名称搜索" data-testid="dues-assess-approver" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item
                label="原因"
                name="reductionReason"
                rules={[{ required: true, whitespace: true, message: '请填写少交或免交的原因' }]}
              >
                <Input.TextArea
                  maxLength={200}
                  autoSize={{ minRows: 2, maxRows: 4 }}
                  placeholder="如：生活困难，经支部研究"
                  data-testid="dues-assess-reason"
                />
              </Form.Item>
            </Col>
          </Row>
        )}
      </FormModal>
    </TouchTargets>
  );
}
