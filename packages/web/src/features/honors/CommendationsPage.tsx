/**
 * 表彰: the commendations of an org's subtree (优秀共产党员, 优秀党务工作者 of its members, 先进基层党组织
 * of its orgs), filtered by year, title and level; all kept in the URL. 登记表彰 records one; a
 * member's name opens the member drawer.
 */
import { PlusOutlined } from '@ant-design/icons';
import {
  COMMENDATION_LEVEL_LABELS,
  COMMENDATION_LEVELS,
  COMMENDATION_TITLE_LABELS,
  COMMENDATION_TITLES,
  type CommendationLevel,
  type CommendationTitle,
} from '@jishi/domain';
import { Button, Card, Result, Spin, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { today } from '../../shared/dates';
import { FilterBar, FilterItem, pageOrgId, SelectFilter, useOrgSeeds, YearFilter } from '../../shared/FilterBar';
import { ListTable, usePager } from '../../shared/ListTable';
import { COMMENDATION_LEVEL_OPTIONS, COMMENDATION_TITLE_OPTIONS, labelOf } from '../../shared/labels';
import { oneOf, positiveInt, useUrlParams } from '../../shared/url-params';
import { useIsMobile } from '../../shared/use-is-mobile';
import { useAbilities } from '../auth/auth.api';
import { MemberDrawer } from '../members/components/MemberDrawer';
import { OrgSelect } from '../orgs/components/OrgSelect';
import { useOrg, useOrgRoots } from '../orgs/orgs.api';
import { CommendationFormModal } from './components/CommendationFormModal';
import { type Commendation, useCommendations } from './honors.api';

const LEVEL_COLORS: Record<CommendationLevel, string> = { county: 'default', city: 'blue', region: 'gold', national: 'red' };

const LevelTag = ({ level }: { level: CommendationLevel }) => (
  <Tag color={LEVEL_COLORS[level]}>{labelOf(COMMENDATION_LEVEL_LABELS, level)}</Tag>
);

export default function CommendationsPage() {
  const pager = usePager();
  const [params, update] = useUrlParams({ onChange: pager.reset });
  const abilities = useAbilities();
  const isMobile = useIsMobile();
  const roots = useOrgRoots();
  const orgId = pageOrgId(params.get('orgId'), roots.data);
  const year = positiveInt(params.get('year'));
  const title = oneOf(params.get('title'), COMMENDATION_TITLES);
  const level = oneOf(params.get('level'), COMMENDATION_LEVELS);
  const org = useOrg(orgId);
  const list = useCommendations({ orgId, year, title, level });
  const [openMemberId, setOpenMemberId] = useState<number>();
  const [isCreating, setIsCreating] = useState(false);
  const seeds = useOrgSeeds(roots.data, org.data);
  const currentYear = Number(today().slice(0, 4));

  if (roots.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (orgId === undefined) return <Result status="info" title="没有可查看的组织" />;

  const subject = (c: Commendation) =>
    c.memberId !== null ? (
      <Typography.Link onClick={() => setOpenMemberId(c.memberId ?? undefined)} data-testid="commendation-subject">
        {c.memberName}
      </Typography.Link>
    ) : (
      <span data-testid="commendation-subject">{c.orgName}</span>
    );

  const columns: TableColumnsType<Commendation> = isMobile
    ? [
        {
          title: '表彰对象',
          key: 'subject',
          render: (_, c) => (
            <>
              {subject(c)}
              {c.memberId !== null && (
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {c.orgName}
                  </Typography.Text>
                </div>
              )}
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[c.conferredBy, c.documentNo].filter(Boolean).join(' · ') || c.conferredAt}
                </Typography.Text>
              </div>
            </>
          ),
        },
        {
          title: '表彰',
          key: 'title',
          width: 128,
          render: (_, c) => (
            <>
              <div>
                {c.year} 年度{labelOf(COMMENDATION_TITLE_LABELS, c.title)}
              </div>
              <LevelTag level={c.level} />
            </>
          ),
        },
      ]
    : [
        { title: '年度', dataIndex: 'year', width: 72 },
        { title: '表彰名称', dataIndex: 'title', width: 130, render: (t: CommendationTitle) => labelOf(COMMENDATION_TITLE_LABELS, t) },
        { title: '级别', dataIndex: 'level', width: 96, render: (l: CommendationLevel) => <LevelTag level={l} /> },
        { title: '表彰对象', key: 'subject', width: 200, ellipsis: true, render: (_, c) => subject(c) },
        {
          title: '所在支部',
          key: 'org',
          width: 200,
          ellipsis: true,
          render: (_, c) => (c.memberId !== null ? c.orgName : '—'),
        },
        { title: '表彰日期', dataIndex: 'conferredAt', width: 110 },
        { title: '表彰机关', dataIndex: 'conferredBy', width: 150, ellipsis: true, render: (v: string | null) => v ?? '—' },
        { title: '文号', dataIndex: 'documentNo', width: 160, ellipsis: true, render: (v: string | null) => v ?? '—' },
      ];

  return (
    <Card
      title="表彰"
      extra={
        abilities.has('honor.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)} data-testid="commendation-create">
            登记表彰
          </Button>
        )
      }
    >
      <FilterBar>
        <FilterItem size="wide">
          <OrgSelect
            value={orgId}
            onChange={(id) => id !== undefined && update({ orgId: id })}
            seeds={seeds}
            data-testid="commendation-filter-org"
          />
        </FilterItem>
        <FilterItem>
          <YearFilter value={year} onChange={(y) => update({ year: y })} max={currentYear} data-testid="commendation-filter-year" />
        </FilterItem>
        <FilterItem>
          <SelectFilter<CommendationTitle>
            value={title}
            onChange={(v) => update({ title: v })}
            options={COMMENDATION_TITLE_OPTIONS}
            placeholder="表彰名称"
            data-testid="commendation-filter-title"
          />
        </FilterItem>
        <FilterItem>
          <SelectFilter<CommendationLevel>
            value={level}
            onChange={(v) => update({ level: v })}
            options={COMMENDATION_LEVEL_OPTIONS}
            placeholder="级别"
            data-testid="commendation-filter-level"
          />
        </FilterItem>
      </FilterBar>
      <ListTable<Commendation>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        scroll={isMobile ? undefined : { x: 1118 }}
        locale={{ emptyText: '暂无表彰记录' }}
        pager={pager}
        totalText={(total) => `共 ${total} 项`}
        data-testid="commendation-table"
      />
      {openMemberId !== undefined && <MemberDrawer key={openMemberId} memberId={openMemberId} onClose={() => setOpenMemberId(undefined)} />}
      {isCreating && (
        <CommendationFormModal
          orgId={orgId}
          onClose={() => setIsCreating(false)}
          onSaved={(saved) => {
            setIsCreating(false);
            update({ year: saved.year, title: undefined, level: undefined });
          }}
        />
      )}
    </Card>
  );
}
