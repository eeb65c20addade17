import { type Role, userCreateSchema, usernameSchema } from '@jishi/domain';
import { App, Divider, Form, Input } from 'antd';
import { FormModal, type SubmitContext } from '../../../shared/FormModal';
import { NewPasswordFields } from '../../../shared/NewPasswordFields';
import { zodRule } from '../../../shared/zod-rule';
import { useAbilities } from '../../auth/auth.api';
import { MemberSelect } from '../../members/components/MemberSelect';
import { useCreateUser } from '../users.api';
import { type GrantField, GrantsEditor, grantsOf } from './GrantsEditor';

interface CreateFields {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
  grants?: GrantField[];
  memberId?: number;
}

const FORM_FIELDS = ['username', 'displayName', 'password', 'grants', 'memberId'] as const;

/**
 * 新建账号: username, name, initial password and, for those who may, the grants; a Party member's
 * own account is linked to the member it is (关联党员), which opens 我的党费 to it.
 */
export function UserCreateModal({ grantable, onClose }: { grantable: readonly Role[]; onClose: () => void }) {
  const { message } = App.useApp();
  const create = useCreateUser();
  const mayLinkMember = useAbilities().has('member.read');

  const submit = async (values: CreateFields, { check }: SubmitContext) => {
    const parsed = check(userCreateSchema, {
      username: values.username.trim(),
      displayName: values.displayName.trim(),
      password: values.password,
      grants: grantsOf(values.grants),
      memberId: values.memberId ?? undefined,
    });
    if (parsed === undefined) return;
    const user = await create.mutateAsync(parsed);
    message.success(`已创建账号 ${user.username}，首次登录须修改密码`);
    onClose();
  };

  return (
    <FormModal<CreateFields>
      title="新建账号"
      submitText="创建"
      onClose={onClose}
      onSubmit={submit}
      fields={FORM_FIELDS}
      initialValues={{ grants: [] }}
      width={640}
    >
      <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }, zodRule(usernameSchema)]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        label="姓名"
        name="displayName"
        rules={[{ required: true, whitespace: true, message: '请输入姓名' }, zodRule(userCreateSchema.shape.displayName)]}
      >
        <Input maxLength={40} />
      </Form.Item>
      <NewPasswordFields label="初始密码" username={{ field: 'username' }} />
      {grantable.length > 0 && (
        <>
          <Divider titlePlacement="start" plain>
            权限
          </Divider>
          <GrantsEditor grantable={grantable} />
        </>
      )}
      {mayLinkMember && (
        <Form.Item label="关联党员" name="memberId" extra="党员本人使用的账号：关联后可在「我的党费」查看本人党费（可不填）">
          <MemberSelect data-testid="user-member" />
        </Form.Item>
      )}
    </FormModal>
  );
}
