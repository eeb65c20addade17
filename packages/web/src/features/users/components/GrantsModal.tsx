import { grantConflict, type Role } from '@jishi/domain';
import { App } from 'antd';
import { FormModal, type SubmitContext } from '../../../shared/FormModal';
import { type UserAccount, useUpdateGrants } from '../users.api';
import { type GrantField, GrantsEditor, grantsOf } from './GrantsEditor';

/** 编辑权限: replaces the account's grants as a whole. */
export function GrantsModal({ user, grantable, onClose }: { user: UserAccount; grantable: readonly Role[]; onClose: () => void }) {
  const { message } = App.useApp();
  const update = useUpdateGrants();

  const submit = async ({ grants }: { grants: GrantField[] }, { refuse }: SubmitContext) => {
    const next = grantsOf(grants);
    const conflict = grantConflict(next.map((g) => g.role));
    if (conflict) {
      refuse(conflict, 'grants');
      return;
    }
    await update.mutateAsync({ id: user.id, grants: next });
    message.success('权限已更新');
    onClose();
  };

  return (
    <FormModal<{ grants: GrantField[] }>
      title={`编辑权限 · ${user.displayName}（${user.username}）`}
      onClose={onClose}
      onSubmit={submit}
      fields={['grants']}
      initialValues={{ grants: user.grants }}
      width={640}
    >
      <GrantsEditor grantable={grantable} />
    </FormModal>
  );
}
