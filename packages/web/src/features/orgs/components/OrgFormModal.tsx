import { JOINT_BRANCH_MAX_UNITS, type OrgUpdate, orgCreateSchema, orgUpdateSchema } from '@jishi/domain';
import { App, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import { dateStringField } from '../../../shared/dates';
import { FormModal, type SubmitContext } from '../../../shared/FormModal';
import { ORG_DOMAIN_OPTIONS, ORG_TYPE_OPTIONS } from '../../../shared/labels';
import { blankToUndefined, zodRule } from '../../../shared/zod-rule';
import { type Org, useCreateOrg, useUpdateOrg } from '../orgs.api';
import { DivisionPicker } from './DivisionPicker';

type OrgFields = Pick<Org, 'name' | 'code' | 'type' | 'domain' | 'divisionCode' | 'foundedAt' | 'unit' | 'unitsCovered'>;
const FIELDS = ['name', 'code', 'type', 'domain', 'divisionCode', 'foundedAt', 'unit', 'unitsCovered'] as const;
const fieldRules = orgCreateSchema.shape;

export type OrgFormTarget = { mode: 'create'; parent: Org } | { mode: 'edit'; org: Org };

/** The changed fields of `org`, with cleared optional fields sent as `null`. */
const diff = (org: Org, values: Partial<OrgFields>): OrgUpdate => {
  const patch: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const next = blankToUndefined(values[field]) ?? null;
    if (next !== org[field]) patch[field] = next;
  }
  return patch as OrgUpdate;
};

/** 新增下级组织 / 编辑: one form for both, validated with the domain's org schema. */
export function OrgFormModal({ target, onClose, onSaved }: { target: OrgFormTarget; onClose: () => void; onSaved: (org: Org) => void }) {
  const [form] = Form.useForm<OrgFields>();
  const { message } = App.useApp();
  const create = useCreateOrg();
  const update = useUpdateOrg();
  const isCreate = target.mode === 'create';
  const type = Form.useWatch('type', form);
  const initialValues: Partial<OrgFields> = isCreate
    ? {
        type: 'branch',
        domain: target.parent.domain === 'mixed' ? undefined : target.parent.domain,
        divisionCode: target.parent.divisionCode,
      }
    : target.org;

  const submit = async (values: OrgFields, { check }: SubmitContext) => {
    if (target.mode === 'create') {
      const input = Object.fromEntries(FIELDS.map((f) => [f, blankToUndefined(values[f])]));
      const parsed = check(orgCreateSchema, { ...input, parentId: target.parent.id });
      if (parsed === undefined) return;
      const org = await create.mutateAsync(parsed);
      message.success(`已新增「${org.name}」`);
      onSaved(org);
      return;
    }
    const patch = check(orgUpdateSchema, diff(target.org, values));
    if (patch === undefined) return;
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    const org = await update.mutateAsync({ id: target.org.id, patch });
    message.success('已保存');
    onSaved(org);
  };

  return (
    <FormModal<OrgFields>
      form={form}
      title={isCreate ? `新增下级组织 · ${target.parent.name}` : `编辑 · ${target.org.name}`}
      onClose={onClose}
      onSubmit={submit}
      fields={FIELDS}
      initialValues={initialValues}
      testId="org-form"
    >
      <Form.Item label="名称" name="name" rules={[{ required: true, message: '请输入名称' }, zodRule(fieldRules.name)]}>
        <Input maxLength={100} placeholder="如：中共某某嘎查党支部委员会" />
      </Form.Item>
      <Form.Item label="组织代码" name="code" rules={[{ required: true, message: '请输入组织代码' }, zodRule(fieldRules.code)]}>
        <Input maxLength={32} />
      </Form.Item>
      <Form.Item label="组织类型" name="type" rules={[{ required: true, message: '请选择组织类型' }]}>
        <Select options={ORG_TYPE_OPTIONS} />
      </Form.Item>
      <Form.Item label="领域" name="domain" rules={[{ required: true, message: '请选择领域' }]}>
        <Select options={ORG_DOMAIN_OPTIONS} />
      </Form.Item>
      <Form.Item label="行政区划" name="divisionCode" rules={[zodRule(fieldRules.divisionCode)]}>
        <DivisionPicker />
      </Form.Item>
      <Form.Item label="成立日期" name="foundedAt" {...dateStringField}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label="所在单位" name="unit" rules={[zodRule(fieldRules.unit)]}>
        <Input maxLength={100} />
      </Form.Item>
      {type === 'joint_branch' && (
        <Form.Item
          label="覆盖单位数"
          name="unitsCovered"
          extra={`联合党支部覆盖单位一般不超过${JOINT_BRANCH_MAX_UNITS}个（支部工作条例第五条）`}
          rules={[zodRule(fieldRules.unitsCovered)]}
        >
          <InputNumber min={1} max={99} precision={0} style={{ width: '100%' }} data-testid="org-units-covered" />
        </Form.Item>
      )}
    </FormModal>
  );
}
