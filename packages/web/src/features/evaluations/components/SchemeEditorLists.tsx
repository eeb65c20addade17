import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  BINDING_LABELS,
  BINDINGS,
  type Binding,
  criterionSchema,
  flagSchema,
  levelSchema,
  type Method,
  type OrgDomain,
  STEP_ACTOR_LABELS,
  STEP_KIND_LABELS,
  STEP_KINDS,
  type StepKind,
  schemeStepSchema,
} from '@jishi/domain';
import { Alert, Button, Card, Checkbox, Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { ORG_DOMAIN_OPTIONS, optionsOf } from '../../../shared/labels';
import { zodRule } from '../../../shared/zod-rule';
import { PointsInput } from './evaluation-display';

/** A criterion as the form holds it: anything may still be blank (InputNumber clears to null). */
export interface CriterionRow {
  key?: string;
  text?: string;
  basis?: string;
  maxDeduction?: number | null;
  rule?: string;
  veto?: boolean;
  points?: number | null;
  flag?: string;
  domains?: OrgDomain[];
  binding?: Binding | null;
}

export interface LevelRow {
  key?: string;
  name?: string;
  minScore?: number | null;
}

export interface FlagRow {
  key?: string;
  name?: string;
}

export interface StepRow {
  kind?: StepKind;
  name?: string;
}

/** The lists whose whole-list problems (duplicates, order, missing items) show above the list. */
export const SECTIONS = ['criteria', 'levels', 'flags', 'steps'] as const;
export type Section = (typeof SECTIONS)[number];
export type SectionProblems = Partial<Record<Section, string[]>>;

/** Anchor of a section, for scrolling to its problem. */
export const sectionId = (section: Section) => `scheme-editor-${section}`;

/** `c1`, `c2`…: one past the highest `<prefix><n>` in use, so a suggestion never repeats a key. */
export const nextKey = (prefix: string, rows: readonly { key?: string }[] | undefined): string => {
  const pattern = new RegExp(`^${prefix}(\\d+)$`);
  const top = Math.max(0, ...(rows ?? []).map((r) => Number(pattern.exec(r.key ?? '')?.[1] ?? 0)));
  return `${prefix}${top + 1}`;
};

const BINDING_OPTIONS = BINDINGS.map((b) => ({ value: b, label: `${BINDING_LABELS[b].name}（${BINDING_LABELS[b].unit}）` }));
const STEP_KIND_OPTIONS = optionsOf(STEP_KINDS, STEP_KIND_LABELS).map((o) => ({ ...o, title: STEP_ACTOR_LABELS[o.value] }));

const item = { style: { marginBottom: 8 } };

/**
 * A required field checked by the domain: a blank is read as `''` so the schema's own 「请填写…」
 * shows rather than a type error about `undefined`.
 */
export const requiredRule = (schema: Parameters<typeof zodRule>[0]) =>
  zodRule({ safeParse: (value: unknown) => schema.safeParse(value ?? '') });

/** Up, down, insert below and remove for the row at `index` of `count`. */
function RowActions({
  index,
  count,
  what,
  move,
  remove,
  insert,
  testId,
}: {
  index: number;
  count: number;
  /** What a row is, for the buttons' accessible names (指标, 等次…). */
  what: string;
  move: (from: number, to: number) => void;
  remove: (index: number) => void;
  insert?: () => void;
  testId: string;
}) {
  const n = `第${index + 1}个${what}`;
  return (
    <Space.Compact>
      <Button
        icon={<ArrowUpOutlined />}
        disabled={index === 0}
        onClick={() => move(index, index - 1)}
        aria-label={`上移${n}`}
        title="上移"
        data-testid={`${testId}-up`}
      />
      <Button
        icon={<ArrowDownOutlined />}
        disabled={index === count - 1}
        onClick={() => move(index, index + 1)}
        aria-label={`下移${n}`}
        title="下移"
        data-testid={`${testId}-down`}
      />
      {insert && <Button icon={<PlusOutlined />} onClick={insert} aria-label={`在${n}下方插入`} title="在下方插入" />}
      <Button
        danger
        icon={<DeleteOutlined />}
        onClick={() => remove(index)}
        aria-label={`删除${n}`}
        title="删除"
        data-testid={`${testId}-remove`}
      />
    </Space.Compact>
  );
}

/** One numbered row of a short list (等次, 红旗, 环节): its fields, then the row actions. */
function NumberedRow({
  index,
  count,
  what,
  move,
  remove,
  testId,
  children,
}: Omit<Parameters<typeof RowActions>[0], 'insert'> & { children: ReactNode }) {
  return (
    <Row gutter={8} wrap={false} align="top" data-testid={testId}>
      <Col flex="none" style={{ paddingTop: 6, width: 28 }}>
        <Typography.Text type="secondary">{index + 1}.</Typography.Text>
      </Col>
      <Col flex="auto" style={{ minWidth: 0 }}>
        <Row gutter={8}>{children}</Row>
      </Col>
      <Col flex="none">
        <RowActions index={index} count={count} what={what} move={move} remove={remove} testId={testId} />
      </Col>
    </Row>
  );
}

/** The dashed 添加… button under a list. */
function AddRow({ label, onClick, disabled, testId }: { label: string; onClick: () => void; disabled?: boolean; testId: string }) {
  return (
    <Button
      type="dashed"
      block
      icon={<PlusOutlined />}
      disabled={disabled}
      onClick={onClick}
      style={{ marginBottom: 12 }}
      data-testid={testId}
    >
      {label}
    </Button>
  );
}

/** A section's whole-list problems, from the domain's check or the server. */
function SectionAlert({ problems }: { problems?: string[] }) {
  if (!problems || problems.length === 0) return null;
  return <Alert type="error" showIcon title={problems.join('；')} style={{ marginBottom: 12 }} data-testid="scheme-section-problem" />;
}

/** A section's heading, with its anchor for scrolling. */
function SectionTitle({ section, children, extra }: { section: Section; children: ReactNode; extra?: ReactNode }) {
  return (
    <div id={sectionId(section)} style={{ marginTop: 24, marginBottom: 12, scrollMarginTop: 8 }}>
      <Typography.Title level={5} style={{ marginBottom: 0 }}>
        {children}
      </Typography.Title>
      {extra && <Typography.Text type="secondary">{extra}</Typography.Text>}
    </div>
  );
}

/** What each method asks of an item, said once above the list. */
const CRITERIA_HINTS: Record<Method, string> = {
  deduction: '每项填写最高扣分，评定时逐项扣分',
  levels: '按分数定等次时每项填写分值',
  flags: '每项指标归属一面红旗',
  ratings: '述职评议的内容要点',
};

/**
 * 指标: key, text, basis, the domains it is written for and an optional figure read from the
 * records, for every method; then what the method scores (扣分 and 一票否决, 分值, or the flag).
 */
export function CriteriaList({
  method,
  flags,
  problems,
}: {
  method?: Method;
  /** The scheme's flags as the form holds them, for 所属红旗. */
  flags: readonly FlagRow[];
  problems?: string[];
}) {
  const form = Form.useFormInstance();
  // The flag joins the second line of each item: four fields there, else three.
  const span = method === 'flags' ? 6 : 8;
  const flagOptions = flags.filter((f) => f.key).map((f) => ({ value: f.key as string, label: f.name || f.key }));
  // A new item takes the flag and domains of the one above it: flag indicators come in runs.
  const blank = (above?: CriterionRow): CriterionRow => ({
    key: nextKey('c', form.getFieldValue('criteria')),
    ...(method === 'flags' && above ? { flag: above.flag, domains: above.domains } : {}),
  });

  return (
    <Form.List name="criteria">
      {(fields, { add, remove, move }) => (
        <>
          <SectionTitle section="criteria" extra={method && CRITERIA_HINTS[method]}>
            指标（{fields.length}项）
          </SectionTitle>
          <SectionAlert problems={problems} />
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              title={`第${index + 1}项`}
              extra={
                <RowActions
                  index={index}
                  count={fields.length}
                  what="指标"
                  move={move}
                  remove={remove}
                  insert={() => add(blank(form.getFieldValue(['criteria', field.name])), index + 1)}
                  testId="scheme-criterion"
                />
              }
              style={{ marginBottom: 12 }}
              styles={{ body: { paddingBottom: 4 } }}
              data-testid="scheme-criterion"
            >
              <Row gutter={12}>
                <Col xs={24} sm={6} md={4}>
                  <Form.Item label="编码" name={[field.name, 'key']} required rules={[requiredRule(criterionSchema.shape.key)]} {...item}>
                    <Input maxLength={32} data-testid="scheme-criterion-key" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={18} md={20}>
                  <Form.Item label="内容" name={[field.name, 'text']} required rules={[requiredRule(criterionSchema.shape.text)]} {...item}>
                    <Input.TextArea maxLength={300} autoSize={{ minRows: 1, maxRows: 4 }} data-testid="scheme-criterion-text" />
                  </Form.Item>
                </Col>
                {method === 'flags' && (
                  <Col xs={24} md={span}>
                    <Form.Item label="所属红旗" name={[field.name, 'flag']} required {...item}>
                      <Select
                        options={flagOptions}
                        placeholder="选择红旗"
                        notFoundContent="请先在下方「红旗」中添加"
                        data-testid="scheme-criterion-flag"
                      />
                    </Form.Item>
                  </Col>
                )}
                <Col xs={24} md={span}>
                  <Form.Item label="依据" name={[field.name, 'basis']} rules={[zodRule(criterionSchema.shape.basis)]} {...item}>
                    <Input maxLength={200} placeholder="条例、文件条款（可选）" data-testid="scheme-criterion-basis" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={span}>
                  {/* Every method: an org is judged on the items written for its domain. */}
                  <Form.Item label="适用领域" name={[field.name, 'domains']} {...item}>
                    <Select
                      mode="multiple"
                      options={ORG_DOMAIN_OPTIONS}
                      allowClear
                      maxTagCount="responsive"
                      placeholder="全部领域"
                      optionFilterProp="label"
                      data-testid="scheme-criterion-domains"
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={span}>
                  <Form.Item
                    label="系统取数"
                    name={[field.name, 'binding']}
                    tooltip="自评时从系统记录中读取该项数据，无需参评组织填报"
                    {...item}
                  >
                    <Select options={BINDING_OPTIONS} allowClear placeholder="不取数" data-testid="scheme-criterion-binding" />
                  </Form.Item>
                </Col>
                {method === 'deduction' && (
                  <>
                    <Col xs={12} md={6}>
                      <Form.Item
                        label="最高扣分"
                        name={[field.name, 'maxDeduction']}
                        required
                        rules={[zodRule(criterionSchema.shape.maxDeduction)]}
                        {...item}
                      >
                        <PointsInput style={{ width: '100%' }} data-testid="scheme-criterion-max-deduction" />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={4}>
                      <Form.Item label="一票否决" name={[field.name, 'veto']} valuePropName="checked" {...item}>
                        <Checkbox data-testid="scheme-criterion-veto">是</Checkbox>
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={14}>
                      <Form.Item label="扣分标准" name={[field.name, 'rule']} rules={[zodRule(criterionSchema.shape.rule)]} {...item}>
                        <Input maxLength={200} placeholder="如：每缺1次扣2分" data-testid="scheme-criterion-rule" />
                      </Form.Item>
                    </Col>
                  </>
                )}
                {method === 'levels' && (
                  <>
                    <Col xs={12} md={6}>
                      <Form.Item label="分值" name={[field.name, 'points']} rules={[zodRule(criterionSchema.shape.points)]} {...item}>
                        <PointsInput style={{ width: '100%' }} data-testid="scheme-criterion-points" />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={4}>
                      {/* Not scored for this method: the reviewer sees it marked on the sheet. */}
                      <Form.Item label="一票否决" name={[field.name, 'veto']} valuePropName="checked" {...item}>
                        <Checkbox data-testid="scheme-criterion-veto">是</Checkbox>
                      </Form.Item>
                    </Col>
                  </>
                )}
              </Row>
            </Card>
          ))}
          <AddRow
            label="添加指标"
            onClick={() => add(blank(form.getFieldValue(['criteria', fields.length - 1])))}
            testId="scheme-criterion-add"
          />
        </>
      )}
    </Form.List>
  );
}

