/**
 * 组织生活 of one org (a branch, usually) for a year: what it owes (the compliance card), the
 * meetings recorded (a row opens the record with its people and files), and 登记会议. The org and
 * the year live in the URL (`?orgId=&year=`: the roll-up page links here); the page opens on the
 * user's home org.
 */
import { PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { BRANCH_TYPES, COMMITTEE_REQUIRED_FROM } from '@jishi/domain';
import { Alert, Button, Card, Result, Spin, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { today } from '../../shared/dates';
import { FilterBar, FilterItem, pageOrgId, useOrgSeeds } from '../../shared/FilterBar';
import { ListTable, usePager } from '../../shared/ListTable';
import { YearPicker } from '../../shared/ui/YearPicker';
import { positiveInt, useUrlParams } from '../../shared/url-params';
import { useIsMobile } from '../../shared/use-is-mobile';
import { useSession } from '../auth/auth.api';
import { useMembers } from '../members/members.api';
import { OrgSelect } from '../orgs/components/OrgSelect';
import { useOrg, useOrgRoots } from '../orgs/orgs.api';
import { useCommittee } from './committees.api';
import { ComplianceCard, type MeetingPreset } from './components/ComplianceCard';
import { MeetingDrawer } from './components/MeetingDrawer';
import { MeetingFormDrawer } from './components/MeetingFormDrawer';
import { MeetingTypeTag } from './components/meeting-display';
import { type Meeting, useCompliance, useMeetings } from './meetings.api';

/** 计划召开, or the reason a held meeting does not count. */
function MeetingFlags({ m }: { m: Meeting }) {
  return (
    <>
      {m.status === 'planned' && <Tag color="blue">计划召开</Tag>}
      {m.quorumProblem && (
        <Tooltip title={m.quorumProblem}>
          <Tag color="error" data-testid="meeting-not-counted">
            人数不足，不计入
          </Tag>
        </Tooltip>
      )}
    </>
  );
}

const attendanceText = (m: Meeting) => (m.present === null ? '—' : `${m.present} / ${m.shouldAttend ?? '—'}`);

export default function MeetingsPage() {
  const pager = usePager();
  const [params, update] = useUrlParams({ onChange: pager.reset });
  const isMobile = useIsMobile();
  const session = useSession();
  const roots = useOrgRoots();
  const user = session.data?.user;
  const orgId = pageOrgId(params.get('orgId'), roots.data, user);
  const day = today();
  const currentYear = Number(day.slice(0, 4));
  const year = positiveInt(params.get('year')) ?? currentYear;
  const org = useOrg(orgId);
  const compliance = useCompliance(orgId, year);
  const meetings = useMeetings(orgId, year);
  const committee = useCommittee(orgId);
  const isBranch = org.data ? BRANCH_TYPES.includes(org.data.type) : false;
  // Before an election is recorded, the server takes a branch of 7 or more 正式党员 to have a committee.
  const fullMembers = useMembers(
    { orgId, status: 'full', page: 1, pageSize: 1 },
    isBranch && committee.isSuccess && !committee.data.current,
  );
  const current = committee.data?.current;
  const hasCommittee = current ? current.kind === 'committee' : (fullMembers.data?.total ?? 0) >= COMMITTEE_REQUIRED_FROM;
  const [openId, setOpenId] = useState<number>();
  const [recording, setRecording] = useState<{ preset?: MeetingPreset }>();
  const seeds = useOrgSeeds(roots.data, org.data);
  const canRecord = Boolean(org.data?.abilities.canRecordMeetings) && !org.data?.closedAt;

  if (session.isPending || roots.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (orgId === undefined) return <Result status="info" title="没有可查看的组织" />;

  const columns: TableColumnsType<Meeting> = isMobile
    ? [
        {
          title: '会议',
          key: 'meeting',
          render: (_, m) => (
            <>
              <div style={{ display: 'flex', gap: 6, alignItems: 'center', flexWrap: 'wrap' }}>
                <MeetingTypeTag type={m.type} />
                <Typography.Text>{m.date}</Typography.Text>
                <MeetingFlags m={m} />
              </div>
              {m.topic && <div style={{ marginTop: 4 }}>{m.topic}</div>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                实到/应到 {attendanceText(m)}
                {m.attachments > 0 && (
                  <>
                    {' · '}
                    <PaperClipOutlined /> {m.attachments}
                  </>
                )}
              </Typography.Text>
            </>
          ),
        },
      ]
    : [
        { title: '日期', dataIndex: 'date', width: 110 },
        { title: '类型', dataIndex: 'type', width: 130, render: (_, m) => <MeetingTypeTag type={m.type} /> },
        { title: '会议主题', dataIndex: 'topic', ellipsis: true, render: (v: string | null) => v ?? '—' },
        { title: '实到/应到', key: 'attendance', width: 100, align: 'center', render: (_, m) => attendanceText(m) },
        {
          title: '状态',
          key: 'flags',
          width: 150,
          render: (_, m) => (m.status === 'held' && !m.quorumProblem ? '已召开' : <MeetingFlags m={m} />),
        },
        {
          title: '附件',
          dataIndex: 'attachments',
          width: 72,
          align: 'center',
          render: (n: number) =>
            n > 0 ? (
              <span>
                <PaperClipOutlined /> {n}
              </span>
            ) : (
              '—'
            ),
        },
      ];

  return (
    <Card
      title="组织生活"
      extra={
        canRecord && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording({})} data-testid="meeting-create">
            登记会议
          </Button>
        )
      }
    >
      <FilterBar>
        <FilterItem size="wide">
          <OrgSelect value={orgId} onChange={(id) => id !== undefined && update({ orgId: id })} seeds={seeds} data-testid="meetings-org" />
        </FilterItem>
        <FilterItem>
          <YearPicker value={year} onChange={(y) => update({ year: y })} data-testid="meetings-year" />
        </FilterItem>
        <FilterItem>
          <Link to={`/meetings/overview?orgId=${orgId}&year=${year}`} data-testid="meetings-overview-link">
            组织生活统计
          </Link>
        </FilterItem>
      </FilterBar>

      {org.data && !isBranch && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`「${org.data.name}」不是党支部`}
          description={
            <>
              三会一课按党支部考核：请在上方选择党支部，或在
              <Link to={`/meetings/overview?orgId=${orgId}&year=${year}`}>组织生活统计</Link>
              中查看下级党支部的情况。
            </>
          }
        />
      )}

      {compliance.isError ? (
        <Result status="404" title="组织不存在或无权访问" />
      ) : compliance.data ? (
        <ComplianceCard
          compliance={compliance.data}
          meetings={meetings.data ?? []}
          committee={committee.data}
          hasCommittee={hasCommittee}
          isBranch={isBranch}
          today={day}
          onRecord={canRecord ? (preset) => setRecording({ preset }) : undefined}
        />
      ) : (
        <Spin style={{ display: 'block', margin: 24 }} />
      )}

      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {year}年会议记录
      </Typography.Title>
      <ListTable<Meeting>
        rowKey="id"
        columns={columns}
        dataSource={meetings.data}
        loading={meetings.isFetching}
        onOpen={(m) => setOpenId(m.id)}
        locale={{ emptyText: '本年度暂无会议记录' }}
        pager={pager}
        totalText={(total) => `共 ${total} 次`}
        data-testid="meeting-table"
      />
      {openId !== undefined && (
        <MeetingDrawer key={openId} meetingId={openId} groups={committee.data?.groups ?? []} onClose={() => setOpenId(undefined)} />
      )}
      {recording && org.data && <MeetingFormDrawer org={org.data} preset={recording.preset} onClose={() => setRecording(undefined)} />}
    </Card>
  );
}
