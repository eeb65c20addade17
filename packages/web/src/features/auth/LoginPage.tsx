/** 登录: username and password; a first login goes on to the password change. */
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { PageSpin } from '../../shared/ui/PageSpin';
import { AuthCard } from './AuthCard';
import { useLogin, useSession } from './auth.api';

interface LoginForm {
  username: string;
  password: string;
}

/** Only same-site paths are followed after login, so a crafted link cannot send the user away. */
const safeRedirect = (value: string | null): string => (value?.startsWith('/') && !value.startsWith('//') ? value : '/');

export default function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const login = useLogin();
  const redirect = safeRedirect(params.get('redirect'));

  if (session.isPending) return <PageSpin fullScreen />;
  if (session.data && !login.isPending) {
    return <Navigate to={session.data.mustChangePassword ? '/change-password' : redirect} replace />;
  }

  const submit = (values: LoginForm) =>
    login.mutate(values, {
      onSuccess: (result) => navigate(result.mustChangePassword ? '/change-password' : redirect, { replace: true }),
    });

  return (
    <AuthCard title="登录">
      {login.error && <Alert type="error" showIcon title={login.error.message} style={{ marginBottom: 16 }} data-testid="login-error" />}
      <Form<LoginForm> size="large" onFinish={submit} autoComplete="on" requiredMark={false}>
        <Form.Item name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
          <Input prefix={<UserOutlined />} placeholder="用户名" autoComplete="username" autoFocus data-testid="login-username" />
        </Form.Item>
        <Form.Item name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password prefix={<LockOutlined />} placeholder="密码" autoComplete="current-password" data-testid="login-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
          登录
        </Button>
      </Form>
    </AuthCard>
  );
}
