import { declarationProblem, gradeByDeduction, type SelfAssessment, scoreByPoints, selfAssessmentSchema } from '@jishi/domain';
import { Alert, App, Button, Checkbox, Descriptions, Divider, Form, Input, Space, Tag, Typography } from 'antd';
import { Fragment, useState } from 'react';
import { isApiError } from '../../../shared/api-client';
import { type Criterion, type EntryDetail, type SelfRecord, useFileSelf } from '../evaluations.api';
import { CriterionTags, CriterionText, flagNamesOf, PointsInput } from './evaluation-display';

interface ItemFields {
  deduction?: number | null;
  points?: number | null;
  met?: boolean;
  note?: string;
}

interface SelfFields {
  items?: Record<string, ItemFields | undefined>;
  flags?: string[];
  summary?: string;
}

/** Items whose figure the server reads from the records: nothing to fill in. */
const isBound = (c: Criterion) => c.binding !== undefined;

const numberOf = (v: number | null | undefined) => (v === null || v === undefined ? undefined : v);

/** The request body: one item per criterion with anything filled in. */
const toInput = (criteria: readonly Criterion[], values: SelfFields): SelfAssessment => ({
  items: criteria
    .filter((c) => !isBound(c))
    .flatMap((c) => {
      const v = values.items?.[c.key];
      const item = {
        key: c.key,
        deduction: numberOf(v?.deduction),
        points: numberOf(v?.points),
        met: v?.met || undefined,
        note: v?.note?.trim() || undefined,
      };
      const filled = item.deduction !== undefined || item.points !== undefined || item.met !== undefined || item.note !== undefined;
      return filled ? [item] : [];
    }),
  flags: values.flags ?? [],
  summary: values.summary?.trim() ?? '',
});

/** The input a criterion takes by the scheme's method: 扣分, 得分 or 达标. */
function CriterionInput({ c, method }: { c: Criterion; method: EntryDetail['round']['method'] }) {
  if (isBound(c)) return <Typography.Text type="secondary">提交后由系统从台账取数</Typography.Text>;
  const note = (
    <Form.Item name={['items', c.key, 'note']} noStyle>
      <Input maxLength={500} placeholder="说明（选填）" data-testid="self-note" />
    </Form.Item>
  );
  let value = null;
  if (method === 'deduction' && (c.maxDeduction ?? 0) > 0)
    value = (
      <Form.Item name={['items', c.key, 'deduction']} noStyle>
        <PointsInput max={c.maxDeduction} placeholder="自评扣分" aria-label={`${c.text}自评扣分`} data-testid="self-deduction" />
      </Form.Item>
    );
  else if (method === 'levels' && c.points !== undefined)
    value = (
      <Form.Item name={['items', c.key, 'points']} noStyle>
        <PointsInput max={c.points} placeholder="自评得分" aria-label={`${c.text}自评得分`} />
      </Form.Item>
    );
  else if (method === 'flags')
    value = (
      <Form.Item name={['items', c.key, 'met']} valuePropName="checked" noStyle>
        <Checkbox data-testid="self-met">达标</Checkbox>
      </Form.Item>
    );
  return (
    <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}>
      {value}
      <div style={{ flex: 1, minWidth: 180 }}>{note}</div>
    </div>
  );
}

/** The criteria, grouped by flag for 「五面红旗」. */
function criteriaGroups(entry: EntryDetail): { title?: string; items: Criterion[] }[] {
  if (entry.round.method !== 'flags') return [{ items: entry.criteria }];
  return entry.flagsOffered
    .map((f) => ({ title: f.name, items: entry.criteria.filter((c) => c.flag === f.key) }))
    .filter((g) => g.items.length > 0);
}

/**
 * 自评: per criterion what the org claims (扣分, 得分 or 达标) with a note; 「五面红旗」 also declares
 * the flags competed for, at most `flagCap`. Items bound to the records (三会一课, 党费…) are read
 * by the server on the day of filing. The deduction total is previewed with the domain's rule.
 */
