/**
 * 数据驾驶舱: every indicator for one org on one date, the org's composition by type and domain,
 * and one indicator over its children with drill-down. The org, date and indicator live in the
 * URL, so a drill-down is a history entry and a view can be shared as a link.
 */
import { Breadcrumb, Card, Col, DatePicker, Result, Row, Space, Spin } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { DATE_FORMAT, today } from '../../shared/dates';
import { FilterBar, FilterItem, pageOrgId, useOrgSeeds } from '../../shared/FilterBar';
import { type UrlParamsPatch, useUrlParams } from '../../shared/url-params';
import { OrgSelect } from '../orgs/components/OrgSelect';
import { reachableAncestors, useOrg, useOrgRoots } from '../orgs/orgs.api';
import { BreakdownPanel } from './components/BreakdownPanel';
import { GroupChart } from './components/GroupChart';
import { IndicatorCards } from './components/IndicatorCards';
import { useIndicators } from './indicators.api';

export default function DashboardPage() {
  const [params, updateParams] = useUrlParams();
  const roots = useOrgRoots();
  const orgId = pageOrgId(params.get('orgId'), roots.data);
  const date = params.get('date') ?? today();
  const org = useOrg(orgId);
  const seeds = useOrgSeeds(roots.data, org.data);
  const snapshot = useIndicators(orgId, date);
  const items = useMemo(() => snapshot.data?.items ?? [], [snapshot.data]);
  const indicatorId = params.get('indicator') ?? items.find((i) => !i.group)?.id ?? items[0]?.id;
  const rootIds = useMemo(() => (roots.data ?? []).map((r) => r.id), [roots.data]);

  /**
   * Unlike the list pages, a change pushes a history entry by default, so Back undoes a drill-down;
   * the date and the indicator pass `push = false` and replace the entry instead.
   */
  const update = (next: UrlParamsPatch, push = true) => updateParams(next, { replace: !push });
  const drill = (childId: number) => update({ orgId: childId });

  const byType = items.filter((i) => i.group === 'org_type');
  const byDomain = items.filter((i) => i.group === 'org_domain');
  const path = org.data ? [...reachableAncestors(org.data, rootIds), { id: org.data.id, name: org.data.name }] : [];

  if (roots.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (orgId === undefined) return <Result status="info" title="没有可查看统计的组织" />;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <FilterBar style={{ marginBottom: 0 }}>
          <FilterItem size="wide">
            <OrgSelect
              value={orgId}
              onChange={(id) => id !== undefined && update({ orgId: id })}
              seeds={seeds}
              data-testid="dashboard-org"
            />
          </FilterItem>
          <FilterItem size="third">
            <DatePicker
              value={dayjs(date)}
              allowClear={false}
              disabledDate={(d) => d.format(DATE_FORMAT) > today()}
              onChange={(d) => d && update({ date: d.format(DATE_FORMAT) }, false)}
              style={{ width: '100%' }}
              data-testid="dashboard-date"
            />
          </FilterItem>
          <FilterItem size="full">
            <Breadcrumb
              data-testid="dashboard-path"
              items={path.map((p, i) => ({
                key: p.id,
                title:
                  i === path.length - 1 ? (
                    <strong>{p.name}</strong>
                  ) : (
                    <a
                      href={`?orgId=${p.id}`}
                      onClick={(e) => {
                        e.preventDefault();
                        update({ orgId: p.id });
                      }}
                    >
                      {p.name}
                    </a>
                  ),
              }))}
            />
          </FilterItem>
        </FilterBar>
      </Card>

      <Card size="small" title={`${snapshot.data?.org.name ?? ''} 统计指标（截至 ${date}）`} loading={snapshot.isPending}>
        <IndicatorCards items={items} selectedId={indicatorId} onSelect={(id) => update({ indicator: id }, false)} />
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <GroupChart
            title="组织类型分布"
            kind="pie"
            items={byType}
            onSelect={(id) => update({ indicator: id }, false)}
            testId="chart-org-type"
          />
        </Col>
        <Col xs={24} lg={12}>
          <GroupChart
            title="组织领域分布"
            kind="bar"
            items={byDomain}
            onSelect={(id) => update({ indicator: id }, false)}
            testId="chart-org-domain"
          />
        </Col>
      </Row>

      {items.length > 0 && (
        <BreakdownPanel
          indicators={items}
          indicatorId={indicatorId}
          orgId={orgId}
          date={date}
          onIndicatorChange={(id) => update({ indicator: id }, false)}
          onDrill={drill}
        />
      )}
    </Space>
  );
}
