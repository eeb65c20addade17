import { Card, Empty } from 'antd';
import { useMemo } from 'react';
import { EChart, type EChartOption } from '../charts/EChart';
import { figureAmount, type IndicatorValue } from '../indicators.api';

/**
 * The indicators of one group (organizations by type, by domain) as a pie or a horizontal bar
 * chart. Clicking a slice or bar selects that indicator for the breakdown below.
 */
export function GroupChart({
  title,
  items,
  kind,
  onSelect,
  testId,
}: {
  title: string;
  items: IndicatorValue[];
  kind: 'pie' | 'bar';
  onSelect: (id: string) => void;
  testId: string;
}) {
  const option = useMemo<EChartOption>(() => {
    const unit = items[0]?.unit ?? '';
    if (kind === 'pie') {
      return {
        tooltip: { trigger: 'item', formatter: `{b}：{c}${unit}（{d}%）` },
        legend: { type: 'scroll', bottom: 0 },
        series: [
          {
            type: 'pie',
            radius: ['35%', '65%'],
            center: ['50%', '45%'],
            data: items.map((i) => ({ name: i.name, value: figureAmount(i) })),
            label: { formatter: '{b}\n{c}' },
          },
        ],
      };
    }
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: items.map((i) => i.name) },
      series: [{ type: 'bar', data: items.map(figureAmount), label: { show: true, position: 'right' }, barMaxWidth: 24 }],
    };
  }, [items, kind]);

  return (
    <Card title={title} size="small">
      {items.length === 0 ? (
        <Empty description="暂无数据" />
      ) : (
        <EChart
          option={option}
          height={kind === 'pie' ? 300 : Math.max(240, items.length * 30 + 24)}
          testId={testId}
          onClick={(e) => {
            const item = e.dataIndex === undefined ? undefined : items[e.dataIndex];
            if (e.componentType === 'series' && item) onSelect(item.id);
          }}
        />
      )}
    </Card>
  );
}
