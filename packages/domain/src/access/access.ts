/**
 * Who may do what, where. Written once: the server uses `can` for single records and
 * `scopesFor` for every list, export and indicator query; the web reads the same table
 * to build its menu.
 */

export const ROLES = ['org_admin', 'branch_admin', 'grid_worker', 'member', 'sysadmin', 'secadmin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  org_admin: '党(工)委/组织部管理员',
  branch_admin: '支部书记/党务工作者',
  grid_worker: '网格员',
  member: '党员',
  sysadmin: '系统管理员',
  secadmin: '安全管理员',
  auditor: '审计管理员',
};

/** 三员: system, security and audit administrators. Separation of duties applies to them. */
export const OFFICER_ROLES: readonly Role[] = ['sysadmin', 'secadmin', 'auditor'];
export const BUSINESS_ROLES: readonly Role[] = ['org_admin', 'branch_admin', 'grid_worker', 'member'];

/**
 * The action vocabulary: one family per module (ARCHITECTURE.md Permissions), so a module is
 * never guarded by another's permission. `read` sees, `manage` keeps the records; a process's
 * steps that belong to a higher level have their own verb (`development.approve`), and who
 * exactly may act is then settled by the process's relation checks (workflow).
 */
export const ACTIONS = [
  'org.read',
  'org.manage',
  'org.committee',
  'member.read',
  'member.manage',
  'member.reveal',
  'transfer.manage',
  'development.read',
  'development.manage',
  'development.approve',
  'meeting.read',
  'meeting.manage',
  'dues.read',
  'dues.manage',
  'honor.read',
  'honor.manage',
  'evaluation.file',
  'evaluation.manage',
  'indicator.read',
  'grid.read',
  'case.read',
  'case.handle',
  'user.read',
  'user.manage',
  'grant.manage',
  'audit.read',
  'settings.manage',
  'security.manage',
  'job.run',
] as const;
export type Action = (typeof ACTIONS)[number];

export const ACTION_LABELS: Record<Action, string> = {
  'org.read': '查看党组织',
  'org.manage': '管理党组织（设立、调整、撤销，班子任期调整）',
  'org.committee': '登记支部委员会换届和党小组',
  'member.read': '查看党员',
  'member.manage': '管理党员名册',
  'member.reveal': '查看完整身份证号和手机号',
  'transfer.manage': '办理组织关系转接',
  'development.read': '查看发展党员',
  'development.manage': '办理发展党员（支部环节）',
  'development.approve': '审批发展党员（基层党委环节）',
  'meeting.read': '查看组织生活',
  'meeting.manage': '登记组织生活会议',
  'dues.read': '查看党费',
  'dues.manage': '核定和收缴党费',
  'honor.read': '查看表彰和纪念章',
  'honor.manage': '登记表彰，推荐、审核、颁发纪念章',
  'evaluation.file': '参加评星定级（自评、测评码）',
  'evaluation.manage': '组织评星定级（方案、轮次、评定、审定）',
  'indicator.read': '查看统计指标',
  'grid.read': '查看网格',
  'case.read': '查看网格事件',
  'case.handle': '受理和处置网格事件',
  'user.read': '查看账号',
  'user.manage': '管理账号',
  'grant.manage': '分配权限',
  'audit.read': '查阅审计日志',
  'settings.manage': '系统设置（含工作日历）',
  'security.manage': '安全设置',
  'job.run': '立即运行后台任务',
};

/** Actions of the 三员 and the system, never a business role's. */
const OFFICER_ACTIONS: readonly Action[] = ['audit.read', 'settings.manage', 'security.manage', 'job.run'];

/** Every business action an org admin holds over its subtree: all but the officers'. */
const ORG_ADMIN_ACTIONS: readonly Action[] = ACTIONS.filter((a) => !OFFICER_ACTIONS.includes(a));

/**
 * Role → actions, written once. 三员分立 (GB/T 22239 等保 separation of duties): sysadmin keeps
 * accounts, settings and jobs but reads no Party data; secadmin assigns grants; auditor only reads
 * the audit log. A branch keeps its own records but approves nothing of its own development
 * (基层党委 does) and organizes no evaluation. A grid worker works cases in the grids granted;
 * a member sees the branch and its meetings (own dues come through the account's member link).
 */
export const ROLE_ACTIONS: Record<Role, readonly Action[]> = {
  org_admin: ORG_ADMIN_ACTIONS,
  branch_admin: ORG_ADMIN_ACTIONS.filter(
    (a) => !['org.manage', 'development.approve', 'evaluation.manage', 'user.read', 'user.manage', 'grant.manage'].includes(a),
  ),
  grid_worker: ['org.read', 'grid.read', 'case.read', 'case.handle'],
  member: ['org.read', 'meeting.read'],
  sysadmin: ['user.read', 'user.manage', 'settings.manage', 'job.run'],
  secadmin: ['user.read', 'grant.manage', 'security.manage'],
  auditor: ['audit.read'],
};

/** A materialized org path: ids joined by dots, root first (`1.4.17`). */
export type OrgPath = string;

export interface Grant {
  role: Role;
  orgId: number;
  orgPath: OrgPath;
}

