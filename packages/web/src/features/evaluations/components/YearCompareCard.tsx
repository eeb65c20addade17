import { PROGRAMME_METHOD, type Programme, RATING_LABELS, RATINGS } from '@jishi/domain';
import { Card, Empty, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type RoundListItem, useCompareYears, type YearResult } from '../evaluations.api';

/**
 * 历年对比: per year of published results under the org, how many took part and how many reached
 * each level (or rating), and the flags named. Level names come from the newest round listed.
 */
export function YearCompareCard({ programme, orgId, rounds }: { programme: Programme; orgId: number; rounds: readonly RoundListItem[] }) {
  const years = useCompareYears(programme, orgId);
  const method = PROGRAMME_METHOD[programme];
  const levels = rounds.find((r) => r.programme === programme)?.levels ?? [];
  const keys: { key: string; name: string }[] =
    method === 'ratings' ? RATINGS.map((r) => ({ key: r, name: RATING_LABELS[r] })) : levels.map((l) => ({ key: l.key, name: l.name }));
  const columns: ColumnsType<YearResult> = [
    { title: '年度', dataIndex: 'year', width: 80 },
    { title: '发布结果', dataIndex: 'entries', width: 100, render: (n: number) => `${n} 个` },
    ...keys.map((k) => ({
      title: k.name,
      key: k.key,
      render: (_: unknown, y: YearResult) => {
        const n = y.byKey[k.key] ?? 0;
        return y.entries ? `${n}（${((n / y.entries) * 100).toFixed(1)}%）` : '—';
      },
    })),
    ...(method === 'flags' ? [{ title: '命名红旗', dataIndex: 'flags', render: (n: number) => `${n} 面` }] : []),
  ];
  return (
    <Card size="small" title="历年对比" style={{ marginTop: 16 }} data-testid="year-compare">
      {years.data?.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无已发布的结果" />
      ) : (
        <Table<YearResult>
          rowKey="year"
          size="small"
          columns={columns}
          dataSource={years.data}
          loading={years.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      )}
    </Card>
  );
}
