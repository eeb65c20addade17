/**
 * A new password and its repetition, checked with the domain's strength rule: the pair of fields
 * of the password change, the reset and the new account.
 */
import { Form, type FormRule, Input } from 'antd';
import { PASSWORD_HINT, sameAsRule, strongPasswordRule } from './password-rules';

export function NewPasswordFields({
  name = 'password',
  label = '新密码',
  username,
  rules = [],
  dependencies = [],
  testIds,
}: {
  /** The form field of the password; its repetition is `confirm`. */
  name?: string;
  /** 新密码, 初始密码 …; the repetition is 确认{label}. */
  label?: string;
  /** The account's username, or the form field holding it: a password may not contain it. */
  username: string | { field: string };
  /** Further checks of the password (e.g. not the old one). */
  rules?: FormRule[];
  dependencies?: string[];
  testIds?: { password: string; confirm: string };
}) {
  return (
    <>
      <Form.Item
        label={label}
        name={name}
        extra={PASSWORD_HINT}
        dependencies={typeof username === 'string' ? dependencies : [username.field, ...dependencies]}
        rules={[{ required: true, message: `请输入${label}` }, strongPasswordRule(username), ...rules]}
      >
        <Input.Password autoComplete="new-password" data-testid={testIds?.password} />
      </Form.Item>
      <Form.Item
        label={`确认${label}`}
        name="confirm"
        dependencies={[name]}
        rules={[{ required: true, message: `请再次输入${label}` }, sameAsRule(name, `两次输入的${label}不一致`)]}
      >
        <Input.Password autoComplete="new-password" data-testid={testIds?.confirm} />
      </Form.Item>
    </>
  );
}
