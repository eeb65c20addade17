/**
 * One org in one round (/evaluations/entries/:id), phone-friendly: where it stands in the steps,
 * the form of the current step when the user may act on it (自评, 测评码, 比武评分, 评定, 审定,
 * 公示与异议), what was filed so far, the result (hidden from the org until 审定 ends) and the
 * 办理记录. Whether the reader may act at the current step, and why not, comes from the server.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { METHOD_LABELS, PROGRAMME_LABELS, STEP_ACTOR_LABELS, stepIndex } from '@jishi/domain';
import { Alert, Card, Col, Descriptions, type DescriptionsProps, Result, Row, Space, Tag } from 'antd';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../shared/api-client';
import { today } from '../../shared/dates';
import { PageSpin } from '../../shared/ui/PageSpin';
import { TouchTargets } from '../../shared/ui/TouchTargets';
import { positiveInt } from '../../shared/url-params';
import { useIsMobile } from '../../shared/use-is-mobile';
import { ApproveActions } from './components/ApproveActions';
import { BallotActions, BallotTallyView, CodesModal } from './components/BallotSection';
import { ContestActions, ContestScoresView } from './components/ContestSection';
import { EntryLog, EntryResultView } from './components/EntryResultCard';
import { RoundStepsBar, windowText } from './components/evaluation-display';
import { ObjectionList, PublicityActions } from './components/ObjectionsSection';
import { ReviewForm } from './components/ReviewForm';
import { SelfForm, SelfRecordView } from './components/SelfSection';
import { type EntryDetail, useEntry, useIssueCodes } from './evaluations.api';

/** The form of the current step, or the server's reason the user cannot act on it now. */
function CurrentStep({ entry, day, issue }: { entry: EntryDetail; day: string; issue: ReturnType<typeof useIssueCodes> }) {
  const step = entry.steps[entry.stage];
  if (!step) return <Result status="success" title="评选结果已发布" subTitle={entry.finalAt ? `${entry.finalAt}发布` : undefined} />;
  if (!entry.mayAct)
    return (
      <Alert
        type="info"
        showIcon
        title={`当前环节：${step.name}`}
        description={entry.whyNot ?? `本环节由${STEP_ACTOR_LABELS[step.kind]}办理`}
        data-testid="step-not-yours"
      />
    );
  const body: Record<typeof step.kind, ReactNode> = {
    self: <SelfForm entry={entry} />,
    ballot: <BallotActions entry={entry} issue={issue} />,
    contest: <ContestActions entry={entry} />,
    review: <ReviewForm entry={entry} />,
    approve: <ApproveActions entry={entry} />,
    publicity: <PublicityActions entry={entry} today={day} canAct />,
  };
  return body[step.kind];
}

