/**
 * 账号管理: accounts in the caller's scope, with the member each is linked to (a Party member's own
 * account); the actions shown follow the caller's abilities.
 */
import { PlusOutlined } from '@ant-design/icons';
import { grantableRoles, ROLE_LABELS } from '@jishi/domain';
import { App, Button, Card, Input, Popconfirm, Space, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { formatDateTime } from '../../shared/dates';
import { ListTable, usePager } from '../../shared/ListTable';
import { useIsMobile } from '../../shared/use-is-mobile';
import { useAbilities, useSession } from '../auth/auth.api';
import { GrantsModal } from './components/GrantsModal';
import { MemberLinkModal } from './components/MemberLinkModal';
import { ResetPasswordModal } from './components/ResetPasswordModal';
import { UserCreateModal } from './components/UserCreateModal';
import { type UserAccount, useUnlockUser, useUpdateUser, useUsers } from './users.api';

const isLocked = (user: UserAccount) => user.lockedUntil !== null && dayjs(user.lockedUntil).isAfter(dayjs());

/** 正常 / 停用 / 锁定至…, plus a hint while the initial password is unchanged. */
function UserStatus({ user }: { user: UserAccount }) {
  return (
    <Space size={4} wrap>
      {user.disabled ? (
        <Tag color="default">停用</Tag>
      ) : isLocked(user) ? (
        <Tag color="warning">锁定至 {formatDateTime(user.lockedUntil)}</Tag>
      ) : (
        <Tag color="success">正常</Tag>
      )}
      {user.mustChangePassword && <Tag>待修改初始密码</Tag>}
    </Space>
  );
}

type Dialog = { kind: 'create' } | { kind: 'grants' | 'reset' | 'member'; user: UserAccount };

export default function UsersPage() {
  const { message } = App.useApp();
  const session = useSession();
  const abilities = useAbilities();
  const isMobile = useIsMobile();
  const [q, setQ] = useState('');
  const pager = usePager({ sizeChanger: true });
  const [dialog, setDialog] = useState<Dialog>();
  const users = useUsers({ q: q || undefined, page: pager.page, pageSize: pager.pageSize });
  const update = useUpdateUser();
  const unlock = useUnlockUser();

  const canManage = abilities.has('user.manage');
  const canGrant = abilities.has('grant.manage');
  const me = session.data?.user;
  const grantable = useMemo(() => (canGrant ? grantableRoles(me?.grants.map((g) => g.role) ?? []) : []), [canGrant, me]);

  const setDisabled = (user: UserAccount, disabled: boolean) =>
    update.mutate(
      { id: user.id, patch: { disabled } },
      { onSuccess: () => message.success(`已${disabled ? '停用' : '启用'}账号 ${user.username}`) },
    );

  const columns: TableColumnsType<UserAccount> = [
    { title: '用户名', dataIndex: 'username', width: 140 },
    { title: '姓名', dataIndex: 'displayName', width: 160 },
    {
      title: '关联党员',
      dataIndex: 'memberName',
      width: 110,
      render: (name: string | null) => name ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      title: '权限',
      key: 'grants',
      render: (_, user) =>
        user.grants.length === 0 ? (
          <Typography.Text type="secondary">未分配</Typography.Text>
        ) : (
          <Space size={[4, 4]} wrap>
            {user.grants.map((g) => (
              <Tag
                key={`${g.role}@${g.orgId}`}
                color={g.role === 'org_admin' ? 'red' : undefined}
                style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}
              >
                {ROLE_LABELS[g.role] ?? g.role} @ {g.orgName}
              </Tag>
            ))}
          </Space>
        ),
    },
    { title: '状态', key: 'status', width: 170, render: (_, user) => <UserStatus user={user} /> },
    { title: '最近登录', dataIndex: 'lastLoginAt', width: 150, render: (value: string | null) => formatDateTime(value) },
  ];
  if (canManage || canGrant) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 250,
      render: (_, user) => {
        const may = user.abilities;
        return (
          <Space size={0} wrap>
            {may.canDisable && (
              <Popconfirm
                title={user.disabled ? `启用账号 ${user.username}？` : `停用账号 ${user.username}？`}
                description={user.disabled ? undefined : '停用后该账号立即无法登录'}
                onConfirm={() => setDisabled(user, !user.disabled)}
              >
                <Button type="link" size="small" danger={!user.disabled}>
                  {user.disabled ? '启用' : '停用'}
                </Button>
              </Popconfirm>
            )}
            {may.canUnlock && (
              <Button
                type="link"
                size="small"
                onClick={() => unlock.mutate(user.id, { onSuccess: () => message.success(`已解锁账号 ${user.username}`) })}
              >
                解锁
              </Button>
            )}
            {may.canResetPassword && (
              <Button type="link" size="small" onClick={() => setDialog({ kind: 'reset', user })}>
                重置密码
              </Button>
            )}
            {may.canEditGrants && (
              <Button type="link" size="small" onClick={() => setDialog({ kind: 'grants', user })}>
                编辑权限
              </Button>
            )}
            {may.canLinkMember && (
              <Button type="link" size="small" onClick={() => setDialog({ kind: 'member', user })} data-testid="user-link">
                关联党员
              </Button>
            )}
          </Space>
        );
      },
    });
  }

  return (
    <Card
      title="账号管理"
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })} data-testid="user-create">
            {isMobile ? '新建' : '新建账号'}
          </Button>
        )
      }
    >
      <Input.Search
        placeholder="搜索用户名或姓名"
        allowClear
        maxLength={50}
        enterButton="查询"
        onSearch={(value) => {
          setQ(value.trim());
          pager.reset();
        }}
        style={{ maxWidth: 360, marginBottom: 16 }}
        data-testid="user-search"
      />
      <ListTable<UserAccount>
        rowKey="id"
        columns={columns}
        dataSource={users.data?.items}
        loading={users.isFetching}
        scroll={{ x: 1170 }}
        pager={pager}
        total={users.data?.total ?? 0}
        totalText={(total) => `共 ${total} 个账号`}
        alwaysShowPager
        data-testid="user-table"
      />
      {dialog?.kind === 'create' && <UserCreateModal grantable={grantable} onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'grants' && <GrantsModal user={dialog.user} grantable={grantable} onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'reset' && <ResetPasswordModal user={dialog.user} onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'member' && <MemberLinkModal user={dialog.user} onClose={() => setDialog(undefined)} />}
    </Card>
  );
}
