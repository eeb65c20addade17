import { EXIT_TYPE_LABELS, MEMBER_STATUS_LABELS } from '@jishi/domain';
import { Space, Tag } from 'antd';
import { labelOf } from '../../../shared/labels';
import type { Member } from '../members.api';

/** 党龄 as the roll shows it: `12 年`, or 预备期 for a probationary member (党龄 counts from 转正). */
export const partyAgeText = (m: Pick<Member, 'status' | 'partyAgeYears'>): string =>
  m.status === 'probationary' ? '预备期' : `${m.partyAgeYears} 年`;

/** 正式党员 / 预备党员, or 已减少 with the exit type; flags for 流动 and 在职 when `withFlags`. */
export function MemberStatusTag({ member, withFlags = false }: { member: Member; withFlags?: boolean }) {
  const main = member.exitType ? (
    <Tag>已减少 · {labelOf(EXIT_TYPE_LABELS, member.exitType)}</Tag>
  ) : (
    <Tag color={member.status === 'full' ? 'red' : 'orange'}>{labelOf(MEMBER_STATUS_LABELS, member.status)}</Tag>
  );
  if (!withFlags) return main;
  return (
    <Space size={4} wrap>
      {main}
      {member.isFlowing && <Tag color="blue">流动党员</Tag>}
      {member.isInService && <Tag color="green">在职党员</Tag>}
    </Space>
  );
}
