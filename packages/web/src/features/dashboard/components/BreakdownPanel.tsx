import { Button, Card, Col, Empty, Row, Select, type TableColumnsType, Typography } from 'antd';
import { useMemo } from 'react';
import { ListTable, usePager } from '../../../shared/ListTable';
import { EChart, type EChartOption } from '../charts/EChart';
import {
  figureAmount,
  figureOf,
  figureText,
  type IndicatorChildValue,
  type IndicatorValue,
  useIndicatorBreakdown,
} from '../indicators.api';

/** More bars than this make the chart unreadable; the table always has every child. */
const MAX_BARS = 30;

export interface BreakdownPanelProps {
  indicators: IndicatorValue[];
  indicatorId?: string;
  orgId: number;
  date: string;
  onIndicatorChange: (id: string) => void;
  /** Drill down: make this child the dashboard's org. */
  onDrill: (orgId: number) => void;
}

/** One indicator over the org's direct children, as a bar chart and a table; a click drills down. */
export function BreakdownPanel({ indicators, indicatorId, orgId, date, onIndicatorChange, onDrill }: BreakdownPanelProps) {
  const breakdown = useIndicatorBreakdown(indicatorId, orgId, date);
  const pager = usePager({ pageSize: 10 });
  const items = breakdown.data?.items ?? [];
  const unit = breakdown.data?.indicator.unit ?? '';
  const kind = breakdown.data?.indicator.kind ?? 'number';
  /** A child's value as text with its unit (money in 元 or 万元), and as a number to sort and chart by. */
  const shown = (value: number | string) => figureText(figureOf(kind, value), unit);
  const amount = (value: number | string) => figureAmount(figureOf(kind, value));
  const bars = useMemo(
    () => [...items].sort((a, b) => figureAmount(figureOf(kind, b.value)) - figureAmount(figureOf(kind, a.value))).slice(0, MAX_BARS),
    [items, kind],
  );

  const option = useMemo<EChartOption>(() => {
    const label = (i: number) => {
      const bar = bars[i];
      const t = bar ? figureText(figureOf(kind, bar.value), unit) : undefined;
      return t ? `${t.value}${t.unit}` : '';
    };
    return {
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (p) => {
          const first = Array.isArray(p) ? p[0] : p;
          return first ? `${first.name}：${label(first.dataIndex)}` : '';
        },
      },
      grid: { left: 8, right: 64, top: 8, bottom: 8, containLabel: true },
      // Money is charted in fen; the axis carries no figures of its own, the bar labels do.
      xAxis: { type: 'value', minInterval: 1, axisLabel: { show: kind !== 'money' } },
      yAxis: { type: 'category', inverse: true, data: bars.map((i) => i.orgName), axisLabel: { width: 160, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          data: bars.map((i) => figureAmount(figureOf(kind, i.value))),
          label: { show: true, position: 'right', formatter: (p) => label(p.dataIndex) },
          barMaxWidth: 22,
          cursor: 'pointer',
        },
      ],
    };
  }, [bars, unit, kind]);

  const columns: TableColumnsType<IndicatorChildValue> = [
    { title: '下级组织', dataIndex: 'orgName', ellipsis: true },
    {
      title: `数值${unit && kind !== 'money' ? `（${unit}）` : ''}`,
      dataIndex: 'value',
      align: 'right',
      width: 120,
      render: (value: number | string) => {
        const t = shown(value);
        return kind === 'money' ? `${t.value}${t.unit}` : t.value;
      },
      sorter: (a, b) => amount(a.value) - amount(b.value),
      defaultSortOrder: 'descend',
    },
    { title: '下级数', dataIndex: 'childCount', align: 'right', width: 80 },
    {
      title: '',
      key: 'drill',
      width: 72,
      render: (_, row) => (
        <Button
          type="link"
          size="small"
          onClick={(e) => {
            e.stopPropagation();
            onDrill(row.orgId);
          }}
        >
          下钻
        </Button>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title="下级组织分布"
      extra={
        <Select
          value={indicatorId}
          onChange={onIndicatorChange}
          options={indicators.map((i) => ({ value: i.id, label: i.name }))}
          style={{ width: 220, maxWidth: '50vw' }}
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="breakdown-indicator"
        />
      }
    >
      {breakdown.data && (
        <Typography.Paragraph type="secondary">
          {breakdown.data.org.name} · {breakdown.data.indicator.name}合计 {shown(breakdown.data.value).value}
          {shown(breakdown.data.value).unit}，点击柱条或表格行查看该下级组织
          {items.length > MAX_BARS && `（图中显示数值最大的${MAX_BARS}个）`}
        </Typography.Paragraph>
      )}
      {!breakdown.isPending && items.length === 0 ? (
        <Empty description="该组织没有下级组织" />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <EChart
              option={option}
              height={Math.max(240, bars.length * 28 + 24)}
              testId="breakdown-chart"
              onClick={(e) => {
                const child = e.dataIndex === undefined ? undefined : bars[e.dataIndex];
                if (child) onDrill(child.orgId);
              }}
            />
          </Col>
          <Col xs={24} xl={10}>
            <ListTable<IndicatorChildValue>
              rowKey="orgId"
              size="small"
              columns={columns}
              dataSource={items}
              loading={breakdown.isFetching}
              pager={pager}
              onOpen={(row) => onDrill(row.orgId)}
              data-testid="breakdown-table"
            />
          </Col>
        </Row>
      )}
    </Card>
  );
}
