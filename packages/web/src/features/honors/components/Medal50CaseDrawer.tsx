import { MEDAL50_STEPS } from '@jishi/domain';
import { Alert, Button, Descriptions, Drawer, Result, Spin, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useIsMobile } from '../../../shared/use-is-mobile';
import { type Medal50Case, type Medal50Step, useMedal50Case } from '../honors.api';
import { Medal50StepModal } from './Medal50StepModal';
import { Medal50StatusTag, nextMedal50Step } from './medal50-display';

/** What a recorded step says: date, acting org and account, and for 审核 the opinion and verdict. */
function RecordedStep({ entry }: { entry: Medal50Step }) {
  const { data } = entry;
  return (
    <div data-testid="medal50-step" data-step={entry.step}>
      <Typography.Text>{entry.date}</Typography.Text>
      <Typography.Text type="secondary">
        {' '}
        · {entry.orgName ?? '—'}
        {entry.actorName ? ` · ${entry.actorName}` : ''}
      </Typography.Text>
      {data.disciplineOpinion && (
        <div>
          <Typography.Text type="secondary">纪检监察机关意见：{data.disciplineOpinion}</Typography.Text>
        </div>
      )}
      {data.passed !== undefined && (
        <div>
          <Typography.Text type={data.passed ? 'success' : 'danger'}>
            {data.passed ? '审核通过' : `不予通过${data.reason ? `：${data.reason}` : ''}`}
          </Typography.Text>
        </div>
      )}
      {data.note && (
        <div>
          <Typography.Text type="secondary">{data.note}</Typography.Text>
        </div>
      )}
    </div>
  );
}

/** The three steps of the procedure: recorded ones with what was recorded, the next one with who acts. */
function CaseSteps({ c }: { c: Medal50Case }) {
  const next = nextMedal50Step(c.status);
  return (
    <Steps
      orientation="vertical"
      size="small"
      current={next === undefined ? MEDAL50_STEPS.length : next - 1}
      items={MEDAL50_STEPS.map((def) => {
        const entry = [...c.steps].reverse().find((s) => s.step === def.step);
        const refused = entry?.data.passed === false;
        return {
          key: def.step,
          title: def.name,
          status: refused ? 'error' : entry ? 'finish' : def.step === next ? 'process' : 'wait',
          content: entry ? <RecordedStep entry={entry} /> : <Typography.Text type="secondary">由{def.by}办理</Typography.Text>,
        };
      })}
    />
  );
}

/**
 * One medal case: the member, the year, and the procedure 推荐 → 审核 → 颁发 with what each step
 * recorded. 审核 and 颁发 are offered when the server says the caller may (`canReview`); otherwise
 * the drawer says who acts next.
 */
export function Medal50CaseDrawer({ caseId, canReview, onClose }: { caseId: number; canReview: boolean; onClose: () => void }) {
  const isMobile = useIsMobile();
  const detail = useMedal50Case(caseId);
  const [acting, setActing] = useState<2 | 3>();
  const c = detail.data;
  const next = c ? nextMedal50Step(c.status) : undefined;
  const nextDef = next === undefined ? undefined : MEDAL50_STEPS[next - 1];

  let body = <Spin style={{ display: 'block', margin: 48 }} />;
  if (detail.isError) body = <Result status="404" title="纪念章申报不存在或无权查看" />;
  if (c) {
    body = (
      <>
        <Descriptions
          bordered
          size="small"
          column={1}
          style={{ marginBottom: 16 }}
          items={[
            { key: 'member', label: '党员', children: c.memberName },
            { key: 'org', label: '所在支部', children: c.orgName },
            { key: 'year', label: '颁发年度', children: `${c.year} 年` },
            { key: 'status', label: '进度', children: <Medal50StatusTag status={c.status} /> },
          ]}
          data-testid="medal50-case"
        />
        <CaseSteps c={c} />
        {nextDef && next !== 1 && !canReview && (
          <Alert
            type="info"
            showIcon
            title={`下一步：${nextDef.name}`}
            description={`由${nextDef.by}办理；当前账号无办理权限`}
            data-testid="medal50-next-info"
          />
        )}
      </>
    );
  }

  const action =
    c && canReview && (next === 2 || next === 3) ? (
      <Button type="primary" onClick={() => setActing(next)} data-testid={next === 2 ? 'medal50-review' : 'medal50-award'}>
        {next === 2 ? '审核' : '颁发'}
      </Button>
    ) : undefined;

  return (
    <Drawer
      open
      title={c ? `纪念章申报 · ${c.memberName}` : '纪念章申报'}
      size={isMobile ? '100%' : 560}
      onClose={onClose}
      extra={isMobile ? undefined : action}
      footer={isMobile && action ? action : undefined}
      destroyOnHidden
      data-testid="medal50-case-drawer"
    >
      {body}
      {c && acting && <Medal50StepModal caseId={c.id} step={acting} onClose={() => setActing(undefined)} />}
    </Drawer>
  );
}
