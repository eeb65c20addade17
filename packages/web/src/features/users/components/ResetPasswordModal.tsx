import { App, Form, Input, Modal, Typography } from 'antd';
import { PASSWORD_HINT, sameAsRule, strongPasswordRule } from '../../../shared/password-rules';
import { type UserAccount, useResetPassword } from '../users.api';

/** 重置密码: sets a new initial password that the user must change at next login. */
export function ResetPasswordModal({ user, onClose }: { user: UserAccount; onClose: () => void }) {
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const { message } = App.useApp();
  const reset = useResetPassword();

  const submit = ({ password }: { password: string }) =>
    reset.mutate(
      { id: user.id, password },
      {
        onSuccess: () => {
          message.success(`已重置 ${user.username} 的密码，该用户下次登录须修改密码`);
          onClose();
        },
      },
    );

  return (
    <Modal
      open
      title={`重置密码 · ${user.displayName}（${user.username}）`}
      okText="重置"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">请通过安全渠道将新密码告知本人。</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} autoComplete="off">
        <Form.Item
          label="新密码"
          name="password"
          extra={PASSWORD_HINT}
          rules={[{ required: true, message: '请输入新密码' }, strongPasswordRule(user.username)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirm"
          dependencies={['password']}
          rules={[{ required: true, message: '请再次输入新密码' }, sameAsRule('password', '两次输入的密码不一致')]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