/** 等次, best first: key, name and the lowest score of the band (optional when judged without scores). */
export function LevelsList({ method, problems }: { method: Method; problems?: string[] }) {
  const form = Form.useFormInstance();
  return (
    <Form.List name="levels">
      {(fields, { add, remove, move }) => (
        <>
          <SectionTitle
            section="levels"
            extra={method === 'deduction' ? '从高到低排列，填写每个等次的最低分，最低等次为0分' : '从高到低排列；按分数定等次时填写分数线'}
          >
            等次
          </SectionTitle>
          <SectionAlert problems={problems} />
          {fields.map((field, index) => (
            <NumberedRow key={field.key} index={index} count={fields.length} what="等次" move={move} remove={remove} testId="scheme-level">
              <Col xs={12} md={6}>
                <Form.Item name={[field.name, 'key']} required rules={[requiredRule(levelSchema.shape.key)]} {...item}>
                  <Input maxLength={32} placeholder="编码" aria-label="等次编码" data-testid="scheme-level-key" />
                </Form.Item>
              </Col>
              <Col xs={12} md={10}>
                <Form.Item name={[field.name, 'name']} required rules={[requiredRule(levelSchema.shape.name)]} {...item}>
                  <Input maxLength={20} placeholder="名称，如 最强党支部" aria-label="等次名称" data-testid="scheme-level-name" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  name={[field.name, 'minScore']}
                  required={method === 'deduction'}
                  rules={[zodRule(levelSchema.shape.minScore)]}
                  {...item}
                >
                  <PointsInput
                    prefix="≥"
                    placeholder="分数线"
                    aria-label="分数线"
                    style={{ width: '100%' }}
                    data-testid="scheme-level-min-score"
                  />
                </Form.Item>
              </Col>
            </NumberedRow>
          ))}
          <AddRow label="添加等次" onClick={() => add({ key: nextKey('l', form.getFieldValue('levels')) })} testId="scheme-level-add" />
        </>
      )}
    </Form.List>
  );
}

