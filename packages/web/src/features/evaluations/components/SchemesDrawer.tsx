import { CopyOutlined, EditOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import { METHOD_LABELS, ORG_DOMAIN_LABELS, ORG_TYPE_LABELS, PROGRAMME_LABELS, PROGRAMME_METHOD, STEP_KIND_LABELS } from '@jishi/domain';
import {
  Button,
  Collapse,
  Descriptions,
  type DescriptionsProps,
  Drawer,
  Empty,
  Space,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { labelOf } from '../../../shared/labels';
import { useIsMobile } from '../../../shared/use-is-mobile';
import { type Criterion, type ListFilter, type SchemeView, useSchemes } from '../evaluations.api';
import { CriterionTags, CriterionText, levelBand } from './evaluation-display';
import { SchemeCopyModal } from './SchemeCopyModal';
import { SchemeEditorDrawer } from './SchemeEditorDrawer';

const listOf = (values: readonly string[], labels: Record<string, string>) =>
  values.length === 0 ? '全部' : values.map((v) => labelOf(labels, v)).join('、');

/** One scheme, read-only: scope, steps, levels with their bands, flags, caps and the criteria. */
function SchemeBody({ s }: { s: SchemeView }) {
  const isMobile = useIsMobile();
  const method = PROGRAMME_METHOD[s.programme];
  const items: DescriptionsProps['items'] = [
    { key: 'method', label: '评定方法', children: METHOD_LABELS[method] },
    { key: 'org', label: '制定单位', children: s.orgName },
    { key: 'domains', label: '适用领域', children: listOf(s.domains, ORG_DOMAIN_LABELS) },
    { key: 'types', label: '适用组织类型', children: listOf(s.orgTypes, ORG_TYPE_LABELS) },
    {
      key: 'steps',
      label: '环节',
      span: 'filled',
      children: (
        <Space size={[4, 4]} wrap>
          {s.steps.map((st, i) => (
            <Tag key={st.kind} title={STEP_KIND_LABELS[st.kind]} style={{ marginInlineEnd: 0 }}>
              {i + 1}. {st.name}
            </Tag>
          ))}
        </Space>
      ),
    },
  ];
  if (s.levels.length > 0)
    items.push({
      key: 'levels',
      label: '等次',
      span: 'filled',
      children: (
        <Space size={[4, 4]} wrap>
          {s.levels.map((l) => (
            <Tag key={l.key} color={l.key === s.vetoCap ? 'default' : 'gold'} style={{ marginInlineEnd: 0 }}>
              {levelBand(l)}
            </Tag>
          ))}
        </Space>
      ),
    });
  if (s.topQuotaPercent !== undefined)
    items.push({ key: 'quota', label: '最高等次比例', children: `不超过${s.topQuotaPercent}%（${s.levels[0]?.name ?? ''}）` });
  if (s.vetoCap)
    items.push({ key: 'veto', label: '一票否决后', children: `最高评为${s.levels.find((l) => l.key === s.vetoCap)?.name ?? s.vetoCap}` });
  if (s.flags.length > 0)
    items.push({
      key: 'flags',
      label: '红旗',
      span: 'filled',
      children: (
        <Space size={[4, 4]} wrap>
          {s.flags.map((f) => (
            <Tag key={f.key} color="red" style={{ marginInlineEnd: 0 }}>
              {f.name}
            </Tag>
          ))}
        </Space>
      ),
    });
  if (s.flagCap !== undefined) items.push({ key: 'cap', label: '每轮最多争创', children: `${s.flagCap}面` });
  if (s.subsidyPerFlag !== undefined) items.push({ key: 'subsidy', label: '工作补贴', children: `每面${s.subsidyPerFlag}元` });

  const flagName = (key?: string) => s.flags.find((f) => f.key === key)?.name ?? key ?? '—';
  const columns: TableColumnsType<Criterion> = [
    {
      title: '指标',
      key: 'text',
      render: (_, c, i) => (
        <Space orientation="vertical" size={4}>
          <CriterionText c={c} index={i} />
          <CriterionTags c={c} />
          {c.domains && c.domains.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              适用：{listOf(c.domains, ORG_DOMAIN_LABELS)}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    ...(method === 'flags' && !isMobile
      ? [{ title: '红旗', key: 'flag', width: 110, render: (_: unknown, c: Criterion) => flagName(c.flag) }]
      : []),
  ];

  return (
    <>
      <Descriptions bordered size="small" column={isMobile ? 1 : 2} items={items} styles={{ label: { whiteSpace: 'nowrap' } }} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        指标（{s.criteria.length}项）
      </Typography.Title>
      <Table<Criterion>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={s.criteria}
        pagination={s.criteria.length > 20 ? { pageSize: 20, showSizeChanger: false, simple: isMobile } : false}
      />
    </>
  );
}

/**
 * 方案: the schemes the reader's rounds may run on (made at or above their orgs), each with its
 * criteria. Those who organise evaluations make new schemes, edit one no round has used yet, and
 * copy one forward to a new year (the only way to change a scheme in use).
 */
export function SchemesDrawer({
  filter,
  canManage,
  defaultOrgId,
  seeds,
  onClose,
}: {
  filter: ListFilter;
  canManage: boolean;
  /** Where a new scheme is made unless the user picks another org. */
  defaultOrgId?: number;
  seeds: readonly { id: number; name: string }[];
  onClose: () => void;
}) {
  const isMobile = useIsMobile();
  const schemes = useSchemes(filter);
  const [copying, setCopying] = useState<SchemeView>();
  const [editing, setEditing] = useState<SchemeView | 'new'>();
  const title = filter.programme ? `评选方案 · ${PROGRAMME_LABELS[filter.programme]}` : '评选方案';

  const actions = (s: SchemeView) => (
    // The header toggles the panel: a click on a button must not.
    <Space size={4} wrap onClick={(e) => e.stopPropagation()}>
      {s.abilities.canManage && !s.locked && (
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(s)} data-testid="scheme-edit">
          编辑
        </Button>
      )}
      <Button size="small" icon={<CopyOutlined />} onClick={() => setCopying(s)} data-testid="scheme-copy">
        复制为新年度
      </Button>
    </Space>
  );

  return (
    <Drawer
      open
      title={title}
      size={isMobile ? '100%' : 880}
      // The editor covers a phone's screen: pushing this one aside would only show it cut off after.
      push={isMobile ? false : undefined}
      onClose={onClose}
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="scheme-create">
            新建方案
          </Button>
        )
      }
      data-testid="schemes-drawer"
    >
      {schemes.isPending ? (
        <Spin style={{ display: 'block', margin: 48 }} />
      ) : (schemes.data ?? []).length === 0 ? (
        <Empty description={filter.year ? `${filter.year}年暂无评选方案` : '暂无评选方案'} />
      ) : (
        <Collapse
          items={(schemes.data ?? []).map((s) => ({
            key: s.id,
            label: (
              <Space size={[8, 4]} wrap>
                <Typography.Text strong>{s.name}</Typography.Text>
                <Tag style={{ marginInlineEnd: 0 }}>{s.year}年</Tag>
                {!filter.programme && <Tag style={{ marginInlineEnd: 0 }}>{PROGRAMME_LABELS[s.programme]}</Tag>}
                {s.locked && (
                  <Tag
                    icon={<LockOutlined />}
                    style={{ marginInlineEnd: 0 }}
                    title={`已开展${s.rounds}轮评选；如需调整请复制为新年度后修改`}
                    data-testid="scheme-locked"
                  >
                    已用于评选，不可修改
                  </Tag>
                )}
              </Space>
            ),
            // A phone has no room beside the title: the actions open with the panel.
            extra: canManage && !isMobile && actions(s),
            children: (
              <>
                {canManage && isMobile && <div style={{ marginBottom: 12 }}>{actions(s)}</div>}
                <SchemeBody s={s} />
              </>
            ),
          }))}
          data-testid="scheme-list"
        />
      )}
      {editing && (
        <SchemeEditorDrawer
          scheme={editing === 'new' ? undefined : editing}
          programme={filter.programme}
          year={filter.year}
          defaultOrgId={defaultOrgId}
          seeds={seeds}
          onClose={() => setEditing(undefined)}
          onCopy={(s) => {
            setEditing(undefined);
            setCopying(s);
          }}
        />
      )}
      {copying && <SchemeCopyModal scheme={copying} ownOrgId={defaultOrgId} onClose={() => setCopying(undefined)} />}
    </Drawer>
  );
}
