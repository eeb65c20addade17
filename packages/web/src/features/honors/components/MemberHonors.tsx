import { TrophyOutlined } from '@ant-design/icons';
import { COMMENDATION_LEVEL_LABELS, COMMENDATION_TITLE_LABELS } from '@jishi/domain';
import { Alert, Space, Spin, Tag, Typography } from 'antd';
import { labelOf } from '../../../shared/labels';
import { type Medal50Case, useMemberHonors } from '../honors.api';
import { Medal50StatusTag } from './medal50-display';

/** The medal case in a line: year, status, and the day of its last recorded step (颁发 once awarded). */
function MedalLine({ medal }: { medal: Medal50Case }) {
  const last = medal.steps.at(-1);
  return (
    <div data-testid="member-medal50" data-status={medal.status}>
      <Space size={6} wrap>
        <TrophyOutlined style={{ color: '#d4a017' }} />
        <Typography.Text strong>「光荣在党50年」纪念章</Typography.Text>
        <Typography.Text>{medal.year} 年度</Typography.Text>
        <Medal50StatusTag status={medal.status} />
        {last && <Typography.Text type="secondary">{last.date}</Typography.Text>}
      </Space>
    </div>
  );
}

/** 表彰与纪念章 in the member drawer: the member's commendations, newest first, and the medal case. */
export function MemberHonors({ memberId }: { memberId: number }) {
  const honors = useMemberHonors(memberId);
  if (honors.isPending) return <Spin size="small" />;
  if (honors.isError) return <Alert type="error" showIcon title="表彰与纪念章加载失败" />;
  const { commendations, medal50 } = honors.data;
  if (commendations.length === 0 && !medal50) {
    return (
      <Typography.Text type="secondary" data-testid="member-honors-empty">
        暂无表彰与纪念章
      </Typography.Text>
    );
  }
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="member-honors">
      {medal50 && <MedalLine medal={medal50} />}
      {commendations.map((c) => (
        <div key={c.id} data-testid="member-commendation">
          <Space size={6} wrap>
            <Tag color="red">{labelOf(COMMENDATION_LEVEL_LABELS, c.level)}</Tag>
            <Typography.Text strong>
              {c.year} 年度{labelOf(COMMENDATION_TITLE_LABELS, c.title)}
            </Typography.Text>
          </Space>
          <div>
            <Typography.Text type="secondary">
              {[c.conferredBy, c.documentNo, `表彰日期 ${c.conferredAt}`].filter(Boolean).join(' · ')}
            </Typography.Text>
          </div>
        </div>
      ))}
    </Space>
  );
}
