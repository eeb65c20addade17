import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { grantConflict, type Role } from '@jishi/domain';
import { Button, Form, Select, Space, Typography } from 'antd';
import { roleOptions } from '../../../shared/labels';
import { OrgSelect } from '../../orgs/components/OrgSelect';
import { useOrgRoots } from '../../orgs/orgs.api';

/** A grant while being edited: the org name is kept so the picker can show it before any search. */
export interface GrantField {
  role?: Role;
  orgId?: number;
  orgName?: string;
}

/** The complete grants of the editor's rows (a row still missing its role or org is left out). */
export const grantsOf = (grants: readonly GrantField[] | undefined): { role: Role; orgId: number }[] =>
  (grants ?? []).flatMap((g) => (g.role && g.orgId ? [{ role: g.role, orgId: g.orgId }] : []));

/**
 * The `grants` list of an account form: role + org per row. Only roles the editor may grant are
 * offered (existing other roles stay visible but locked); 三员分立 conflicts are checked as the
 * server will.
 */
export function GrantsEditor({ grantable }: { grantable: readonly Role[] }) {
  const roots = useOrgRoots();
  return (
    <Form.List
      name="grants"
      rules={[
        {
          validator: async (_, grants: GrantField[] | undefined) => {
            const conflict = grantConflict((grants ?? []).flatMap((g) => (g?.role ? [g.role] : [])));
            if (conflict) throw new Error(conflict);
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field) => (
            <Form.Item key={field.key} noStyle shouldUpdate>
              {({ getFieldValue }) => {
                const current = getFieldValue(['grants', field.name]) as GrantField | undefined;
                const locked = current?.role !== undefined && !grantable.includes(current.role);
                const roles = locked && current?.role ? [...grantable, current.role] : grantable;
                const seeds = [
                  ...(roots.data ?? []),
                  ...(current?.orgId && current.orgName ? [{ id: current.orgId, name: current.orgName }] : []),
                ];
                return (
                  <Space.Compact block style={{ marginBottom: 8 }}>
                    <Form.Item name={[field.name, 'role']} noStyle rules={[{ required: true, message: '请选择角色' }]}>
                      <Select
                        placeholder="角色"
                        disabled={locked}
                        options={roleOptions(roles).map((o) => ({ ...o, disabled: !grantable.includes(o.value) }))}
                        style={{ width: '42%' }}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'orgId']} noStyle rules={[{ required: true, message: '请选择组织' }]}>
                      <OrgSelect seeds={seeds} placeholder="所在组织（可搜索）" style={{ width: '58%' }} />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} aria-label="删除此权限" disabled={locked} onClick={() => remove(field.name)} />
                  </Space.Compact>
                );
              }}
            </Form.Item>
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ role: grantable[0] })} disabled={grantable.length === 0}>
            添加权限
          </Button>
          <Form.ErrorList errors={errors} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            账号只能在所选组织及其下级范围内行使该角色的权限
          </Typography.Text>
        </>
      )}
    </Form.List>
  );
}
