import { App, Button, Form, Popconfirm, Typography } from 'antd';
import { isApiError } from '../../../shared/api-client';
import { FormModal } from '../../../shared/FormModal';
import { MemberSelect } from '../../members/components/MemberSelect';
import { type UserAccount, useLinkMember } from '../users.api';

/**
 * 关联党员: links the account to the member it is (a Party member's own account, which then opens
 * 我的党费), or unlinks it. A member already linked to another account is refused at the field.
 */
export function MemberLinkModal({ user, onClose }: { user: UserAccount; onClose: () => void }) {
  const { message } = App.useApp();
  const link = useLinkMember();

  const save = async (memberId: number | null) => {
    const saved = await link.mutateAsync({ id: user.id, memberId });
    message.success(
      saved.memberName ? `已将账号 ${saved.username} 关联到党员${saved.memberName}` : `已解除账号 ${saved.username} 的党员关联`,
    );
    onClose();
  };

  const unlink = () => save(null).catch((error: unknown) => message.error(isApiError(error) ? error.message : '操作失败，请稍后重试'));

  return (
    <FormModal<{ memberId: number }>
      title={`关联党员 · ${user.displayName}（${user.username}）`}
      onClose={onClose}
      onSubmit={({ memberId }) => save(memberId)}
      fields={['memberId']}
      intro={
        <Typography.Paragraph type="secondary">
          当前：{user.memberName ? <Typography.Text strong>{user.memberName}</Typography.Text> : '未关联党员'}
          {user.memberId !== null && (
            <Popconfirm title={`解除账号 ${user.username} 与党员${user.memberName ?? ''}的关联？`} onConfirm={unlink}>
              <Button type="link" size="small" danger loading={link.isPending && link.variables?.memberId === null}>
                解除关联
              </Button>
            </Popconfirm>
          )}
          。关联后，该账号可在「我的党费」查看本人的党费；一名党员只能关联一个账号。
        </Typography.Paragraph>
      }
    >
      <Form.Item label="关联到党员" name="memberId" rules={[{ required: true, message: '请选择党员' }]}>
        <MemberSelect data-testid="user-link-member" />
      </Form.Item>
    </FormModal>
  );
}
