import { COMMENDATION_SUBJECT, type CommendationLevel, type CommendationTitle, commendationCreateSchema } from '@jishi/domain';
import { App, Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { DATE_FORMAT, dateStringField, today } from '../../../shared/dates';
import { FormModal, type SubmitContext } from '../../../shared/FormModal';
import { COMMENDATION_LEVEL_OPTIONS, COMMENDATION_TITLE_OPTIONS } from '../../../shared/labels';
import { blankToUndefined } from '../../../shared/zod-rule';
import { MemberSelect } from '../../members/components/MemberSelect';
import { OrgSelect } from '../../orgs/components/OrgSelect';
import { type Commendation, useCreateCommendation } from '../honors.api';

interface CommendationFields {
  title: CommendationTitle;
  level?: CommendationLevel;
  year?: number;
  memberId?: number;
  orgId?: number;
  conferredAt?: string;
  conferredBy?: string;
  documentNo?: string;
}

const FORM_FIELDS = ['title', 'level', 'year', 'memberId', 'orgId', 'conferredAt', 'conferredBy', 'documentNo'] as const;

const isFuture = (d: Dayjs) => d.format(DATE_FORMAT) > today();

/** Form.Item props that keep a year number in the store while a year picker edits it. */
const yearField = {
  getValueProps: (value: number | undefined) => ({ value: value ? dayjs(`${value}-01-01`) : null }),
  normalize: (value: Dayjs | null) => (value ? value.year() : undefined),
};

/**
 * 登记表彰: 优秀共产党员 and 优秀党务工作者 honour a member (picked from the roll by name), 先进基层党组织
 * an org. Checked with the domain schema first (the subject fits the title, conferred no earlier
 * than the year); a field the server refuses (the same honour twice, a date after today) is marked there.
 */
export function CommendationFormModal({
  orgId,
  onClose,
  onSaved,
}: {
  /** The org the page lists: members are searched beneath it. */
  orgId?: number;
  onClose: () => void;
  onSaved: (c: Commendation) => void;
}) {
  const [form] = Form.useForm<CommendationFields>();
  const { message } = App.useApp();
  const create = useCreateCommendation();
  const title = Form.useWatch('title', form) ?? 'excellent_member';
  const subject = COMMENDATION_SUBJECT[title];

  const submit = async (values: CommendationFields, { check }: SubmitContext) => {
    const parsed = check(commendationCreateSchema, {
      title: values.title,
      level: values.level,
      year: values.year,
      memberId: subject === 'member' ? values.memberId : undefined,
      orgId: subject === 'org' ? values.orgId : undefined,
      conferredAt: values.conferredAt,
      conferredBy: blankToUndefined(values.conferredBy),
      documentNo: blankToUndefined(values.documentNo),
    });
    if (parsed === undefined) return;
    const saved = await create.mutateAsync(parsed);
    message.success(`已登记「${saved.memberName ?? saved.orgName}」的表彰`);
    onSaved(saved);
  };

  return (
    <FormModal<CommendationFields>
      form={form}
      title="登记表彰"
      submitTestId="commendation-submit"
      width={640}
      onClose={onClose}
      onSubmit={submit}
      fields={FORM_FIELDS}
      initialValues={{ title: 'excellent_member', year: Number(today().slice(0, 4)), conferredAt: today() }}
      testId="commendation-form"
    >
      <Form.Item label="表彰名称" name="title" rules={[{ required: true, message: '请选择表彰名称' }]}>
        <Radio.Group options={COMMENDATION_TITLE_OPTIONS} optionType="button" data-testid="commendation-title" />
      </Form.Item>
      {subject === 'member' ? (
        <Form.Item label="受表彰党员" name="memberId" rules={[{ required: true, message: '请选择受表彰的党员' }]}>
          <MemberSelect orgId={orgId} data-testid="commendation-member" />
        </Form.Item>
      ) : (
        <Form.Item label="受表彰党组织" name="orgId" rules={[{ required: true, message: '请选择受表彰的党组织' }]}>
          <OrgSelect placeholder="输入组织名称、代码或拼音首字母搜索" data-testid="commendation-org" />
        </Form.Item>
      )}
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item label="表彰级别" name="level" rules={[{ required: true, message: '请选择表彰级别' }]}>
            <Select options={COMMENDATION_LEVEL_OPTIONS} placeholder="请选择" data-testid="commendation-level" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="表彰年度" name="year" rules={[{ required: true, message: '请选择表彰年度' }]} {...yearField}>
            <DatePicker picker="year" style={{ width: '100%' }} disabledDate={isFuture} data-testid="commendation-year" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label="表彰日期"
            name="conferredAt"
            rules={[{ required: true, message: '请选择表彰日期' }]}
            extra="表彰年度当年或次年（如七一表彰上一年度）"
            {...dateStringField}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={isFuture} data-testid="commendation-conferredAt" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="表彰机关" name="conferredBy">
            <Input maxLength={60} placeholder="如：中共通辽市委" data-testid="commendation-conferredBy" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="文号" name="documentNo">
            <Input maxLength={60} placeholder="如：通党〔2026〕10号" data-testid="commendation-documentNo" />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
