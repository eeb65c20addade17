import { App, Button, Form, Modal, Typography } from 'antd';
import { showRefusal } from '../../../shared/form-errors';
import { MemberSelect } from '../../members/components/MemberSelect';
import { type UserAccount, useLinkMember } from '../users.api';

const FORM_FIELDS = ['memberId'] as const;

/**
 * 关联党员: links the account to the member it is (a Party member's own account, which then opens
 * 我的党费), or unlinks it. A member already linked to another account is refused at the field.
 */
export function MemberLinkModal({ user, onClose }: { user: UserAccount; onClose: () => void }) {
  const [form] = Form.useForm<{ memberId?: number }>();
  const { message } = App.useApp();
  const link = useLinkMember();

  const save = (memberId: number | null) =>
    link.mutate(
      { id: user.id, memberId },
      {
        onSuccess: (saved) => {
          message.success(
            saved.memberName ? `已将账号 ${saved.username} 关联到党员${saved.memberName}` : `已解除账号 ${saved.username} 的党员关联`,
          );
          onClose();
        },
        onError: (error) => {
          showRefusal(form, error, FORM_FIELDS, message.error);
        },
      },
    );

  return (
    <Modal
      open
      title={`关联党员 · ${user.displayName}（${user.username}）`}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        user.memberId !== null && (
          <Button key="unlink" danger loading={link.isPending && link.variables?.memberId === null} onClick={() => save(null)}>
            解除关联
          </Button>
        ),
        <Button key="cancel" onClick={onClose}>
          取消
        </Button>,
        <Button key="ok" type="primary" loading={link.isPending && link.variables?.memberId !== null} onClick={() => form.submit()}>
          保存
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">
        当前：{user.memberName ? <Typography.Text strong>{user.memberName}</Typography.Text> : '未关联党员'}
        。关联后，该账号可在「我的党费」查看本人的党费；一名党员只能关联一个账号。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={({ memberId }) => memberId !== undefined && save(memberId)} autoComplete="off">
        <Form.Item label="关联到党员" name="memberId" rules={[{ required: true, message: '请选择党员' }]}>
          <MemberSelect data-testid="user-link-member" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
