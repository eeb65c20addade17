/**
 * 党费管理 of one branch for a year: the 台账 (each member's standard, paid this year, months owed
 * and the branch's reminder; 登记交纳 and 核定标准 for those who may), the 年度公示 (the statement
 * by month, exported to Excel for publishing to members) and the calculator. A name opens the
 * member's dues. Org, year and tab live in the URL; the page opens on the user's home org, and an
 * org that is not a branch offers its sub-orgs.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { ARREARS_LAPSE_MONTHS, BRANCH_TYPES, LARGE_VOLUNTARY_FEN, ruleYuan } from '@jishi/domain';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Result,
  Row,
  Select,
  Space,
  Spin,
  Statistic,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { today } from '../../shared/dates';
import { FilterBar, FilterItem, pageOrgId, useOrgSeeds } from '../../shared/FilterBar';
import { ListTable, usePager } from '../../shared/ListTable';
import { fenOf, formatYuan, formatYuanAmount } from '../../shared/money';
import { TouchTargets } from '../../shared/ui/TouchTargets';
import { YearPicker } from '../../shared/ui/YearPicker';
import { oneOf, positiveInt, useUrlParams } from '../../shared/url-params';
import { useIsMobile } from '../../shared/use-is-mobile';
import { useSession } from '../auth/auth.api';
import { OrgSelect } from '../orgs/components/OrgSelect';
import { orgChildrenQuery, useOrg, useOrgRoots } from '../orgs/orgs.api';
import { DuesAssessModal } from './components/DuesAssessModal';
import { DuesCalculator } from './components/DuesCalculator';
import { DuesPaymentModal } from './components/DuesPaymentModal';
import { DuesStandardTag, DuesWarningTag } from './components/dues-display';
import { MemberDuesDrawer } from './components/MemberDuesDrawer';
import { type DuesRosterItem, type DuesStatementMonth, duesStatementExportUrl, useDuesRoster, useDuesStatement } from './dues.api';

type Tab = 'roster' | 'statement' | 'calculator';
const TABS: readonly Tab[] = ['roster', 'statement', 'calculator'];

type Dialog = { kind: 'pay' | 'assess' | 'view'; member: DuesRosterItem };

/** Months owed and their amount, red when any. */
const Owed = ({ m }: { m: DuesRosterItem }) =>
  m.owedMonths > 0 ? (
    <Typography.Text type="danger" data-testid="dues-owed" data-owed={m.owedMonths}>
      {m.owedMonths} 个月 · {formatYuanAmount(m.owed)}
    </Typography.Text>
  ) : (
    <Typography.Text type="secondary" data-testid="dues-owed" data-owed={0}>
      无
    </Typography.Text>
  );

/** The standard in effect, or 未核定. */
const Standard = ({ m }: { m: DuesRosterItem }) =>
  m.current ? <DuesStandardTag assessment={m.current} /> : <Typography.Text type="secondary">未核定</Typography.Text>;

/** What a month of the statement left unpaid, in fen. */
const owedIn = (m: DuesStatementMonth): number => Math.max(0, fenOf(m.due) - fenOf(m.paid));

