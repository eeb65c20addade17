import { MEDAL50_STEPS, medal50AwardSchema, medal50ReviewSchema, medal50StepProblem } from '@jishi/domain';
import { Alert, App, DatePicker, Descriptions, Form, Input, Modal, Radio, Spin } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { isApiError } from '../../../shared/api-client';
import { DATE_FORMAT, dateStringField, today } from '../../../shared/dates';
import { showSchemaIssues } from '../../../shared/form-errors';
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
  const [refusal, setRefusal] = useState<{ source: 'check' | 'server'; text: string }>();
  const passed = Form.useWatch('passed', form);
  const c = detail.data;
  const lastDate = c?.steps.at(-1)?.date;
  const def = step === 2 ? MEDAL50_STEPS[1] : MEDAL50_STEPS[2];

  const refuse = (error: unknown) => setRefusal({ source: 'server', text: isApiError(error) ? error.message : '办理失败，请稍后重试' });

  const showIssues = (issues: readonly { path: readonly PropertyKey[]; message: string }[]) => {
    if (!showSchemaIssues(form, issues, FORM_FIELDS)) setRefusal({ source: 'check', text: issues[0]?.message ?? '输入无效' });
  };

  /** The domain's order-and-date rule for this step; false (with the refusal shown) when it fails. */
  const passesStepRule = (date: string): boolean => {
    if (!c || !lastDate) return false;
    const problem = medal50StepProblem({ status: c.status, year: c.year, lastDate }, step, date, today());
    setRefusal(problem ? { source: 'check', text: problem } : undefined);
    return problem === null;
  };

  const submit = (values: StepFields) => {
    if (!c) return;
    if (step === 2) {
      const shape = medal50ReviewSchema.safeParse({
        date: values.date,
        passed: values.passed,
        disciplineOpinion: values.disciplineOpinion,
        reason: values.passed === false ? blankToUndefined(values.reason) : undefined,
      });
      if (!shape.success) return showIssues(shape.error.issues);
      if (!passesStepRule(shape.data.date)) return;
      const verdict = shape.data;
      review.mutate(
        { id: c.id, input: verdict },
        {
          onSuccess: () => {
            message.success(verdict.passed ? `「${c.memberName}」审核通过` : `「${c.memberName}」审核未通过`);
            onClose();
          },
          onError: refuse,
        },
      );
      return;
    }
    const shape = medal50AwardSchema.safeParse({ date: values.date });
    if (!shape.success) return showIssues(shape.error.issues);
    if (!passesStepRule(shape.data.date)) return;
    award.mutate(
      { id: c.id, date: shape.data.date },
      {
        onSuccess: () => {
          message.success(`已向「${c.memberName}」颁发纪念章`);
          onClose();
        },
        onError: refuse,
      },
    );
  };

  return (
    <Modal
      open
      title={`${def.name}纪念章申报${c ? ` · ${c.memberName}` : ''}`}
      okText={step === 2 ? '提交审核结论' : '确认颁发'}
      okButtonProps={{ disabled: !c, 'data-testid': 'medal50-step-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={review.isPending || award.isPending}
      destroyOnHidden
    >
      {!c ? (
        detail.isError ? (
          <Alert type="error" showIcon title="申报加载失败" description={detail.error.message} />
        ) : (
          <Spin style={{ display: 'block', margin: 24 }} />
        )
      ) : (
        <>
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
          <Form<StepFields>
            form={form}
            layout="vertical"
            autoComplete="off"
            initialValues={{ date: today(), passed: step === 2 ? true : undefined }}
            onFinish={submit}
            onValuesChange={() => refusal?.source === 'check' && setRefusal(undefined)}
            data-testid="medal50-step-form"
            data-step={step}
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
                  <Form.Item
                    label="未通过原因"
                    name="reason"
                    rules={[{ required: true, whitespace: true, message: '审核未通过须写明原因' }]}
                  >
                    <Input.TextArea maxLength={200} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="medal50-reason" />
                  </Form.Item>
                )}
              </>
            )}
          </Form>
          {refusal && (
            <Alert
              type="error"
              showIcon
              title={refusal.source === 'check' ? '不能办理' : '办理被拒绝'}
              description={refusal.text}
              data-testid="medal50-refusal"
              data-source={refusal.source}
            />
          )}
        </>
      )}
    </Modal>
  );
}
