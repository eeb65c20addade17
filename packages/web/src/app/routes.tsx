/**
 * The one route table: it drives the router, the menu, the breadcrumbs and the access guards
 * (ant-design-pro's `config/routes.ts`). Each page is its own lazy chunk.
 */
import {
  AccountBookOutlined,
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  ClockCircleOutlined,
  DashboardOutlined,
  FlagOutlined,
  FundOutlined,
  IdcardOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  StarOutlined,
  SwapOutlined,
  TeamOutlined,
  TrophyOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import type { Action } from '@jishi/domain';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';

/** One page of the app. */
export interface AppRoute {
  /** react-router path pattern. */
  path: string;
  /** Chinese label in the menu, the breadcrumb and the document title. */
  name: string;
  icon?: ReactNode;
  /** The ability needed to open the page; omitted for pages any logged-in user may open. */
  access?: Action;
  component: LazyExoticComponent<ComponentType>;
  hideInMenu?: boolean;
  /** Submenu the entry sits in. */
  group?: string;
  /** `false` for standalone pages outside the layout and its login guard. */
  layout?: false;
}

const OrgsPage = lazy(() => import('../features/orgs/OrgsPage'));

/**
 * Every page, in menu order. `/orgs/:id` reuses the org page chunk with an org selected;
 * `/development/:id` is one applicant of the 发展党员 board; `/meetings/overview` rolls up the
 * 组织生活 of the branches beneath an org.
 */
export const ROUTES: readonly AppRoute[] = [
  {
    path: '/',
    name: '数据驾驶舱',
    icon: <DashboardOutlined />,
    access: 'indicator.read',
    component: lazy(() => import('../features/dashboard/DashboardPage')),
  },
  { path: '/orgs', name: '组织管理', icon: <ApartmentOutlined />, access: 'org.read', component: OrgsPage },
  { path: '/orgs/:id', name: '组织详情', access: 'org.read', component: OrgsPage, hideInMenu: true },
  {
    path: '/members',
    name: '党员管理',
    icon: <IdcardOutlined />,
    access: 'member.read',
    component: lazy(() => import('../features/members/MembersPage')),
  },
  {
    path: '/transfers',
    name: '组织关系转接',
    icon: <SwapOutlined />,
    access: 'member.read',
    component: lazy(() => import('../features/transfers/TransfersPage')),
  },
  {
    path: '/development',
    name: '发展党员',
    icon: <SolutionOutlined />,
    access: 'development.read',
    component: lazy(() => import('../features/development/DevelopmentPage')),
  },
  {
    path: '/development/:id',
    name: '入党申请人',
    access: 'development.read',
    hideInMenu: true,
    component: lazy(() => import('../features/development/ApplicantPage')),
  },
  {
    path: '/meetings',
    name: '组织生活',
    icon: <ScheduleOutlined />,
    access: 'meeting.read',
    component: lazy(() => import('../features/meetings/MeetingsPage')),
  },
  {
    path: '/meetings/overview',
    name: '组织生活统计',
    icon: <FundOutlined />,
    access: 'meeting.read',
    component: lazy(() => import('../features/meetings/ComplianceOverviewPage')),
  },
  {
    path: '/dues',
    name: '党费管理',
    icon: <AccountBookOutlined />,
    access: 'dues.read',
    component: lazy(() => import('../features/dues/DuesPage')),
  },
  {
    path: '/evaluations',
    name: '评星定级',
    icon: <StarOutlined />,
    access: 'evaluation.file',
    component: lazy(() => import('../features/evaluations/RoundsPage')),
  },
  {
    path: '/evaluations/rounds/:id',
    name: '评选轮次',
    access: 'evaluation.file',
    hideInMenu: true,
    component: lazy(() => import('../features/evaluations/RoundPage')),
  },
  {
    path: '/evaluations/entries/:id',
    name: '参评记录',
    access: 'evaluation.file',
    hideInMenu: true,
    component: lazy(() => import('../features/evaluations/EntryPage')),
  },
  // Any signed-in account: a member's own account sees its dues, any other is told it is not linked.
  {
    path: '/honors/medal50',
    name: '光荣在党50年',
    icon: <TrophyOutlined />,
    access: 'honor.read',
    group: '表彰激励',
    component: lazy(() => import('../features/honors/Medal50Page')),
  },
  {
    path: '/honors/commendations',
    name: '表彰',
    icon: <FlagOutlined />,
    access: 'honor.read',
    group: '表彰激励',
    component: lazy(() => import('../features/honors/CommendationsPage')),
  },
  {
    path: '/users',
    name: '账号管理',
    icon: <TeamOutlined />,
    access: 'user.read',
    group: '系统管理',
    component: lazy(() => import('../features/users/UsersPage')),
  },
  {
    path: '/settings/calendar',
    name: '工作日历',
    icon: <CalendarOutlined />,
    access: 'settings.manage',
    group: '系统管理',
    component: lazy(() => import('../features/settings/CalendarPage')),
  },
  {
    path: '/settings/jobs',
    name: '后台任务',
    icon: <ClockCircleOutlined />,
    access: 'job.run',
    group: '系统管理',
    component: lazy(() => import('../features/settings/JobsPage')),
  },
  {
    path: '/audit',
    name: '审计日志',
    icon: <AuditOutlined />,
    access: 'audit.read',
    group: '系统管理',
    component: lazy(() => import('../features/audit/AuditPage')),
  },
  // Last: a user with nothing else lands on their first entry above (the auditor on 审计日志), not here.
  { path: '/me/dues', name: '我的党费', icon: <WalletOutlined />, component: lazy(() => import('../features/dues/MyDuesPage')) },
  {
    path: '/login',
    name: '登录',
    layout: false,
    hideInMenu: true,
    component: lazy(() => import('../features/auth/LoginPage')),
  },
  // Public: voters hold a one-time code, not an account (no login guard outside the layout).
  {
    path: '/vote',
    name: '党员群众测评',
    layout: false,
    hideInMenu: true,
    component: lazy(() => import('../features/evaluations/VotePage')),
  },
  {
    path: '/change-password',
    name: '修改密码',
    layout: false,
    hideInMenu: true,
    component: lazy(() => import('../features/auth/ChangePasswordPage')),
  },
  {
    path: '*',
    name: '页面不存在',
    layout: false,
    hideInMenu: true,
    component: lazy(() => import('../features/errors/NotFoundPage')),
  },
];
