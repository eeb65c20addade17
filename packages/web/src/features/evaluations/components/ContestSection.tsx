import { contestScoreSchema, trimmedMean } from '@jishi/domain';
import { Alert, App, Button, Form, Input, InputNumber, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { showFieldErrors, showSchemaIssues } from '../../../shared/form-errors';
import { type ContestScore, type EntryDetail, useAddContestScore, useCloseContest } from '../evaluations.api';

const FORM_FIELDS = ['judge', 'score'] as const;

/** How the mean is taken, as the seed states it. */
const MEAN_RULE = '评委5人及以上时，去掉一个最高分和一个最低分后取平均';

/** The judges' scores (listed to those above the org) and the trimmed mean. */
export function ContestScoresView({ entry }: { entry: EntryDetail }) {
  const { scores, judges } = entry.contest;
  // Recomputed from the listed scores while the contest runs; the server's once it has closed.
  const mean = entry.contest.mean ?? (scores.length > 0 ? trimmedMean(scores.map((s) => s.score)) : null);
  return (
    <div data-testid="contest-scores">
      <Typography.Paragraph>
        评委 {judges} 人 · 平均分 <Typography.Text strong>{mean ?? '—'}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          （{MEAN_RULE}）
        </Typography.Text>
      </Typography.Paragraph>
      {scores.length > 0 && (
        <Table<ContestScore>
          rowKey="judge"
          size="small"
          pagination={false}
          columns={[
            { title: '评委', dataIndex: 'judge' },
            { title: '评分', dataIndex: 'score', width: 100, align: 'right' },
          ]}
          dataSource={scores}
        />
      )}
    </div>
  );
}

/** 党委摆擂、书记比武: each judge's score is recorded once; 结束比武 keeps the mean and moves on. */
export function ContestActions({ entry }: { entry: EntryDetail }) {
  const [form] = Form.useForm<{ judge?: string; score?: number }>();
  const { message } = App.useApp();
  const add = useAddContestScore();
  const close = useCloseContest();
  const [refusal, setRefusal] = useState<string>();

  const submit = (values: { judge?: string; score?: number }) => {
    const shape = contestScoreSchema.safeParse({ judge: values.judge, score: values.score });
    if (!shape.success) {
      if (!showSchemaIssues(form, shape.error.issues, FORM_FIELDS)) setRefusal(shape.error.issues[0]?.message);
      return;
    }
    setRefusal(undefined);
    add.mutate(
      { id: entry.id, input: shape.data },
      {
        onSuccess: () => {
          message.success(`已登记「${shape.data.judge}」的评分`);
          form.resetFields();
        },
        onError: (error) => {
          if (!showFieldErrors(form, error, FORM_FIELDS)) setRefusal(error.message);
        },
      },
    );
  };
  const finish = () =>
    close.mutate(
      { id: entry.id, input: undefined },
      {
        onSuccess: (r) => message.success(`比武已结束，平均分${r.mean ?? '—'}`),
        onError: (error) => setRefusal(error.message),
      },
    );

  return (
    <div data-testid="contest-actions">
      {entry.contest.judges > 0 && <ContestScoresView entry={entry} />}
      <Form form={form} layout="inline" autoComplete="off" onFinish={submit} style={{ rowGap: 8, marginBottom: 12 }}>
        <Form.Item name="judge" rules={[{ required: true, whitespace: true, message: '请填写评委' }]}>
          <Input maxLength={40} placeholder="评委" style={{ width: 160 }} data-testid="contest-judge" />
        </Form.Item>
        <Form.Item name="score" rules={[{ required: true, message: '请填写评分' }]}>
          <InputNumber
            min={0}
            max={100}
            step={0.1}
            precision={1}
            placeholder="评分"
            suffix="分"
            style={{ width: 120 }}
            data-testid="contest-score"
          />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" loading={add.isPending} data-testid="contest-add">
            登记评分
          </Button>
        </Form.Item>
      </Form>
      <Space wrap>
        <Popconfirm
          title="结束比武"
          description={`按已登记的${entry.contest.judges}位评委评分计算平均分，并进入下一环节。`}
          okText="结束比武"
          onConfirm={finish}
          disabled={entry.contest.judges === 0}
        >
          <Button type="primary" loading={close.isPending} disabled={entry.contest.judges === 0} data-testid="contest-close">
            结束比武
          </Button>
        </Popconfirm>
      </Space>
      {refusal && <Alert type="error" showIcon style={{ marginTop: 12 }} title={refusal} data-testid="contest-refusal" />}
    </div>
  );
}