export default function EntryPage() {
  const params = useParams();
  const id = positiveInt(params.id);
  const isMobile = useIsMobile();
  const entry = useEntry(id);
  // Here, not in the ballot form: the codes are shown once, and the form is remounted after issuing.
  const issue = useIssueCodes();
  const day = today();

  const back = (
    <Link to="/evaluations">
      <ArrowLeftOutlined /> 返回评星定级
    </Link>
  );
  if (id === undefined) return <Result status="404" title="参评记录不存在" extra={back} />;
  if (entry.isPending) return <PageSpin />;
  if (entry.isError) {
    const missing = isApiError(entry.error, 404);
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? '参评记录不存在或无权查看' : '加载失败'}
        subTitle={missing ? undefined : entry.error.message}
        extra={back}
      />
    );
  }

  const e = entry.data;
  const toRound = (
    <Link to={`/evaluations/rounds/${e.round.id}`}>
      <ArrowLeftOutlined /> 返回评选轮次
    </Link>
  );
  const step = e.steps[e.stage];
  const kind = step?.kind;
  // The server says whether this reader may act now (the step's actor, order and window).
  const canAct = e.mayAct;
  const ballotAt = stepIndex(e.steps, 'ballot');
  const contestAt = stepIndex(e.steps, 'contest');
  const publicityAt = stepIndex(e.steps, 'publicity');
  // The current step's card already shows the tally or the judges' scores when the user acts on it.
  const isActing = canAct;
  const tallyInForm = isActing && (kind === 'ballot' || (kind === 'review' && e.round.method === 'ratings'));
  const showBallot = ballotAt >= 0 && (e.stage > ballotAt || e.ballots.codesIssued > 0) && !tallyInForm;
  const showContest = contestAt >= 0 && (e.contest.judges > 0 || e.contest.mean !== null) && !(isActing && kind === 'contest');
  const showObjections = e.objections.length > 0 && kind !== 'publicity';
  const cardSize = isMobile ? 'small' : undefined;

  const items: DescriptionsProps['items'] = [
    { key: 'org', label: '参评党组织', children: <Link to={`/orgs/${e.org.id}`}>{e.org.name}</Link> },
    { key: 'round', label: '评选轮次', children: <Link to={`/evaluations/rounds/${e.round.id}`}>{e.round.name}</Link> },
    { key: 'programme', label: '评选项目', children: `${PROGRAMME_LABELS[e.round.programme]} · ${METHOD_LABELS[e.round.method]}` },
    {
      key: 'step',
      label: '当前环节',
      children: step ? (
        <Space size={6} wrap>
          <Tag color="processing" style={{ marginInlineEnd: 0 }}>
            {step.name}
          </Tag>
          {step.kind === 'publicity' ? e.publicityTo && <span>公示至{e.publicityTo}</span> : <span>{windowText(step)}</span>}
        </Space>
      ) : (
        <Tag color="success">已发布</Tag>
      ),
    },
  ];

  return (
    <TouchTargets>
      <Space orientation="vertical" size={isMobile ? 8 : 16} style={{ width: '100%' }}>
        <Card title={e.org.name} extra={isMobile ? undefined : toRound} size={cardSize} data-testid="entry-header">
          {isMobile && <div style={{ marginBottom: 12 }}>{toRound}</div>}
          <Descriptions bordered size="small" column={isMobile ? 1 : 2} items={items} styles={{ label: { whiteSpace: 'nowrap' } }} />
          <div style={{ marginTop: 16, overflowX: 'auto' }}>
            <RoundStepsBar
              steps={e.steps}
              publicityDays={e.publicityDays}
              stage={e.stage}
              today={day}
              publicity={{ from: e.publicityFrom, to: e.publicityTo }}
              vertical={isMobile}
            />
          </div>
        </Card>
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Space orientation="vertical" size={isMobile ? 8 : 16} style={{ width: '100%' }}>
              <Card title={step ? `办理：${step.name}` : '办理'} size={cardSize} data-testid="entry-current" data-kind={kind ?? 'done'}>
                {/* Remounted after every recorded step, so a form never keeps the previous step's values. */}
                <CurrentStep key={`${e.stage}-${e.log.length}`} entry={e} day={day} issue={issue} />
                {kind === 'publicity' && !canAct && (
                  <div style={{ marginTop: 12 }}>
                    <PublicityActions entry={e} today={day} canAct={false} />
                  </div>
                )}
              </Card>
              {e.selfAssessment && (
                <Card title="自评" size={cardSize}>
                  <SelfRecordView entry={e} record={e.selfAssessment} />
                </Card>
              )}
              {showBallot && (
                <Card title={e.steps[ballotAt]?.name ?? '党员群众测评'} size={cardSize}>
                  <BallotTallyView tally={e.ballots} />
                </Card>
              )}
              {showContest && (
                <Card title={e.steps[contestAt]?.name ?? '书记比武'} size={cardSize}>
                  <ContestScoresView entry={e} />
                </Card>
              )}
              {showObjections && (
                <Card title={e.stage > publicityAt ? '公示期间的异议' : '异议'} size={cardSize}>
                  <ObjectionList objections={e.objections} canAnswer={false} />
                </Card>
              )}
            </Space>
          </Col>
          <Col xs={24} lg={10}>
            <Space orientation="vertical" size={isMobile ? 8 : 16} style={{ width: '100%' }}>
              <Card title="评定结果" size={cardSize}>
                <EntryResultView entry={e} />
              </Card>
              <Card title="办理记录" size={cardSize}>
                <EntryLog log={e.log} levels={e.levels} />
              </Card>
            </Space>
          </Col>
        </Row>
      </Space>
      {issue.data && <CodesModal codes={issue.data.codes} closesAt={issue.data.closesAt} entry={e} onClose={() => issue.reset()} />}
    </TouchTargets>
  );
}
