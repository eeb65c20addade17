import { CopyOutlined } from '@ant-design/icons';
import {
  DEFAULT_STEPS,
  fenToYuan,
  METHOD_LABELS,
  type Method,
  type OrgDomain,
  type OrgType,
  PROGRAMME_LABELS,
  PROGRAMME_METHOD,
  PROGRAMMES,
  type Programme,
  type SchemeInput,
  schemeInputSchema,
  schemeSchema,
} from '@jishi/domain';
import { Alert, App, Button, Col, Drawer, Form, type FormInstance, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../shared/api-client';
import { today } from '../../../shared/dates';
import { fieldProblemsOf } from '../../../shared/form-errors';
import { ORG_DOMAIN_OPTIONS, ORG_TYPE_OPTIONS, optionsOf } from '../../../shared/labels';
import { TouchTargets } from '../../../shared/ui/TouchTargets';
import { useIsMobile } from '../../../shared/use-is-mobile';
import { zodRule } from '../../../shared/zod-rule';
import { OrgSelect } from '../../orgs/components/OrgSelect';
import { type SchemeView, useCreateScheme, useUpdateScheme } from '../evaluations.api';
import { fenOf } from './evaluation-display';
import {
  CriteriaList,
  type CriterionRow,
  type FlagRow,
  FlagsList,
  type LevelRow,
  LevelsList,
  requiredRule,
  SECTIONS,
  type Section,
  type SectionProblems,
  type StepRow,
  StepsList,
  sectionId,
} from './SchemeEditorLists';

interface SchemeFields {
  /** New schemes only: the org that makes it (the server checks the user may manage there). */
  orgId?: number;
  programme?: Programme;
  name?: string;
  year?: number | null;
  domains: OrgDomain[];
  orgTypes: OrgType[];
  unitOrgs: boolean;
  criteria: CriterionRow[];
  levels: LevelRow[];
  topQuotaPercent?: number | null;
  vetoCap?: string | null;
  flags: FlagRow[];
  flagCap?: number | null;
  /** In yuan, as typed (`10,000`, `10000.5`); sent as the API's yuan string. */
  subsidyPerFlag?: string;
  steps: StepRow[];
}

/** Fields shown as one control each, where a problem named by the schema or the server is put. */
const FORM_FIELDS = [
  'orgId',
  'programme',
  'name',
  'year',
  'domains',
  'orgTypes',
  'unitOrgs',
  'topQuotaPercent',
  'vetoCap',
  'flagCap',
  'subsidyPerFlag',
] as const;

const PROGRAMME_OPTIONS = optionsOf(PROGRAMMES, PROGRAMME_LABELS);

/** Methods that award levels (分类定级 by score bands, the others judged or banded). */
const hasLevels = (method?: Method) => method === 'deduction' || method === 'levels';

/** The form leaves `''` and `null` behind for cleared inputs; the scheme has no such values. */
const given = <T,>(value: T | null | undefined): T | undefined => value ?? undefined;
const givenText = (value?: string): string | undefined => (value?.trim() ? value : undefined);

/** A criterion with only what its method scores: a changed programme leaves other fields behind. */
const criterionOf = (c: CriterionRow, method?: Method) => ({
  key: c.key,
  text: c.text,
  basis: givenText(c.basis),
  domains: c.domains?.length ? c.domains : undefined,
  binding: given(c.binding),
  ...(method === 'deduction' ? { maxDeduction: given(c.maxDeduction), rule: givenText(c.rule) } : {}),
  ...(method === 'levels' ? { points: given(c.points) } : {}),
  ...(hasLevels(method) && c.veto ? { veto: true } : {}),
  ...(method === 'flags' ? { flag: given(c.flag) } : {}),
});

/** The scheme the form describes, unchecked; `subsidy` is the yuan as the API takes it (`"10000.50"`). */
const schemeOf = (v: SchemeFields, subsidy: string | undefined) => {
  const method = v.programme ? PROGRAMME_METHOD[v.programme] : undefined;
  return {
    programme: v.programme,
    name: v.name,
    year: given(v.year),
    domains: v.domains ?? [],
    orgTypes: v.orgTypes ?? [],
    unitOrgs: v.unitOrgs ? true : undefined,
    criteria: (v.criteria ?? []).map((c) => criterionOf(c, method)),
    levels: hasLevels(method) ? (v.levels ?? []).map((l) => ({ key: l.key, name: l.name, minScore: given(l.minScore) })) : [],
    topQuotaPercent: method === 'deduction' ? given(v.topQuotaPercent) : undefined,
    vetoCap: method === 'deduction' ? given(v.vetoCap) : undefined,
    flags: method === 'flags' ? (v.flags ?? []).map((f) => ({ key: f.key, name: f.name })) : [],
    flagCap: method === 'flags' ? given(v.flagCap) : undefined,
    subsidyPerFlag: method === 'flags' ? subsidy : undefined,
    steps: (v.steps ?? []).map((s) => ({ kind: s.kind, name: s.name })),
  };
};

/** Fresh copies: the form must never write into the domain's constants. */
const defaultSteps = (programme?: Programme): StepRow[] =>
  programme ? DEFAULT_STEPS[PROGRAMME_METHOD[programme]].map((s) => ({ ...s })) : [];

const sameSteps = (a: readonly StepRow[] | undefined, b: readonly StepRow[]) =>
  JSON.stringify((a ?? []).map((s) => [s.kind, s.name])) === JSON.stringify(b.map((s) => [s.kind, s.name]));

const fieldsOf = (s: SchemeView): SchemeFields => ({
  programme: s.programme,
  name: s.name,
  year: s.year,
  domains: s.domains,
  orgTypes: s.orgTypes,
  unitOrgs: s.unitOrgs ?? false,
  criteria: s.criteria.map((c) => ({ ...c })),
  levels: s.levels.map((l) => ({ ...l })),
  topQuotaPercent: s.topQuotaPercent,
  vetoCap: s.vetoCap,
  flags: s.flags.map((f) => ({ ...f })),
  flagCap: s.flagCap,
  subsidyPerFlag: s.subsidyPerFlag,
  steps: s.steps.map((st) => ({ ...st })),
});

interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

/** A server field (`scheme.criteria.2.text`) as a form path. */
const pathOf = (field: string): (string | number)[] =>
  field
    .replace(/^scheme\./, '')
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/** Where each problem is shown: at its field, above its list, or in the footer when it names neither. */
const sortIssues = (issues: readonly Issue[]) => {
  const fields = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const sections: SectionProblems = {};
  const rest: string[] = [];
  for (const issue of issues) {
    const [head, index, leaf] = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const top = String(head);
    let name: (string | number)[] | undefined;
    if (SECTIONS.includes(top as Section) && typeof index === 'number' && typeof leaf === 'string') name = [top, index, leaf];
    else if ((FORM_FIELDS as readonly string[]).includes(top)) name = [top];
    if (name) {
      const at = name.join('.');
      fields.set(at, { name, errors: [...(fields.get(at)?.errors ?? []), issue.message] });
    } else if (SECTIONS.includes(top as Section)) {
      const section = top as Section;
      const row = typeof index === 'number' ? `第${index + 1}项：` : '';
      sections[section] = [...(sections[section] ?? []), `${row}${issue.message}`];
    } else rest.push(issue.message);
  }
  return { fields: [...fields.values()], sections, rest };
};

/**
 * 方案编辑: a new scheme, or one no round has used yet (a scheme in use is frozen; it is copied to a
 * new year instead). Basics and scope, the criteria as the programme's method scores them, levels,
 * flags with their cap and subsidy, and the steps. Each field is checked with the domain's schema
 * as it is typed, the whole scheme (duplicates, bands, step order) on save; the server checks again
 * and its refusal is shown where it points. Wide on a desk, full screen on a phone.
 */
export function SchemeEditorDrawer({
  scheme,
  programme: initialProgramme,
  year: initialYear,
  defaultOrgId,
  seeds,
  onClose,
  onCopy,
}: {
  /** The scheme to change; a new one is made when absent. */
  scheme?: SchemeView;
  /** A new scheme starts on these (the list's filter). */
  programme?: Programme;
  year?: number;
  defaultOrgId?: number;
  /** Orgs known before any search, so the org select shows names. */
  seeds: readonly { id: number; name: string }[];
  onClose: () => void;
  /** 复制为新年度, for a scheme found to be in use. */
  onCopy: (scheme: SchemeView) => void;
}) {
  const [form] = Form.useForm<SchemeFields>();
  const { message, modal } = App.useApp();
  const isMobile = useIsMobile();
  const create = useCreateScheme();
  const update = useUpdateScheme();
  const [sections, setSections] = useState<SectionProblems>({});
  const [refusal, setRefusal] = useState<{ messages: string[]; isLocked: boolean }>();
  const isNew = scheme === undefined;
  const [initialValues] = useState<SchemeFields>(() =>
    scheme
      ? fieldsOf(scheme)
      : {
          orgId: defaultOrgId,
          programme: initialProgramme,
          year: initialYear ?? Number(today().slice(0, 4)),
          domains: [],
          orgTypes: [],
          unitOrgs: false,
          criteria: [{ key: 'c1' }],
          levels: [],
          flags: [],
          steps: defaultSteps(initialProgramme),
        },
  );
  const programme: Programme | undefined = Form.useWatch('programme', form) ?? initialValues.programme;
  const levels: LevelRow[] = Form.useWatch('levels', form) ?? initialValues.levels;
  const flags: FlagRow[] = Form.useWatch('flags', form) ?? initialValues.flags;
  const method = programme ? PROGRAMME_METHOD[programme] : undefined;
  const isLocked = scheme?.locked === true || refusal?.isLocked === true;
  const isSaving = create.isPending || update.isPending;

  // The steps follow the method's defaults until the user changes them (`programme` is still the old one here).
  const pickProgramme = (next: Programme) => {
    if (sameSteps(form.getFieldValue('steps'), defaultSteps(programme))) form.setFieldValue('steps', defaultSteps(next));
  };

  /** Puts each problem where it belongs and scrolls to the first; answers the messages that name no place. */
  const showIssues = (issues: readonly Issue[]): string[] => {
    const sorted = sortIssues(issues);
    // The paths come from the schema or the server, not from this form's type.
    (form as FormInstance).setFields(sorted.fields);
    setSections(sorted.sections);
    const first = sorted.fields[0];
    const section = SECTIONS.find((s) => sorted.sections[s]);
    if (first) form.scrollToField(first.name, { block: 'center' });
    else if (section) document.getElementById(sectionId(section))?.scrollIntoView({ block: 'start' });
    return sorted.rest;
  };

  const submit = (values: SchemeFields) => {
    setRefusal(undefined);
    setSections({});
    const typed = values.subsidyPerFlag?.trim();
    const fen = typed ? fenOf(typed) : undefined;
    if (fen === null) return; // the field's own rule already says why
    const described = schemeOf(values, fen === undefined ? undefined : fenToYuan(fen));
    const shape = schemeInputSchema.safeParse(described);
    if (!shape.success) {
      const rest = showIssues(shape.error.issues);
      if (rest.length > 0) setRefusal({ messages: rest, isLocked: false });
      return;
    }
    const done = (saved: SchemeView) => {
      message.success(`已保存方案「${saved.name}」`);
      onClose();
    };
    const refused = (error: Error) => {
      const placed = fieldProblemsOf(error).map((p) => ({ path: pathOf(p.field), message: p.message }));
      const rest = showIssues(placed);
      if (placed.length === 0 || rest.length > 0)
        setRefusal({
          messages: placed.length === 0 ? [isApiError(error) ? error.message : '保存失败，请稍后重试'] : rest,
          // A round started on it meanwhile: only a copy can change now.
          isLocked: !isNew && isApiError(error) && error.code === 'RULE_VIOLATION',
        });
    };
    // Sent as checked, not as parsed: the server reads the yuan into the definition's fen itself.
    const input = described as SchemeInput;
    if (scheme) update.mutate({ id: scheme.id, scheme: input }, { onSuccess: done, onError: refused });
    else if (values.orgId !== undefined) create.mutate({ orgId: values.orgId, scheme: input }, { onSuccess: done, onError: refused });
  };

  const close = () => {
    if (isLocked || !form.isFieldsTouched()) return onClose();
    modal.confirm({
      title: '放弃未保存的修改？',
      content: '关闭后本次填写的内容不会保存。',
      okText: '放弃修改',
      okButtonProps: { danger: true },
      cancelText: '继续编辑',
      onOk: onClose,
    });
  };

  const footer = (
    <>
      {refusal && (
        <Alert
          type="error"
          showIcon
          title={refusal.messages.join('；')}
          action={
            refusal.isLocked &&
            scheme && (
              <Button size="small" icon={<CopyOutlined />} onClick={() => onCopy(scheme)}>
                复制为新年度
              </Button>
            )
          }
          style={{ marginBottom: 8 }}
          data-testid="scheme-editor-refusal"
        />
      )}
      <div style={{ display: 'flex', gap: 8, justifyContent: 'flex-end' }}>
        <Button onClick={close} style={isMobile ? { flex: 1 } : undefined} data-testid="scheme-editor-cancel">
          {isLocked ? '关闭' : '取消'}
        </Button>
        {!isLocked && (
          <Button
            type="primary"
            loading={isSaving}
            onClick={() => form.submit()}
            style={isMobile ? { flex: 2 } : undefined}
            data-testid="scheme-editor-save"
          >
            保存
          </Button>
        )}
      </div>
    </>
  );

  const subsidyRule = {
    validator: async (_: unknown, value?: string) => {
      if (value?.trim() && fenOf(value) === null) throw new Error('请填写金额，如 10000 或 10000.50');
    },
  };

  return (
    <TouchTargets>
      <Drawer
        open
        title={isNew ? '新建评选方案' : `编辑方案 · ${scheme.name}`}
        size={isMobile ? '100%' : 'min(1080px, 100vw)'}
        onClose={close}
        footer={footer}
        maskClosable={false}
        destroyOnHidden
        data-testid="scheme-editor"
      >
        {scheme?.locked && (
          <Alert
            type="warning"
            showIcon
            title={`本方案已用于${scheme.rounds}轮评选，不能再修改`}
            description="已开展的评选按原方案进行；如需调整，请复制为新年度后修改。"
            action={
              <Button size="small" icon={<CopyOutlined />} onClick={() => onCopy(scheme)}>
                复制为新年度
              </Button>
            }
            style={{ marginBottom: 16 }}
            data-testid="scheme-editor-locked"
          />
        )}
        <Form<SchemeFields>
          form={form}
          layout="vertical"
          autoComplete="off"
          disabled={isLocked}
          initialValues={initialValues}
          onFinish={submit}
          onValuesChange={() => {
            if (Object.keys(sections).length > 0) setSections({});
            if (refusal && !refusal.isLocked) setRefusal(undefined);
          }}
          scrollToFirstError={{ block: 'center' }}
          data-testid="scheme-editor-form"
        >
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                label="评选项目"
                name="programme"
                required
                rules={[requiredRule(schemeSchema.shape.programme)]}
                extra={method && `评定方法：${METHOD_LABELS[method]}`}
              >
                <Select<Programme>
                  options={PROGRAMME_OPTIONS}
                  disabled={!isNew}
                  onChange={pickProgramme}
                  placeholder="选择评选项目"
                  data-testid="scheme-editor-programme"
                />
              </Form.Item>
            </Col>
            {isNew && (
              <Col xs={24} md={12}>
                <Form.Item
                  label="制定单位"
                  name="orgId"
                  rules={[{ required: true, message: '请选择制定方案的党组织' }]}
                  extra="本单位及下级党组织开展评选时可使用"
                >
                  <OrgSelect seeds={seeds} data-testid="scheme-editor-org" />
                </Form.Item>
              </Col>
            )}
            <Col xs={24} md={isNew ? 16 : 8}>
              <Form.Item label="方案名称" name="name" required rules={[requiredRule(schemeSchema.shape.name)]}>
                <Input maxLength={60} placeholder="如：2026年党支部分类定级" data-testid="scheme-editor-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={isNew ? 8 : 4}>
              <Form.Item label="年度" name="year" required rules={[zodRule(schemeSchema.shape.year)]}>
                <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} data-testid="scheme-editor-year" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="适用领域" name="domains">
                <Select<OrgDomain[]>
                  mode="multiple"
                  options={ORG_DOMAIN_OPTIONS}
                  allowClear
                  placeholder="全部领域"
                  optionFilterProp="label"
                  data-testid="scheme-editor-domains"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="适用组织类型" name="orgTypes">
                <Select<OrgType[]>
                  mode="multiple"
                  options={ORG_TYPE_OPTIONS}
                  allowClear
                  placeholder="全部类型"
                  optionFilterProp="label"
                  data-testid="scheme-editor-org-types"
                />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item
                label="仅单位最上层党组织"
                name="unitOrgs"
                valuePropName="checked"
                extra="开启后每个单位只由最上层的党组织参评（如学校党委，或学校唯一的党支部）"
              >
                <Switch checkedChildren="是" unCheckedChildren="否" data-testid="scheme-editor-unit-orgs" />
              </Form.Item>
            </Col>
          </Row>

          <CriteriaList method={method} flags={flags} problems={sections.criteria} />

          {method && hasLevels(method) && <LevelsList method={method} problems={sections.levels} />}
          {method === 'deduction' && (
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item
                  label="最高等次比例上限"
                  name="topQuotaPercent"
                  rules={[zodRule(schemeSchema.shape.topQuotaPercent)]}
                  extra="评为最高等次的组织不超过参评总数的比例（可选）"
                >
                  <InputNumber min={1} max={100} precision={0} suffix="%" style={{ width: '100%' }} data-testid="scheme-top-quota" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item label="一票否决后最高等次" name="vetoCap" extra="设有一票否决项时必填">
                  <Select
                    options={levels.filter((l) => l.key).map((l) => ({ value: l.key as string, label: l.name || l.key }))}
                    allowClear
                    placeholder="选择等次"
                    notFoundContent="请先添加等次"
                    data-testid="scheme-veto-cap"
                  />
                </Form.Item>
              </Col>
            </Row>
          )}

          {method === 'flags' && (
            <>
              <FlagsList problems={sections.flags} />
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item label="每轮每个组织最多争创" name="flagCap" rules={[zodRule(schemeSchema.shape.flagCap)]}>
                    <InputNumber min={1} max={10} precision={0} suffix="面" style={{ width: '100%' }} data-testid="scheme-flag-cap" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label="每面补贴（元）" name="subsidyPerFlag" rules={[subsidyRule]} extra="用于红旗工作补贴资金清单（可选）">
                    <Input inputMode="decimal" suffix="元" placeholder="如 10000.00" data-testid="scheme-subsidy" />
                  </Form.Item>
                </Col>
              </Row>
            </>
          )}

          <StepsList problems={sections.steps} />
          {isNew && !programme && <Typography.Text type="secondary">选择评选项目后按其评定方法填入默认环节。</Typography.Text>}
        </Form>
      </Drawer>
    </TouchTargets>
  );
}