/** The statement's twelve months with a total row; the header figures say what was collected and where the large gifts go. */
function StatementTab({ orgId, year }: { orgId: number; year: number }) {
  const isMobile = useIsMobile();
  const statement = useDuesStatement(orgId, year);
  const s = statement.data;
  const total = useMemo(
    () =>
      (s?.months ?? []).reduce(
        (t, m) => ({ dueFen: t.dueFen + fenOf(m.due), paidFen: t.paidFen + fenOf(m.paid), owedFen: t.owedFen + owedIn(m) }),
        { dueFen: 0, paidFen: 0, owedFen: 0 },
      ),
    [s],
  );
  const columns: TableColumnsType<DuesStatementMonth> = isMobile
    ? [
        { title: '月份', dataIndex: 'month', width: 80 },
        {
          title: '已交 / 应交',
          key: 'money',
          render: (_, m) => (
            <>
              {formatYuanAmount(m.paid)}
              <Typography.Text type="secondary"> / {formatYuanAmount(m.due)}</Typography.Text>
            </>
          ),
        },
        { title: '已交人数', key: 'payers', width: 88, align: 'right', render: (_, m) => `${m.payers} / ${m.members}` },
      ]
    : [
        { title: '月份', dataIndex: 'month', width: 100 },
        { title: '在册党员（人）', dataIndex: 'members', width: 120, align: 'right' },
        { title: '应交', dataIndex: 'due', width: 130, align: 'right', render: formatYuanAmount },
        { title: '已交人数', dataIndex: 'payers', width: 100, align: 'right' },
        { title: '已交', dataIndex: 'paid', width: 130, align: 'right', render: formatYuanAmount },
        {
          title: '未交',
          key: 'owed',
          width: 130,
          align: 'right',
          render: (_, m) => {
            const owed = owedIn(m);
            return owed > 0 ? <Typography.Text type="danger">{formatYuan(owed)}</Typography.Text> : formatYuan(0);
          },
        },
      ];

  return (
    <>
      <Row gutter={[16, 12]} style={{ marginBottom: 16 }} align="middle">
        <Col xs={12} md={6}>
          <Statistic title="全年收缴" value={s ? formatYuanAmount(s.collected) : '—'} data-testid="dues-statement-collected" />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="其中自愿多交" value={s ? formatYuanAmount(s.voluntary) : '—'} />
        </Col>
        <Col xs={24} md={12} style={{ textAlign: isMobile ? 'left' : 'right' }}>
          <Button
            icon={<DownloadOutlined />}
            href={duesStatementExportUrl(orgId, year)}
            block={isMobile}
            data-testid="dues-statement-export"
          >
            导出Excel
          </Button>
        </Col>
      </Row>
      {s && fenOf(s.large) > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`一次性自愿多交${ruleYuan(LARGE_VOLUNTARY_FEN)}元以上的共 ${formatYuanAmount(s.large)}，全部上缴中央（中组发〔2008〕3号第十一条）`}
        />
      )}
      <ListTable<DuesStatementMonth>
        rowKey="month"
        columns={columns}
        dataSource={s?.months}
        loading={statement.isFetching}
        scroll={isMobile ? undefined : { x: 710 }}
        summary={() =>
          s && (
            <Table.Summary.Row style={{ fontWeight: 600 }}>
              {isMobile ? (
                <>
                  <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
                  <Table.Summary.Cell index={1} colSpan={2}>
                    {formatYuan(total.paidFen)} / {formatYuan(total.dueFen)}
                  </Table.Summary.Cell>
                </>
              ) : (
                <>
                  <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
                  <Table.Summary.Cell index={1} />
                  <Table.Summary.Cell index={2} align="right">
                    {formatYuan(total.dueFen)}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3} />
                  <Table.Summary.Cell index={4} align="right">
                    {formatYuan(total.paidFen)}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={5} align="right">
                    {formatYuan(total.owedFen)}
                  </Table.Summary.Cell>
                </>
              )}
            </Table.Summary.Row>
          )
        }
        data-testid="dues-statement"
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        党支部每年至少向党员公布一次党费收缴情况。按月份统计的已交金额为所交月份的核定金额；全年收缴按交纳日期统计，含自愿多交部分。
      </Typography.Paragraph>
    </>
  );
}

/** An org that is not a branch: dues are kept by branches, so its sub-orgs are offered. */
function PickBranch({ orgId, orgName, onPick }: { orgId: number; orgName: string; onPick: (id: number) => void }) {
  const children = useQuery(orgChildrenQuery(orgId, false));
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={`「${orgName}」不是党支部`}
      description={
        <Space orientation="vertical" style={{ width: '100%' }}>
          <span>党费按党支部收缴和登记：请在上方选择党支部，或从下级组织中选择。</span>
          <Select<number>
            placeholder="选择下级组织"
            loading={children.isPending}
            options={(children.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            onChange={onPick}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: '100%', maxWidth: 420 }}
            data-testid="dues-child-org"
          />
        </Space>
      }
    />
  );
}

