import {
  type Criterion,
  flagRecommended,
  gradeByDeduction,
  levelForScore,
  RATING_LABELS,
  RATINGS,
  type Rating,
  type ReviewInput,
  reviewSchema,
  scoreByPoints,
  suggestedRating,
} from '@jishi/domain';
import { Alert, App, Button, Checkbox, Divider, Form, Input, Radio, Space, Tag, Typography } from 'antd';
import { Fragment, useState } from 'react';
import { isApiError } from '../../../shared/api-client';
import { type EntryDetail, useReviewEntry } from '../evaluations.api';
import { BallotTallyView } from './BallotSection';
import { CriterionTags, CriterionText, flagNamesOf, levelBand, PointsInput } from './evaluation-display';

type Numbers = Record<string, number | null | undefined>;
type Checks = Record<string, boolean | undefined>;

interface ReviewFields {
  deductions?: Numbers;
  veto?: Checks;
  points?: Numbers;
  level?: string;
  met?: Checks;
  flags?: string[];
  rating?: Rating;
  note?: string;
}

/** The filled-in numbers only: a cleared input leaves null behind. */
const filled = (values: Numbers | undefined): Record<string, number> =>
  Object.fromEntries(Object.entries(values ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number'));

const checked = (values: Checks | undefined): string[] =>
  Object.entries(values ?? {})
    .filter(([, v]) => v)
    .map(([k]) => k);

/** The self-assessment as the starting point: the reviewer adjusts what the org claimed. */
const initialValues = (entry: EntryDetail): ReviewFields => {
  const items = entry.selfAssessment?.items ?? [];
  return {
    deductions: Object.fromEntries(items.filter((i) => i.deduction !== undefined).map((i) => [i.key, i.deduction])),
    points: Object.fromEntries(items.filter((i) => i.points !== undefined).map((i) => [i.key, i.points])),
    met: Object.fromEntries(items.filter((i) => i.met).map((i) => [i.key, true])),
    flags: [],
  };
};

/** What the org claimed for an item and what the records said, as the reviewer's reference. */
function SelfHint({ entry, c }: { entry: EntryDetail; c: Criterion }) {
  const item = entry.selfAssessment?.items.find((i) => i.key === c.key);
  const evidence = entry.selfAssessment?.evidence.find((e) => e.key === c.key);
  const parts = [
    evidence && `取数结果：${evidence.value}${evidence.unit}（${entry.selfAssessment?.filedOn}）`,
    item?.deduction !== undefined && `自评扣${item.deduction}分`,
    item?.points !== undefined && `自评得${item.points}分`,
    item?.met !== undefined && (item.met ? '自评达标' : '自评未达标'),
    item?.note,
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {parts.join('；')}
      </Typography.Text>
    </div>
  );
}

/** A criterion with its tags and the org's own claim. */
function CriterionHead({ entry, c }: { entry: EntryDetail; c: Criterion }) {
  return (
    <>
      <CriterionText c={c} index={entry.criteria.indexOf(c)} />
      <div style={{ margin: '4px 0' }}>
        <CriterionTags c={c} />
      </div>
      <SelfHint entry={entry} c={c} />
    </>
  );
}

/**
 * 评定 by the scheme's method: 逐项扣分 with 一票否决 (score and level previewed with the domain's
 * `gradeByDeduction`), points per item against the bands or a judged level, the indicators met
 * and the flags to name (only a flag whose indicators are all met qualifies), or a rating with the
 * ballot count beside it. Starts from the org's self-assessment.
 */
export function ReviewForm({ entry }: { entry: EntryDetail }) {
  const [form] = Form.useForm<ReviewFields>();
  const { message } = App.useApp();
  const review = useReviewEntry();
  const [refusal, setRefusal] = useState<string>();
  const method = entry.round.method;
  const vetoCap = entry.vetoCap ?? undefined;
  const banded = entry.levels.some((l) => l.minScore !== undefined);

  const deductions = filled(Form.useWatch('deductions', form));
  const vetoFailed = checked(Form.useWatch('veto', form));
  const points = filled(Form.useWatch('points', form));
  const met = new Set(checked(Form.useWatch('met', form)));
  const levelName = (key: string) => entry.levels.find((l) => l.key === key)?.name ?? key;

  let preview: { type: 'info' | 'warning'; text: string } | undefined;
  if (method === 'deduction') {
    const graded = gradeByDeduction({ criteria: entry.criteria, levels: entry.levels, vetoCap }, deductions, vetoFailed);
    if ('problem' in graded) preview = { type: 'warning', text: graded.problem.message };
    else {
      const veto = graded.result.vetoed.length > 0 ? `（一票否决，${vetoCap ? `最高评为${levelName(vetoCap)}` : '等次封顶'}）` : '';
      preview = { type: 'info', text: `得分 ${graded.result.score} 分 · ${levelName(graded.result.level)}${veto}` };
    }
  } else if (method === 'levels' && banded) {
    const scored = scoreByPoints(entry.criteria, points);
    if ('problem' in scored) preview = { type: 'warning', text: scored.problem.message };
    else preview = { type: 'info', text: `合计 ${scored.score} 分 · ${levelName(levelForScore(entry.levels, scored.score))}` };
  }

  const toInput = (values: ReviewFields): Partial<ReviewInput> => {
    const note = values.note?.trim() || undefined;
    if (method === 'deduction') return { deductions: filled(values.deductions), vetoFailed: checked(values.veto), note };
    if (method === 'levels') return banded ? { points: filled(values.points), note } : { level: values.level, note };
    if (method === 'flags') return { met: checked(values.met), flags: values.flags ?? [], note };
    return { rating: values.rating, note };
  };

  const submit = (values: ReviewFields) => {
    const shape = reviewSchema.safeParse(toInput(values));
    if (!shape.success) {
      setRefusal(shape.error.issues[0]?.message ?? '输入无效');
      return;
    }
    if (method === 'flags') {
      const metNow = new Set(shape.data.met);
      const short = shape.data.flags.find((f) => !flagRecommended(f, entry.criteria, metNow));
      if (short) {
        setRefusal(`「${flagNamesOf([short], entry.flagsOffered)[0]}」的指标未全部达标，不能评定`);
        return;
      }
    }
    setRefusal(undefined);
    review.mutate(
      { id: entry.id, input: shape.data },
      {
        onSuccess: () => message.success('评定已提交，进入审定'),
        onError: (error) => setRefusal(isApiError(error) ? error.message : '提交失败，请稍后重试'),
      },
    );
  };

  const declared = entry.flagsOffered.filter((f) => entry.declaredFlags.includes(f.key));
  const suggested = suggestedRating(entry.ballots);

  return (
    <Form<ReviewFields>
      form={form}
      layout="vertical"
      autoComplete="off"
      initialValues={initialValues(entry)}
      onFinish={submit}
      onValuesChange={() => setRefusal(undefined)}
      data-testid="review-form"
    >
      {method === 'deduction' &&
        entry.criteria.map((c) => (
          <div key={c.key} style={{ marginBottom: 16 }} data-testid="review-criterion">
            <CriterionHead entry={entry} c={c} />
            <Space size={12} wrap style={{ marginTop: 6 }}>
              {(c.maxDeduction ?? 0) > 0 && (
                <Form.Item name={['deductions', c.key]} noStyle>
                  <PointsInput max={c.maxDeduction} placeholder="扣分" aria-label={`${c.text}扣分`} data-testid="review-deduction" />
                </Form.Item>
              )}
              {c.veto && (
                <Form.Item name={['veto', c.key]} valuePropName="checked" noStyle>
                  <Checkbox data-testid="review-veto">
                    <Typography.Text type="danger">未通过（一票否决）</Typography.Text>
                  </Checkbox>
                </Form.Item>
              )}
            </Space>
          </div>
        ))}

      {method === 'levels' && banded && (
        <>
          <Typography.Paragraph type="secondary">等次分数线：{entry.levels.map(levelBand).join('；')}</Typography.Paragraph>
          {entry.criteria.map((c) => (
            <div key={c.key} style={{ marginBottom: 16 }}>
              <CriterionHead entry={entry} c={c} />
              <Form.Item name={['points', c.key]} noStyle>
                <PointsInput
                  max={c.points}
                  placeholder="得分"
                  style={{ width: 140, marginTop: 6 }}
                  aria-label={`${c.text}得分`}
                  data-testid="review-points"
                />
              </Form.Item>
            </div>
          ))}
        </>
      )}
      {method === 'levels' && !banded && (
        <>
          {entry.criteria.map((c) => (
            <div key={c.key} style={{ marginBottom: 12 }}>
              <CriterionHead entry={entry} c={c} />
            </div>
          ))}
          {entry.contest.mean !== null && <Typography.Paragraph>比武平均分：{entry.contest.mean}</Typography.Paragraph>}
          <Form.Item label="评定等次" name="level" rules={[{ required: true, message: '请选择评定等次' }]}>
            <Radio.Group options={entry.levels.map((l) => ({ value: l.key, label: l.name }))} data-testid="review-level" />
          </Form.Item>
        </>
      )}

      {method === 'flags' && (
        <>
          {declared.map((f) => (
            <Fragment key={f.key}>
              <Divider titlePlacement="start" plain style={{ marginTop: 8 }}>
                {f.name}
              </Divider>
              {entry.criteria
                .filter((c) => c.flag === f.key)
                .map((c) => (
                  <div key={c.key} style={{ marginBottom: 12 }}>
                    <CriterionHead entry={entry} c={c} />
                    <Form.Item name={['met', c.key]} valuePropName="checked" noStyle>
                      <Checkbox data-testid="review-met">达标</Checkbox>
                    </Form.Item>
                  </div>
                ))}
            </Fragment>
          ))}
          {entry.contest.mean !== null && <Typography.Paragraph>比武平均分：{entry.contest.mean}</Typography.Paragraph>}
          <Form.Item label="评定命名的红旗" name="flags" extra="只能在申报的红旗中评定，且该红旗的指标须全部达标">
            <Checkbox.Group data-testid="review-flags">
              <Space orientation="vertical">
                {declared.map((f) => {
                  const ok = flagRecommended(f.key, entry.criteria, met);
                  return (
                    <Checkbox key={f.key} value={f.key} disabled={!ok}>
                      {f.name}{' '}
                      <Tag color={ok ? 'success' : 'default'} style={{ marginInlineStart: 4 }}>
                        {ok ? '指标全部达标' : '指标未全部达标'}
                      </Tag>
                    </Checkbox>
                  );
                })}
              </Space>
            </Checkbox.Group>
          </Form.Item>
        </>
      )}

      {method === 'ratings' && (
        <>
          <Typography.Paragraph strong>测评结果（参考）</Typography.Paragraph>
          <BallotTallyView tally={entry.ballots} />
          <Form.Item
            label="评定等次"
            name="rating"
            rules={[{ required: true, message: '请选择评定等次' }]}
            extra={suggested ? `测评得票最多：${RATING_LABELS[suggested]}` : '暂无测评票'}
            style={{ marginTop: 16 }}
          >
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={RATINGS.map((r) => ({ value: r, label: RATING_LABELS[r] }))}
              data-testid="review-rating"
            />
          </Form.Item>
        </>
      )}

      {preview && <Alert type={preview.type} showIcon style={{ marginBottom: 16 }} title={preview.text} data-testid="review-preview" />}
      <Form.Item label="评定意见" name="note">
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} placeholder="选填" data-testid="review-note" />
      </Form.Item>
      {refusal && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title="不能提交" description={refusal} data-testid="review-refusal" />
      )}
      <Button type="primary" htmlType="submit" block loading={review.isPending} data-testid="review-submit">
        提交评定
      </Button>
    </Form>
  );
}
