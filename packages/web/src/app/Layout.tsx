/**
 * The shell around every logged-in page: session and access guards, the menu built from the
 * route table, breadcrumbs, the reminder bell (for users who read the roll) and the user menu.
 * Below 768px the sider becomes a drawer.
 */
import { HomeOutlined, KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { ROLE_LABELS } from '@jishi/domain';
import { Avatar, Breadcrumb, Button, Divider, Drawer, Layout, Menu, type MenuProps, Popover, Result, Space, Typography, theme } from 'antd';
import { type CSSProperties, type ReactNode, useMemo, useState } from 'react';
import { Link, Navigate, Outlet, useLocation, useMatches, useNavigate } from 'react-router';
import { type Session, useAbilities, useLogout, useSession } from '../features/auth/auth.api';
import { ReminderBell } from '../features/reminders/ReminderBell';
import { PageSpin } from '../shared/ui/PageSpin';
import { useIsMobile } from '../shared/use-is-mobile';
import { canAccess, firstAccessiblePath, menuRoutes, routeTrail } from './access';
import { loginUrl } from './request-error';
import type { AppRoute } from './routes';

const { Header, Sider, Content } = Layout;

const APP_TITLE = '基石 · 通辽市基层党建';

type MenuItem = Required<MenuProps>['items'][number];

/** Menu items from the routes the user may open, grouped into submenus by `group`. */
const buildMenuItems = (routes: AppRoute[]): MenuItem[] => {
  const items: MenuItem[] = [];
  const groups = new Map<string, { key: string; label: string; children: MenuItem[] }>();
  for (const route of routes) {
    const item = { key: route.path, icon: route.icon, label: route.name };
    if (!route.group) {
      items.push(item);
      continue;
    }
    let group = groups.get(route.group);
    if (!group) {
      group = { key: `group:${route.group}`, label: route.group, children: [] };
      groups.set(route.group, group);
      items.push(group);
    }
    group.children.push(item);
  }
  return items;
};

function NavMenu({ selectedKey, onNavigate }: { selectedKey?: string; onNavigate?: () => void }) {
  const abilities = useAbilities();
  const navigate = useNavigate();
  const routes = useMemo(() => menuRoutes(abilities), [abilities]);
  const items = useMemo(() => buildMenuItems(routes), [routes]);
  const openKeys = useMemo(() => [...new Set(routes.filter((r) => r.group).map((r) => `group:${r.group}`))], [routes]);
  return (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={selectedKey ? [selectedKey] : []}
      defaultOpenKeys={openKeys}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
    />
  );
}

const COMPACT_NAME: CSSProperties = {
  display: 'inline-block',
  maxWidth: '8em',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
  verticalAlign: 'bottom',
};

function UserMenu({ session, compact }: { session: Session; compact: boolean }) {
  const navigate = useNavigate();
  const logout = useLogout();
  const [open, setOpen] = useState(false);
  const { user } = session;
  const firstGrant = user.grants[0];
  const content = (
    <div style={{ minWidth: 240, maxWidth: 320 }}>
      <Typography.Text strong>{user.displayName}</Typography.Text>
      <Typography.Text type="secondary"> （{user.username}）</Typography.Text>
      <div style={{ marginTop: 8 }}>
        {user.grants.map((g) => (
          <div key={`${g.role}@${g.orgId}`}>
            <Typography.Text type="secondary">
              {ROLE_LABELS[g.role]} · {g.orgName}
            </Typography.Text>
          </div>
        ))}
      </div>
      <Divider style={{ margin: '12px 0' }} />
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Button
          block
          icon={<KeyOutlined />}
          onClick={() => {
            setOpen(false);
            navigate('/change-password');
          }}
        >
          修改密码
        </Button>
        <Button block danger icon={<LogoutOutlined />} data-testid="logout" loading={logout.isPending} onClick={() => logout.mutate()}>
          退出登录
        </Button>
      </Space>
    </div>
  );
  return (
    <Popover content={content} trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen}>
      <Button type="text" data-testid="user-menu" style={{ height: 'auto', padding: '4px 8px' }}>
        <Space size={8}>
          <Avatar size="small" icon={<UserOutlined />} />
          {/* On a phone a long title (大沁他拉镇党(工)委组织委员) would push the page sideways; the popover shows it whole. */}
          <span style={compact ? COMPACT_NAME : undefined}>{user.displayName}</span>
          {!compact && firstGrant && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {ROLE_LABELS[firstGrant.role]} · {firstGrant.orgName}
            </Typography.Text>
          )}
        </Space>
      </Button>
    </Popover>
  );
}