export interface Actor {
  userId: number;
  username: string;
  grants: readonly Grant[];
}

/** True when `path` is `scope` itself or lies beneath it. */
export const isWithin = (scope: OrgPath, path: OrgPath): boolean => path === scope || path.startsWith(`${scope}.`);

/** May `actor` perform `action` on something that lives at `target.orgPath`? */
export const can = (actor: Actor, action: Action, target: { orgPath: OrgPath }): boolean =>
  actor.grants.some((g) => ROLE_ACTIONS[g.role].includes(action) && isWithin(g.orgPath, target.orgPath));

/** May `actor` perform `action` anywhere at all (menus, route flags)? */
export const canAnywhere = (actor: Actor, action: Action): boolean => actor.grants.some((g) => ROLE_ACTIONS[g.role].includes(action));

/**
 * Subtrees in which `actor` may perform `action`, with nested ones folded into their ancestor,
 * so the SQL filter stays short.
 */
export const scopesFor = (actor: Actor, action: Action): OrgPath[] => {
  const paths = actor.grants.filter((g) => ROLE_ACTIONS[g.role].includes(action)).map((g) => g.orgPath);
  return [...new Set(paths)].filter((p) => !paths.some((q) => q !== p && isWithin(q, p)));
};

/** Paths of every grant carrying `action`, nested ones kept (relation checks need the nearest). */
export const scopesHeld = (actor: Actor, action: Action): OrgPath[] =>
  actor.grants.filter((g) => ROLE_ACTIONS[g.role].includes(action)).map((g) => g.orgPath);

/** Every action the actor holds somewhere: the web builds its menu from this. */
export const abilitiesOf = (actor: Actor): Action[] => ACTIONS.filter((a) => canAnywhere(actor, a));

/**
 * Grants one account may hold together. 三员分立: no account holds two of sysadmin/secadmin/auditor,
 * and none of them together with a business role. Returns a Chinese reason, or null when valid.
 */
export const grantConflict = (roles: readonly Role[]): string | null => {
  const officers = [...new Set(roles.filter((r) => OFFICER_ROLES.includes(r)))];
  if (officers.length > 1) {
    return `三员分立：${officers.map((r) => ROLE_LABELS[r]).join('、')}不得由同一账号兼任`;
  }
  if (officers.length === 1 && roles.some((r) => BUSINESS_ROLES.includes(r))) {
    return `三员分立：${ROLE_LABELS[officers[0] as Role]}不得兼任业务角色`;
  }
  return null;
};

/**
 * Which roles a granter may hand out. Business roles are granted by org admins inside their own
 * subtree; the three officer roles only by the security administrator.
 */
export const grantableRoles = (granterRoles: readonly Role[]): Role[] => {
  if (granterRoles.includes('secadmin')) return [...ROLES];
  if (granterRoles.includes('org_admin')) return [...BUSINESS_ROLES];
  return [];
};

/**
 * The read action behind a write action. A caller who may read the target but not change it is
 * told "forbidden"; one who may not even read it is told "not found", so ids cannot be probed.
 */
export const READ_ACTION_OF: Partial<Record<Action, Action>> = {
  'org.manage': 'org.read',
  'org.committee': 'org.read',
  'member.manage': 'member.read',
  'member.reveal': 'member.read',
  'transfer.manage': 'member.read',
  'development.manage': 'development.read',
  'development.approve': 'development.read',
  'meeting.manage': 'meeting.read',
  'dues.manage': 'dues.read',
  'honor.manage': 'honor.read',
  'evaluation.manage': 'org.read',
  'evaluation.file': 'org.read',
  'case.handle': 'case.read',
  'user.manage': 'user.read',
  'grant.manage': 'user.read',
};

/**
 * 三员分立 for officer accounts (GB/T 22239-2019 8.1.4.2): only another officer of a different role
 * may change one, and nobody resets an officer's password in the application — that would let one
 * officer sign in as another. Returns a Chinese reason to refuse, or null.
 */
export const officerAccountRefusal = (
  actorRoles: readonly Role[],
  targetRoles: readonly Role[],
  op: 'manage' | 'reset_password',
): string | null => {
  const target = targetRoles.filter((r) => OFFICER_ROLES.includes(r));
  if (target.length === 0) return null;
  if (op === 'reset_password') {
    return '三员分立：系统管理员、安全管理员、审计管理员账号的密码不能由他人在系统内重置；请本人修改，或由运维人员在服务器上执行 npm run account:reset';
  }
  const mine = actorRoles.filter((r) => OFFICER_ROLES.includes(r));
  if (mine.length === 0 || mine.some((r) => target.includes(r))) {
    return '三员分立：三员账号只能由其他角色的三员管理员（系统管理员或安全管理员）管理';
  }
  return null;
};

/** May `actor` hand out `role` at `orgPath`? It needs grant.manage there, with a role allowed to grant it. */
export const mayGrant = (actor: Actor, role: Role, orgPath: OrgPath): boolean =>
  actor.grants.some(
    (g) => ROLE_ACTIONS[g.role].includes('grant.manage') && isWithin(g.orgPath, orgPath) && grantableRoles([g.role]).includes(role),
  );
