import { App, Form, Typography } from 'antd';
import { FormModal } from '../../../shared/FormModal';
import { type Org, useMoveOrg, useOrgRoots } from '../orgs.api';
import { OrgSelect } from './OrgSelect';

/** 移动: picks the new parent by search; the org's own subtree is never offered. */
export function OrgMoveModal({ org, onClose, onMoved }: { org: Org; onClose: () => void; onMoved: (org: Org) => void }) {
  const { message } = App.useApp();
  const move = useMoveOrg();
  const roots = useOrgRoots();
  const parent = org.ancestors.at(-1);
  const seeds = [...(roots.data ?? []), ...(parent ? [parent] : [])];

  const submit = async ({ parentId }: { parentId: number }) => {
    if (parentId === org.parentId) {
      onClose();
      return;
    }
    const moved = await move.mutateAsync({ id: org.id, parentId });
    message.success(`已将「${moved.name}」移至新的上级组织`);
    onMoved(moved);
  };

  return (
    <FormModal<{ parentId: number }>
      title={`移动 · ${org.name}`}
      submitText="移动"
      onClose={onClose}
      onSubmit={submit}
      fields={['parentId']}
      initialValues={{ parentId: org.parentId ?? undefined }}
      intro={
        <Typography.Paragraph type="secondary">
          当前上级：{parent?.name ?? '无'}。移动后，该组织及其全部下级组织随之调整隶属关系。
        </Typography.Paragraph>
      }
    >
      <Form.Item label="新的上级组织" name="parentId" rules={[{ required: true, message: '请选择新的上级组织' }]}>
        <OrgSelect seeds={seeds} excludePath={org.path} data-testid="org-move-parent" />
      </Form.Item>
    </FormModal>
  );
}
