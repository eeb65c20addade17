import { Tag } from 'antd';
import type { StepDeadline } from '../development.api';

/** 已逾期 (red) for a missed due date, 可办理日期 (blue) for the first day a step is allowed, else 办理期限. */
export function DeadlineTag({ kind, overdue }: Pick<StepDeadline, 'kind' | 'overdue'>) {
  if (overdue) return <Tag color="red">已逾期</Tag>;
  if (kind === 'earliest') return <Tag color="blue">可办理日期</Tag>;
  return <Tag>办理期限</Tag>;
}
