import { EyeInvisibleOutlined } from '@ant-design/icons';
import { Descriptions, type DescriptionsProps, Empty, Result, Timeline, Typography } from 'antd';
import type { EntryDetail, EntryLogItem } from '../evaluations.api';
import { flagNamesOf, ResultBadges } from './evaluation-display';

/**
 * The judged result: score, level, flags named, rating, with the review's opinion. Hidden from the
 * assessed org until 审定 ends (the server nulls it then).
 */
export function EntryResultView({ entry }: { entry: EntryDetail }) {
  if (entry.resultHidden)
    return <Result icon={<EyeInvisibleOutlined />} title="评定结果将在审定后公示" style={{ padding: 16 }} data-testid="result-hidden" />;
  const hasResult = entry.score !== null || entry.level !== null || entry.rating !== null || entry.flags.length > 0;
  if (!hasResult && !entry.review) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未评定" data-testid="result-none" />;
  const flags = flagNamesOf(entry.flags, entry.flagsOffered);
  const vetoed = (entry.review?.vetoFailed ?? []).map((k) => entry.criteria.find((c) => c.key === k)?.text ?? k);
  const items: DescriptionsProps['items'] = [];
  if (entry.score !== null)
    items.push({ key: 'score', label: entry.round.method === 'flags' ? '比武得分' : '得分', children: `${entry.score}分` });
  if (entry.levelName || entry.rating || flags.length > 0)
    items.push({
      key: 'result',
      label: '结果',
      children: <ResultBadges levelName={entry.levelName} flags={flags} rating={entry.rating} />,
    });
  else if (entry.round.method === 'flags' && entry.review) items.push({ key: 'result', label: '结果', children: '未评定命名红旗' });
  if (vetoed.length > 0)
    items.push({ key: 'veto', label: '一票否决', children: <Typography.Text type="danger">{vetoed.join('；')}</Typography.Text> });
  if (entry.review?.reviewedOn) items.push({ key: 'reviewed', label: '评定日期', children: entry.review.reviewedOn });
  if (entry.review?.note) items.push({ key: 'note', label: '评定意见', children: entry.review.note });
  if (entry.publicityFrom)
    items.push({ key: 'publicity', label: '公示', children: `${entry.publicityFrom} 至 ${entry.publicityTo ?? '—'}` });
  if (entry.finalAt) items.push({ key: 'final', label: '发布日期', children: entry.finalAt });
  return <Descriptions size="small" column={1} items={items} data-testid="result" />;
}

/** What a step decided, as one line (得分、等次、计票). */
const decidedText = (item: EntryLogItem, levels: { key: string; name: string }[]) =>
  [
    item.ballots !== null ? `计票${item.ballots}张` : null,
    item.score !== null ? `得分${item.score}` : null,
    item.level ? (levels.find((l) => l.key === item.level)?.name ?? item.level) : null,
  ]
    .filter(Boolean)
    .join('，');

/** 办理记录: each step recorded, oldest first, with who did it and any note. */
export function EntryLog({ log, levels = [] }: { log: EntryLogItem[]; levels?: { key: string; name: string }[] }) {
  if (log.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无办理记录" />;
  return (
    <Timeline
      items={log.map((item, i) => ({
        key: i,
        color: item.sentBack ? 'red' : 'blue',
        content: (
          <div>
            <Typography.Text type="secondary">{item.date}</Typography.Text>
            <br />
            <Typography.Text>
              {item.stepName} · {item.eventName}
            </Typography.Text>
            {item.actorName && <Typography.Text type="secondary"> · {item.actorName}</Typography.Text>}
            {decidedText(item, levels) && (
              <div>
                <Typography.Text>{decidedText(item, levels)}</Typography.Text>
              </div>
            )}
            {item.note && (
              <div>
                <Typography.Text type="secondary">{item.note}</Typography.Text>
              </div>
            )}
          </div>
        ),
      }))}
      data-testid="entry-log"
    />
  );
}
