import { ClockCircleOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { BRANCH_TYPES, COMMITTEE_KIND_LABELS, COMMITTEE_POST_LABELS } from '@jishi/domain';
import { Alert, Button, Descriptions, type DescriptionsProps, Divider, Empty, Result, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { labelOf } from '../../../shared/labels';
import { useIsMobile } from '../../../shared/use-is-mobile';
import type { Org } from '../../orgs/orgs.api';
import { type Committee, useCommittee } from '../committees.api';
import { ElectionModal } from './ElectionModal';
import { GroupModal } from './GroupModal';
import { TermTag } from './meeting-display';
import { TermAdjustModal } from './TermAdjustModal';

type Dialog = 'elect' | 'group' | 'adjust';

/** The elected members as `书记 张三` rows. */
function Seats({ committee }: { committee: Committee }) {
  return (
    <Space size={[8, 8]} wrap data-testid="committee-members">
      {committee.members.map((m) => (
        <Tag key={m.memberId} style={{ padding: '2px 8px', marginInlineEnd: 0 }}>
          <Typography.Text type="secondary">{labelOf(COMMITTEE_POST_LABELS, m.post)}</Typography.Text> {m.name}
        </Tag>
      ))}
    </Space>
  );
}

/**
 * 班子与换届 of an org: the committee in office with posts, its election date, when the term ends
 * and whether 换届 is due or overdue; earlier committees; the 党小组. 登记换届选举 and 设立党小组 for
 * those who manage the roll; 批准提前/延期换届 only for an administrator of the org above (the
 * org's `canRestructure`, the same check the server makes).
 */
export function CommitteeSection({ org }: { org: Org }) {
  const isMobile = useIsMobile();
  const overview = useCommittee(org.id);
  const [dialog, setDialog] = useState<Dialog>();
  const current = overview.data?.current ?? null;
  const canManage = org.abilities.canRecordCommittee && !org.closedAt;
  const hasGroups = BRANCH_TYPES.includes(org.type) || org.type === 'general_branch';

  if (overview.isPending) return <Spin style={{ display: 'block', margin: 24 }} />;
  if (overview.isError) return <Result status="warning" title="无法读取班子信息" subTitle={overview.error.message} />;
  const { history, groups } = overview.data;

  const items: DescriptionsProps['items'] = current
    ? [
        { key: 'kind', label: '班子', children: labelOf(COMMITTEE_KIND_LABELS, current.kind) },
        { key: 'electedAt', label: '选举日期', children: current.electedAt },
        {
          key: 'endsAt',
          label: '届满日期',
          children: (
            <Space size={8} wrap>
              <span data-testid="committee-ends-at">{current.term.endsAt}</span>
              <TermTag status={current.term.status} />
            </Space>
          ),
        },
        ...(current.adjustmentMonths
          ? [
              {
                key: 'adjustment',
                label: current.adjustmentMonths > 0 ? '批准延期' : '批准提前',
                children: `${Math.abs(current.adjustmentMonths)}个月${current.adjustmentReason ? `（${current.adjustmentReason}）` : ''}`,
              },
            ]
          : []),
        { key: 'members', label: '成员', children: <Seats committee={current} />, span: 'filled' },
      ]
    : [];

  return (
    <div data-testid="committee-section">
      {(canManage || (org.abilities.canRestructure && current)) && (
        <Space wrap style={{ marginBottom: 16 }}>
          {canManage && (
            <Button type="primary" icon={<TeamOutlined />} onClick={() => setDialog('elect')} data-testid="committee-elect">
              登记换届选举
            </Button>
          )}
          {canManage && hasGroups && (
            <Button icon={<PlusOutlined />} onClick={() => setDialog('group')} data-testid="group-create">
              设立党小组
            </Button>
          )}
          {org.abilities.canRestructure && current && (
            <Button icon={<ClockCircleOutlined />} onClick={() => setDialog('adjust')} data-testid="committee-adjust">
              批准提前/延期换届
            </Button>
          )}
        </Space>
      )}

      {current ? (
        <>
          {current.term.finding && (
            <Alert
              type={current.term.status === 'overdue' ? 'error' : 'warning'}
              showIcon
              title={current.term.finding.message}
              style={{ marginBottom: 12 }}
            />
          )}
          <Descriptions
            bordered
            size="small"
            column={isMobile ? 1 : 2}
            items={items}
            styles={{ label: { whiteSpace: 'nowrap' } }}
            data-testid="committee-current"
          />
        </>
      ) : (
        <Alert
          type="warning"
          showIcon
          title="尚未登记选举"
          description="未登记支部委员会（书记）的选举信息，无法核对任期和换届时间。请登记最近一次换届选举。"
          data-testid="committee-none"
        />
      )}

      {history.length > 0 && (
        <>
          <Divider titlePlacement="start" plain>
            历届
          </Divider>
          {history.map((c) => (
            <div key={c.id} style={{ marginBottom: 12 }} data-testid="committee-history">
              <Typography.Text strong>
                {c.electedAt} 至 {c.endedAt}
              </Typography.Text>
              <Typography.Text type="secondary"> · {labelOf(COMMITTEE_KIND_LABELS, c.kind)}</Typography.Text>
              <div style={{ marginTop: 4 }}>
                <Seats committee={c} />
              </div>
            </div>
          ))}
        </>
      )}

      {hasGroups && (
        <>
          <Divider titlePlacement="start" plain>
            党小组（{groups.length}）
          </Divider>
          {groups.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未设立党小组" />
          ) : (
            <Space orientation="vertical" style={{ width: '100%' }} data-testid="group-list">
              {groups.map((g) => (
                <div key={g.id}>
                  {g.name}
                  <Typography.Text type="secondary"> · 组长：{g.leaderName ?? '未指定'}</Typography.Text>
                </div>
              ))}
            </Space>
          )}
        </>
      )}

      {dialog === 'elect' && <ElectionModal org={org} onClose={() => setDialog(undefined)} />}
      {dialog === 'group' && <GroupModal org={org} onClose={() => setDialog(undefined)} />}
      {dialog === 'adjust' && current && <TermAdjustModal org={org} committee={current} onClose={() => setDialog(undefined)} />}
    </div>
  );
}
