/**
 * 评星定级: the rounds the user takes part in or runs, by programme (五面红旗, 分类定级, …) and
 * optionally by year, each with the steps open today and how many entries are published. A row
 * opens the round. 方案 lists the schemes with their criteria; those who organise evaluations
 * 开展评选 on a scheme and make, edit or copy schemes. Programme and year live in the URL.
 */
import { FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { PROGRAMME_LABELS, PROGRAMMES } from '@jishi/domain';
import { Button, Card, Popover, Space, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { today } from '../../shared/dates';
import { FilterBar, FilterItem, pageOrgId, YearFilter } from '../../shared/FilterBar';
import { ListTable, usePager } from '../../shared/ListTable';
import { TouchTargets } from '../../shared/ui/TouchTargets';
import { oneOf, positiveInt, useUrlParams } from '../../shared/url-params';
import { useIsMobile } from '../../shared/use-is-mobile';
import { useAbilities, useSession } from '../auth/auth.api';
import { useOrgRoots } from '../orgs/orgs.api';
import { openSteps, windowText } from './components/evaluation-display';
import { RoundCreateModal } from './components/RoundCreateModal';
import { SchemesDrawer } from './components/SchemesDrawer';
import { YearCompareCard } from './components/YearCompareCard';
import { type ListFilter, type RoundListItem, useRounds } from './evaluations.api';

const ALL = 'all';

/** Open steps shown as tags; more than this are counted in words (windows often overlap). */
const MAX_TAGS = 2;

/** `MM-DD` within the current year, the full date otherwise. */
const shortDate = (date: string, day: string) => (date.slice(0, 4) === day.slice(0, 4) ? date.slice(5) : date);

/** The steps open today, or where the round stands on the calendar; every window in the popover. */
function RoundWindows({ round, day }: { round: RoundListItem; day: string }) {
  const open = openSteps(round.steps, day);
  const timed = round.steps.filter((s) => s.kind !== 'publicity');
  const first = timed[0];
  const last = timed.at(-1);
  let now: ReactNode;
  if (round.entries > 0 && round.final === round.entries) now = <Tag color="success">结果已发布</Tag>;
  else if (open.length > 0)
    now = (
      <>
        {open.slice(0, MAX_TAGS).map((s) => (
          <Tag key={s.kind} color="processing" style={{ marginInlineEnd: 0 }}>
            {s.name} · 至{shortDate(s.closesAt, day)}
          </Tag>
        ))}
        {open.length > MAX_TAGS && <Typography.Text type="secondary">等{open.length}个环节进行中</Typography.Text>}
      </>
    );
  else if (first && day < first.opensAt) now = <Typography.Text type="secondary">{first.opensAt}开始</Typography.Text>;
  else if (last && day > last.closesAt) now = <Typography.Text type="secondary">各环节已截止 · 公示与发布</Typography.Text>;
  else now = <Typography.Text type="secondary">环节间隔期</Typography.Text>;
  const all = (
    <div style={{ maxWidth: 360 }}>
      {round.steps.map((s, i) => (
        <div key={s.kind}>
          {i + 1}. {s.name}
          <Typography.Text type="secondary">
            {' '}
            {s.kind === 'publicity' ? `审定后公示${round.publicityDays}天` : windowText(s)}
          </Typography.Text>
        </div>
      ))}
    </div>
  );
  return (
    <Popover content={all} title="环节与起止日期">
      <Space size={[4, 4]} wrap>
        {now}
      </Space>
    </Popover>
  );
}

export default function RoundsPage() {
  const pager = usePager();
  const [params, update] = useUrlParams({ onChange: pager.reset });
  const abilities = useAbilities();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const session = useSession();
  const roots = useOrgRoots();
  const programme = oneOf(params.get('programme'), PROGRAMMES);
  const year = positiveInt(params.get('year'));
  const filter: ListFilter = { programme, year };
  const rounds = useRounds(filter);
  const [dialog, setDialog] = useState<'schemes' | 'create'>();
  const canManage = abilities.has('evaluation.manage');
  const day = today();
  const user = session.data?.user;
  const seeds = useMemo(
    () => [...(roots.data ?? []), ...(user?.grants ?? []).map((g) => ({ id: g.orgId, name: g.orgName }))],
    [roots.data, user],
  );
  const defaultOrgId = pageOrgId(null, roots.data, user);

  const name = (r: RoundListItem) => (
    <>
      <Typography.Text strong>{r.name}</Typography.Text>
      {!programme && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {PROGRAMME_LABELS[r.programme]}
          </Typography.Text>
        </div>
      )}
    </>
  );
  const counts = (r: RoundListItem) => (
    <span data-testid="round-counts">
      {r.entries}
      <Typography.Text type="secondary"> / 已发布 {r.final}</Typography.Text>
    </span>
  );

  const columns: TableColumnsType<RoundListItem> = isMobile
    ? [
        {
          title: '评选轮次',
          key: 'round',
          render: (_, r) => (
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              {name(r)}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.orgName} · {r.year}年 · 参评 {r.entries} / 已发布 {r.final}
              </Typography.Text>
              <RoundWindows round={r} day={day} />
            </Space>
          ),
        },
      ]
    : [
        { title: '评选轮次', key: 'name', render: (_, r) => name(r) },
        { title: '开展单位', dataIndex: 'orgName', width: 200, ellipsis: true },
        { title: '年度', dataIndex: 'year', width: 80 },
        { title: '当前环节', key: 'steps', width: 300, render: (_, r) => <RoundWindows round={r} day={day} /> },
        { title: '参评组织', key: 'counts', width: 150, align: 'right', render: (_, r) => counts(r) },
      ];

  return (
    <TouchTargets>
      <Card
        title="评星定级"
        extra={
          <Space wrap>
            <Button icon={<FileTextOutlined />} onClick={() => setDialog('schemes')} data-testid="schemes-open">
              方案
            </Button>
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('create')} data-testid="round-create">
                开展评选
              </Button>
            )}
          </Space>
        }
      >
        <Tabs
          activeKey={programme ?? ALL}
          onChange={(key) => update({ programme: key === ALL ? undefined : key })}
          items={[{ key: ALL, label: '全部' }, ...PROGRAMMES.map((p) => ({ key: p, label: PROGRAMME_LABELS[p] }))]}
          style={{ marginTop: -12 }}
          data-testid="rounds-programme"
        />
        <FilterBar>
          <FilterItem xs={24}>
            <YearFilter value={year} onChange={(y) => update({ year: y })} data-testid="rounds-year" />
          </FilterItem>
        </FilterBar>
        <ListTable<RoundListItem>
          rowKey="id"
          columns={columns}
          dataSource={rounds.data}
          loading={rounds.isFetching}
          onOpen={(r) => navigate(`/evaluations/rounds/${r.id}`)}
          locale={{ emptyText: canManage ? '暂无评选轮次，可点击「开展评选」按方案开展' : '暂无评选轮次' }}
          pager={pager}
          totalText={(total) => `共 ${total} 轮`}
          data-testid="round-table"
        />
        {programme && defaultOrgId !== undefined && (
          <YearCompareCard programme={programme} orgId={defaultOrgId} rounds={rounds.data ?? []} />
        )}
        {dialog === 'schemes' && (
          <SchemesDrawer
            filter={filter}
            canManage={canManage}
            defaultOrgId={defaultOrgId}
            seeds={seeds}
            onClose={() => setDialog(undefined)}
          />
        )}
        {dialog === 'create' && (
          <RoundCreateModal
            programme={programme}
            defaultOrgId={defaultOrgId}
            seeds={seeds}
            onClose={() => setDialog(undefined)}
            onCreated={(round) => navigate(`/evaluations/rounds/${round.id}`)}
          />
        )}
      </Card>
    </TouchTargets>
  );
}