function Brand({ collapsed }: { collapsed: boolean }) {
  return (
    <Link
      to="/"
      style={{
        display: 'block',
        height: 56,
        lineHeight: '56px',
        padding: '0 20px',
        color: '#fff',
        fontSize: 18,
        fontWeight: 600,
        whiteSpace: 'nowrap',
        overflow: 'hidden',
      }}
    >
      {collapsed ? '基石' : APP_TITLE}
    </Link>
  );
}

/** The guarded shell for every page with `layout` not set to false. */
export function AppLayout() {
  const { data: session, isPending, isError, refetch } = useSession();
  const abilities = useAbilities();
  const location = useLocation();
  const matches = useMatches();
  const isMobile = useIsMobile();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { token } = theme.useToken();

  if (isPending) return <PageSpin fullScreen />;
  if (isError) {
    return (
      <Result status="error" title="无法连接服务器" subTitle="请检查网络后重试" extra={<Button onClick={() => refetch()}>重试</Button>} />
    );
  }
  if (!session) return <Navigate to={loginUrl(`${location.pathname}${location.search}`)} replace />;
  if (session.mustChangePassword) return <Navigate to="/change-password" replace />;

  const route = matches.at(-1)?.handle as AppRoute | undefined;
  const trail = routeTrail(location.pathname);
  const selectedKey = [...trail].reverse().find((r) => !r.hideInMenu)?.path;
  let body = <Outlet />;
  if (route && !canAccess(abilities, route)) {
    const fallback = firstAccessiblePath(abilities);
    if (location.pathname === '/' && fallback) return <Navigate to={fallback} replace />;
    body = (
      <Result
        status="403"
        title="无权访问"
        subTitle={fallback ? '您的账号没有打开此页面的权限' : '您的账号尚未分配可用的功能，请联系管理员'}
        extra={
          fallback && (
            <Link to={fallback}>
              <Button>返回首页</Button>
            </Link>
          )
        }
      />
    );
  }

  const breadcrumbItems = [
    {
      key: 'home',
      title: (
        <Link to="/" aria-label="首页">
          <HomeOutlined />
        </Link>
      ),
    },
    ...trail.flatMap((r, i) => {
      const isLast = i === trail.length - 1;
      const items: { key: string; title: ReactNode }[] = [];
      if (r.group && trail[i - 1]?.group !== r.group) items.push({ key: `group:${r.group}`, title: r.group });
      items.push({ key: r.path, title: isLast || r.path.includes(':') ? r.name : <Link to={r.path}>{r.name}</Link> });
      return items;
    }),
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!isMobile && (
        <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={220} breakpoint="lg">
          <Brand collapsed={collapsed} />
          <NavMenu selectedKey={selectedKey} />
        </Sider>
      )}
      <Layout>
        <Header
          style={{
            background: token.colorBgContainer,
            padding: isMobile ? '0 8px' : '0 16px',
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          {isMobile && (
            <>
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label="打开菜单"
                data-testid="menu-toggle"
                onClick={() => setDrawerOpen(true)}
              />
              <Typography.Text strong style={{ fontSize: 16 }}>
                基石
              </Typography.Text>
            </>
          )}
          <div style={{ flex: 1 }} />
          {abilities.has('org.read') && <ReminderBell />}
          <UserMenu session={session} compact={isMobile} />
        </Header>
        <Content style={{ padding: isMobile ? 8 : 16, minWidth: 0 }}>
          <Breadcrumb items={breadcrumbItems} style={{ marginBottom: 12 }} />
          {body}
        </Content>
      </Layout>
      {isMobile && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          closable={false}
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          <Brand collapsed={false} />
          <NavMenu selectedKey={selectedKey} onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
    </Layout>
  );
}
