import { DeleteOutlined, DragOutlined, EditOutlined, IdcardOutlined, PlusOutlined } from '@ant-design/icons';
import { ORG_DOMAIN_LABELS, ORG_TYPE_LABELS } from '@jishi/domain';
import { Breadcrumb, Button, Card, Descriptions, type DescriptionsProps, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { labelOf } from '../../../shared/labels';
import { useAbilities } from '../../auth/auth.api';
import { OrgEvaluationsSection } from '../../evaluations/components/OrgEvaluationsSection';
import { CommitteeSection } from '../../meetings/components/CommitteeSection';
import { type Org, reachableAncestors } from '../orgs.api';

export type OrgAction = 'create' | 'edit' | 'move' | 'close';

/** 正常, or 已撤销 with its date and reason. */
function OrgStatus({ org }: { org: Org }) {
  if (!org.closedAt) return <Tag color="success">正常</Tag>;
  return (
    <Space wrap size={4}>
      <Tag color="error">已撤销</Tag>
      <span>{org.closedAt}</span>
      {org.closeReason && <Typography.Text type="secondary">原因：{org.closeReason}</Typography.Text>}
    </Space>
  );
}

/** The parent path; ancestors inside the caller's scope link to their own detail. */
function AncestorPath({ org, rootIds }: { org: Org; rootIds: readonly number[] }) {
  if (org.ancestors.length === 0) return <span>—</span>;
  const reachable = new Set(reachableAncestors(org, rootIds).map((a) => a.id));
  return (
    <Breadcrumb
      items={org.ancestors.map((a) => ({
        key: a.id,
        title: reachable.has(a.id) ? <Link to={`/orgs/${a.id}`}>{a.name}</Link> : a.name,
      }))}
    />
  );
}

type DetailTab = 'info' | 'committee' | 'evaluations';

/**
 * Detail of one org, with the management buttons its `abilities` allow; 班子与换届 (committee, term,
 * 党小组) on a second tab for users who read the roll.
 */
export function OrgDetail({ org, rootIds, onAction }: { org: Org; rootIds: readonly number[]; onAction: (action: OrgAction) => void }) {
  const abilities = useAbilities();
  const [tab, setTab] = useState<DetailTab>('info');
  const isClosed = Boolean(org.closedAt);
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: '名称', children: org.name, span: 'filled' },
    { key: 'code', label: '代码', children: org.code },
    { key: 'type', label: '类型', children: labelOf(ORG_TYPE_LABELS, org.type) },
    { key: 'domain', label: '领域', children: labelOf(ORG_DOMAIN_LABELS, org.domain) },
    { key: 'division', label: '行政区划代码', children: org.divisionCode ?? '—' },
    { key: 'founded', label: '成立日期', children: org.foundedAt ?? '—' },
    { key: 'unit', label: '单位', children: org.unit ?? '—' },
    { key: 'children', label: '下级组织', children: `${org.childCount} 个` },
    { key: 'status', label: '状态', children: <OrgStatus org={org} /> },
    { key: 'parent', label: '上级', children: <AncestorPath org={org} rootIds={rootIds} />, span: 'filled' },
  ];
  const actions = org.abilities.canManage && (
    <Space wrap>
      <Button type="primary" icon={<PlusOutlined />} disabled={isClosed} onClick={() => onAction('create')} data-testid="org-create-child">
        新增下级组织
      </Button>
      <Button icon={<EditOutlined />} onClick={() => onAction('edit')} data-testid="org-edit">
        编辑
      </Button>
      {org.abilities.canRestructure && (
        <Button icon={<DragOutlined />} disabled={isClosed} onClick={() => onAction('move')} data-testid="org-move">
          移动
        </Button>
      )}
      {org.abilities.canRestructure && !isClosed && (
        <Button danger icon={<DeleteOutlined />} onClick={() => onAction('close')} data-testid="org-close">
          撤销
        </Button>
      )}
    </Space>
  );
  const info = (
    <>
      {actions && <div style={{ marginBottom: 16 }}>{actions}</div>}
      <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 1, lg: 2, xl: 2, xxl: 3 }} items={items} />
    </>
  );
  return (
    <Card
      title="组织详情"
      extra={
        abilities.has('member.read') && (
          <Link to={`/members?orgId=${org.id}`} data-testid="org-members-link">
            <IdcardOutlined /> 查看党员
          </Link>
        )
      }
      data-testid="org-detail"
    >
      {abilities.has('member.read') ? (
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as DetailTab)}
          items={[
            { key: 'info', label: '基本信息', children: info },
            { key: 'committee', label: '班子与换届', children: <CommitteeSection org={org} /> },
            { key: 'evaluations', label: '评星定级', children: <OrgEvaluationsSection org={org} /> },
          ]}
          style={{ marginTop: -12 }}
          data-testid="org-detail-tabs"
        />
      ) : (
        info
      )}
    </Card>
  );
}
