/** 修改密码: required at first login and after a reset; checked with the domain rule before sending. */
import { Alert, App, Button, Form, Input, Space } from 'antd';
import { Navigate, useNavigate } from 'react-router';
import { loginUrl } from '../../app/request-error';
import { NewPasswordFields } from '../../shared/NewPasswordFields';
import { PageSpin } from '../../shared/ui/PageSpin';
import { AuthCard } from './AuthCard';
import { useChangePassword, useSession } from './auth.api';

interface ChangeForm {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

export default function ChangePasswordPage() {
  const session = useSession();
  const change = useChangePassword();
  const navigate = useNavigate();
  const { message } = App.useApp();

  if (session.isPending) return <PageSpin fullScreen />;
  if (!session.data) return <Navigate to={loginUrl('/change-password')} replace />;
  const { user, mustChangePassword } = session.data;

  const submit = ({ oldPassword, newPassword }: ChangeForm) =>
    change.mutate(
      { oldPassword, newPassword },
      {
        onSuccess: () => {
          message.success('密码已修改');
          navigate('/', { replace: true });
        },
      },
    );

  return (
    <AuthCard title="修改密码">
      {mustChangePassword && <Alert type="warning" showIcon title="首次登录或密码已被重置，请先设置新密码" style={{ marginBottom: 16 }} />}
      {change.error && <Alert type="error" showIcon title={change.error.message} style={{ marginBottom: 16 }} />}
      <Form<ChangeForm> layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item label="原密码" name="oldPassword" rules={[{ required: true, message: '请输入原密码' }]}>
          <Input.Password autoComplete="current-password" data-testid="change-old" />
        </Form.Item>
        <NewPasswordFields
          name="newPassword"
          username={user.username}
          dependencies={['oldPassword']}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_, value: string | undefined) => {
                if (value && value === getFieldValue('oldPassword')) throw new Error('新密码不能与原密码相同');
              },
            }),
          ]}
          testIds={{ password: 'change-new', confirm: 'change-confirm' }}
        />
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Button type="primary" htmlType="submit" block loading={change.isPending} data-testid="change-submit">
            确认修改
          </Button>
          {!mustChangePassword && (
            <Button block onClick={() => navigate(-1)}>
              返回
            </Button>
          )}
        </Space>
      </Form>
    </AuthCard>
  );
}
