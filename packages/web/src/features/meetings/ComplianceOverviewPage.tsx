/**
 * 组织生活统计: for a township or county, its children counted over their subtrees from the nightly
 * snapshot (落后支部, 三会一课完成率, terms overdue or due, setup problems); a child opens its own
 * roll-up, a branch its 组织生活 page. Below, the branches with findings, most meetings owed first,
 * filtered by finding code. Org, year and code live in the URL.
 */
import { BRANCH_TYPES, type ComplianceFinding } from '@jishi/domain';
import { Breadcrumb, Card, Empty, Result, Space, Spin, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { today } from '../../shared/dates';
import { FilterBar, FilterItem, pageOrgId, SelectFilter, useOrgSeeds } from '../../shared/FilterBar';
import { ListTable, usePager } from '../../shared/ListTable';
import { YearPicker } from '../../shared/ui/YearPicker';
import { positiveInt, useUrlParams } from '../../shared/url-params';
import { useIsMobile } from '../../shared/use-is-mobile';
import { useSession } from '../auth/auth.api';
import { OrgSelect } from '../orgs/components/OrgSelect';
import { reachableAncestors, useOrg, useOrgRoots } from '../orgs/orgs.api';
import {
  completionRate,
  FINDING_CODE_OPTIONS,
  findingLabel,
  periodLabel,
  rateColor,
  TERM_DUE_SOON_LABEL,
} from './components/meeting-display';
import { type BranchCompliance, type ComplianceRollup, useComplianceBranches, useComplianceSummary } from './meetings.api';

const isBranchType = (type: string) => (BRANCH_TYPES as readonly string[]).includes(type);

/** A completion rate in its colour, or — when nothing was due yet. */
const Rate = ({ c }: { c: { meetingsRequired: number; meetingsOwed: number } }) => {
  const rate = completionRate(c);
  if (rate === null) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Tooltip title={`应开 ${c.meetingsRequired} 次，未开 ${c.meetingsOwed} 次`}>
      <span style={{ color: rateColor(rate), fontWeight: 500 }}>{rate}%</span>
    </Tooltip>
  );
};

/** A count that is zero is quiet; any other is a warning. */
const Count = ({ n, color = '#cf1322' }: { n: number; color?: string }) => <span style={{ color: n > 0 ? color : undefined }}>{n}</span>;

/** A branch's findings: one tag per code with how many periods, the messages on hover. */
function FindingTags({ findings }: { findings: ComplianceFinding[] }) {
  const byCode = new Map<string, ComplianceFinding[]>();
  for (const f of findings) byCode.set(f.code, [...(byCode.get(f.code) ?? []), f]);
  return (
    <Space size={[4, 4]} wrap>
      {[...byCode].map(([code, list]) => (
        <Tooltip
          key={code}
          title={
            list.length === 1
              ? list[0]?.message
              : `${list
                  .map((f) => periodLabel(f.period))
                  .sort()
                  .join('、')}`
          }
        >
          <Tag
            color={code.startsWith('meeting.') ? 'error' : 'warning'}
            style={{ marginInlineEnd: 0 }}
            data-testid="branch-finding"
            data-code={code}
          >
            {findingLabel(code)}
            {list.length > 1 && ` ×${list.length}`}
          </Tag>
        </Tooltip>
      ))}
    </Space>
  );
}

