import {
  type DuesMethod,
  duesPaySchema,
  LARGE_VOLUNTARY_FEN,
  LARGE_VOLUNTARY_RULE,
  MAX_BACK_OR_ADVANCE_MONTHS,
  monthIndex,
  monthOf,
  owedAmount,
  PAYMENT_WINDOW_RULE,
  paymentWindowProblem,
} from '@jishi/domain';
import { Alert, App, Col, DatePicker, Form, Input, InputNumber, Row, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { DATE_FORMAT, dateStringField, today } from '../../../shared/dates';
import { FormModal, type SubmitContext } from '../../../shared/FormModal';
import { formatYuan, formatYuanAmount } from '../../../shared/money';
import { ChoiceGrid } from '../../../shared/ui/ChoiceGrid';
import { TouchTargets } from '../../../shared/ui/TouchTargets';
import { useIsMobile } from '../../../shared/use-is-mobile';
import { blankToUndefined } from '../../../shared/zod-rule';
import { type MemberDues, type RecordedDuesPayment, usePayDues } from '../dues.api';
import {
  DUES_METHOD_OPTIONS,
  dueIn,
  duesRates,
  type MemberDuesDialogProps,
  monthRangesText,
  monthStringField,
  monthsBetween,
  thisMonth,
  useDialogDues,
} from './dues-display';

interface PaymentFields {
  fromMonth?: string;
  toMonth?: string;
  paidAt?: string;
  method?: DuesMethod;
  receiptNo?: string;
  collectedBy?: string;
  voluntary?: number | null;
}

const FORM_FIELDS = ['fromMonth', 'toMonth', 'paidAt', 'method', 'receiptNo', 'collectedBy', 'voluntary'] as const;

const isFuture = (d: Dayjs) => d.format(DATE_FORMAT) > today();

/**
 * The range offered first: the first run of owed months that back-pay may still cover (6 months
 * before this one at most, 规定第十二条); with nothing owed, the first unpaid month from this one
 * on (预交).
 */
export const defaultRange = (dues: MemberDues): { fromMonth: string; toMonth: string } => {
  const current = monthIndex(thisMonth());
  const earliest = current - MAX_BACK_OR_ADVANCE_MONTHS;
  const owed = new Set(dues.arrears.owedMonths.map(monthIndex));
  const first = [...owed].sort((a, b) => a - b).find((i) => i >= earliest);
  if (first !== undefined) {
    let last = first;
    while (owed.has(last + 1)) last++;
    return { fromMonth: monthOf(first), toMonth: monthOf(last) };
  }
  const paid = new Set(dues.months.filter((m) => m.paymentId !== null).map((m) => monthIndex(m.month)));
  let next = current;
  while (paid.has(next)) next++;
  return { fromMonth: monthOf(next), toMonth: monthOf(next) };
};

/**
 * 登记交纳: a range of months (first offered: the months owed), the day, the way and the receipt;
 * the amount is the months' assessed amounts, shown before saving and computed again by the
 * server. Checked with the domain schema and the back-pay/advance rule first; a field the server
 * refuses (a month paid already, a month not assessed) is marked there.
 */
export function DuesPaymentModal({ memberId, memberName, onClose, onSaved }: MemberDuesDialogProps<RecordedDuesPayment>) {
  const [form] = Form.useForm<PaymentFields>();
  const { message, modal } = App.useApp();
  const isMobile = useIsMobile();
  const { data, frame } = useDialogDues(memberId);
  const pay = usePayDues();
  const fromMonth = Form.useWatch('fromMonth', form);
  const toMonth = Form.useWatch('toMonth', form);
  const voluntary = Form.useWatch('voluntary', form);
  const assessments = data?.assessments;
  const rates = useMemo(() => assessments && duesRates(assessments), [assessments]);

  const preview = useMemo(() => {
    if (!rates || !fromMonth || !toMonth || toMonth < fromMonth) return undefined;
    const months = monthsBetween(fromMonth, toMonth);
    const unassessed = months.filter((m) => dueIn(rates, m) === undefined);
    const totalFen = owedAmount(rates, months);
    return { count: months.length, totalFen, unassessed };
  }, [fromMonth, toMonth, rates]);

  const submit = async (values: PaymentFields, { check, refuse }: SubmitContext) => {
    // Amounts travel in yuan, as the schema takes them: the schema's own output (fen) is only checked.
    const input = {
      memberId,
      fromMonth: values.fromMonth ?? '',
      toMonth: values.toMonth ?? '',
      paidAt: values.paidAt ?? '',
      method: values.method as DuesMethod,
      receiptNo: blankToUndefined(values.receiptNo) as string | undefined,
      collectedBy: blankToUndefined(values.collectedBy) as string | undefined,
      voluntary: values.voluntary ? values.voluntary : undefined,
    };
    if (check(duesPaySchema, input) === undefined) return;
    const tooFar = paymentWindowProblem(input);
    if (tooFar) return refuse(tooFar.message, tooFar.field);
    const saved = await pay.mutateAsync(input);
    const months = saved.fromMonth === saved.toMonth ? saved.fromMonth : `${saved.fromMonth} 至 ${saved.toMonth}`;
    message.success(`已登记${memberName} ${months} 的党费 ${formatYuanAmount(saved.amount)}`);
    if (saved.note) modal.info({ title: '自愿多交党费', content: saved.note });
    onSaved?.(saved);
    onClose();
  };

  return (
    <TouchTargets>
      <FormModal<PaymentFields>
        form={form}
        title={`登记交纳 · ${memberName}`}
        submitTestId="dues-pay-submit"
        onClose={onClose}
        onSubmit={submit}
        fields={FORM_FIELDS}
        {...frame}
        initialValues={data && { ...defaultRange(data), paidAt: today(), method: 'cash' }}
        testId="dues-pay-form"
      >
        {data && data.arrears.owedMonths.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={`欠交 ${data.arrears.owedMonths.length} 个月，共 ${formatYuanAmount(data.arrears.owed)}`}
            description={`欠交月份：${monthRangesText(data.arrears.owedMonths)}。${PAYMENT_WINDOW_RULE}。`}
          />
        )}
        <Row gutter={16}>
          <Col xs={12}>
            <Form.Item label="起始月份" name="fromMonth" rules={[{ required: true, message: '请选择起始月份' }]} {...monthStringField}>
              <DatePicker
                picker="month"
                style={{ width: '100%' }}
                allowClear={false}
                inputReadOnly={isMobile}
                data-testid="dues-pay-from"
              />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item label="截止月份" name="toMonth" rules={[{ required: true, message: '请选择截止月份' }]} {...monthStringField}>
              <DatePicker picker="month" style={{ width: '100%' }} allowClear={false} inputReadOnly={isMobile} data-testid="dues-pay-to" />
            </Form.Item>
          </Col>
        </Row>
        {preview && (
          <div style={{ marginTop: -8, marginBottom: 16 }} data-testid="dues-pay-total" data-fen={preview.totalFen}>
            {preview.unassessed.length > 0 ? (
              <Typography.Text type="danger">{monthRangesText(preview.unassessed)} 的党费尚未核定，请先核定交纳标准</Typography.Text>
            ) : (
              <Typography.Text>
                应交 <Typography.Text strong>{formatYuan(preview.totalFen)}</Typography.Text>（{preview.count} 个月，按核定标准计算）
              </Typography.Text>
            )}
          </div>
        )}
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item label="交纳日期" name="paidAt" rules={[{ required: true, message: '请选择交纳日期' }]} {...dateStringField}>
              <DatePicker
                style={{ width: '100%' }}
                disabledDate={isFuture}
                allowClear={false}
                inputReadOnly={isMobile}
                data-testid="dues-pay-paidAt"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="交纳方式" name="method" rules={[{ required: true, message: '请选择交纳方式' }]}>
              <ChoiceGrid options={DUES_METHOD_OPTIONS} columns={3} data-testid="dues-pay-method" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="收据号" name="receiptNo">
              <Input maxLength={40} data-testid="dues-pay-receiptNo" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="收款人" name="collectedBy">
              <Input maxLength={40} data-testid="dues-pay-collectedBy" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              label="自愿多交（元，可不填）"
              name="voluntary"
              extra={
                (voluntary ?? 0) * 100 >= LARGE_VOLUNTARY_FEN ? LARGE_VOLUNTARY_RULE : '党员可自愿多交党费（中组发〔2008〕3号第十一条）'
              }
            >
              <InputNumber min={0} precision={2} inputMode="decimal" style={{ width: '100%' }} data-testid="dues-pay-voluntary" />
            </Form.Item>
          </Col>
        </Row>
      </FormModal>
    </TouchTargets>
  );
}
