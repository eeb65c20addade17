/**
 * 「光荣在党50年」纪念章: the members of an org's subtree eligible in a year, computed from 转正日期
 * (党龄 of 50 years by 1 July of the year, still on the roll), each with where their case stands;
 * and the cases themselves by status. The procedure is 推荐 (the 乡镇（街道）or 基层党委, one
 * member or a selection) → 审核 (the 旗县级 组织部门, with the 纪检监察机关 opinion) → 颁发; the
 * buttons follow the abilities the server sends with the list. Org, year, tab and status live in the URL.
 */
import { GENDER_LABELS, MEDAL50_STATUSES, type Medal50Status } from '@jishi/domain';
import { Alert, Button, Card, Result, Space, Spin, type TableColumnsType, Tabs, Typography } from 'antd';
import { type MouseEvent, useState } from 'react';
import { today } from '../../shared/dates';
import { FilterBar, FilterItem, pageOrgId, StatusFilter, useOrgSeeds } from '../../shared/FilterBar';
import { ListTable, rowNumber, usePager } from '../../shared/ListTable';
import { labelOf, MEDAL50_STATUS_OPTIONS } from '../../shared/labels';
import { YearPicker } from '../../shared/ui/YearPicker';
import { oneOf, positiveInt, useUrlParams } from '../../shared/url-params';
import { useIsMobile } from '../../shared/use-is-mobile';
import { MemberDrawer } from '../members/components/MemberDrawer';
import { partyAgeText } from '../members/components/member-display';
import type { Gender } from '../members/members.api';
import { OrgSelect } from '../orgs/components/OrgSelect';
import { useOrg, useOrgRoots } from '../orgs/orgs.api';
import { Medal50CaseDrawer } from './components/Medal50CaseDrawer';
import { Medal50StepModal } from './components/Medal50StepModal';
import { Medal50StatusTag, nextMedal50Step } from './components/medal50-display';
import { RecommendModal } from './components/RecommendModal';
import { type Medal50Abilities, type Medal50Case, type Medal50Member, useMedal50, useMedal50Cases } from './honors.api';

/** The medal has been awarded since 2021 (the server refuses earlier years). */
const FIRST_YEAR = 2021;

const NO_ABILITIES: Medal50Abilities = { canRecommend: false, canReview: false };

type Tab = 'list' | 'cases';

/** A button inside a clickable row: acts without opening the row's drawer. */
const stop =
  (act: () => void) =>
  (e: MouseEvent): void => {
    e.stopPropagation();
    act();
  };

/**
 * The next step the caller may take on a member's case (推荐, 审核 or 颁发), and 进度 to open a
 * case. Nothing is offered that the server would refuse for lack of power.
 */
function CaseActions({
  status,
  caseId,
  abilities,
  onRecommend,
  onAct,
  onOpen,
}: {
  status: Medal50Status | null;
  caseId: number | undefined;
  abilities: Medal50Abilities;
  onRecommend?: () => void;
  onAct: (caseId: number, step: 2 | 3) => void;
  onOpen: (caseId: number) => void;
}) {
  const next = nextMedal50Step(status);
  return (
    <Space size={4} wrap>
      {next === 1 && abilities.canRecommend && onRecommend && (
        <Button size="small" type="primary" onClick={stop(onRecommend)} data-testid="medal50-recommend">
          推荐
        </Button>
      )}
      {caseId !== undefined && (next === 2 || next === 3) && abilities.canReview && (
        <Button
          size="small"
          type="primary"
          onClick={stop(() => onAct(caseId, next))}
          data-testid={next === 2 ? 'medal50-review' : 'medal50-award'}
        >
          {next === 2 ? '审核' : '颁发'}
        </Button>
      )}
      {caseId !== undefined && (
        <Button size="small" type="link" onClick={stop(() => onOpen(caseId))} data-testid="medal50-case-open">
          进度
        </Button>
      )}
    </Space>
  );
}

