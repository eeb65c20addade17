/**
 * 「光荣在党50年」纪念章: the members of an org's subtree eligible in a year, computed from 转正日期
 * (党龄 of 50 years by 1 July of the year, still on the roll). The org and year live in the URL.
 */
import { GENDER_LABELS } from '@jishi/domain';
import { Alert, Card, Col, DatePicker, Result, Row, Spin, Table, type TableColumnsType, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { today } from '../../shared/dates';
import { labelOf } from '../../shared/labels';
import { useIsMobile } from '../../shared/use-is-mobile';
import { MemberDrawer } from '../members/components/MemberDrawer';
import { partyAgeText } from '../members/components/member-display';
import type { Gender, Member } from '../members/members.api';
import { OrgSelect } from '../orgs/components/OrgSelect';
import { useOrg, useOrgRoots } from '../orgs/orgs.api';
import { useMedal50 } from './honors.api';

/** The medal has been awarded since 2021 (the server refuses earlier years). */
const FIRST_YEAR = 2021;

const positiveInt = (value: string | null): number | undefined => {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : undefined;
};

const PAGE_SIZE = 20;

const columnsFrom = (page: number): TableColumnsType<Member> => [
  { title: '序号', key: 'index', width: 64, align: 'right', render: (_, __, i) => (page - 1) * PAGE_SIZE + i + 1 },
  { title: '姓名', dataIndex: 'name', width: 96, render: (name: string) => <Typography.Link>{name}</Typography.Link> },
  { title: '性别', dataIndex: 'gender', width: 60, render: (g: Gender) => labelOf(GENDER_LABELS, g) },
  { title: '民族', dataIndex: 'ethnicity', width: 90 },
  { title: '年龄', dataIndex: 'age', width: 64, align: 'right' },
  { title: '所在支部', dataIndex: 'orgName', width: 240, ellipsis: true },
  { title: '入党日期', dataIndex: 'joinedAt', width: 110 },
  { title: '转正日期', dataIndex: 'fullMemberAt', width: 110, render: (v: string | null) => v ?? '—' },
  { title: '党龄', key: 'partyAge', width: 80, align: 'right', render: (_, m) => partyAgeText(m) },
];

export default function Medal50Page() {
  const [params, setParams] = useSearchParams();
  const isMobile = useIsMobile();
  const roots = useOrgRoots();
  const currentYear = Number(today().slice(0, 4));
  const orgId = positiveInt(params.get('orgId')) ?? roots.data?.[0]?.id;
  const yearParam = positiveInt(params.get('year'));
  const year = yearParam !== undefined && yearParam >= FIRST_YEAR ? yearParam : currentYear;
  const org = useOrg(orgId);
  const list = useMedal50(orgId, year);
  const [openMember, setOpenMember] = useState<Member>();
  const [page, setPage] = useState(1);
  const seeds = useMemo(() => [...(roots.data ?? []), ...(org.data ? [org.data] : [])], [roots.data, org.data]);

  const update = (next: { orgId?: number; year?: number }) => {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) merged.set(key, String(value));
    setParams(merged, { replace: true });
    setPage(1);
  };

  if (roots.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (orgId === undefined) return <Result status="info" title="没有可查看的组织" />;

  const data = list.data;
  const cutoff = data?.cutoff ?? `${year - 50}-07-01`;

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
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={12} xl={8}>
          <OrgSelect value={orgId} onChange={(id) => id !== undefined && update({ orgId: id })} seeds={seeds} data-testid="medal50-org" />
        </Col>
        <Col xs={24} md={6} xl={4}>
          <DatePicker
            picker="year"
            value={dayjs(`${year}-01-01`)}
            allowClear={false}
            disabledDate={(d) => d.year() < FIRST_YEAR || d.year() > currentYear + 1}
            onChange={(d) => d && update({ year: d.year() })}
            style={{ width: '100%' }}
            data-testid="medal50-year"
          />
        </Col>
      </Row>
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
      <Table<Member>
        rowKey="id"
        size={isMobile ? 'small' : 'middle'}
        columns={columnsFrom(page)}
        dataSource={data?.items}
        loading={list.isFetching}
        scroll={{ x: 920 }}
        onRow={(member) => ({ onClick: () => setOpenMember(member), style: { cursor: 'pointer' } })}
        locale={{ emptyText: `${year} 年暂无符合条件的党员` }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          showSizeChanger: false,
          simple: isMobile,
          showTotal: (total) => `共 ${total} 人`,
          onChange: setPage,
          hideOnSinglePage: true,
        }}
        data-testid="medal50-table"
      />
      {openMember && (
        <MemberDrawer key={openMember.id} memberId={openMember.id} initial={openMember} onClose={() => setOpenMember(undefined)} />
      )}
    </Card>
  );
}
