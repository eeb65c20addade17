import { PROGRAMME_LABELS } from '@jishi/domain';
import { Empty, Result, Space, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useAbilities } from '../../auth/auth.api';
import { type OrgEvaluationResult, useOrgEvaluations } from '../evaluations.api';
import { ResultBadges } from './evaluation-display';

/** The results of one year, newest first, as the API orders them. */
const byYear = (items: OrgEvaluationResult[]) => {
  const years = new Map<number, OrgEvaluationResult[]>();
  for (const item of items) years.set(item.year, [...(years.get(item.year) ?? []), item]);
  return [...years];
};

/**
 * 评星定级 of an org: its published results across rounds (五面红旗 named, levels, 述职评议
 * ratings) as badges by year; a result opens its entry for those taking part in evaluations.
 */
export function OrgEvaluationsSection({ org }: { org: { id: number; name: string } }) {
  const abilities = useAbilities();
  const results = useOrgEvaluations(org.id);
  const canOpen = abilities.has('evaluation.file');

  if (results.isPending) return <Spin style={{ display: 'block', margin: 24 }} />;
  if (results.isError) return <Result status="warning" title="无法读取评星定级结果" subTitle={results.error.message} />;
  if (results.data.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无已发布的评星定级结果" data-testid="org-evaluations-empty" />;

  return (
    <div data-testid="org-evaluations">
      {byYear(results.data).map(([year, items]) => (
        <section key={year} style={{ marginBottom: 16 }}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {year}年
          </Typography.Title>
          <Space orientation="vertical" size={8} style={{ width: '100%' }}>
            {items.map((r) => (
              <div key={r.entryId} style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }} data-testid="org-evaluation">
                <Tag style={{ marginInlineEnd: 0 }}>{PROGRAMME_LABELS[r.programme]}</Tag>
                <ResultBadges levelName={r.levelName} flags={r.flags} rating={r.rating} />
                {r.score !== null && <Typography.Text type="secondary">{r.score}分</Typography.Text>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {canOpen ? <Link to={`/evaluations/entries/${r.entryId}`}>{r.roundName}</Link> : r.roundName} · {r.finalAt}发布
                </Typography.Text>
              </div>
            ))}
          </Space>
        </section>
      ))}
    </div>
  );
}
