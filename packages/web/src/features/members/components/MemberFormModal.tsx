import { type MemberUpdate, memberCreateSchema, memberUpdateSchema } from '@jishi/domain';
import { Alert, App, Form, Row } from 'antd';
import { FormModal, type SubmitContext } from '../../../shared/FormModal';
import { blankToUndefined } from '../../../shared/zod-rule';
import type { Org } from '../../orgs/orgs.api';
import { type Member, useCreateMember, useUpdateMember } from '../members.api';
import {
  MEMBER_FIELD_NAMES,
  MemberFields,
  type MemberFieldValues,
  memberCreateInputOf,
  newMemberValues,
  passesMemberFacts,
  syncMemberFields,
} from './MemberFields';

export type MemberFormTarget = { mode: 'create'; defaultOrg?: Pick<Org, 'id' | 'name'> } | { mode: 'edit'; member: Member };

/** The changed fields of `member`; cleared optional fields are `null` where the API allows clearing. */
const diff = (member: Member, values: MemberFieldValues): MemberUpdate => {
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
  const [form] = Form.useForm<MemberFieldValues>();
  const { message } = App.useApp();
  const create = useCreateMember();
  const update = useUpdateMember();
  const member = target.mode === 'edit' ? target.member : undefined;
  const defaultOrg = target.mode === 'create' ? target.defaultOrg : undefined;

  const initialValues: Partial<MemberFieldValues> = member
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
    : newMemberValues(defaultOrg?.id);

  const submitCreate = async (values: MemberFieldValues, { check }: SubmitContext) => {
    const parsed = check(memberCreateSchema, memberCreateInputOf(values));
    if (parsed === undefined || !passesMemberFacts(form, parsed)) return;
    const created = await create.mutateAsync(parsed);
    message.success(`已登记党员「${created.name}」`);
    onSaved(created);
  };

  const submitEdit = async (current: Member, values: MemberFieldValues, { refuse }: SubmitContext) => {
    const patch = memberUpdateSchema.safeParse(diff(current, values));
    if (!patch.success) return refuse(patch.error.issues[0]?.message ?? '输入无效');
    if (Object.keys(patch.data).length === 0) return onClose();
    const saved = await update.mutateAsync({ id: current.id, patch: patch.data });
    message.success('已保存');
    onSaved(saved);
  };

  return (
    <FormModal<MemberFieldValues>
      form={form}
      title={member ? `编辑党员 · ${member.name}` : '登记党员'}
      width={760}
      onClose={onClose}
      onSubmit={(values, context) => (member ? submitEdit(member, values, context) : submitCreate(values, context))}
      fields={MEMBER_FIELD_NAMES}
      initialValues={initialValues}
      onValuesChange={(changed: Partial<MemberFieldValues>) => syncMemberFields(form, changed)}
      testId="member-form"
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
        <MemberFields member={member} defaultOrg={defaultOrg} testIdPrefix="member-form" />
      </Row>
    </FormModal>
  );
}
