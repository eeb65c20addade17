import { INDICATOR_GROUP_LABELS } from '@jishi/domain';
import { Card, Col, Empty, Row, Statistic, Typography } from 'antd';
import { figureText, type IndicatorValue } from '../indicators.api';

/** Headline figures (no group) come first. */
const GROUP_TITLES = INDICATOR_GROUP_LABELS;
const HEADLINE = '';

/** Indicators grouped for display, headline figures first, groups in first-seen order. */
const sections = (items: IndicatorValue[]) => {
  const byGroup = new Map<string, IndicatorValue[]>([[HEADLINE, []]]);
  for (const item of items) {
    const group = item.group ?? HEADLINE;
    byGroup.set(group, [...(byGroup.get(group) ?? []), item]);
  }
  return [...byGroup].filter(([, list]) => list.length > 0);
};

/**
 * One card per indicator. Clicking a card shows that indicator over the org's children.
 * Test hooks: `indicator-<id>` on the card, `indicator-value-<id>` around the bare value.
 */
export function IndicatorCards({
  items,
  selectedId,
  onSelect,
}: {
  items: IndicatorValue[];
  selectedId?: string;
  onSelect: (id: string) => void;
}) {
  if (items.length === 0) return <Empty description="暂无统计指标" />;
  return (
    <div data-testid="dashboard-indicators">
      {sections(items).map(([group, list]) => (
        <div key={group || 'headline'} style={{ marginBottom: 16 }}>
          {group && (
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {GROUP_TITLES[group] ?? group}
            </Typography.Title>
          )}
          <Row gutter={[12, 12]}>
            {list.map((item) => {
              const shown = figureText(item, item.unit);
              return (
                <Col key={item.id} xs={12} sm={8} lg={6} xxl={4}>
                  <Card
                    size="small"
                    hoverable
                    onClick={() => onSelect(item.id)}
                    data-testid={`indicator-${item.id}`}
                    style={item.id === selectedId ? { borderColor: '#c8161d', boxShadow: '0 0 0 1px #c8161d' } : undefined}
                  >
                    <Statistic
                      title={item.name}
                      value={shown.value}
                      suffix={<span style={{ fontSize: 14 }}>{shown.unit}</span>}
                      valueRender={() => <span data-testid={`indicator-value-${item.id}`}>{shown.value}</span>}
                    />
                  </Card>
                </Col>
              );
            })}
          </Row>
        </div>
      ))}
    </div>
  );
}