export default function DuesPage() {
  const pager = usePager({ pageSize: 50 });
  const [params, update] = useUrlParams({ onChange: pager.reset });
  const isMobile = useIsMobile();
  const session = useSession();
  const roots = useOrgRoots();
  const user = session.data?.user;
  const orgId = pageOrgId(params.get('orgId'), roots.data, user);
  const currentYear = Number(today().slice(0, 4));
  const year = positiveInt(params.get('year')) ?? currentYear;
  const tab: Tab = oneOf(params.get('tab'), TABS) ?? 'roster';
  const org = useOrg(orgId);
  const roster = useDuesRoster(tab === 'roster' ? orgId : undefined, year);
  const [dialog, setDialog] = useState<Dialog>();
  const seeds = useOrgSeeds(roots.data, org.data);
  const canManage = Boolean(org.data?.abilities.canManageDues);
  const isBranch = org.data ? BRANCH_TYPES.includes(org.data.type) : true;

  if (session.isPending || roots.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (orgId === undefined) return <Result status="info" title="没有可查看的组织" />;

  const items = roster.data ?? [];
  const owing = items.filter((m) => m.owedMonths > 0).length;
  const lapsing = items.filter((m) => m.streak >= ARREARS_LAPSE_MONTHS).length;
  const open = (member: DuesRosterItem) => setDialog({ kind: 'view', member });
  const name = (m: DuesRosterItem) => (
    <>
      <Typography.Link onClick={() => open(m)} data-testid="dues-member">
        {m.name}
      </Typography.Link>
      {m.status === 'probationary' && (
        <Tag style={{ marginInlineStart: 6 }} color="orange">
          预备
        </Tag>
      )}
    </>
  );
  const actions = (m: DuesRosterItem) => (
    <Space size={0} wrap>
      <Button
        type="link"
        size={isMobile ? 'middle' : 'small'}
        disabled={!m.current}
        onClick={() => setDialog({ kind: 'pay', member: m })}
        data-testid="dues-pay"
      >
        登记交纳
      </Button>
      <Button
        type="link"
        size={isMobile ? 'middle' : 'small'}
        onClick={() => setDialog({ kind: 'assess', member: m })}
        data-testid="dues-assess"
      >
        核定标准
      </Button>
    </Space>
  );

  const columns: TableColumnsType<DuesRosterItem> = isMobile
    ? [
        {
          title: '党员',
          key: 'member',
          render: (_, m) => (
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <div>{name(m)}</div>
              <Standard m={m} />
              <Typography.Text style={{ fontSize: 13 }}>
                本年已交 {formatYuanAmount(m.paidThisYear)} · 欠交 <Owed m={m} />
              </Typography.Text>
              <DuesWarningTag warning={m.warning} streak={m.streak} />
              {canManage && actions(m)}
            </Space>
          ),
        },
      ]
    : [
        { title: '姓名', key: 'name', width: 130, render: (_, m) => name(m) },
        { title: '交纳标准', key: 'current', width: 190, render: (_, m) => <Standard m={m} /> },
        { title: '本年已交', dataIndex: 'paidThisYear', width: 110, align: 'right', render: formatYuanAmount },
        { title: '欠交', key: 'owed', width: 150, render: (_, m) => <Owed m={m} /> },
        { title: '提醒', key: 'warning', render: (_, m) => <DuesWarningTag warning={m.warning} streak={m.streak} /> },
        ...(canManage ? [{ title: '操作', key: 'actions', width: 170, render: (_: unknown, m: DuesRosterItem) => actions(m) }] : []),
      ];

  const rosterTab = (
    <>
      {items.length > 0 && (
        <Space size={[16, 4]} wrap style={{ marginBottom: 12 }} data-testid="dues-roster-summary">
          <Typography.Text>在册党员 {items.length} 人</Typography.Text>
          <Typography.Text type={owing > 0 ? 'danger' : 'secondary'}>欠交 {owing} 人</Typography.Text>
          {lapsing > 0 && (
            <Typography.Text type="danger">
              连续{ARREARS_LAPSE_MONTHS}个月以上未交 {lapsing} 人（提醒支部研究处理，系统不会自动除名）
            </Typography.Text>
          )}
        </Space>
      )}
      <ListTable<DuesRosterItem>
        rowKey="memberId"
        columns={columns}
        dataSource={items}
        loading={roster.isFetching}
        scroll={isMobile ? undefined : { x: 1000 }}
        locale={{ emptyText: isBranch ? '本支部暂无在册党员' : '请选择党支部' }}
        pager={pager}
        totalText={(t) => `共 ${t} 人`}
        data-testid="dues-roster"
      />
    </>
  );

  return (
    <TouchTargets>
      <Card title="党费管理">
        <FilterBar>
          <FilterItem size="wide">
            <OrgSelect value={orgId} onChange={(id) => id !== undefined && update({ orgId: id })} seeds={seeds} data-testid="dues-org" />
          </FilterItem>
          <FilterItem xs={24}>
            <YearPicker value={year} onChange={(y) => update({ year: y })} min={2000} data-testid="dues-page-year" />
          </FilterItem>
        </FilterBar>
        {org.data && !isBranch && tab !== 'calculator' && (
          <PickBranch orgId={org.data.id} orgName={org.data.name} onPick={(id) => update({ orgId: id })} />
        )}
        <Tabs
          activeKey={tab}
          onChange={(key) => update({ tab: key === 'roster' ? undefined : key })}
          items={[
            { key: 'roster', label: '党费台账', children: rosterTab },
            {
              key: 'statement',
              label: '年度公示',
              children: tab === 'statement' && <StatementTab orgId={orgId} year={year} />,
            },
            { key: 'calculator', label: '党费计算器', children: <DuesCalculator /> },
          ]}
          data-testid="dues-tabs"
        />
        {dialog?.kind === 'view' && (
          <MemberDuesDrawer
            key={dialog.member.memberId}
            memberId={dialog.member.memberId}
            memberName={dialog.member.name}
            canManage={canManage}
            onClose={() => setDialog(undefined)}
          />
        )}
        {dialog?.kind === 'pay' && (
          <DuesPaymentModal memberId={dialog.member.memberId} memberName={dialog.member.name} onClose={() => setDialog(undefined)} />
        )}
        {dialog?.kind === 'assess' && (
          <DuesAssessModal memberId={dialog.member.memberId} memberName={dialog.member.name} onClose={() => setDialog(undefined)} />
        )}
      </Card>
    </TouchTargets>
  );
}
