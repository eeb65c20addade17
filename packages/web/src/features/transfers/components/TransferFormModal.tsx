import { BRANCH_TYPES, transferCreateSchema } from '@jishi/domain';
import { Alert, App, AutoComplete, DatePicker, Form, Input, Radio, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { DATE_FORMAT, dateStringField, today } from '../../../shared/dates';
import { FormModal, type SubmitContext } from '../../../shared/FormModal';
import { useDebouncedValue } from '../../../shared/use-debounced-value';
import { blankToUndefined, zodRule } from '../../../shared/zod-rule';
import type { Member } from '../../members/members.api';
import { MAX_QUERY, useOrgByCode, useOrgSearch } from '../../orgs/orgs.api';
import { type Transfer, useIssueTransfer } from '../transfers.api';

type Mode = 'inside' | 'outbound';

interface TransferFields {
  mode: Mode;
  toOrgCode?: string;
  destination?: string;
  letterNo?: string;
  issuedAt?: string;
  note?: string;
}

/** Every field the server or the schema may name. */
const FORM_FIELDS = ['toOrgCode', 'destination', 'letterNo', 'issuedAt', 'note'] as const;

const rules = transferCreateSchema.shape;

const isFuture = (d: Dayjs) => d.format(DATE_FORMAT) > today();

/**
 * Suggestions for 接收党支部代码: open branches of the caller's scope matching the typed name, code or
 * pinyin, the member's own branch left out, and the typed text once it has stopped changing.
 */
function useBranchSuggestions(text: string | undefined, currentOrgId: number) {
  const q = useDebouncedValue((text ?? '').trim().slice(0, MAX_QUERY));
  const search = useOrgSearch({ q, pageSize: 20 });
  const branches = useMemo(
    () => (search.data?.items ?? []).filter((o) => BRANCH_TYPES.includes(o.type) && !o.closedAt && o.id !== currentOrgId),
    [search.data, currentOrgId],
  );
  const options = branches.map((o) => ({
    value: o.code,
    label: (
      <div>
        <div>{o.name}</div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {o.code}
          {o.ancestors.length > 0 && ` · ${o.ancestors.map((a) => a.name).join(' / ')}`}
        </Typography.Text>
      </div>
    ),
  }));
  // Only text shaped like an org code (`150502-WS-02`) is looked up by code; a name is only searched.
  const code = /^[0-9A-Za-z-]{4,}$/.test(q) ? q : '';
  // While in-scope codes still start with it, the user is picking, not done typing.
  const isPartial = branches.some((o) => o.code !== code && o.code.startsWith(code));
  return { options, code, isPartial };
}

/**
 * What the typed code names, anywhere in the system (a branch of another scope is not searchable,
 * so its code is typed as the other side gave it): the branch's name to confirm, or that none has it.
 */
function TargetHint({ code, isPartial }: { code: string; isPartial: boolean }) {
  const target = useOrgByCode(code);
  if (code && target.data) {
    return (
      <Typography.Text type="success" data-testid="transfer-target-name">
        接收党支部：{target.data.name}
      </Typography.Text>
    );
  }
  if (code && target.data === null && !isPartial) {
    return (
      <Typography.Text type="warning" data-testid="transfer-target-missing">
        未找到代码为「{code}」的在册党支部，请核对对方提供的组织代码
      </Typography.Text>
    );
  }
  return <>可输入名称、代码或拼音首字母搜索本管辖范围内的党支部；范围外的党支部请输入对方提供的组织代码</>;
}

/**
 * 组织关系转接: issues the letter (介绍信) for a member, to a branch inside the system (by its code) or
 * out of it (the destination written out). Checked with the domain schema first; a field the
 * server refuses is marked at that field, any other refusal (a letter already pending) is a message.
 */
export function TransferFormModal({ member, onClose, onSaved }: { member: Member; onClose: () => void; onSaved: (t: Transfer) => void }) {
  const [form] = Form.useForm<TransferFields>();
  const { message } = App.useApp();
  const issue = useIssueTransfer();
  const mode = Form.useWatch('mode', form) ?? 'inside';
  const codeText = Form.useWatch('toOrgCode', form);
  const suggestions = useBranchSuggestions(mode === 'inside' ? codeText : undefined, member.orgId);

  const submit = async (values: TransferFields, { check }: SubmitContext) => {
    const parsed = check(transferCreateSchema, {
      toOrgCode: values.mode === 'inside' ? blankToUndefined(values.toOrgCode) : undefined,
      destination: values.mode === 'outbound' ? blankToUndefined(values.destination) : undefined,
      letterNo: values.letterNo,
      issuedAt: values.issuedAt,
      note: blankToUndefined(values.note),
    });
    if (parsed === undefined) return;
    const saved = await issue.mutateAsync({ memberId: member.id, input: parsed });
    message.success(
      saved.status === 'pending'
        ? `已开具介绍信，待「${saved.toOrgName ?? ''}」接收`
        : `已办理「${saved.memberName}」转出本系统，该党员已从名册减少`,
    );
    onSaved(saved);
  };

  return (
    <FormModal<TransferFields>
      form={form}
      title={`组织关系转接 · ${member.name}`}
      submitText={mode === 'inside' ? '开具介绍信' : '确认转出'}
      danger={mode === 'outbound'}
      submitTestId="transfer-submit"
      onClose={onClose}
      onSubmit={submit}
      fields={FORM_FIELDS}
      initialValues={{ mode: 'inside', issuedAt: today() }}
      testId="transfer-form"
      intro={<Typography.Paragraph type="secondary">所在党支部：{member.orgName}</Typography.Paragraph>}
    >
      <Form.Item label="转接方式" name="mode">
        <Radio.Group
          optionType="button"
          options={[
            { value: 'inside', label: '系统内转接' },
            { value: 'outbound', label: '转出本系统' },
          ]}
          data-testid="transfer-mode"
        />
      </Form.Item>
      {mode === 'inside' ? (
        <Form.Item
          label="接收党支部代码"
          name="toOrgCode"
          rules={[{ required: true, whitespace: true, message: '请填写接收党支部的组织代码' }, zodRule(rules.toOrgCode)]}
          extra={<TargetHint code={suggestions.code} isPartial={suggestions.isPartial} />}
        >
          <AutoComplete
            options={suggestions.options}
            showSearch={{ filterOption: false }}
            placeholder="如 150502-WS-02"
            allowClear
            data-testid="transfer-toOrgCode"
          />
        </Form.Item>
      ) : (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title="转出本系统后，该党员即从党员名册减少（减少类型：转出本系统），记录仍然保留。"
          />
          <Form.Item
            label="转往的党组织"
            name="destination"
            rules={[{ required: true, whitespace: true, message: '请填写转往的党组织' }, zodRule(rules.destination)]}
          >
            <Input maxLength={100} placeholder="如：中共赤峰市红山区委组织部" data-testid="transfer-destination" />
          </Form.Item>
        </>
      )}
      <Form.Item
        label="介绍信编号"
        name="letterNo"
        rules={[{ required: true, whitespace: true, message: '请填写介绍信编号' }, zodRule(rules.letterNo)]}
      >
        <Input maxLength={40} placeholder="如：通组转〔2026〕12号" data-testid="transfer-letterNo" />
      </Form.Item>
      <Form.Item
        label="开具日期"
        name="issuedAt"
        rules={[{ required: true, message: '请选择开具日期' }, zodRule(rules.issuedAt)]}
        {...dateStringField}
      >
        <DatePicker style={{ width: '100%' }} disabledDate={isFuture} data-testid="transfer-issuedAt" />
      </Form.Item>
      <Form.Item label="备注" name="note" rules={[zodRule(rules.note)]}>
        <Input.TextArea maxLength={200} autoSize={{ minRows: 1, maxRows: 4 }} data-testid="transfer-note" />
      </Form.Item>
    </FormModal>
  );
}
