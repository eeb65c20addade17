/**
 * One round (/evaluations/rounds/:id): its steps and windows, the progress under the user (entries
 * per step, results per level) and the entries with their step, score, level, flags, rank within
 * the township, 公示 and open objections; a row opens the entry. Those who organise evaluations
 * 审定 entries in bulk, 发布结果 once 公示 is over, and (五面红旗) see the subsidy list. Step,
 * level and search live in the URL.
 */
import { ArrowLeftOutlined, AuditOutlined, MoneyCollectOutlined, SendOutlined } from '@ant-design/icons';
import { METHOD_LABELS, PROGRAMME_LABELS, PROGRAMME_METHOD, RATING_LABELS, RATINGS, stepIndex } from '@jishi/domain';
import {
  App,
  Badge,
  Button,
  Card,
  Col,
  Descriptions,
  type DescriptionsProps,
  Input,
  Popconfirm,
  Result,
  Row,
  Space,
  Statistic,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../shared/api-client';
import { today } from '../../shared/dates';
import { FilterBar, FilterItem, SelectFilter } from '../../shared/FilterBar';
import { ListTable, usePager } from '../../shared/ListTable';
import { labelOf } from '../../shared/labels';
import { PageSpin } from '../../shared/ui/PageSpin';
import { TouchTargets } from '../../shared/ui/TouchTargets';
import { positiveInt, useUrlParams } from '../../shared/url-params';
import { useIsMobile } from '../../shared/use-is-mobile';
import { ApproveModal } from './components/ApproveModal';
import { flagNamesOf, levelBand, ResultBadges, RoundStepsBar } from './components/evaluation-display';
import { SubsidyDrawer } from './components/SubsidyDrawer';
import { type EntryListItem, type RoundDetail, usePublishRound, useRound, useRoundEntries } from './evaluations.api';

/** Entries per step (a card filters the list to it) and the results judged so far. */
function Progress({ round, stage, onStage }: { round: RoundDetail; stage?: number; onStage: (stage?: number) => void }) {
  const { progress } = round;
  const method = PROGRAMME_METHOD[round.programme];
  const cards = [
    ...progress.stages.map((s) => ({ index: s.index, name: s.name, count: s.count })),
    { index: round.steps.length, name: '已发布', count: progress.published },
  ];
  const judged = progress.results.reduce((n, r) => n + r.n, 0);
  // Best level (or rating) first, as the scheme lists them.
  const rank = (r: RoundDetail['progress']['results'][number]) =>
    r.level ? round.levels.findIndex((l) => l.key === r.level) : r.rating ? RATINGS.indexOf(r.rating) : Number.MAX_SAFE_INTEGER;
  const results = [...progress.results].sort((a, b) => rank(a) - rank(b));
  const flags = progress.results.reduce((n, r) => n + r.flags, 0);
  const groupName = (r: RoundDetail['progress']['results'][number]) =>
    r.level ? (round.levels.find((l) => l.key === r.level)?.name ?? r.level) : r.rating ? labelOf(RATING_LABELS, r.rating) : '未定等次';
  return (
    <>
      <Row gutter={[8, 8]} data-testid="round-progress">
        {cards.map((c) => {
          const active = stage === c.index;
          return (
            <Col key={c.index} xs={12} sm={8} md={6} xl={3}>
              <Card
                size="small"
                hoverable
                onClick={() => onStage(active ? undefined : c.index)}
                style={active ? { borderColor: '#c8161d' } : undefined}
                data-testid="round-progress-stage"
              >
                <Statistic title={c.name} value={c.count} suffix="个" />
              </Card>
            </Col>
          );
        })}
      </Row>
      <div style={{ marginTop: 12 }} data-testid="round-results">
        <Typography.Text type="secondary">已审定（公示及发布）{judged}个：</Typography.Text>
        {method === 'flags' ? (
          <Typography.Text>命名红旗{flags}面</Typography.Text>
        ) : (
          <Space size={[4, 4]} wrap>
            {results.length === 0 && <Typography.Text type="secondary">暂无</Typography.Text>}
            {results.map((r) => (
              <Tag key={`${r.level}-${r.rating}`} color="gold">
                {groupName(r)} {r.n}
              </Tag>
            ))}
          </Space>
        )}
      </div>
    </>
  );
}

/** The entry's result in the list: hidden until 审定 ends for the assessed org. */
function EntryResult({ e, round }: { e: EntryListItem; round: RoundDetail }) {
  if (e.resultHidden) return <Typography.Text type="secondary">审定后公示</Typography.Text>;
  return <ResultBadges levelName={e.levelName} flags={flagNamesOf(e.flags, round.flags)} rating={e.rating} />;
}

export default function RoundPage() {
  const params = useParams();
  const id = positiveInt(params.id);
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const { message } = App.useApp();
  const pager = usePager();
  const [query, update] = useUrlParams({ onChange: pager.reset });
  const stageParam = query.get('stage');
  const stage = stageParam !== null && /^\d+$/.test(stageParam) ? Number(stageParam) : undefined;
  const level = query.get('level') ?? undefined;
  const q = query.get('q') ?? undefined;
  const round = useRound(id);
  // Listed once the round itself is readable: a missing round is shown once, not toasted twice.
  const entries = useRoundEntries(round.isSuccess ? id : undefined, { stage, level, q, page: pager.page, pageSize: pager.pageSize });
  const publish = usePublishRound();
  const [selected, setSelected] = useState<Map<number, EntryListItem>>(new Map());
  const [dialog, setDialog] = useState<'approve' | 'subsidy'>();
  const canManage = round.data?.abilities.canApprove ?? false;

  const back = (
    <Link to="/evaluations">
      <ArrowLeftOutlined /> 返回评星定级
    </Link>
  );
  if (id === undefined) return <Result status="404" title="评选轮次不存在" extra={back} />;
  if (round.isPending) return <PageSpin />;
  if (round.isError) {
    const missing = isApiError(round.error, 404);
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? '评选轮次不存在或无权查看' : '加载失败'}
        subTitle={missing ? undefined : round.error.message}
        extra={back}
      />
    );
  }

  const r = round.data;
  const method = PROGRAMME_METHOD[r.programme];
  const approveAt = stepIndex(r.steps, 'approve');
  const day = today();
  const items: DescriptionsProps['items'] = [
    { key: 'programme', label: '评选项目', children: PROGRAMME_LABELS[r.programme] },
    { key: 'method', label: '评定方法', children: METHOD_LABELS[method] },
    { key: 'org', label: '开展单位', children: r.orgName },
    { key: 'year', label: '年度', children: `${r.year}年` },
    { key: 'publicity', label: '公示', children: `审定后公示${r.publicityDays}天` },
  ];
  if (r.topQuotaPercent !== null)
    items.push({ key: 'quota', label: '比例限制', children: `${r.levels[0]?.name ?? '最高等次'}不超过${r.topQuotaPercent}%` });
  if (r.levels.length > 0) items.push({ key: 'levels', label: '等次', span: 'filled', children: r.levels.map(levelBand).join('；') });
  if (r.flags.length > 0)
    items.push({
      key: 'flags',
      label: '红旗',
      span: 'filled',
      children: `${r.flags.map((f) => f.name).join('、')}${r.subsidyPerFlag !== null ? `（每面补贴${r.subsidyPerFlag}元）` : ''}`,
    });

  const stageOptions = [...r.steps.map((s, i) => ({ value: i, label: s.name })), { value: r.steps.length, label: '已发布' }];
  const levelOptions = r.levels.map((l) => ({ value: l.key, label: l.name }));

  const doPublish = () =>
    publish.mutate(r.id, {
      onSuccess: (res) =>
        message.info(
          `已发布${res.published}个；公示期未满${res.waiting}个；有未答复异议${res.objections}个${res.objections > 0 ? '（答复后再发布）' : ''}`,
          6,
        ),
      onError: (error) => message.error(error.message),
    });

  const stepTag = (e: EntryListItem) => (
    <Tag color={e.stage >= r.steps.length ? 'success' : e.stage === approveAt ? 'warning' : 'processing'} style={{ marginInlineEnd: 0 }}>
      {e.stepName}
    </Tag>
  );
  const score = (e: EntryListItem) => (e.resultHidden || e.score === null ? '—' : e.score);
  const objections = (e: EntryListItem) =>
    e.openObjections > 0 ? <Badge count={e.openObjections} title={`未答复异议${e.openObjections}条`} /> : '—';

  const columns: TableColumnsType<EntryListItem> = isMobile
    ? [
        {
          title: '参评党组织',
          key: 'entry',
          render: (_, e) => (
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <Space size={6} wrap>
                <Typography.Text strong>{e.orgName}</Typography.Text>
                {stepTag(e)}
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {e.township ?? '—'}
                {!e.resultHidden && e.score !== null && ` · ${e.score}分`}
                {e.rank !== null && ` · 第${e.rank}名`}
                {e.publicityTo && ` · 公示至${e.publicityTo}`}
              </Typography.Text>
              <EntryResult e={e} round={r} />
              {e.openObjections > 0 && <Typography.Text type="danger">未答复异议{e.openObjections}条</Typography.Text>}
            </Space>
          ),
        },
      ]
    : [
        { title: '党组织', dataIndex: 'orgName', ellipsis: true },
        { title: '苏木乡镇(街道)', dataIndex: 'township', width: 150, ellipsis: true, render: (v: string | null) => v ?? '—' },
        { title: '当前环节', key: 'step', width: 170, render: (_, e) => stepTag(e) },
        { title: '得分', key: 'score', width: 72, align: 'right', render: (_, e) => score(e) },
        { title: '结果', key: 'result', width: 200, render: (_, e) => <EntryResult e={e} round={r} /> },
        { title: '排名', dataIndex: 'rank', width: 64, align: 'right', render: (v: number | null) => v ?? '—' },
        { title: '公示至', dataIndex: 'publicityTo', width: 110, render: (v: string | null) => v ?? '—' },
        { title: '异议', key: 'objections', width: 64, align: 'center', render: (_, e) => objections(e) },
      ];

  const select = (rows: EntryListItem[], on: boolean) =>
    setSelected((prev) => {
      const next = new Map(prev);
      for (const row of rows) {
        if (on) next.set(row.id, row);
        else next.delete(row.id);
      }
      return next;
    });

  return (
    <TouchTargets>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title={r.name} extra={isMobile ? undefined : back} data-testid="round-header">
          {isMobile && <div style={{ marginBottom: 12 }}>{back}</div>}
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
            items={items}
            styles={{ label: { whiteSpace: 'nowrap' } }}
          />
          <div style={{ marginTop: 16, overflowX: 'auto' }}>
            <RoundStepsBar
              steps={r.steps}
              publicityDays={r.publicityDays}
              today={day}
              vertical={isMobile}
              isDone={r.progress.published > 0 && r.progress.stages.every((s) => s.count === 0)}
            />
          </div>
        </Card>

        <Card title="进度" size={isMobile ? 'small' : undefined}>
          <Progress round={r} stage={stage} onStage={(s) => update({ stage: s })} />
        </Card>

        <Card
          title="参评党组织"
          size={isMobile ? 'small' : undefined}
          extra={
            (canManage || r.programme === 'red_flags') && (
              <Space wrap>
                {r.programme === 'red_flags' && (
                  <Button icon={<MoneyCollectOutlined />} onClick={() => setDialog('subsidy')} data-testid="round-subsidy">
                    补贴资金清单
                  </Button>
                )}
                {canManage && (
                  <Popconfirm
                    title="发布结果"
                    description="公示期满且异议均已答复的，发布结果（命名）；其余的留待下次发布。"
                    okText="发布"
                    onConfirm={doPublish}
                  >
                    <Button icon={<SendOutlined />} loading={publish.isPending} data-testid="round-publish">
                      发布结果
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            )
          }
        >
          <FilterBar style={{ marginBottom: 12 }}>
            <FilterItem size="third">
              <SelectFilter<number>
                value={stage}
                onChange={(v) => update({ stage: v })}
                options={stageOptions}
                placeholder="全部环节"
                data-testid="entries-stage"
              />
            </FilterItem>
            {levelOptions.length > 0 && (
              <FilterItem size="third">
                <SelectFilter<string>
                  value={level}
                  onChange={(v) => update({ level: v })}
                  options={levelOptions}
                  placeholder="全部等次"
                  data-testid="entries-level"
                />
              </FilterItem>
            )}
            <FilterItem size="third">
              <Input.Search
                key={q ?? ''}
                defaultValue={q}
                allowClear
                maxLength={50}
                placeholder="党组织名称"
                onSearch={(v) => update({ q: v.trim() || undefined })}
                data-testid="entries-search"
              />
            </FilterItem>
          </FilterBar>
          {canManage && approveAt >= 0 && (
            <Space wrap style={{ marginBottom: 12 }}>
              <Button
                type="primary"
                icon={<AuditOutlined />}
                disabled={selected.size === 0}
                onClick={() => setDialog('approve')}
                data-testid="entries-approve"
              >
                审定所选{selected.size > 0 ? `（${selected.size}）` : ''}
              </Button>
              {stage !== approveAt && (
                <Button type="link" onClick={() => update({ stage: approveAt })}>
                  只看待审定
                </Button>
              )}
              {selected.size > 0 && (
                <Button type="link" onClick={() => setSelected(new Map())}>
                  清除选择
                </Button>
              )}
            </Space>
          )}
          <ListTable<EntryListItem>
            rowKey="id"
            columns={columns}
            dataSource={entries.data?.items}
            loading={entries.isFetching}
            scroll={isMobile ? undefined : { x: 1000 }}
            rowSelection={
              canManage && approveAt >= 0
                ? {
                    selectedRowKeys: [...selected.keys()],
                    preserveSelectedRowKeys: true,
                    getCheckboxProps: (e) => ({
                      disabled: !e.abilities.approve,
                      title: e.stage !== approveAt ? '只能审定处于审定环节的' : !e.abilities.approve ? '该记录不能由您审定' : undefined,
                    }),
                    onSelect: (e, on) => select([e], on),
                    onSelectAll: (on, _rows, changed) => select(changed, on),
                  }
                : undefined
            }
            onOpen={(e) => navigate(`/evaluations/entries/${e.id}`)}
            locale={{ emptyText: '暂无参评党组织' }}
            pager={pager}
            total={entries.data?.total ?? 0}
            totalText={(total) => `共 ${total} 个`}
            data-testid="entry-table"
          />
        </Card>
        {dialog === 'approve' && (
          <ApproveModal
            roundId={r.id}
            entries={[...selected.values()]}
            publicityDays={r.publicityDays}
            onClose={() => setDialog(undefined)}
            onApproved={() => setSelected(new Map())}
          />
        )}
        {dialog === 'subsidy' && <SubsidyDrawer roundId={r.id} roundName={r.name} onClose={() => setDialog(undefined)} />}
      </Space>
    </TouchTargets>
  );
}
