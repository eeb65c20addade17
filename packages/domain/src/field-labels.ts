/** Chinese names of request fields, so an error names the field the way the form does. */
export const FIELD_LABELS: Record<string, string> = {
  parentId: '上级组织',
  name: '名称',
  code: '组织代码',
  type: '组织类型',
  domain: '组织领域',
  divisionCode: '行政区划代码',
  foundedAt: '成立日期',
  closedAt: '撤销日期',
  reason: '原因',
  unit: '所在单位',
  username: '用户名',
  password: '密码',
  displayName: '姓名',
  oldPassword: '原密码',
  newPassword: '新密码',
  grants: '权限',
  role: '角色',
  orgId: '党组织',
  homeOrgId: '所属党组织',
  disabled: '停用',
  page: '页码',
  pageSize: '每页条数',
  date: '统计日期',
  from: '开始日期',
  to: '结束日期',
  q: '搜索词',
  id: '编号',
  monthlyBase: '每月交纳基数',
  reducedAmount: '少交后每月金额',
  voluntary: '自愿多交金额',
};

/** `grants.0.orgId` → `权限第1项·党组织（grants.0.orgId）`. */
export const fieldLabel = (path: string): string => {
  const parts = path.split('.').filter(Boolean);
  const label = parts
    .map((p) => (/^\d+$/.test(p) ? `第${Number(p) + 1}项` : (FIELD_LABELS[p] ?? p)))
    .join('·')
    .replace(/·(第\d+项)/g, '$1');
  return label === path ? path : `${label}（${path}）`;
};
