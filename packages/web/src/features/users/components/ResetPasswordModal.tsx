import { App, Typography } from 'antd';
import { FormModal } from '../../../shared/FormModal';
import { NewPasswordFields } from '../../../shared/NewPasswordFields';
import { type UserAccount, useResetPassword } from '../users.api';

/** 重置密码: sets a new initial password that the user must change at next login. */
export function ResetPasswordModal({ user, onClose }: { user: UserAccount; onClose: () => void }) {
  const { message } = App.useApp();
  const reset = useResetPassword();

  const submit = async ({ password }: { password: string }) => {
    await reset.mutateAsync({ id: user.id, password });
    message.success(`已重置 ${user.username} 的密码，该用户下次登录须修改密码`);
    onClose();
  };

  return (
    <FormModal<{ password: string; confirm: string }>
      title={`重置密码 · ${user.displayName}（${user.username}）`}
      submitText="重置"
      onClose={onClose}
      onSubmit={submit}
      fields={['password']}
      intro={<Typography.Paragraph type="secondary">请通过安全渠道将新密码告知本人。</Typography.Paragraph>}
    >
      <NewPasswordFields username={user.username} />
    </FormModal>
  );
}
