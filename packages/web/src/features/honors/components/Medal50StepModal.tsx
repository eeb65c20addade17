import { MEDAL50_STEPS, medal50AwardSchema, medal50ReviewSchema, medal50StepProblem } from '@jishi/domain';
import { Alert, App, DatePicker, Descriptions, Form, Input, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { DATE_FORMAT, dateStringField, today } from '../../../shared/dates';
import { FormModal, type SubmitContext } from '../../../shared/FormModal';
import { blankToUndefined } from '../../../shared/zod-rule';
import { useAwardMedal50, useMedal50Case, useReviewMedal50 } from '../honors.api';
import { Medal50StatusTag } from './medal50-display';

interface StepFields {
  date?: string;
  passed?: boolean;
  disciplineOpinion?: string;
  reason?: string;
}

const FORM_FIELDS = ['date', 'passed', 'disciplineOpinion', 'reason'] as const;

const isFuture = (d: Dayjs) => d.format(DATE_FORMAT) > today();

/**
 * 审核 (step 2, with the 纪检监察机关 opinion; 不通过 needs a reason) or 颁发 (step 3) of one case.
 * The order and dates are checked with the domain's `medal50StepProblem` first; a refusal, from
 * that check or from the server (only a 旗县级以上党委 acts), is shown in the rule's words.
 */
export function Medal50StepModal({ caseId, step, onClose }: { caseId: number; step: 2 | 3; onClose: () => void }) {
  const [form] = Form.useForm<StepFields>();
  const { message } = App.useApp();
  const detail = useMedal50Case(caseId);
  const review = useReviewMedal50();
  const award = useAwardMedal50();
  const passed = Form.useWatch('passed', form);
  const c = detail.data;
  const lastDate = c?.steps.at(-1)?.date;
  const def = step === 2 ? MEDAL50_STEPS[1] : MEDAL50_STEPS[2];

  const submit = async (values: StepFields, { check, refuse }: SubmitContext) => {
    if (!c || !lastDate) return;
    const case50 = { status: c.status, year: c.year, lastDate };
    if (step === 2) {
      const verdict = check(medal50ReviewSchema, {
        date: values.date,
        passed: values.passed,
        disciplineOpinion: values.disciplineOpinion,
        reason: values.passed === false ? blankToUndefined(values.reason) : undefined,
      });
      if (verdict === undefined) return;
      // The domain's order-and-date rule for the step, before anything is sent.
      const problem = medal50StepProblem(case50, step, verdict.date, today());
      if (problem) return refuse(problem);
      await review.mutateAsync({ id: c.id, input: verdict });
      message.success(verdict.passed ? `「${c.memberName}」审核通过` : `「${c.memberName}」审核未通过`);
      return onClose();
    }
    const awarded = check(medal50AwardSchema, { date: values.date });
    if (awarded === undefined) return;
    const problem = medal50StepProblem(case50, step, awarded.date, today());
    if (problem) return refuse(problem);
    await award.mutateAsync({ id: c.id, date: awarded.date });
    message.success(`已向「${c.memberName}」颁发纪念章`);
    onClose();
  };

  return (
    <FormModal<StepFields>
      form={form}
      title={`${def.name}纪念章申报${c ? ` · ${c.memberName}` : ''}`}
      submitText={step === 2 ? '提交审核结论' : '确认颁发'}
      submitTestId="medal50-step-submit"
      onClose={onClose}
      onSubmit={submit}
      fields={FORM_FIELDS}
      loading={!c}
      failure={!c && detail.isError && <Alert type="error" showIcon title="申报加载失败" description={detail.error.message} />}
      refusalAlert={{ title: { check: '不能办理', server: '办理被拒绝' }, testId: 'medal50-refusal' }}
      initialValues={{ date: today(), passed: step === 2 ? true : undefined }}
      testId="medal50-step-form"
      formData={{ 'data-step': step }}
      intro={
        c && (
          <Descriptions
            size="small"
            column={1}
            style={{ marginBottom: 16 }}
            items={[
              { key: 'org', label: '所在支部', children: c.orgName },
              { key: 'year', label: '颁发年度', children: `${c.year} 年` },
              { key: 'status', label: '当前进度', children: <Medal50StatusTag status={c.status} /> },
              { key: 'by', label: '办理机关', children: def.by },
            ]}
          />
        )
      }
    >
      <Form.Item
        label={step === 2 ? '审核日期' : '颁发日期'}
        name="date"
        rules={[{ required: true, message: '请选择日期' }]}
        extra={lastDate ? `不早于上一步的日期（${lastDate}），不晚于今天` : undefined}
        {...dateStringField}
      >
        <DatePicker style={{ width: '100%' }} disabledDate={isFuture} data-testid="medal50-step-date" />
      </Form.Item>
      {step === 2 && (
        <>
          <Form.Item
            label="纪检监察机关意见"
            name="disciplineOpinion"
            rules={[{ required: true, whitespace: true, message: '请填写纪检监察机关意见' }]}
            extra="审核前征求纪检监察机关意见"
          >
            <Input.TextArea
              maxLength={200}
              autoSize={{ minRows: 2, maxRows: 4 }}
              placeholder="如：经征求旗纪委监委意见，无不同意见"
              data-testid="medal50-opinion"
            />
          </Form.Item>
          <Form.Item label="审核结论" name="passed" rules={[{ required: true, message: '请选择审核结论' }]}>
            <Radio.Group
              optionType="button"
              options={[
                { value: true, label: '审核通过' },
                { value: false, label: '不予通过' },
              ]}
              data-testid="medal50-passed"
            />
          </Form.Item>
          {passed === false && (
            <Form.Item label="未通过原因" name="reason" rules={[{ required: true, whitespace: true, message: '审核未通过须写明原因' }]}>
              <Input.TextArea maxLength={200} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="medal50-reason" />
            </Form.Item>
          )}
        </>
      )}
    </FormModal>
  );
}
