import { MEDAL50_STATUS_LABELS, type Medal50Status } from '@jishi/domain';
import { Tag } from 'antd';
import { labelOf } from '../../../shared/labels';

const STATUS_COLORS: Record<Medal50Status, string> = {
  recommended: 'blue',
  reviewed: 'gold',
  awarded: 'green',
  rejected: 'default',
};

/** 已推荐 / 已审核 / 已颁发 / 审核未通过, or 未推荐 for an eligible member without a live case. */
export function Medal50StatusTag({ status }: { status: Medal50Status | null }) {
  return (
    <Tag color={status ? STATUS_COLORS[status] : undefined} data-testid="medal50-status" data-status={status ?? 'none'}>
      {status ? labelOf(MEDAL50_STATUS_LABELS, status) : '未推荐'}
    </Tag>
  );
}

/** The next step of a case in the procedure, or undefined once it is closed (颁发 or 审核未通过). */
export const nextMedal50Step = (status: Medal50Status | null): 1 | 2 | 3 | undefined => {
  if (status === null) return 1;
  if (status === 'recommended') return 2;
  if (status === 'reviewed') return 3;
  return undefined;
};
