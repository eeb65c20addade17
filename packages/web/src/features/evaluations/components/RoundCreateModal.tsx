import { DEFAULT_PUBLICITY_DAYS, PROGRAMME_LABELS, type Programme, roundCreateSchema, STEP_KIND_LABELS } from '@jishi/domain';
import { App, DatePicker, Form, Input, InputNumber, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { DATE_FORMAT } from '../../../shared/dates';
import { FormModal, type SubmitContext } from '../../../shared/FormModal';
import { OrgSelect } from '../../orgs/components/OrgSelect';
import { type CreatedRound, useCreateRound, useSchemes } from '../evaluations.api';

type Range = [string, string];

interface RoundFields {
  schemeId?: number;
  orgId?: number;
  name?: string;
  /** One window per timed step (every step but 公示), in step order. */
  windows?: (Range | undefined)[];
  publicityDays?: number;
}

const FORM_FIELDS = ['schemeId', 'orgId', 'name', 'publicityDays'] as const;

/** Form.Item props keeping `[opensAt, closesAt]` strings in the store while a RangePicker edits them. */
const rangeField = {
  getValueProps: (value: Range | undefined) => ({ value: value ? [dayjs(value[0]), dayjs(value[1])] : null }),
  normalize: (value: [Dayjs | null, Dayjs | null] | null): Range | undefined =>
    value?.[0] && value[1] ? [value[0].format(DATE_FORMAT), value[1].format(DATE_FORMAT)] : undefined,
};

/**
 * 开展评选: a scheme, the org whose subtree takes part (the orgs the scheme applies to are taken in,
 * only the uppermost of each line), the round's name, a window for each step but 公示, and the
 * 公示 days counted from each entry's approval. Checked with the domain schema first (windows in
 * step order); the server's refusals are shown at the field it names.
 */
export function RoundCreateModal({
  programme,
  defaultOrgId,
  seeds,
  onClose,
  onCreated,
}: {
  /** The programme the page is filtered to; all schemes are offered when absent. */
  programme?: Programme;
  defaultOrgId?: number;
  seeds: readonly { id: number; name: string }[];
  onClose: () => void;
  onCreated: (round: CreatedRound) => void;
}) {
  const [form] = Form.useForm<RoundFields>();
  const { message } = App.useApp();
  const schemes = useSchemes({ programme });
  const create = useCreateRound();
  const schemeId = Form.useWatch('schemeId', form);
  const scheme = schemes.data?.find((s) => s.id === schemeId);
  const timed = useMemo(() => (scheme?.steps ?? []).filter((s) => s.kind !== 'publicity'), [scheme]);

  const options = (schemes.data ?? []).map((s) => ({
    value: s.id,
    label: `${s.year}年 · ${s.name}${programme ? '' : `（${PROGRAMME_LABELS[s.programme]}）`}`,
  }));

  const pickScheme = (id: number) => {
    const picked = schemes.data?.find((s) => s.id === id);
    const name = form.getFieldValue('name') as string | undefined;
    const previous = schemes.data?.find((s) => s.id === schemeId);
    // Follow the scheme's name until the user types one of their own.
    if (picked && (!name || name === previous?.name)) form.setFieldValue('name', picked.name);
    form.setFieldValue('windows', []);
  };

  const submit = async (values: RoundFields, { check }: SubmitContext) => {
    const input = {
      schemeId: values.schemeId,
      orgId: values.orgId,
      name: values.name,
      windows: timed.map((_, i) => {
        const [opensAt, closesAt] = values.windows?.[i] ?? ['', ''];
        return { opensAt, closesAt };
      }),
      publicityDays: values.publicityDays,
    };
    // A window's problem is shown at its own picker, the rest as the dialog shows them.
    const windowIssue = roundCreateSchema
      .safeParse(input)
      .error?.issues.find((i) => i.path[0] === 'windows' && typeof i.path[1] === 'number');
    if (windowIssue) return form.setFields([{ name: ['windows', windowIssue.path[1] as number], errors: [windowIssue.message] }]);
    const parsed = check(roundCreateSchema, input);
    if (parsed === undefined) return;
    const round = await create.mutateAsync(parsed);
    message.success(`已开展「${round.name}」，纳入${round.entries}个党组织`);
    onCreated(round);
  };

  return (
    <FormModal<RoundFields>
      form={form}
      title="开展评选"
      submitText="开展"
      submitTestId="round-create-submit"
      width={640}
      onClose={onClose}
      onSubmit={submit}
      fields={FORM_FIELDS}
      refusalAlert={{ testId: 'round-create-refusal' }}
      initialValues={{ orgId: defaultOrgId, publicityDays: DEFAULT_PUBLICITY_DAYS, windows: [] }}
      testId="round-create-form"
    >
      <Form.Item label="评选方案" name="schemeId" rules={[{ required: true, message: '请选择评选方案' }]}>
        <Select<number>
          options={options}
          loading={schemes.isPending}
          onChange={pickScheme}
          placeholder="选择方案"
          showSearch={{ optionFilterProp: 'label' }}
          notFoundContent="暂无评选方案"
          data-testid="round-create-scheme"
        />
      </Form.Item>
      <Form.Item
        label="开展单位"
        name="orgId"
        rules={[{ required: true, message: '请选择开展评选的党组织' }]}
        extra="其下适用本方案的党组织自动纳入评选"
      >
        <OrgSelect seeds={seeds} data-testid="round-create-org" />
      </Form.Item>
      <Form.Item label="轮次名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写轮次名称' }]}>
        <Input maxLength={60} data-testid="round-create-name" />
      </Form.Item>
      {timed.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          各环节起止日期（按环节顺序，可以重叠）
        </Typography.Paragraph>
      )}
      {timed.map((step, i) => (
        <Form.Item
          key={`${schemeId}-${step.kind}`}
          label={`${i + 1}. ${step.name}`}
          tooltip={step.name === STEP_KIND_LABELS[step.kind] ? undefined : STEP_KIND_LABELS[step.kind]}
          name={['windows', i]}
          rules={[{ required: true, message: `请选择「${step.name}」的起止日期` }]}
          {...rangeField}
        >
          <DatePicker.RangePicker style={{ width: '100%' }} data-testid="round-create-window" />
        </Form.Item>
      ))}
      <Form.Item
        label="公示天数"
        name="publicityDays"
        rules={[{ required: true, message: '请填写公示天数' }]}
        extra="自审定之日起计算；公示期一般不少于5个工作日"
      >
        <InputNumber min={1} max={30} precision={0} suffix="天" style={{ width: '100%' }} data-testid="round-create-publicity" />
      </Form.Item>
    </FormModal>
  );
}
