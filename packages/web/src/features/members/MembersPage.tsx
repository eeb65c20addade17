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
import { Button, Card, Checkbox, Input, Result, Space, Spin, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { FilterBar, FilterItem, pageOrgId, SelectFilter, useOrgSeeds } from '../../shared/FilterBar';
import { ListTable, usePager } from '../../shared/ListTable';
import {
  AGE_BAND_OPTIONS,
  ETHNICITY_OPTIONS,
  GENDER_OPTIONS,
  labelOf,
  MEMBER_STATUS_OPTIONS,
  PARTY_AGE_BAND_OPTIONS,
} from '../../shared/labels';
import { oneOf, useUrlParams } from '../../shared/url-params';
import { useDebouncedValue } from '../../shared/use-debounced-value';
import { useAbilities } from '../auth/auth.api';
import { OrgSelect } from '../orgs/components/OrgSelect';
import { useOrg, useOrgRoots } from '../orgs/orgs.api';
import { MemberDrawer } from './components/MemberDrawer';
import { MemberFormModal } from './components/MemberFormModal';
import { MemberImportModal } from './components/MemberImportModal';
import { MemberStatusTag, partyAgeText } from './components/member-display';
import { type Gender, MAX_MEMBER_QUERY, type Member, type MemberStatus, memberExportUrl, useMembers } from './members.api';

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
  const pager = usePager();
  const [params, updateParams] = useUrlParams({ onChange: pager.reset });
  const abilities = useAbilities();
  const roots = useOrgRoots();
  const orgId = pageOrgId(params.get('orgId'), roots.data);
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
  const members = useMembers({ ...filters, page: pager.page, pageSize: pager.pageSize }, orgId !== undefined);
  const seeds = useOrgSeeds(roots.data, org.data);
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
      <FilterBar>
        <FilterItem size="wide">
          <OrgSelect
            value={orgId}
            onChange={(id) => id !== undefined && setFilters({ orgId: id })}
            seeds={seeds}
            data-testid="member-org"
          />
        </FilterItem>
        <FilterItem size="wide">
          <Input
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              pager.reset();
            }}
            prefix={<SearchOutlined />}
            placeholder="姓名、拼音或完整公民身份号码"
            allowClear
            maxLength={MAX_MEMBER_QUERY}
            data-testid="member-search"
          />
        </FilterItem>
        <FilterItem>
          <SelectFilter<MemberStatus>
            value={status}
            onChange={filter('status')}
            options={MEMBER_STATUS_OPTIONS}
            placeholder="状态"
            data-testid="member-filter-status"
          />
        </FilterItem>
        <FilterItem>
          <SelectFilter<Gender>
            value={gender}
            onChange={filter('gender')}
            options={GENDER_OPTIONS}
            placeholder="性别"
            data-testid="member-filter-gender"
          />
        </FilterItem>
        <FilterItem>
          <SelectFilter<string>
            value={ethnicity}
            onChange={filter('ethnicity')}
            options={ETHNICITY_OPTIONS}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="民族"
            data-testid="member-filter-ethnicity"
          />
        </FilterItem>
        <FilterItem>
          <SelectFilter<AgeBandId>
            value={ageBand}
            onChange={filter('ageBand')}
            options={AGE_BAND_OPTIONS}
            placeholder="年龄段"
            data-testid="member-filter-ageBand"
          />
        </FilterItem>
        <FilterItem>
          <SelectFilter<PartyAgeBandId>
            value={partyAgeBand}
            onChange={filter('partyAgeBand')}
            options={PARTY_AGE_BAND_OPTIONS}
            placeholder="党龄段"
            title="党龄自转正之日起算，预备党员不计入党龄段"
            data-testid="member-filter-partyAgeBand"
          />
        </FilterItem>
        <FilterItem>
          <Checkbox checked={includeExited} onChange={(e) => filter('includeExited')(e.target.checked)} data-testid="member-filter-exited">
            含已减少
          </Checkbox>
        </FilterItem>
      </FilterBar>
      <ListTable<Member>
        rowKey="id"
        columns={columns}
        dataSource={members.data?.items}
        loading={members.isFetching}
        scroll={{ x: 1086 }}
        onOpen={setOpenMember}
        locale={{ emptyText: q ? '未找到匹配的党员' : '暂无党员' }}
        pager={pager}
        total={members.data?.total ?? 0}
        alwaysShowPager
        // Beyond the server's counting cap the figure is a floor: say so, and ask for a narrower search.
        totalText={(total) => (members.data?.totalCapped ? `超过 ${total} 名党员，可缩小范围查询` : `共 ${total} 名党员`)}
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
