/**
 * 发展党员: the deadline board of one org's subtree (the whole scope when none is picked): each
 * applicant in progress with its stage, its next step and that step's time limit, soonest first,
 * overdue ones marked. `?orgId=` keeps the filter in the URL. A row opens the applicant;
 * 登记入党申请 records step 1 and opens the new applicant.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { FilterBar, FilterItem, useOrgSeeds } from '../../shared/FilterBar';
import { ListTable, usePager } from '../../shared/ListTable';
import { positiveInt, useUrlParams } from '../../shared/url-params';
import { useIsMobile } from '../../shared/use-is-mobile';
import { useAbilities } from '../auth/auth.api';
import { OrgSelect } from '../orgs/components/OrgSelect';
import { useOrg, useOrgRoots } from '../orgs/orgs.api';
import { ApplicantFormModal } from './components/ApplicantFormModal';
import { DeadlineTag } from './components/DeadlineTag';
import { type BoardItem, useDeadlineBoard } from './development.api';

/** The next step's date with its kind; a step the 细则 sets no time limit for says so. */
function BoardDeadline({ item }: { item: BoardItem }) {
  if (item.kind === null) return <Typography.Text type="secondary">无时限要求</Typography.Text>;
  return (
    <Space size={6} wrap>
      <span>{item.date}</span>
      <DeadlineTag kind={item.kind} overdue={item.overdue} />
    </Space>
  );
}

const columns: TableColumnsType<BoardItem> = [
  {
    title: '申请人',
    dataIndex: 'applicantName',
    width: 96,
    fixed: 'left',
    render: (name: string) => <Typography.Link>{name}</Typography.Link>,
  },
  { title: '所在支部', dataIndex: 'orgName', width: 200, ellipsis: true },
  { title: '所处阶段', dataIndex: 'stageName', width: 190, ellipsis: true },
  { title: '下一步', key: 'step', width: 190, render: (_, item) => `第${item.step}步 ${item.stepName}` },
  {
    title: '期限',
    key: 'date',
    width: 200,
    render: (_, item) => <BoardDeadline item={item} />,
  },
];

/** On a phone: who (and where), and what is next by when, without scrolling sideways. */
const phoneColumns: TableColumnsType<BoardItem> = [
  {
    title: '申请人',
    key: 'applicant',
    render: (_, item) => (
      <>
        <Typography.Link>{item.applicantName}</Typography.Link>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {item.orgName}
          </Typography.Text>
        </div>
      </>
    ),
  },
  {
    title: '下一步 · 期限',
    key: 'next',
    render: (_, item) => (
      <>
        <div>
          第{item.step}步 {item.stepName}
        </div>
        <BoardDeadline item={item} />
      </>
    ),
  },
];

export default function DevelopmentPage() {
  const pager = usePager();
  const [params, update] = useUrlParams({ onChange: pager.reset });
  const navigate = useNavigate();
  const abilities = useAbilities();
  const isMobile = useIsMobile();
  const roots = useOrgRoots();
  const orgId = positiveInt(params.get('orgId'));
  const org = useOrg(orgId);
  const board = useDeadlineBoard(orgId);
  const [isCreating, setIsCreating] = useState(false);
  const seeds = useOrgSeeds(roots.data, org.data);

  return (
    <Card
      title={
        <Space size={8} wrap>
          <span>发展党员</span>
          <Tag color={board.data?.overdue ? 'red' : 'default'} style={{ fontWeight: 'normal' }} data-testid="dev-overdue">
            已逾期 {board.data?.overdue ?? '…'} 人
          </Tag>
        </Space>
      }
      extra={
        abilities.has('development.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)} data-testid="dev-create">
            {isMobile ? '登记申请' : '登记入党申请'}
          </Button>
        )
      }
    >
      <FilterBar>
        <FilterItem size="wide">
          <OrgSelect
            value={orgId}
            onChange={(id) => update({ orgId: id })}
            seeds={seeds}
            allowClear
            placeholder="全部（可输入组织名称或拼音首字母筛选）"
            data-testid="dev-org"
          />
        </FilterItem>
        <FilterItem xs={24} md={12} xl={16}>
          <Typography.Text type="secondary">按期限先后列出入党申请人的下一步；点击一行查看全部步骤并办理。</Typography.Text>
        </FilterItem>
      </FilterBar>
      <ListTable<BoardItem>
        rowKey="applicantId"
        columns={isMobile ? phoneColumns : columns}
        dataSource={board.data?.items}
        loading={board.isFetching}
        scroll={isMobile ? undefined : { x: 876 }}
        onOpen={(item) => navigate(`/development/${item.applicantId}`)}
        locale={{ emptyText: '暂无办理中的入党申请人' }}
        pager={pager}
        totalText={(total) => `共 ${total} 人`}
        data-testid="dev-board"
      />
      {isCreating && (
        <ApplicantFormModal
          defaultOrg={org.data}
          onClose={() => setIsCreating(false)}
          onSaved={(created) => {
            setIsCreating(false);
            navigate(`/development/${created.id}`);
          }}
        />
      )}
    </Card>
  );
}
