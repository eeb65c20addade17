/**
 * 党员管理: the member roll of one org's subtree, searched by name, pinyin or a whole ID number and
 * filtered by status, gender, ethnicity, 年龄段 and 党龄段 (the bands of the 党内统计). The org and
 * the filters live in the URL (`?orgId=` opens it on an org: the org page links here), so a filtered
 * roll can be bookmarked or shared; the search text stays in the page while it is typed.
 * A row opens the member's record in a drawer; 登记党员 adds a member to a branch, 导入 a whole
 * sheet of them (all rows or none); 导出Excel downloads the filtered list, masked.
 */
import { DownloadOutlined, PlusOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import {
  AGE_BAND_IDS,
  type AgeBandId,
  BRANCH_TYPES,
  ETHNICITIES,
  GENDER_LABELS,
  MEMBER_STATUSES,
  PARTY_AGE_BAND_IDS,
  type PartyAgeBandId,
} from '@jishi/domain';
import { Button, Card, Checkbox, Col, Input, Result, Row, Select, Space, Spin, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo, useState } from 'react';
import {
  AGE_BAND_OPTIONS,
  ETHNICITY_OPTIONS,
  GENDER_OPTIONS,
  labelOf,
  MEMBER_STATUS_OPTIONS,
  PARTY_AGE_BAND_OPTIONS,
} from '../../shared/labels';
import { oneOf, positiveInt, useUrlParams } from '../../shared/url-params';
import { useDebouncedValue } from '../../shared/use-debounced-value';
import { useIsMobile } from '../../shared/use-is-mobile';
import { useAbilities } from '../auth/auth.api';
import { OrgSelect } from '../orgs/components/OrgSelect';
import { useOrg, useOrgRoots } from '../orgs/orgs.api';
import { MemberDrawer } from './components/MemberDrawer';
import { MemberFormModal } from './components/MemberFormModal';
import { MemberImportModal } from './components/MemberImportModal';
import { MemberStatusTag, partyAgeText } from './components/member-display';
import { type Gender, MAX_MEMBER_QUERY, type Member, type MemberStatus, memberExportUrl, useMembers } from './members.api';

const PAGE_SIZE = 20;

/** The list filters the URL carries besides the org. */
interface UrlFilters {
  status?: MemberStatus;
  gender?: Gender;
  ethnicity?: string;
  ageBand?: AgeBandId;
  partyAgeBand?: PartyAgeBandId;
  includeExited?: boolean;
}

const columns: TableColumnsType<Member> = [
  { title: '姓名', dataIndex: 'name', width: 96, fixed: 'left', render: (name: string) => <Typography.Link>{name}</Typography.Link> },
  { title: '性别', dataIndex: 'gender', width: 60, render: (g: Gender) => labelOf(GENDER_LABELS, g) },
  { title: '民族', dataIndex: 'ethnicity', width: 90 },
  { title: '年龄', dataIndex: 'age', width: 64, align: 'right' },
  {
    title: '公民身份号码',
    dataIndex: 'idNumber',
    width: 176,
    render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span>,
  },
  { title: '所在支部', dataIndex: 'orgName', width: 180, ellipsis: true },
  { title: '入党日期', dataIndex: 'joinedAt', width: 110 },
  { title: '转正日期', dataIndex: 'fullMemberAt', width: 110, render: (v: string | null) => v ?? '—' },
  { title: '党龄', key: 'partyAge', width: 80, align: 'right', render: (_, m) => partyAgeText(m) },
  { title: '状态', key: 'status', width: 120, render: (_, m) => <MemberStatusTag member={m} /> },
];

export default function MembersPage() {
  const [page, setPage] = useState(1);
  const [params, updateParams] = useUrlParams({ onChange: () => setPage(1) });
  const abilities = useAbilities();
  const isMobile = useIsMobile();
  const roots = useOrgRoots();
  const orgId = positiveInt(params.get('orgId')) ?? roots.data?.[0]?.id;
  const org = useOrg(orgId);
  const status = oneOf(params.get('status'), MEMBER_STATUSES);
  const gender = oneOf(params.get('gender'), ['male', 'female'] as const);
  const ethnicity = oneOf(params.get('ethnicity'), ETHNICITIES);
  const ageBand = oneOf(params.get('ageBand'), AGE_BAND_IDS);
  const partyAgeBand = oneOf(params.get('partyAgeBand'), PARTY_AGE_BAND_IDS);
  const includeExited = params.get('includeExited') === 'true';
  const [query, setQuery] = useState('');
  const [openMember, setOpenMember] = useState<Member>();
  const [isCreating, setIsCreating] = useState(false);
  const [isImporting, setIsImporting] = useState(false);
  const q = useDebouncedValue(query.trim().slice(0, MAX_MEMBER_QUERY));

  const filters = { orgId, q: q || undefined, status, gender, ethnicity, ageBand, partyAgeBand, includeExited };
  const members = useMembers({ ...filters, page, pageSize: PAGE_SIZE }, orgId !== undefined);
  const seeds = useMemo(() => [...(roots.data ?? []), ...(org.data ? [org.data] : [])], [roots.data, org.data]);
  // 登记党员 starts in the org being viewed when it is a branch.
  const defaultOrg = org.data && BRANCH_TYPES.includes(org.data.type) && !org.data.closedAt ? org.data : undefined;

  /**
   * Sets URL filters; any change starts again from the first page. Unlike other pages, every empty
   * value removes its key, not only undefined: a cleared control's null or '', an unticked false.
   */
  const setFilters = (next: UrlFilters & { orgId?: number }) =>
    updateParams(
      Object.fromEntries(
        Object.entries(next).map(([key, value]) => [
          key,
          value === undefined || value === null || value === false || value === '' ? undefined : String(value),
        ]),
      ),
    );
  /** The onChange of one filter's control. */
  const filter =
    <K extends keyof UrlFilters>(key: K) =>
    (value: UrlFilters[K]) =>
      setFilters({ [key]: value });

  if (roots.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (orgId === undefined) return <Result status="info" title="没有可查看党员的组织" />;

  return (
    <Card
      title="党员管理"
      extra={
        <Space wrap>
          {abilities.has('member.read') && (
            <Button icon={<DownloadOutlined />} href={memberExportUrl(filters)} data-testid="member-export">
              导出Excel
            </Button>
          )}
          {abilities.has('member.manage') && (
            <>
              <Button icon={<UploadOutlined />} onClick={() => setIsImporting(true)} data-testid="member-import">
                导入
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)} data-testid="member-create">
                登记党员
              </Button>
            </>
          )}
        </Space>
      }
    >
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={12} xl={8}>
          <OrgSelect
            value={orgId}
            onChange={(id) => id !== undefined && setFilters({ orgId: id })}
            seeds={seeds}
            data-testid="member-org"
          />
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Input
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setPage(1);
            }}
            prefix={<SearchOutlined />}
            placeholder="姓名、拼音或完整公民身份号码"
            allowClear
            maxLength={MAX_MEMBER_QUERY}
            data-testid="member-search"
          />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Select<MemberStatus>
            value={status}
            onChange={filter('status')}
            options={MEMBER_STATUS_OPTIONS}
            placeholder="状态"
            allowClear
            style={{ width: '100%' }}
            data-testid="member-filter-status"
          />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Select<Gender>
            value={gender}
            onChange={filter('gender')}
            options={GENDER_OPTIONS}
            placeholder="性别"
            allowClear
            style={{ width: '100%' }}
            data-testid="member-filter-gender"
          />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Select<string>
            value={ethnicity}
            onChange={filter('ethnicity')}
            options={ETHNICITY_OPTIONS}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="民族"
            allowClear
            style={{ width: '100%' }}
            data-testid="member-filter-ethnicity"
          />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Select<AgeBandId>
            value={ageBand}
            onChange={filter('ageBand')}
            options={AGE_BAND_OPTIONS}
            placeholder="年龄段"
            allowClear
            style={{ width: '100%' }}
            data-testid="member-filter-ageBand"
          />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Select<PartyAgeBandId>
            value={partyAgeBand}
            onChange={filter('partyAgeBand')}
            options={PARTY_AGE_BAND_OPTIONS}
            placeholder="党龄段"
            title="党龄自转正之日起算，预备党员不计入党龄段"
            allowClear
            style={{ width: '100%' }}
            data-testid="member-filter-partyAgeBand"
          />
        </Col>
        <Col xs={12} md={6} xl={4} style={{ display: 'flex', alignItems: 'center' }}>
          <Checkbox checked={includeExited} onChange={(e) => filter('includeExited')(e.target.checked)} data-testid="member-filter-exited">
            含已减少
          </Checkbox>
        </Col>
      </Row>
      <Table<Member>
        rowKey="id"
        size={isMobile ? 'small' : 'middle'}
        columns={columns}
        dataSource={members.data?.items}
        loading={members.isFetching}
        scroll={{ x: 1086 }}
        onRow={(member) => ({ onClick: () => setOpenMember(member), style: { cursor: 'pointer' } })}
        locale={{ emptyText: q ? '未找到匹配的党员' : '暂无党员' }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: members.data?.total ?? 0,
          showSizeChanger: false,
          simple: isMobile,
          // Beyond the server's counting cap the figure is a floor: say so, and ask for a narrower search.
          showTotal: (total) => (members.data?.totalCapped ? `超过 ${total} 名党员，可缩小范围查询` : `共 ${total} 名党员`),
          onChange: setPage,
        }}
        data-testid="member-table"
      />
      {openMember && (
        <MemberDrawer key={openMember.id} memberId={openMember.id} initial={openMember} onClose={() => setOpenMember(undefined)} />
      )}
      {isImporting && <MemberImportModal onClose={() => setIsImporting(false)} />}
      {isCreating && (
        <MemberFormModal
          target={{ mode: 'create', defaultOrg }}
          onClose={() => setIsCreating(false)}
          onSaved={(created) => {
            setIsCreating(false);
            setOpenMember(created);
          }}
        />
      )}
    </Card>
  );
}
