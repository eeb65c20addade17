import {
  ageOn,
  applicantCreateSchema,
  checkStep,
  GENDER_LABELS,
  type Occupation,
  parseIdNumber,
  STANDING_BRANCH_TYPES,
} from '@jishi/domain';
import { App, Col, DatePicker, Form, type FormRule, Input, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { DATE_FORMAT, dateStringField, today } from '../../../shared/dates';
import { FormModal, type SubmitContext } from '../../../shared/FormModal';
import { idOf } from '../../../shared/id-rules';
import { EDUCATION_OPTIONS, OCCUPATION_OPTIONS } from '../../../shared/labels';
import { PersonFields } from '../../../shared/PersonFields';
import { blankToUndefined, zodRule } from '../../../shared/zod-rule';
import type { Gender } from '../../members/members.api';
import { OrgSelect } from '../../orgs/components/OrgSelect';
import type { Org } from '../../orgs/orgs.api';
import { type Applicant, useCreateApplicant } from '../development.api';

interface ApplicantFields {
  name: string;
  idNumber?: string;
  gender?: Gender;
  ethnicity: string;
  phone?: string;
  orgId?: number;
  appliedAt?: string;
  education?: string;
  occupation?: Occupation;
}

/** Every form field the server may name in `details.field`. */
const FORM_FIELDS = ['name', 'idNumber', 'gender', 'ethnicity', 'phone', 'orgId', 'appliedAt', 'education', 'occupation'] as const;

/** Per-field schemas; `required` rules report a missing value, so these run as optional. */
const fieldRules = applicantCreateSchema.shape;

const isFuture = (d: Dayjs) => d.format(DATE_FORMAT) > today();

/** A branch that can receive applications: 党支部 or 联合党支部, not a 临时党支部 (as the server checks). */
const receivesApplications = (org: Pick<Org, 'type' | 'closedAt'>) => STANDING_BRANCH_TYPES.includes(org.type) && !org.closedAt;

/**
 * 登记入党申请: who applies, to which branch, on which day (step 1, 递交入党申请书). The ID number is
 * checked as it is typed and gives the birth date and gender; the age on the application day is the
 * domain's step-1 rule; a field the server refuses is marked at that field.
 */
export function ApplicantFormModal({
  defaultOrg,
  onClose,
  onSaved,
}: {
  /** The org the board is filtered on; used as the branch when it is one. */
  defaultOrg?: Org;
  onClose: () => void;
  onSaved: (created: Applicant) => void;
}) {
  const [form] = Form.useForm<ApplicantFields>();
  const { message } = App.useApp();
  const create = useCreateApplicant();
  const branch = defaultOrg && receivesApplications(defaultOrg) ? defaultOrg : undefined;
  const [pickedOrg, setPickedOrg] = useState<Org | undefined>(branch);

  const idInput = Form.useWatch('idNumber', form);
  const parsedId = useMemo(() => (idInput?.trim() ? parseIdNumber(idInput, today()) : undefined), [idInput]);
  const parsed = parsedId?.ok ? parsedId.id : undefined;

  // Step 1's own rule (18 on the day of the application), exactly as the server applies it.
  const appliedRule: FormRule = ({ getFieldValue }) => ({
    validator: async (_, value: string | undefined) => {
      const id = idOf(getFieldValue);
      if (!value || !id) return;
      const { refusal } = checkStep([], { step: 1, date: value }, { birthDate: id.birthDate, today: today() });
      if (refusal) throw new Error(refusal);
    },
  });
  const orgRule: FormRule = {
    validator: async (_, value: number | undefined) => {
      if (value === undefined) throw new Error('请选择接收申请的党支部');
      if (pickedOrg && pickedOrg.id === value && !receivesApplications(pickedOrg)) {
        throw new Error(`入党申请应向党支部提出，「${pickedOrg.name}」不能接收入党申请`);
      }
    },
  };

  const submit = async (values: ApplicantFields, { check }: SubmitContext) => {
    const checked = check(applicantCreateSchema, {
      name: values.name,
      gender: values.gender,
      ethnicity: values.ethnicity,
      idNumber: parsed?.value ?? values.idNumber,
      phone: blankToUndefined(values.phone),
      orgId: values.orgId,
      appliedAt: values.appliedAt,
      education: values.education,
      occupation: values.occupation,
    });
    if (checked === undefined) return;
    const created = await create.mutateAsync(checked);
    message.success(`已登记「${created.name}」的入党申请`);
    onSaved(created);
  };

  const idExtra = parsed ? (
    <Typography.Text type="success" data-testid="dev-form-id-derived">
      出生日期 {parsed.birthDate} · 性别 {GENDER_LABELS[parsed.gender]} · {ageOn(parsed.birthDate, today())} 岁
    </Typography.Text>
  ) : (
    '18位号码，末位可为X；15位旧号码自动升位'
  );

  return (
    <FormModal<ApplicantFields>
      form={form}
      title="登记入党申请"
      submitText="登记"
      submitTestId="dev-form-submit"
      width={760}
      onClose={onClose}
      onSubmit={submit}
      fields={FORM_FIELDS}
      initialValues={{ ethnicity: '汉族', orgId: branch?.id }}
      onValuesChange={(changed: Partial<ApplicantFields>) => {
        // The ID decides the gender: fill it in as soon as the number is valid.
        if ('idNumber' in changed && changed.idNumber) {
          const result = parseIdNumber(changed.idNumber, today());
          if (result.ok) {
            form.setFieldValue('gender', result.id.gender);
            void form.validateFields(['gender']).catch(() => undefined);
          }
        }
      }}
      testId="dev-form"
    >
      <Row gutter={16}>
        <PersonFields idExtra={idExtra} genderFromId={Boolean(parsed)} testIdPrefix="dev-form" />
        <Col xs={24} sm={12}>
          <Form.Item label="接收申请的党支部" name="orgId" required rules={[orgRule]} extra="入党申请向工作、学习所在单位的党支部提出">
            <OrgSelect
              seeds={branch ? [branch] : []}
              onChange={(_, org) => setPickedOrg(org)}
              placeholder="输入支部名称、代码或拼音首字母搜索"
              data-testid="dev-form-org"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label="申请日期"
            name="appliedAt"
            dependencies={['idNumber']}
            rules={[{ required: true, message: '请选择递交入党申请书的日期' }, appliedRule]}
            extra="党组织收到入党申请书的日期"
            {...dateStringField}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={isFuture} data-testid="dev-form-appliedAt" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="手机号码" name="phone" rules={[zodRule(fieldRules.phone)]}>
            <Input maxLength={20} inputMode="tel" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="学历" name="education">
            <Select options={EDUCATION_OPTIONS} allowClear placeholder="请选择" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="人员类别" name="occupation">
            <Select options={OCCUPATION_OPTIONS} allowClear placeholder="请选择" />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
