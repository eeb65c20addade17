import { type Role, userCreateSchema, usernameSchema } from '@jishi/domain';
import { App, Divider, Form, Input, Modal } from 'antd';
import { showRefusal } from '../../../shared/form-errors';
import { PASSWORD_HINT, sameAsRule, strongPasswordRule } from '../../../shared/password-rules';
import { zodRule } from '../../../shared/zod-rule';
import { useAbilities } from '../../auth/auth.api';
import { MemberSelect } from '../../members/components/MemberSelect';
import { useCreateUser } from '../users.api';
import { type GrantField, GrantsEditor } from './GrantsEditor';

interface CreateFields {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
  grants?: GrantField[];
  memberId?: number;
}

const FORM_FIELDS = ['username', 'displayName', 'password', 'memberId'] as const;

/**
 * 新建账号: username, name, initial password and, for those who may, the grants; a Party member's
 * own account is linked to the member it is (关联党员), which opens 我的党费 to it.
 */
export function UserCreateModal({ grantable, onClose }: { grantable: readonly Role[]; onClose: () => void }) {
  const [form] = Form.useForm<CreateFields>();
  const { message } = App.useApp();
  const create = useCreateUser();
  const mayLinkMember = useAbilities().has('member.read');

  const submit = (values: CreateFields) => {
    const grants = (values.grants ?? []).flatMap((g) => (g.role && g.orgId ? [{ role: g.role, orgId: g.orgId }] : []));
    const input = {
      username: values.username.trim(),
      displayName: values.displayName.trim(),
      password: values.password,
      grants,
      memberId: values.memberId ?? undefined,
    };
    const parsed = userCreateSchema.safeParse(input);
    if (!parsed.success) {
      message.error(parsed.error.issues[0]?.message ?? '输入无效');
      return;
    }
    create.mutate(parsed.data, {
      onSuccess: (user) => {
        message.success(`已创建账号 ${user.username}，首次登录须修改密码`);
        onClose();
      },
      onError: (error) => {
        showRefusal(form, error, FORM_FIELDS, message.error);
      },
    });
  };

  return (
    <Modal
      open
      title="新建账号"
      okText="创建"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
      width={640}
    >
      <Form<CreateFields> form={form} layout="vertical" onFinish={submit} autoComplete="off" initialValues={{ grants: [] }}>
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
        <Form.Item
          label="初始密码"
          name="password"
          extra={PASSWORD_HINT}
          dependencies={['username']}
          rules={[{ required: true, message: '请输入初始密码' }, strongPasswordRule({ field: 'username' })]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认密码"
          name="confirm"
          dependencies={['password']}
          rules={[{ required: true, message: '请再次输入初始密码' }, sameAsRule('password', '两次输入的密码不一致')]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
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
      </Form>
    </Modal>
  );
}