/** 红旗 of the 「五面红旗」 method: key and name (the cap and the subsidy are scheme fields, outside the list). */
export function FlagsList({ problems }: { problems?: string[] }) {
  const form = Form.useFormInstance();
  return (
    <Form.List name="flags">
      {(fields, { add, remove, move }) => (
        <>
          <SectionTitle section="flags" extra="每面红旗须有指标；编码修改后请重新选择指标的所属红旗">
            红旗
          </SectionTitle>
          <SectionAlert problems={problems} />
          {fields.map((field, index) => (
            <NumberedRow key={field.key} index={index} count={fields.length} what="红旗" move={move} remove={remove} testId="scheme-flag">
              <Col xs={10} md={8}>
                <Form.Item name={[field.name, 'key']} required rules={[requiredRule(flagSchema.shape.key)]} {...item}>
                  <Input maxLength={32} placeholder="编码" aria-label="红旗编码" data-testid="scheme-flag-key" />
                </Form.Item>
              </Col>
              <Col xs={14} md={16}>
                <Form.Item name={[field.name, 'name']} required rules={[requiredRule(flagSchema.shape.name)]} {...item}>
                  <Input maxLength={20} placeholder="名称，如 党建示范" aria-label="红旗名称" data-testid="scheme-flag-name" />
                </Form.Item>
              </Col>
            </NumberedRow>
          ))}
          <AddRow label="添加红旗" onClick={() => add({ key: nextKey('f', form.getFieldValue('flags')) })} testId="scheme-flag-add" />
        </>
      )}
    </Form.List>
  );
}