export default function Medal50Page() {
  const [selected, setSelected] = useState<number[]>([]);
  const pager = usePager();
  // A new org, year, tab or status is a new list: back to its first page, nothing ticked.
  const [params, update] = useUrlParams({
    onChange: () => {
      pager.reset();
      setSelected([]);
    },
  });
  const isMobile = useIsMobile();
  const roots = useOrgRoots();
  const currentYear = Number(today().slice(0, 4));
  const orgId = pageOrgId(params.get('orgId'), roots.data);
  const yearParam = positiveInt(params.get('year'));
  const year = yearParam !== undefined && yearParam >= FIRST_YEAR ? yearParam : currentYear;
  const tab: Tab = params.get('tab') === 'cases' ? 'cases' : 'list';
  const status = oneOf(params.get('status'), MEDAL50_STATUSES);
  const org = useOrg(orgId);
  const list = useMedal50(orgId, year);
  const cases = useMedal50Cases({ orgId: tab === 'cases' ? orgId : undefined, year, status });
  const [openMemberId, setOpenMemberId] = useState<number>();
  const [openCaseId, setOpenCaseId] = useState<number>();
  const [acting, setActing] = useState<{ caseId: number; step: 2 | 3 }>();
  const [recommending, setRecommending] = useState<Medal50Member[]>();
  const seeds = useOrgSeeds(roots.data, org.data);
  const abilities = list.data?.abilities ?? NO_ABILITIES;

  if (roots.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (orgId === undefined) return <Result status="info" title="没有可查看的组织" />;

  const data = list.data;
  const cutoff = data?.cutoff ?? `${year - 50}-07-01`;
  const act = (caseId: number, step: 2 | 3) => setActing({ caseId, step });
  const memberActions = (m: Medal50Member) => (
    <CaseActions
      status={m.medal50?.status ?? null}
      caseId={m.medal50?.id}
      abilities={abilities}
      onRecommend={() => setRecommending([m])}
      onAct={act}
      onOpen={setOpenCaseId}
    />
  );
  const caseActions = (c: Medal50Case) => (
    <CaseActions status={c.status} caseId={c.id} abilities={abilities} onAct={act} onOpen={setOpenCaseId} />
  );
  const memberStatus = (m: Medal50Member) => <Medal50StatusTag status={m.medal50?.status ?? null} />;

  const memberColumns: TableColumnsType<Medal50Member> = isMobile
    ? [
        {
          title: '党员 · 支部',
          key: 'member',
          render: (_, m) => (
            <>
              <Typography.Link>{m.name}</Typography.Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {' '}
                转正 {m.fullMemberAt ?? '—'}
              </Typography.Text>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {m.orgName}
                </Typography.Text>
              </div>
            </>
          ),
        },
        {
          title: '进度',
          key: 'medal50',
          width: 112,
          render: (_, m) => (
            <Space orientation="vertical" size={4}>
              {memberStatus(m)}
              {memberActions(m)}
            </Space>
          ),
        },
      ]
    : [
        { title: '序号', key: 'index', width: 64, align: 'right', render: (_, __, i) => rowNumber(pager, i) },
        { title: '姓名', dataIndex: 'name', width: 96, render: (name: string) => <Typography.Link>{name}</Typography.Link> },
        { title: '性别', dataIndex: 'gender', width: 60, render: (g: Gender) => labelOf(GENDER_LABELS, g) },
        { title: '民族', dataIndex: 'ethnicity', width: 90 },
        { title: '年龄', dataIndex: 'age', width: 64, align: 'right' },
        { title: '所在支部', dataIndex: 'orgName', width: 220, ellipsis: true },
        { title: '转正日期', dataIndex: 'fullMemberAt', width: 110, render: (v: string | null) => v ?? '—' },
        { title: '党龄', key: 'partyAge', width: 72, align: 'right', render: (_, m) => partyAgeText(m) },
        { title: '申报进度', key: 'medal50', width: 110, render: (_, m) => memberStatus(m) },
        { title: '操作', key: 'actions', width: 140, render: (_, m) => memberActions(m) },
      ];

  const caseColumns: TableColumnsType<Medal50Case> = isMobile
    ? [
        {
          title: '党员 · 支部',
          key: 'member',
          render: (_, c) => (
            <>
              <Typography.Link>{c.memberName}</Typography.Link>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.orgName}
                </Typography.Text>
              </div>
            </>
          ),
        },
        {
          title: '进度',
          key: 'status',
          width: 112,
          render: (_, c) => (
            <Space orientation="vertical" size={4}>
              <Medal50StatusTag status={c.status} />
              {caseActions(c)}
            </Space>
          ),
        },
      ]
    : [
        { title: '姓名', dataIndex: 'memberName', width: 96, render: (name: string) => <Typography.Link>{name}</Typography.Link> },
        { title: '所在支部', dataIndex: 'orgName', width: 260, ellipsis: true },
        { title: '年度', dataIndex: 'year', width: 80 },
        { title: '进度', key: 'status', width: 110, render: (_, c) => <Medal50StatusTag status={c.status} /> },
        { title: '操作', key: 'actions', width: 140, render: (_, c) => caseActions(c) },
      ];

  const selectable = abilities.canRecommend && tab === 'list';
  const statusLabel = MEDAL50_STATUS_OPTIONS.find((o) => o.value === status)?.label;
  const selectedMembers = (data?.items ?? []).filter((m) => selected.includes(m.id));

  const listTab = (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="medal50-rule"
        title={
          <span>
            {data?.org.name ?? org.data?.name ?? ''} {year} 年应颁发名单：截至 {year} 年 7 月 1 日党龄满 50 年，即
            <Typography.Text strong> 转正日期在 {cutoff} 及以前 </Typography.Text>
            的健在党员（不含已减少党员）。党龄自转正之日起算（党章第七条）。
          </span>
        }
      />
      {selectable && (
        <Space style={{ marginBottom: 12 }} wrap>
          <Button
            type="primary"
            disabled={selectedMembers.length === 0}
            onClick={() => setRecommending(selectedMembers)}
            data-testid="medal50-batch-recommend"
          >
            推荐所选{selectedMembers.length > 0 ? `（${selectedMembers.length}）` : ''}
          </Button>
          {!isMobile && <Typography.Text type="secondary">勾选未推荐的党员，一次推荐多人。</Typography.Text>}
        </Space>
      )}
      <ListTable<Medal50Member>
        rowKey="id"
        columns={memberColumns}
        dataSource={data?.items}
        loading={list.isFetching}
        scroll={isMobile ? undefined : { x: 1030 }}
        rowSelection={
          selectable
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as number[]),
                getCheckboxProps: (m) => ({ disabled: m.medal50 !== null }),
              }
            : undefined
        }
        onOpen={(member) => setOpenMemberId(member.id)}
        locale={{ emptyText: `${year} 年暂无符合条件的党员` }}
        pager={pager}
        totalText={(total) => `共 ${total} 人`}
        data-testid="medal50-table"
      />
    </>
  );

  const casesTab = (
    <>
      <FilterBar>
        <FilterItem size="full">
          <StatusFilter<Medal50Status>
            value={status}
            onChange={(value) => update({ status: value })}
            options={MEDAL50_STATUS_OPTIONS}
            data-testid="medal50-filter-status"
          />
        </FilterItem>
      </FilterBar>
      <ListTable<Medal50Case>
        rowKey="id"
        columns={caseColumns}
        dataSource={cases.data?.items}
        loading={cases.isFetching}
        scroll={isMobile ? undefined : { x: 686 }}
        onOpen={(c) => setOpenCaseId(c.id)}
        locale={{ emptyText: `${year} 年暂无${statusLabel ? `「${statusLabel}」的` : ''}纪念章申报` }}
        pager={pager}
        totalText={(total) => `共 ${total} 份`}
        data-testid="medal50-cases-table"
      />
    </>
  );

  return (
    <Card
      title="「光荣在党50年」纪念章"
      extra={
        <span>
          符合条件{' '}
          <Typography.Text strong style={{ fontSize: 20 }} data-testid="medal50-count">
            {list.isPending ? '…' : (data?.total ?? 0)}
          </Typography.Text>{' '}
          人
        </span>
      }
    >
      <FilterBar style={{ marginBottom: 8 }}>
        <FilterItem size="wide">
          <OrgSelect value={orgId} onChange={(id) => id !== undefined && update({ orgId: id })} seeds={seeds} data-testid="medal50-org" />
        </FilterItem>
        <FilterItem xs={24}>
          <YearPicker
            value={year}
            onChange={(y) => update({ year: y })}
            min={FIRST_YEAR}
            max={currentYear + 1}
            data-testid="medal50-year"
          />
        </FilterItem>
      </FilterBar>
      <Tabs
        activeKey={tab}
        onChange={(key) => update({ tab: key === 'cases' ? 'cases' : undefined, status: undefined })}
        items={[
          { key: 'list', label: '应颁发名单', children: listTab },
          { key: 'cases', label: '申报办理', children: casesTab },
        ]}
        data-testid="medal50-tabs"
      />
      {openMemberId !== undefined && (
        <MemberDrawer
          key={openMemberId}
          memberId={openMemberId}
          initial={data?.items.find((m) => m.id === openMemberId)}
          onClose={() => setOpenMemberId(undefined)}
        />
      )}
      {openCaseId !== undefined && (
        <Medal50CaseDrawer key={openCaseId} caseId={openCaseId} canReview={abilities.canReview} onClose={() => setOpenCaseId(undefined)} />
      )}
      {acting && <Medal50StepModal caseId={acting.caseId} step={acting.step} onClose={() => setActing(undefined)} />}
      {recommending && (
        <RecommendModal
          members={recommending}
          year={year}
          onClose={() => {
            setRecommending(undefined);
            setSelected([]);
          }}
        />
      )}
    </Card>
  );
}