export default function ComplianceOverviewPage() {
  const pager = usePager();
  const [params, update] = useUrlParams({ onChange: pager.reset });
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const session = useSession();
  const roots = useOrgRoots();
  const user = session.data?.user;
  const orgId = pageOrgId(params.get('orgId'), roots.data, user);
  const currentYear = Number(today().slice(0, 4));
  const year = positiveInt(params.get('year')) ?? currentYear;
  const code = params.get('code') ?? undefined;
  const org = useOrg(orgId);
  const summary = useComplianceSummary(orgId, year);
  const branches = useComplianceBranches({ orgId, year, code, page: pager.page, pageSize: pager.pageSize });
  const seeds = useOrgSeeds(roots.data, org.data);
  const rootIds = useMemo(() => (roots.data ?? []).map((r) => r.id), [roots.data]);

  const openBranch = (id: number) => navigate(`/meetings?orgId=${id}&year=${year}`);
  /** A child opens its own roll-up; a branch, its meetings. */
  const open = (row: ComplianceRollup) => (isBranchType(row.type) ? openBranch(row.orgId) : update({ orgId: row.orgId, code: undefined }));

  if (session.isPending || roots.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (orgId === undefined) return <Result status="info" title="没有可查看的组织" />;

  const isSelf = (row: ComplianceRollup) => row.orgId === orgId;
  const name = (row: ComplianceRollup) =>
    isSelf(row) ? (
      <Typography.Text strong>{row.name}（合计）</Typography.Text>
    ) : (
      <Typography.Link onClick={() => open(row)} data-testid="overview-child">
        {row.name}
      </Typography.Link>
    );

  const summaryColumns: TableColumnsType<ComplianceRollup> = isMobile
    ? [
        {
          title: '党组织',
          key: 'org',
          render: (_, r) => (
            <>
              {name(r)}
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  支部 {r.branches} · 落后 <Count n={r.branchesBehind} /> · 换届逾期 <Count n={r.termsOverdue} /> · {TERM_DUE_SOON_LABEL}{' '}
                  <Count n={r.termsDueSoon} color="#d46b08" /> · 未登记班子 <Count n={r.termsUnrecorded} /> · 设置问题{' '}
                  <Count n={r.setupProblems} />
                </Typography.Text>
              </div>
            </>
          ),
        },
        { title: '完成率', key: 'rate', width: 72, align: 'right', render: (_, r) => <Rate c={r} /> },
      ]
    : [
        { title: '党组织', key: 'org', width: 240, ellipsis: true, render: (_, r) => name(r) },
        { title: '党支部数', dataIndex: 'branches', width: 90, align: 'right' },
        { title: '落后支部数', dataIndex: 'branchesBehind', width: 100, align: 'right', render: (n: number) => <Count n={n} /> },
        { title: '三会一课完成率', key: 'rate', width: 130, align: 'right', render: (_, r) => <Rate c={r} /> },
        { title: '换届逾期', dataIndex: 'termsOverdue', width: 90, align: 'right', render: (n: number) => <Count n={n} /> },
        {
          title: TERM_DUE_SOON_LABEL,
          dataIndex: 'termsDueSoon',
          width: 100,
          align: 'right',
          render: (n: number) => <Count n={n} color="#d46b08" />,
        },
        { title: '未登记班子', dataIndex: 'termsUnrecorded', width: 100, align: 'right', render: (n: number) => <Count n={n} /> },
        { title: '设置问题', dataIndex: 'setupProblems', width: 90, align: 'right', render: (n: number) => <Count n={n} /> },
      ];

  const branchName = (b: BranchCompliance) => (
    <>
      <Typography.Link onClick={() => openBranch(b.orgId)} data-testid="overview-branch">
        {b.name}
      </Typography.Link>
      {b.parentName && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {b.parentName}
          </Typography.Text>
        </div>
      )}
    </>
  );
  const branchColumns: TableColumnsType<BranchCompliance> = isMobile
    ? [
        {
          title: '党支部 · 问题',
          key: 'branch',
          render: (_, b) => (
            <>
              {branchName(b)}
              <div style={{ marginTop: 4 }}>
                <FindingTags findings={b.findings} />
              </div>
            </>
          ),
        },
        { title: '完成率', key: 'rate', width: 72, align: 'right', render: (_, b) => <Rate c={b} /> },
      ]
    : [
        { title: '党支部', key: 'branch', width: 260, render: (_, b) => branchName(b) },
        { title: '完成率', key: 'rate', width: 90, align: 'right', render: (_, b) => <Rate c={b} /> },
        { title: '未开会议', dataIndex: 'meetingsOwed', width: 90, align: 'right', render: (n: number) => <Count n={n} /> },
        { title: '问题', key: 'findings', render: (_, b) => <FindingTags findings={b.findings} /> },
      ];

  const ancestors = org.data ? reachableAncestors(org.data, rootIds) : [];
  const asOf = summary.data?.asOf;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="组织生活统计"
        extra={
          <Typography.Text type="secondary" data-testid="overview-as-of">
            {asOf ? `数据截至 ${asOf}` : '尚无统计数据'}
          </Typography.Text>
        }
      >
        <FilterBar style={{ marginBottom: 12 }}>
          <FilterItem size="wide">
            <OrgSelect
              value={orgId}
              onChange={(id) => id !== undefined && update({ orgId: id, code: undefined })}
              seeds={seeds}
              data-testid="overview-org"
            />
          </FilterItem>
          <FilterItem>
            <YearPicker value={year} onChange={(y) => update({ year: y })} data-testid="overview-year" />
          </FilterItem>
        </FilterBar>
        {ancestors.length > 0 && (
          <Breadcrumb
            style={{ marginBottom: 12 }}
            items={[
              ...ancestors.map((a) => ({
                key: a.id,
                title: <Typography.Link onClick={() => update({ orgId: a.id, code: undefined })}>{a.name}</Typography.Link>,
              })),
              { key: orgId, title: org.data?.name },
            ]}
          />
        )}
        {summary.isError ? (
          <Result status="404" title="组织不存在或无权访问" />
        ) : (
          <ListTable<ComplianceRollup>
            rowKey="orgId"
            columns={summaryColumns}
            dataSource={summary.data?.items}
            loading={summary.isFetching}
            scroll={isMobile ? undefined : { x: 940 }}
            onRow={(r) => ({ style: isSelf(r) ? { background: '#fafafa' } : undefined })}
            locale={{ emptyText: <Empty description="尚无统计数据：系统每日凌晨汇总一次" /> }}
            data-testid="overview-summary"
          />
        )}
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
          三会一课完成率 = 1 − 未开次数 ÷ 截至目前应开次数（只计已结束的月份、季度）。点击下级党组织可逐级查看。
        </Typography.Paragraph>
      </Card>

      <Card
        title="存在问题的党支部"
        extra={!isMobile && <Typography.Text type="secondary">{branches.data ? `共 ${branches.data.total} 个` : ''}</Typography.Text>}
      >
        <FilterBar style={{ marginBottom: 12 }}>
          <FilterItem size="wide">
            <SelectFilter<string>
              value={code}
              onChange={(v) => update({ code: v })}
              options={FINDING_CODE_OPTIONS}
              placeholder="全部问题"
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="overview-code"
            />
          </FilterItem>
        </FilterBar>
        <ListTable<BranchCompliance>
          rowKey="orgId"
          columns={branchColumns}
          dataSource={branches.data?.items}
          loading={branches.isFetching}
          locale={{ emptyText: code ? `没有「${findingLabel(code)}」问题的党支部` : '没有存在问题的党支部' }}
          pager={pager}
          total={branches.data?.total}
          totalText={(total) => `共 ${total} 个`}
          data-testid="overview-branches"
        />
      </Card>
    </Space>
  );
}