/** 环节 in order: kind (what the engine does there) and the name the orgs read. */
export function StepsList({ problems }: { problems?: string[] }) {
  const form = Form.useFormInstance();
  // The kinds as rendered: the store already holds the new kind when onChange runs.
  const shown: StepRow[] | undefined = Form.useWatch('steps', { form, preserve: true });
  // A step's name follows its kind until the user writes one of their own.
  const pickKind = (index: number, kind: StepKind) => {
    const before = shown?.[index]?.kind;
    const name = form.getFieldValue(['steps', index, 'name']) as string | undefined;
    if (!name?.trim() || (before && name === STEP_KIND_LABELS[before]))
      form.setFieldValue(['steps', index, 'name'], STEP_KIND_LABELS[kind]);
  };
  const unused = () => {
    const taken = new Set(((form.getFieldValue('steps') ?? []) as StepRow[]).map((s) => s.kind));
    const kind = STEP_KINDS.find((k) => !taken.has(k));
    return kind ? { kind, name: STEP_KIND_LABELS[kind] } : {};
  };
  return (
    <Form.List name="steps">
      {(fields, { add, remove, move }) => (
        <>
          <SectionTitle section="steps" extra="须包含评定和审定，审定之后紧接公示">
            环节
          </SectionTitle>
          <SectionAlert problems={problems} />
          {fields.map((field, index) => (
            <NumberedRow key={field.key} index={index} count={fields.length} what="环节" move={move} remove={remove} testId="scheme-step">
              <Col xs={24} md={9}>
                <Form.Item name={[field.name, 'kind']} required rules={[requiredRule(schemeStepSchema.shape.kind)]} {...item}>
                  <Select<StepKind>
                    options={STEP_KIND_OPTIONS}
                    placeholder="环节类型"
                    aria-label="环节类型"
                    onChange={(kind) => pickKind(field.name, kind)}
                    data-testid="scheme-step-kind"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={15}>
                <Form.Item name={[field.name, 'name']} required rules={[requiredRule(schemeStepSchema.shape.name)]} {...item}>
                  <Input maxLength={30} placeholder="环节名称" aria-label="环节名称" data-testid="scheme-step-name" />
                </Form.Item>
              </Col>
            </NumberedRow>
          ))}
          <AddRow label="添加环节" disabled={fields.length >= STEP_KINDS.length} onClick={() => add(unused())} testId="scheme-step-add" />
        </>
      )}
    </Form.List>
  );
}
