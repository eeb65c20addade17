import {
  addYears,
  ageOn,
  BRANCH_TYPES,
  fullMemberDateProblem,
  GENDER_LABELS,
  type MemberUpdate,
  MIN_AGE,
  memberCreateSchema,
  memberFactProblems,
  memberUpdateSchema,
  type Occupation,
  parseIdNumber,
} from '@jishi/domain';
import { Alert, App, Checkbox, Col, DatePicker, Form, type FormRule, Input, Modal, Radio, Row, Select, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { DATE_FORMAT, dateStringField, today } from '../../../shared/dates';
import { showFieldErrors, showSchemaIssues } from '../../../shared/form-errors';
import { idOf } from '../../../shared/id-rules';
import { EDUCATION_OPTIONS, MEMBER_STATUS_OPTIONS, OCCUPATION_OPTIONS } from '../../../shared/labels';
import { PersonFields } from '../../../shared/PersonFields';
import { useIsMobile } from '../../../shared/use-is-mobile';
import { blankToUndefined, zodRule } from '../../../shared/zod-rule';
import { OrgSelect } from '../../orgs/components/OrgSelect';
import type { Org } from '../../orgs/orgs.api';
import { type Gender, type Member, type MemberStatus, useCreateMember, useUpdateMember } from '../members.api';

interface MemberFields {
  name: string;
  idNumber?: string;
  gender?: Gender;
  ethnicity: string;
  phone?: string;
  /** Edit only: remove the phone on record. */
  clearPhone?: boolean;
  orgId?: number;
  joinedAt?: string;
  status: MemberStatus;
  fullMemberAt?: string;
  education?: string;
  occupation?: Occupation;
  isFlowing: boolean;
  isInService: boolean;
}

/** Every form field the server may name in `details.field`. */
const FORM_FIELDS = [
  'name',
  'idNumber',
  'gender',
  'ethnicity',
  'phone',
  'orgId',
  'joinedAt',
  'status',
  'fullMemberAt',
  'education',
  'occupation',
  'isFlowing',
  'isInService',
] as const;

/** Per-field schemas; `required` rules report a missing value, so these run as optional. */
const fieldRules = memberCreateSchema.shape;

export type MemberFormTarget = { mode: 'create'; defaultOrg?: Pick<Org, 'id' | 'name'> } | { mode: 'edit'; member: Member };

const isFuture = (d: Dayjs) => d.format(DATE_FORMAT) > today();

/** The changed fields of `member`; cleared optional fields are `null` where the API allows clearing. */
const diff = (member: Member, values: MemberFields): MemberUpdate => {
  const patch: Record<string, unknown> = {};
  const set = <K extends keyof MemberUpdate>(key: K, next: unknown, current: unknown) => {
    if (next !== current) patch[key] = next;
  };
  set('name', values.name.trim(), member.name);
  set('gender', values.gender, member.gender);
  set('ethnicity', values.ethnicity, member.ethnicity);
  set('joinedAt', values.joinedAt, member.joinedAt);
  set('status', values.status, member.status);
  set('fullMemberAt', values.status === 'full' ? (values.fullMemberAt ?? null) : null, member.fullMemberAt);
  // 学历 and 人员类别 cannot be cleared through the API (not nullable), only changed.
  if (values.education) set('education', values.education, member.education);
  if (values.occupation) set('occupation', values.occupation, member.occupation);
  set('isFlowing', values.isFlowing, member.isFlowing);
  set('isInService', values.isInService, member.isInService);
  const phone = blankToUndefined(values.phone);
  if (phone !== undefined) patch.phone = String(phone).trim();
  else if (values.clearPhone && member.phone !== null) patch.phone = null;
  return patch as MemberUpdate;
};

/**
 * 登记党员 / 编辑: one form for both. The ID number is checked as it is typed (GB 11643) and gives the
 * birth date and gender; the record's cross-checks are the domain's (`memberFactProblems`), and a
 * field the server refuses is marked at that field.
 */
export function MemberFormModal({
  target,
  onClose,
  onSaved,
}: {
  target: MemberFormTarget;
  onClose: () => void;
  onSaved: (m: Member) => void;
}) {
  const [form] = Form.useForm<MemberFields>();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const create = useCreateMember();
  const update = useUpdateMember();
  const [pickedOrg, setPickedOrg] = useState<Org>();
  const isCreate = target.mode === 'create';
  const member = target.mode === 'edit' ? target.member : undefined;

  const idInput = Form.useWatch('idNumber', form);
  const status = Form.useWatch('status', form);
  const joinedAt = Form.useWatch('joinedAt', form);
  const parsedId = useMemo(() => (idInput?.trim() ? parseIdNumber(idInput, today()) : undefined), [idInput]);
  const parsed = parsedId?.ok ? parsedId.id : undefined;

  const initialValues: Partial<MemberFields> = member
    ? {
        name: member.name,
        gender: member.gender,
        ethnicity: member.ethnicity,
        joinedAt: member.joinedAt,
        status: member.status,
        fullMemberAt: member.fullMemberAt ?? undefined,
        education: member.education ?? undefined,
        occupation: member.occupation ?? undefined,
        isFlowing: member.isFlowing,
        isInService: member.isInService,
      }
    : {
        ethnicity: '汉族',
        status: 'full',
        orgId: target.mode === 'create' ? target.defaultOrg?.id : undefined,
        isFlowing: false,
        isInService: false,
      };

  const joinedRule: FormRule = ({ getFieldValue }) => ({
    validator: async (_, value: string | undefined) => {
      const born = idOf(getFieldValue)?.birthDate ?? member?.birthDate;
      if (value && born && ageOn(born, value) < MIN_AGE) {
        throw new Error(`入党时未满十八周岁（出生于${born}；党章第一条：年满十八岁）`);
      }
    },
  });
  const fullMemberRule: FormRule = ({ getFieldValue }) => ({
    validator: async (_, value: string | undefined) => {
      if (getFieldValue('status') !== 'full') return;
      if (!value) throw new Error('正式党员须填写转正日期');
      const joined = getFieldValue('joinedAt') as string | undefined;
      const problem = joined ? fullMemberDateProblem(joined, value) : null;
      if (problem) throw new Error(problem);
    },
  });
  const orgRule: FormRule = {
    validator: async (_, value: number | undefined) => {
      if (value === undefined) throw new Error('请选择所在党支部');
      if (pickedOrg && pickedOrg.id === value && !BRANCH_TYPES.includes(pickedOrg.type)) {
        throw new Error(`党员应编入党支部，「${pickedOrg.name}」不是党支部`);
      }
    },
  };

  const onServerError = (error: unknown) => {
    if (!showFieldErrors(form, error, FORM_FIELDS)) message.error(error instanceof Error ? error.message : '保存失败，请稍后重试');
  };

  const submitCreate = (values: MemberFields) => {
    const input = {
      name: values.name,
      gender: values.gender,
      ethnicity: values.ethnicity,
      idNumber: parsed?.value ?? values.idNumber,
      phone: blankToUndefined(values.phone),
      orgId: values.orgId,
      joinedAt: values.joinedAt,
      fullMemberAt: values.status === 'full' ? values.fullMemberAt : undefined,
      status: values.status,
      education: values.education,
      occupation: values.occupation,
      isFlowing: values.isFlowing,
      isInService: values.isInService,
    };
    const shape = memberCreateSchema.safeParse(input);
    if (!shape.success) {
      if (!showSchemaIssues(form, shape.error.issues, FORM_FIELDS)) message.error(shape.error.issues[0]?.message ?? '输入无效');
      return;
    }
    const { problems } = memberFactProblems(shape.data, today());
    if (problems.length > 0) {
      form.setFields(problems.map((p) => ({ name: p.field as keyof MemberFields, errors: [p.message] })));
      return;
    }
    create.mutate(shape.data, {
      onSuccess: (created) => {
        message.success(`已登记党员「${created.name}」`);
        onSaved(created);
      },
      onError: onServerError,
    });
  };

  const submitEdit = (current: Member, values: MemberFields) => {
    const patch = memberUpdateSchema.safeParse(diff(current, values));
    if (!patch.success) {
      message.error(patch.error.issues[0]?.message ?? '输入无效');
      return;
    }
    if (Object.keys(patch.data).length === 0) {
      onClose();
      return;
    }
    update.mutate(
      { id: current.id, patch: patch.data },
      {
        onSuccess: (saved) => {
          message.success('已保存');
          onSaved(saved);
        },
        onError: onServerError,
      },
    );
  };

  const idExtra = parsed ? (
    <Typography.Text type="success" data-testid="member-id-derived">
      出生日期 {parsed.birthDate} · 性别 {GENDER_LABELS[parsed.gender]} · {ageOn(parsed.birthDate, today())} 岁
    </Typography.Text>
  ) : (
    '18位号码，末位可为X；15位旧号码自动升位'
  );
  const onTimeFullDate = joinedAt ? addYears(joinedAt, 1) : undefined;

  return (
    <Modal
      open
      title={member ? `编辑党员 · ${member.name}` : '登记党员'}
      okText="保存"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      width={760}
      style={isMobile ? { top: 8 } : undefined}
    >
      <Form<MemberFields>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        autoComplete="off"
        onFinish={(values) => (member ? submitEdit(member, values) : submitCreate(values))}
        onValuesChange={(changed: Partial<MemberFields>) => {
          // The ID decides the gender: fill it in as soon as the number is valid.
          if ('idNumber' in changed && changed.idNumber) {
            const result = parseIdNumber(changed.idNumber, today());
            if (result.ok) {
              form.setFieldValue('gender', result.id.gender);
              void form.validateFields(['gender']).catch(() => undefined);
            }
          }
          if (changed.status === 'probationary') form.setFieldValue('fullMemberAt', undefined);
        }}
        data-testid="member-form"
      >
        {member && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={`公民身份号码 ${member.idNumber} · 所在支部 ${member.orgName}：身份证号不可修改，调整所在支部请办理组织关系转接。`}
          />
        )}
        <Row gutter={16}>
          <PersonFields withIdNumber={isCreate} idExtra={idExtra} genderFromId={Boolean(parsed)} testIdPrefix="member-form" />
          <Col xs={24} sm={12}>
            <Form.Item
              label="手机号码"
              name="phone"
              rules={[zodRule(fieldRules.phone)]}
              extra={member?.phone ? `已登记 ${member.phone}；留空则不修改` : undefined}
            >
              <Input maxLength={20} inputMode="tel" placeholder={member?.phone ? '输入新号码' : undefined} />
            </Form.Item>
            {member?.phone && (
              <Form.Item name="clearPhone" valuePropName="checked" style={{ marginTop: -16 }}>
                <Checkbox>删除已登记的手机号码</Checkbox>
              </Form.Item>
            )}
          </Col>
          {isCreate && (
            <Col xs={24} sm={12}>
              <Form.Item label="所在党支部" name="orgId" required rules={[orgRule]} extra="党员应编入党支部（含联合党支部、临时党支部）">
                <OrgSelect
                  seeds={target.mode === 'create' && target.defaultOrg ? [target.defaultOrg] : []}
                  onChange={(_, org) => setPickedOrg(org)}
                  placeholder="输入支部名称或拼音首字母搜索"
                />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} sm={12}>
            <Form.Item
              label="入党日期"
              name="joinedAt"
              dependencies={['idNumber']}
              rules={[{ required: true, message: '请选择入党日期' }, joinedRule]}
              {...dateStringField}
            >
              <DatePicker style={{ width: '100%' }} disabledDate={isFuture} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="状态" name="status" rules={[{ required: true, message: '请选择状态' }]}>
              <Radio.Group options={MEMBER_STATUS_OPTIONS} optionType="button" />
            </Form.Item>
          </Col>
          {status === 'full' && (
            <Col xs={24} sm={12}>
              <Form.Item
                label="转正日期"
                name="fullMemberAt"
                required
                dependencies={['status', 'joinedAt']}
                rules={[fullMemberRule]}
                extra={onTimeFullDate ? `按期转正为 ${onTimeFullDate}（预备期一年，可延长一次、最长一年）` : undefined}
                {...dateStringField}
              >
                <DatePicker style={{ width: '100%' }} disabledDate={isFuture} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} sm={12}>
            <Form.Item label="学历" name="education">
              <Select options={EDUCATION_OPTIONS} allowClear={isCreate} placeholder="请选择" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="人员类别" name="occupation">
              <Select options={OCCUPATION_OPTIONS} allowClear={isCreate} placeholder="请选择" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item label="流动党员" name="isFlowing" valuePropName="checked">
              <Switch checkedChildren="是" unCheckedChildren="否" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item label="在职党员" name="isInService" valuePropName="checked">
              <Switch checkedChildren="是" unCheckedChildren="否" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
