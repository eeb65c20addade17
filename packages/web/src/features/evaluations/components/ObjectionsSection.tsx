import { OBJECTION_DECISION_LABELS, objectionAnswerSchema, objectionSchema } from '@jishi/domain';
import { Alert, App, Button, Empty, Form, Input, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../shared/api-client';
import { FormModal, type SubmitContext } from '../../../shared/FormModal';
import { showFieldErrors, showSchemaIssues } from '../../../shared/form-errors';
import { type EntryDetail, type Objection, useAddObjection, useAnswerObjection } from '../evaluations.api';

const DECISION_OPTIONS = (['dismissed', 'upheld'] as const).map((value) => ({ value, label: OBJECTION_DECISION_LABELS[value] }));

type AnswerFields = { decision?: 'dismissed' | 'upheld'; answer?: string };

/** 答复异议: 不成立 keeps the result; 成立 sends the entry back to 评定 and clears it. */
function AnswerModal({ objection, onClose }: { objection: Objection; onClose: () => void }) {
  const { message } = App.useApp();
  const answer = useAnswerObjection();

  const submit = async (values: AnswerFields, { check }: SubmitContext) => {
    const input = check(objectionAnswerSchema, values);
    if (input === undefined) return;
    await answer.mutateAsync({ id: objection.id, input });
    message.success(input.decision === 'upheld' ? '异议成立，已退回重新评定' : '已答复，维持结果');
    onClose();
  };

  return (
    <FormModal<AnswerFields>
      title="答复异议"
      submitText="答复"
      submitTestId="objection-answer-submit"
      onClose={onClose}
      onSubmit={submit}
      fields={['decision', 'answer']}
      refusalAlert={{}}
      intro={
        <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
          {objection.text}
        </Typography.Paragraph>
      }
    >
      <Form.Item label="处理结果" name="decision" rules={[{ required: true, message: '请选择处理结果' }]}>
        <Radio.Group
          options={DECISION_OPTIONS}
          style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          data-testid="objection-decision"
        />
      </Form.Item>
      <Form.Item label="答复" name="answer" rules={[{ required: true, whitespace: true, message: '请填写答复' }]}>
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 3, maxRows: 6 }} data-testid="objection-answer" />
      </Form.Item>
    </FormModal>
  );
}

/** 登记异议 received during 公示: what was said and by whom (name or 匿名). */
function ObjectionForm({ entry }: { entry: EntryDetail }) {
  const [form] = Form.useForm<{ text?: string; raisedBy?: string }>();
  const { message } = App.useApp();
  const add = useAddObjection();
  const [refusal, setRefusal] = useState<string>();
  const fields = ['text', 'raisedBy'] as const;

  const submit = (values: { text?: string; raisedBy?: string }) => {
    const shape = objectionSchema.safeParse({ text: values.text, raisedBy: values.raisedBy?.trim() || undefined });
    if (!shape.success) {
      if (!showSchemaIssues(form, shape.error.issues, fields)) setRefusal(shape.error.issues[0]?.message);
      return;
    }
    add.mutate(
      { id: entry.id, input: shape.data },
      {
        onSuccess: () => {
          message.success('已登记异议');
          form.resetFields();
        },
        onError: (error) => {
          if (!showFieldErrors(form, error, fields)) setRefusal(isApiError(error) ? error.message : '登记失败，请稍后重试');
        },
      },
    );
  };

  return (
    <Form
      form={form}
      layout="vertical"
      autoComplete="off"
      onFinish={submit}
      onValuesChange={() => setRefusal(undefined)}
      data-testid="objection-form"
    >
      <Form.Item label="异议内容" name="text" rules={[{ required: true, whitespace: true, message: '请填写异议内容' }]}>
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} data-testid="objection-text" />
      </Form.Item>
      <Form.Item label="反映人" name="raisedBy" extra="姓名或“匿名”，按反映人所说登记">
        <Input maxLength={40} data-testid="objection-raised-by" />
      </Form.Item>
      {refusal && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={refusal} />}
      <Button htmlType="submit" loading={add.isPending} data-testid="objection-submit">
        登记异议
      </Button>
    </Form>
  );
}

/** The objections with their answers; 答复 on open ones when the user may act. */
export function ObjectionList({ objections, canAnswer }: { objections: Objection[]; canAnswer: boolean }) {
  const [answering, setAnswering] = useState<Objection>();
  if (objections.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="公示期间未收到异议" />;
  return (
    <>
      {objections.map((o) => (
        <div key={o.id} style={{ display: 'flex', gap: 8, padding: '10px 0', borderBottom: '1px solid #f0f0f0' }} data-testid="objection">
          <Space orientation="vertical" size={2} style={{ flex: 1, minWidth: 0 }}>
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{o.text}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {o.recordedOn} 登记{o.raisedBy ? ` · 反映人：${o.raisedBy}` : ''}
            </Typography.Text>
            {o.decision ? (
              <div>
                <Tag color={o.decision === 'upheld' ? 'error' : 'success'}>{OBJECTION_DECISION_LABELS[o.decision]}</Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {o.answeredOn} 答复：{o.answer}
                </Typography.Text>
              </div>
            ) : (
              <Tag color="warning" style={{ width: 'fit-content' }}>
                待答复
              </Tag>
            )}
          </Space>
          {canAnswer && !o.decision && (
            <Button onClick={() => setAnswering(o)} data-testid="objection-answer-open">
              答复
            </Button>
          )}
        </div>
      ))}
      {answering && <AnswerModal objection={answering} onClose={() => setAnswering(undefined)} />}
    </>
  );
}

/** 公示: the dates, the objections, and for the office running it 登记异议 (while 公示 lasts) and 答复. */
export function PublicityActions({ entry, today, canAct }: { entry: EntryDetail; today: string; canAct: boolean }) {
  const open = entry.objections.filter((o) => !o.decision).length;
  const isOver = entry.publicityTo !== null && today > entry.publicityTo;
  return (
    <div data-testid="publicity">
      <Typography.Paragraph>
        公示期：{entry.publicityFrom ?? '—'} 至 {entry.publicityTo ?? '—'}
        {isOver && <Tag style={{ marginInlineStart: 8 }}>已期满</Tag>}
      </Typography.Paragraph>
      {canAct && isOver && (
        <Alert
          type={open > 0 ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 12 }}
          title={open > 0 ? `公示已期满，还有${open}条异议未答复，答复后方可发布结果` : '公示已期满，可在评选轮次页「发布结果」'}
        />
      )}
      <ObjectionList objections={entry.objections} canAnswer={canAct} />
      {canAct && !isOver && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            登记异议
          </Typography.Title>
          <ObjectionForm entry={entry} />
        </>
      )}
    </div>
  );
}
