import { grantConflict, type Role } from '@jishi/domain';
import { App, Form, Modal } from 'antd';
import { type UserAccount, useUpdateUser } from '../users.api';
import { type GrantField, GrantsEditor } from './GrantsEditor';

/** 编辑权限: replaces the account's grants as a whole. */
export function GrantsModal({ user, grantable, onClose }: { user: UserAccount; grantable: readonly Role[]; onClose: () => void }) {
  const [form] = Form.useForm<{ grants: GrantField[] }>();
  const { message } = App.useApp();
  const update = useUpdateUser();

  const submit = ({ grants }: { grants: GrantField[] }) => {
    const next = grants.flatMap((g) => (g.role && g.orgId ? [{ role: g.role, orgId: g.orgId }] : []));
    const conflict = grantConflict(next.map((g) => g.role));
    if (conflict) {
      message.error(conflict);
      return;
    }
    update.mutate(
      { id: user.id, patch: { grants: next } },
      {
        onSuccess: () => {
          message.success('权限已更新');
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      title={`编辑权限 · ${user.displayName}（${user.username}）`}
      okText="保存"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={update.isPending}
      destroyOnHidden
      width={640}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ grants: user.grants }}>
        <GrantsEditor grantable={grantable} />
      </Form>
    </Modal>
  );
}
