import { TRANSFER_STATUS_LABELS } from '@jishi/domain';
import { Tag } from 'antd';
import { labelOf } from '../../../shared/labels';
import type { Transfer, TransferStatus } from '../transfers.api';

const STATUS_COLORS: Record<TransferStatus, string> = { pending: 'gold', received: 'green', cancelled: 'default' };

/** 待接收 / 已接收 / 已撤回. */
export function TransferStatusTag({ status }: { status: TransferStatus }) {
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="transfer-status" data-status={status}>
      {labelOf(TRANSFER_STATUS_LABELS, status)}
    </Tag>
  );
}

/** Where the letter comes from: the issuing branch, or the origin outside the system. */
export const sourceOf = (t: Pick<Transfer, 'fromOrgName' | 'origin'>): string => t.fromOrgName ?? t.origin ?? '—';

/** Where the letter goes: the receiving branch, or the destination outside the system. */
export const targetOf = (t: Pick<Transfer, 'toOrgName' | 'destination'>): string => t.toOrgName ?? t.destination ?? '—';

/** True for a letter out of the system (no receiving branch here). */
export const isOutbound = (t: Pick<Transfer, 'toOrgId'>): boolean => t.toOrgId === null;
