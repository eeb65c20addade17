/** Headings of the indicator groups the dashboard shows together (ids are the server's `group`). */
export const INDICATOR_GROUP_LABELS: Record<string, string> = {
  org_type: '按组织类型',
  org_domain: '按组织领域',
  member: '党员队伍',
  member_age: '党员年龄结构',
  member_education: '党员学历结构',
  member_new: '发展党员',
  org_problem: '需关注的问题',
  honor: '表彰激励',
  member_domain: '按领域党员',
  development: '发展党员进度',
  branch_life: '组织生活',
  dues: '党费',
  red_flags: '五面红旗',
  grading: '党支部分类定级',
  evaluation: '学校定级·幸福社区·述职评议',
};
