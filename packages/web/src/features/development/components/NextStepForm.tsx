import {
  checkStep,
  MAX_EXTENSION_MONTHS,
  MIN_EXTENSION_MONTHS,
  type StepInput,
  type StepInputBody,
  stepDef,
  stepInputSchema,
} from '@jishi/domain';
import { Alert, App, Button, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { isApiError } from '../../../shared/api-client';
import { DATE_FORMAT, dateStringField, today } from '../../../shared/dates';
import { type Applicant, doneStepsOf, type StepOutcome, type useRecordStep } from '../development.api';
import { OUTCOME_OPTIONS } from './step-labels';

interface NextStepFields {
  date?: string;
  vote?: { shouldAttend?: number; present?: number; yes?: number; writtenYes?: number };
  trainingDays?: number;
  trainingHours?: number;
  outcome?: StepOutcome;
  extensionMonths?: number;
  introducers?: number;
  note?: string;
}

/** Why the step was not recorded: the domain's pre-check in the browser, or the server's answer. */
interface Refusal {
  source: 'check' | 'server';
  text: string;
}

const isFuture = (d: Dayjs) => d.format(DATE_FORMAT) > today();

const VOTE_STEPS = [15, 23];

/** The request body from the form: only what the step carries. */
const toInput = (step: number, v: NextStepFields): StepInput & Pick<StepInputBody, 'note'> => {
  const input: StepInput & Pick<StepInputBody, 'note'> = { step, date: v.date ?? '' };
  if (VOTE_STEPS.includes(step) && v.vote) {
    input.vote = {
      shouldAttend: v.vote.shouldAttend ?? 0,
      present: v.vote.present ?? 0,
      yes: v.vote.yes ?? 0,
      writtenYes: v.vote.writtenYes ?? 0,
    };
  }
  if (step === 11) {
    if (v.trainingDays !== undefined && v.trainingDays !== null) input.trainingDays = v.trainingDays;
    if (v.trainingHours !== undefined && v.trainingHours !== null) input.trainingHours = v.trainingHours;
  }
  if (step === 9 && v.introducers !== undefined && v.introducers !== null) input.introducers = v.introducers;
  if (step === 23) {
    input.outcome = v.outcome;
    if (v.outcome === 'extend') input.extensionMonths = v.extensionMonths;
  }
  const note = v.note?.trim();
  if (note) input.note = note;
  return input;
};

/**
 * 办理下一步: the date and whatever the step carries (the vote of a 支部大会, the training, the
 * decision on 转正, the introducers). The step is checked with the domain's `checkStep` first: a
 * refusal is shown with the rule's text and nothing is sent. The server checks again; its refusal
 * (the rule, or that only an approving 基层党委 records this step) is shown the same way.
 *
 * `record` belongs to the page: this form is remounted for the next step as soon as the applicant
 * is updated, and a mutation's per-call callbacks only run while the component that owns it is mounted.
 */
export function NextStepForm({
  applicant,
  step,
  record,
  onRecorded,
}: {
  applicant: Applicant;
  step: number;
  record: ReturnType<typeof useRecordStep>;
  onRecorded: (warnings: string[]) => void;
}) {
  const [form] = Form.useForm<NextStepFields>();
  const { message } = App.useApp();
  const [refusal, setRefusal] = useState<Refusal>();
  const def = stepDef(step);
  const outcome = Form.useWatch('outcome', form);
  const deadline = applicant.deadlines.find((d) => d.step === step);
  const lastDate = applicant.steps.at(-1)?.date;

  const submit = (values: NextStepFields) => {
    const input = toInput(step, values);
    const shape = stepInputSchema.safeParse(input);
    if (!shape.success) {
      setRefusal({ source: 'check', text: shape.error.issues[0]?.message ?? '输入无效' });
      return;
    }
    const verdict = checkStep(doneStepsOf(applicant), input, { birthDate: applicant.birthDate, today: today() });
    if (verdict.refusal) {
      setRefusal({ source: 'check', text: verdict.refusal });
      return;
    }
    setRefusal(undefined);
    record.mutate(
      { id: applicant.id, input: shape.data },
      {
        onSuccess: (saved) => {
          if (saved.warnings.length > 0) message.warning(`第${step}步已办理，有${saved.warnings.length}条提醒`);
          else message.success(`第${step}步「${def?.name ?? ''}」已办理`);
          onRecorded(saved.warnings);
        },
        onError: (error) => setRefusal({ source: 'server', text: isApiError(error) ? error.message : '办理失败，请稍后重试' }),
      },
    );
  };

  let dateExtra: string | undefined;
  if (deadline?.kind === 'earliest') dateExtra = `${deadline.date}起方可办理`;
  else if (deadline) dateExtra = `应在${deadline.date}前办理${deadline.overdue ? '（已逾期）' : ''}`;
  else if (lastDate) dateExtra = `不早于上一步的日期（${lastDate}）`;

  return (
    <Form<NextStepFields>
      form={form}
      layout="vertical"
      autoComplete="off"
      initialValues={{ introducers: step === 9 ? 2 : undefined, vote: { writtenYes: 0 } }}
      onFinish={submit}
      onValuesChange={() => refusal?.source === 'check' && setRefusal(undefined)}
      data-testid="dev-next-form"
      data-step={step}
    >
      <Typography.Paragraph>
        <Typography.Text strong>
          第{step}步 · {def?.name}
        </Typography.Text>
        {def?.by === 'committee' && <Typography.Text type="secondary">（由有审批权的基层党委办理，如乡镇、街道党(工)委）</Typography.Text>}
      </Typography.Paragraph>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item
            label="办理日期"
            name="date"
            rules={[{ required: true, message: '请选择办理日期' }]}
            extra={dateExtra}
            {...dateStringField}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={isFuture} data-testid="dev-next-date" />
          </Form.Item>
        </Col>
        {step === 9 && (
          <Col xs={24} sm={12}>
            <Form.Item
              label="入党介绍人（名）"
              name="introducers"
              extra="两名正式党员"
              rules={[{ required: true, message: '请填写入党介绍人人数' }]}
            >
              <InputNumber min={0} max={10} precision={0} style={{ width: '100%' }} data-testid="dev-introducers" />
            </Form.Item>
          </Col>
        )}
        {step === 11 && (
          <>
            <Col xs={12} sm={6}>
              <Form.Item label="培训天数" name="trainingDays">
                <InputNumber min={0} max={365} style={{ width: '100%' }} data-testid="dev-training-days" />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6}>
              <Form.Item label="培训学时" name="trainingHours">
                <InputNumber min={0} max={10000} style={{ width: '100%' }} data-testid="dev-training-hours" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
                集中培训一般不少于3天或不少于24学时，填写其一即可。
              </Typography.Paragraph>
            </Col>
          </>
        )}
      </Row>
      {VOTE_STEPS.includes(step) && (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            表决情况（有表决权的正式党员）
          </Typography.Paragraph>
          <Row gutter={12}>
            <Col xs={12} sm={6}>
              <Form.Item label="应到" name={['vote', 'shouldAttend']} rules={[{ required: true, message: '请填写' }]}>
                <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} data-testid="dev-vote-should" />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6}>
              <Form.Item label="实到" name={['vote', 'present']} rules={[{ required: true, message: '请填写' }]}>
                <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} data-testid="dev-vote-present" />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6}>
              <Form.Item label="赞成票" name={['vote', 'yes']} rules={[{ required: true, message: '请填写' }]}>
                <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} data-testid="dev-vote-yes" />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6}>
              <Form.Item label="书面赞成票" name={['vote', 'writtenYes']} tooltip="因故不能到会的有表决权党员会前提交的书面赞成意见">
                <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} data-testid="dev-vote-written" />
              </Form.Item>
            </Col>
          </Row>
        </>
      )}
      {step === 23 && (
        <Row gutter={12}>
          <Col xs={24} sm={16}>
            <Form.Item label="讨论结果" name="outcome" rules={[{ required: true, message: '请选择讨论结果' }]}>
              <Radio.Group options={OUTCOME_OPTIONS} data-testid="dev-outcome" />
            </Form.Item>
          </Col>
          {outcome === 'extend' && (
            <Col xs={24} sm={8}>
              <Form.Item
                label="延长（月）"
                name="extensionMonths"
                rules={[{ required: true, message: '请填写延长月数' }]}
                extra={`${MIN_EXTENSION_MONTHS}至${MAX_EXTENSION_MONTHS}个月，只能延长一次`}
              >
                <InputNumber
                  min={MIN_EXTENSION_MONTHS}
                  max={MAX_EXTENSION_MONTHS}
                  precision={0}
                  style={{ width: '100%' }}
                  data-testid="dev-extension-months"
                />
              </Form.Item>
            </Col>
          )}
        </Row>
      )}
      <Form.Item label="备注" name="note">
        <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
      {refusal && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={refusal.source === 'check' ? '不能办理' : '办理被拒绝'}
          description={refusal.text}
          data-testid="dev-refusal"
          data-source={refusal.source}
        />
      )}
      <Button type="primary" htmlType="submit" loading={record.isPending} block data-testid="dev-next-submit">
        办理第{step}步
      </Button>
    </Form>
  );
}
