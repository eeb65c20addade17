import {
  addYears,
  ageOn,
  BRANCH_TYPES,
  fullMemberDateProblem,
  GENDER_LABELS,
  MAX_EXTENSION_MONTHS,
  type MemberCreate,
  memberCreateSchema,
  memberFactProblems,
  type Occupation,
  PROBATION_YEARS,
  parseIdNumber,
  underAgeProblem,
} from '@jishi/domain';
import { Checkbox, Col, DatePicker, Form, type FormInstance, type FormRule, Input, Radio, Select, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { DATE_FORMAT, dateStringField, today } from '../../../shared/dates';
import { idOf } from '../../../shared/id-rules';
import { EDUCATION_OPTIONS, MEMBER_STATUS_OPTIONS, OCCUPATION_OPTIONS } from '../../../shared/labels';
import { PersonFields } from '../../../shared/PersonFields';
import { blankToUndefined, zodRule } from '../../../shared/zod-rule';
import { OrgSelect } from '../../orgs/components/OrgSelect';
import type { Org } from '../../orgs/orgs.api';
import type { Gender, Member, MemberStatus } from '../members.api';

/** The member fields of a form (登记党员, 编辑, 登记系统外转入). */
export interface MemberFieldValues {
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

/** Every member field the server may name in `details.field`. */
export const MEMBER_FIELD_NAMES = [
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

/** Starting values of a new member's record, in `orgId` when known. */
export const newMemberValues = (orgId?: number): Partial<MemberFieldValues> => ({
  ethnicity: '汉族',
  status: 'full',
  orgId,
  isFlowing: false,
  isInService: false,
});

/**
 * Keeps dependent fields in step as the user types (the form's `onValuesChange`): the ID decides
 * the gender as soon as the number is valid, and a 预备党员 has no 转正日期.
 */
export const syncMemberFields = (form: FormInstance, changed: Partial<MemberFieldValues>) => {
  if ('idNumber' in changed && changed.idNumber) {
    const result = parseIdNumber(changed.idNumber, today());
    if (result.ok) {
      form.setFieldValue('gender', result.id.gender);
      void form.validateFields(['gender']).catch(() => undefined);
    }
  }
  if (changed.status === 'probationary') form.setFieldValue('fullMemberAt', undefined);
};

/** A new member's record from the form: the ID normalised (15 digits become 18), blanks left out. */
export const memberCreateInputOf = (values: MemberFieldValues) => {
  const parsed = values.idNumber?.trim() ? parseIdNumber(values.idNumber, today()) : undefined;
  return {
    name: values.name,
    gender: values.gender,
    ethnicity: values.ethnicity,
    idNumber: parsed?.ok ? parsed.id.value : values.idNumber,
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
};

/**
 * The record's cross-checks (`memberFactProblems`, as the server runs them), shown at their fields.
 * True when the record passes.
 */
export const passesMemberFacts = (form: FormInstance, record: MemberCreate): boolean => {
  const { problems } = memberFactProblems(record, today());
  form.setFields(problems.map((p) => ({ name: p.field, errors: [p.message] })));
  return problems.length === 0;
};

const isFuture = (d: Dayjs) => d.format(DATE_FORMAT) > today();

/**
 * The fields of a member's record, for a grid `Row` of two columns inside a `Form` of
 * {@link MemberFieldValues}: the person fields, phone, branch (new records only), dates, status,
 * education, occupation and flags, each with the domain's rules. The ID number is checked as it
 * is typed and shows the birth date and gender it gives.
 */
export function MemberFields({
  member,
  defaultOrg,
  orgLabel = '所在党支部',
  testIdPrefix,
}: {
  /** The record being edited; a new one when omitted (then the ID and the branch are asked). */
  member?: Member;
  /** The branch a new record starts in, so its name shows. */
  defaultOrg?: Pick<Org, 'id' | 'name'>;
  orgLabel?: string;
  testIdPrefix: string;
}) {
  const form = Form.useFormInstance<MemberFieldValues>();
  const [pickedOrg, setPickedOrg] = useState<Org>();
  const isCreate = member === undefined;
  const idInput = Form.useWatch('idNumber', form);
  const status = Form.useWatch('status', form);
  const joinedAt = Form.useWatch('joinedAt', form);
  const parsedId = useMemo(() => (idInput?.trim() ? parseIdNumber(idInput, today()) : undefined), [idInput]);
  const parsed = parsedId?.ok ? parsedId.id : undefined;

  const joinedRule: FormRule = ({ getFieldValue }) => ({
    validator: async (_, value: string | undefined) => {
      const born = idOf(getFieldValue)?.birthDate ?? member?.birthDate;
      const underAge = value && born ? underAgeProblem(born, value) : null;
      if (underAge) throw new Error(underAge);
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
      if (value === undefined) throw new Error(`请选择${orgLabel}`);
      if (pickedOrg && pickedOrg.id === value && !BRANCH_TYPES.includes(pickedOrg.type)) {
        throw new Error(`党员应编入党支部，「${pickedOrg.name}」不是党支部`);
      }
    },
  };

  const idExtra = parsed ? (
    <Typography.Text type="success" data-testid={`${testIdPrefix}-id-derived`}>
      出生日期 {parsed.birthDate} · 性别 {GENDER_LABELS[parsed.gender]} · {ageOn(parsed.birthDate, today())} 岁
    </Typography.Text>
  ) : (
    '18位号码，末位可为X；15位旧号码自动升位'
  );
  const onTimeFullDate = joinedAt ? addYears(joinedAt, 1) : undefined;

  return (
    <>
      <PersonFields withIdNumber={isCreate} idExtra={idExtra} genderFromId={Boolean(parsed)} testIdPrefix={testIdPrefix} />
      <Col xs={24} sm={12}>
        <Form.Item
          label="手机号码"
          name="phone"
          rules={[zodRule(memberCreateSchema.shape.phone)]}
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
          <Form.Item label={orgLabel} name="orgId" required rules={[orgRule]} extra="党员应编入党支部（含联合党支部、临时党支部）">
            <OrgSelect
              seeds={defaultOrg ? [defaultOrg] : []}
              onChange={(_, org) => setPickedOrg(org)}
              placeholder="输入支部名称或拼音首字母搜索"
              data-testid={`${testIdPrefix}-org`}
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
          <DatePicker style={{ width: '100%' }} disabledDate={isFuture} data-testid={`${testIdPrefix}-joinedAt`} />
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
            extra={
              onTimeFullDate
                ? `按期转正为 ${onTimeFullDate}（预备期${PROBATION_YEARS}年，可延长一次、最长${MAX_EXTENSION_MONTHS}个月）`
                : undefined
            }
            {...dateStringField}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={isFuture} data-testid={`${testIdPrefix}-fullMemberAt`} />
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
    </>
  );
}
