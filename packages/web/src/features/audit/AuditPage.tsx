/** 审计日志: filter, read, export and verify the append-only, hash-chained audit trail. */
import { DownloadOutlined, SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import { ROLE_LABELS } from '@jishi/domain';
import { Alert, Button, Card, DatePicker, Form, Input, Select, Space, type TableColumnsType, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { DATE_FORMAT, formatDateTime } from '../../shared/dates';
import { FilterBar, FilterItem } from '../../shared/FilterBar';
import { ListTable, usePager } from '../../shared/ListTable';
import { labelOf, optionsOf } from '../../shared/labels';
import { useIsMobile } from '../../shared/use-is-mobile';
import {
  AUDIT_OUTCOME_LABELS,
  AUDIT_OUTCOMES,
  type AuditChainCheck,
  type AuditEntry,
  type AuditFilters,
  type AuditOutcome,
  auditExportUrl,
  useAuditActions,
  useAuditLog,
  useVerifyAuditChain,
} from './audit.api';

interface FilterFields {
  range?: [Dayjs | null, Dayjs | null] | null;
  actor?: string;
  action?: string;
  outcome?: AuditOutcome;
}

const OUTCOME_COLORS: Record<AuditOutcome, string> = { success: 'success', denied: 'warning', failure: 'error' };

const toFilters = ({ range, actor, action, outcome }: FilterFields): AuditFilters => ({
  from: range?.[0]?.format(DATE_FORMAT),
  to: range?.[1]?.format(DATE_FORMAT),
  actor: actor?.trim() || undefined,
  action: action?.trim() || undefined,
  outcome,
});

const columns: TableColumnsType<AuditEntry> = [
  { title: '序号', dataIndex: 'seq', width: 80 },
  { title: '时间', dataIndex: 'at', width: 150, render: (at: string) => formatDateTime(at) },
  { title: '操作人', dataIndex: 'actorName', width: 110, render: (v: string | null) => v ?? '—' },
  { title: '角色', dataIndex: 'actorRole', width: 150, render: (v: string | null) => labelOf(ROLE_LABELS, v) },
  { title: '所属组织', dataIndex: 'actorOrgName', width: 180, ellipsis: true, render: (v: string | null) => v ?? '—' },
  {
    title: '操作',
    dataIndex: 'actionLabel',
    width: 180,
    render: (v: string, r: AuditEntry) => <span title={r.action}>{v}</span>,
  },
  {
    title: '对象',
    key: 'target',
    width: 140,
    render: (_, row) => (row.targetType ? `${row.targetType}${row.targetId != null ? ` #${row.targetId}` : ''}` : '—'),
  },
  {
    title: '结果',
    dataIndex: 'outcome',
    width: 80,
    render: (v: AuditOutcome) => <Tag color={OUTCOME_COLORS[v]}>{labelOf(AUDIT_OUTCOME_LABELS, v)}</Tag>,
  },
  { title: 'IP', dataIndex: 'ip', width: 120, render: (v: string | null) => v ?? '—' },
  {
    title: '请求ID',
    dataIndex: 'requestId',
    width: 120,
    ellipsis: true,
    render: (v: string | null) => (v ? <Typography.Text copyable={{ text: v }}>{v}</Typography.Text> : '—'),
  },
];

/** The verify button's result: chain intact, or where it first breaks. */
function ChainResult({ result }: { result: AuditChainCheck }) {
  return result.ok ? (
    <Alert type="success" showIcon title={`审计链完整：已校验 ${result.checked} 条记录，未发现篡改`} data-testid="audit-verify-result" />
  ) : (
    <Alert
      type="error"
      showIcon
      title={
        result.missing
          ? `审计链校验失败：序号 ${result.brokenAt ?? '?'} 的记录缺失，已被删除`
          : `审计链校验失败：序号 ${result.brokenAt ?? '?'} 处链条断裂，可能已被篡改`
      }
      description={`已校验 ${result.checked} 条记录。请立即报告安全管理员。`}
      data-testid="audit-verify-result"
    />
  );
}

export default function AuditPage() {
  const [form] = Form.useForm<FilterFields>();
  const isMobile = useIsMobile();
  const [filters, setFilters] = useState<AuditFilters>({});
  const pager = usePager({ sizeChanger: true });
  const log = useAuditLog(filters, pager.page, pager.pageSize);
  const actions = useAuditActions();
  const verify = useVerifyAuditChain();

  const apply = (values: FilterFields) => {
    setFilters(toFilters(values));
    pager.reset();
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Form<FilterFields> form={form} layout="vertical" onFinish={apply}>
          <FilterBar style={{ marginBottom: 0 }}>
            <FilterItem size="wide" xl={7}>
              <Form.Item label="时间范围" name="range">
                <DatePicker.RangePicker style={{ width: '100%' }} allowEmpty={[true, true]} />
              </Form.Item>
            </FilterItem>
            <FilterItem>
              <Form.Item label="操作人" name="actor">
                <Input placeholder="用户名" allowClear />
              </Form.Item>
            </FilterItem>
            <FilterItem>
              <Form.Item label="操作" name="action">
                <Select
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  placeholder="全部"
                  options={actions.data?.items.map((a) => ({ value: a.action, label: a.label }))}
                />
              </Form.Item>
            </FilterItem>
            <FilterItem xl={3}>
              <Form.Item label="结果" name="outcome">
                <Select allowClear placeholder="全部" options={optionsOf(AUDIT_OUTCOMES, AUDIT_OUTCOME_LABELS)} />
              </Form.Item>
            </FilterItem>
            <FilterItem xs={24} md={18} xl={6}>
              <Form.Item label={isMobile ? undefined : ' '} colon={false}>
                <Space wrap>
                  <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                    查询
                  </Button>
                  <Button
                    onClick={() => {
                      form.resetFields();
                      apply({});
                    }}
                  >
                    重置
                  </Button>
                </Space>
              </Form.Item>
            </FilterItem>
          </FilterBar>
        </Form>
      </Card>

      <Card
        size="small"
        title="审计日志"
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={auditExportUrl(filters)} data-testid="audit-export">
              导出Excel
            </Button>
            <Button
              icon={<SafetyCertificateOutlined />}
              loading={verify.isPending}
              onClick={() => verify.mutate()}
              data-testid="audit-verify"
            >
              验证链
            </Button>
          </Space>
        }
      >
        {verify.data && (
          <div style={{ marginBottom: 16 }}>
            <ChainResult result={verify.data} />
          </div>
        )}
        <ListTable<AuditEntry>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={log.data?.items}
          loading={log.isFetching}
          scroll={{ x: 1200 }}
          expandable={{
            rowExpandable: (row) => row.detail !== null && row.detail !== undefined,
            expandedRowRender: (row) => (
              <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{JSON.stringify(row.detail, null, 2)}</pre>
            ),
          }}
          pager={pager}
          total={log.data?.total ?? 0}
          totalText={(total) => `共 ${total} 条`}
          alwaysShowPager
          data-testid="audit-table"
        />
      </Card>
    </Space>
  );
}
