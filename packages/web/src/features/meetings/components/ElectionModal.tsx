import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { type CommitteeKind, type CommitteePost, committeeCreateSchema } from '@jishi/domain';
import { App, Button, DatePicker, Form, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { DATE_FORMAT, dateStringField, today } from '../../../shared/dates';
import { FormModal, type SubmitContext } from '../../../shared/FormModal';
import { COMMITTEE_KIND_OPTIONS, COMMITTEE_POST_OPTIONS } from '../../../shared/labels';
import { useIsMobile } from '../../../shared/use-is-mobile';
import { MemberSelect } from '../../members/components/MemberSelect';
import { useElectCommittee } from '../committees.api';

interface ElectionFields {
  kind: CommitteeKind;
  electedAt?: string;
  members: { memberId?: number; post?: CommitteePost }[];
}

const FORM_FIELDS = ['kind', 'electedAt', 'members'] as const;

/** 不设支委会 allows only these posts. */
const SECRETARY_POSTS: readonly CommitteePost[] = ['secretary', 'deputy_secretary'];

const isFuture = (d: Dayjs) => d.format(DATE_FORMAT) > today();

/**
 * 登记换届选举: a 支部委员会 (3–7 members, each with a post) or, under 7 正式党员, a 书记 and at most one
 * 副书记; members are picked from the org's roll. The new committee replaces the one in office from
 * its election date. Checked with the domain schema first; the server's rules (正式党员 only, one
 * 书记, the size for the number of 正式党员) are shown at the field it names.
 */
export function ElectionModal({ org, onClose }: { org: { id: number; name: string }; onClose: () => void }) {
  const [form] = Form.useForm<ElectionFields>();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const elect = useElectCommittee();
  const kind: CommitteeKind = Form.useWatch('kind', form) ?? 'committee';
  const postOptions =
    kind === 'secretary' ? COMMITTEE_POST_OPTIONS.filter((o) => SECRETARY_POSTS.includes(o.value)) : COMMITTEE_POST_OPTIONS;

  const submit = async (values: ElectionFields, { check }: SubmitContext) => {
    const parsed = check(committeeCreateSchema, {
      kind: values.kind,
      electedAt: values.electedAt,
      members: values.members.filter((m) => m.memberId !== undefined || m.post !== undefined),
    });
    if (parsed === undefined) return;
    await elect.mutateAsync({ orgId: org.id, input: parsed });
    message.success(`已登记「${org.name}」的换届选举`);
    onClose();
  };

  return (
    <FormModal<ElectionFields>
      form={form}
      title={`登记换届选举 · ${org.name}`}
      submitTestId="election-submit"
      width={640}
      onClose={onClose}
      onSubmit={submit}
      fields={FORM_FIELDS}
      initialValues={{ kind: 'committee', electedAt: today(), members: [{ post: 'secretary' }, {}, {}] }}
      testId="election-form"
    >
      <Form.Item label="班子" name="kind" rules={[{ required: true, message: '请选择是否设立支部委员会' }]}>
        <Radio.Group options={COMMITTEE_KIND_OPTIONS} data-testid="election-kind" />
      </Form.Item>
      <Form.Item
        label="选举日期"
        name="electedAt"
        rules={[{ required: true, message: '请选择选举日期' }]}
        extra="须晚于上一届的选举日期；新一届自选举日起接替上一届"
        {...dateStringField}
      >
        <DatePicker style={{ width: '100%' }} disabledDate={isFuture} data-testid="election-date" />
      </Form.Item>
      <Form.List name="members">
        {(fields, { add, remove }, { errors }) => (
          <Form.Item label="当选人员及职务" required extra="须为本组织选举当日的正式党员；有且只有1名书记">
            {fields.map((field) => (
              <div key={field.key} style={{ display: 'flex', gap: 8, marginBottom: 8 }}>
                <div style={{ flex: 1, minWidth: 0 }}>
                  <Form.Item
                    name={[field.name, 'memberId']}
                    noStyle
                    dependencies={[['members', field.name, 'post']]}
                    rules={[
                      ({ getFieldValue }) => ({
                        validator: async (_, value?: number) => {
                          if (value === undefined && getFieldValue(['members', field.name, 'post']))
                            throw new Error('请为每个职务选择当选人员，或删除空行');
                        },
                      }),
                    ]}
                  >
                    <MemberSelect orgId={org.id} placeholder="姓名或拼音" data-testid="election-member" />
                  </Form.Item>
                </div>
                <Form.Item
                  name={[field.name, 'post']}
                  noStyle
                  dependencies={[['members', field.name, 'memberId']]}
                  rules={[
                    ({ getFieldValue }) => ({
                      validator: async (_, value?: CommitteePost) => {
                        if (value === undefined && getFieldValue(['members', field.name, 'memberId'])) throw new Error('请选择职务');
                      },
                    }),
                  ]}
                >
                  <Select
                    options={postOptions}
                    placeholder="职务"
                    style={{ width: isMobile ? 112 : 140, flex: 'none' }}
                    data-testid="election-post"
                  />
                </Form.Item>
                <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="删除此行" />
              </div>
            ))}
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(kind === 'committee' ? { post: 'member' } : {})}>
              添加一人
            </Button>
            <Form.ErrorList errors={errors} />
          </Form.Item>
        )}
      </Form.List>
    </FormModal>
  );
}