export function SelfForm({ entry }: { entry: EntryDetail }) {
  const [form] = Form.useForm<SelfFields>();
  const { message } = App.useApp();
  const file = useFileSelf();
  const [refusal, setRefusal] = useState<string>();
  const method = entry.round.method;
  const items = Form.useWatch('items', form);
  const flags: string[] = Form.useWatch('flags', form) ?? [];
  const cap = entry.flagCap ?? entry.flagsOffered.length;

  let preview: string | undefined;
  if (method === 'deduction') {
    const deductions = Object.fromEntries(
      entry.criteria.flatMap((c) => {
        const d = numberOf(items?.[c.key]?.deduction);
        return d === undefined || isBound(c) ? [] : [[c.key, d]];
      }),
    );
    const graded = gradeByDeduction({ criteria: entry.criteria, levels: entry.levels }, deductions);
    if ('result' in graded) {
      const level = entry.levels.find((l) => l.key === graded.result.level)?.name;
      preview = `自评得分 ${graded.result.score} 分${level ? `（${level}）` : ''}，系统取数项由评定单位核定`;
    }
  } else if (method === 'levels' && entry.criteria.some((c) => c.points !== undefined)) {
    const points = Object.fromEntries(
      entry.criteria.flatMap((c) => {
        const p = numberOf(items?.[c.key]?.points);
        return p === undefined ? [] : [[c.key, p]];
      }),
    );
    const scored = scoreByPoints(entry.criteria, points);
    if ('score' in scored) preview = `自评合计 ${scored.score} 分`;
  }

  const submit = (values: SelfFields) => {
    const input = toInput(entry.criteria, values);
    const shape = selfAssessmentSchema.safeParse(input);
    if (!shape.success) {
      setRefusal(shape.error.issues[0]?.message ?? '输入无效');
      return;
    }
    if (method === 'flags') {
      const problem = declarationProblem(shape.data.flags, entry.flagsOffered, entry.flagCap ?? undefined);
      if (problem) {
        setRefusal(problem);
        return;
      }
    }
    setRefusal(undefined);
    file.mutate(
      { id: entry.id, input: shape.data },
      {
        onSuccess: (r) => message.success(`自评已提交${r.selfScore !== undefined ? `，自评得分${r.selfScore}分` : ''}`),
        onError: (error) => setRefusal(isApiError(error) ? error.message : '提交失败，请稍后重试'),
      },
    );
  };

  return (
    <Form<SelfFields>
      form={form}
      layout="vertical"
      autoComplete="off"
      onFinish={submit}
      onValuesChange={() => setRefusal(undefined)}
      data-testid="self-form"
    >
      {method === 'flags' && (
        <Form.Item
          label={`申报争创的红旗（最多${cap}面）`}
          name="flags"
          rules={[{ required: true, type: 'array', min: 1, message: '请至少申报一面红旗' }]}
        >
          <Checkbox.Group
            options={entry.flagsOffered.map((f) => ({
              value: f.key,
              label: f.name,
              disabled: !flags.includes(f.key) && flags.length >= cap,
            }))}
            data-testid="self-flags"
          />
        </Form.Item>
      )}
      {criteriaGroups(entry).map((group) => (
        <Fragment key={group.title ?? 'all'}>
          {group.title && (
            <Divider titlePlacement="start" plain style={{ marginTop: 8 }}>
              {group.title}
            </Divider>
          )}
          {group.items.map((c) => (
            <div key={c.key} style={{ marginBottom: 16 }} data-testid="self-criterion">
              <CriterionText c={c} index={entry.criteria.indexOf(c)} />
              <div style={{ margin: '4px 0 6px' }}>
                <CriterionTags c={c} />
              </div>
              <CriterionInput c={c} method={method} />
            </div>
          ))}
        </Fragment>
      ))}
      {preview && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={preview} data-testid="self-preview" />}
      <Form.Item label="自评总结" name="summary" rules={[{ required: true, whitespace: true, message: '请填写自评总结' }]}>
        <Input.TextArea maxLength={4000} showCount autoSize={{ minRows: 4, maxRows: 12 }} data-testid="self-summary" />
      </Form.Item>
      {refusal && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title="不能提交" description={refusal} data-testid="self-refusal" />
      )}
      <Button type="primary" htmlType="submit" block loading={file.isPending} data-testid="self-submit">
        提交自评
      </Button>
    </Form>
  );
}

/** What a filed item claims, in words. */
const claimText = (item: SelfRecord['items'][number] | undefined): string | undefined => {
  if (!item) return undefined;
  if (item.deduction !== undefined) return `自评扣${item.deduction}分`;
  if (item.points !== undefined) return `自评得${item.points}分`;
  if (item.met !== undefined) return item.met ? '自评达标' : '自评未达标';
  return undefined;
};

/** The filed self-assessment: the score, the figures read from the records, each item claimed and the summary. */
export function SelfRecordView({ entry, record }: { entry: EntryDetail; record: SelfRecord }) {
  const byKey = new Map(record.items.map((i) => [i.key, i]));
  const claimed = entry.criteria.filter((c) => byKey.has(c.key));
  return (
    <div data-testid="self-record">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'filed', label: '提交日期', children: record.filedOn },
          ...(record.selfScore !== undefined ? [{ key: 'score', label: '自评得分', children: `${record.selfScore}分` }] : []),
          ...(entry.declaredFlags.length > 0
            ? [
                {
                  key: 'flags',
                  label: '申报红旗',
                  children: (
                    <Space size={[4, 4]} wrap>
                      {flagNamesOf(entry.declaredFlags, entry.flagsOffered).map((f) => (
                        <Tag key={f} color="red" style={{ marginInlineEnd: 0 }}>
                          {f}
                        </Tag>
                      ))}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {record.evidence.length > 0 && (
        <>
          <Divider titlePlacement="start" plain>
            系统取数（{record.filedOn}）
          </Divider>
          <Descriptions
            size="small"
            bordered
            column={1}
            items={record.evidence.map((e) => ({ key: e.key, label: e.name, children: `${e.value}${e.unit}` }))}
            data-testid="self-evidence"
          />
        </>
      )}
      {claimed.length > 0 && (
        <>
          <Divider titlePlacement="start" plain>
            逐项自评
          </Divider>
          {claimed.map((c) => {
            const item = byKey.get(c.key);
            return (
              <div key={c.key} style={{ marginBottom: 8 }}>
                <Typography.Text>{c.text}</Typography.Text>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[claimText(item), item?.note].filter(Boolean).join('；')}
                  </Typography.Text>
                </div>
              </div>
            );
          })}
        </>
      )}
      <Divider titlePlacement="start" plain>
        自评总结
      </Divider>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{record.summary}</Typography.Paragraph>
    </div>
  );
}
