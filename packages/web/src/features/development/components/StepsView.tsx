import { WarningOutlined } from '@ant-design/icons';
import { STAGE_NAMES, STEPS, type StepDef } from '@jishi/domain';
import { Space, Steps, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Applicant, ApplicantStep, StepData } from '../development.api';
import { DeadlineTag } from './DeadlineTag';
import { OUTCOME_LABELS } from './step-labels';

const STAGE_ORDINALS = ['', '一', '二', '三', '四', '五'];
const STAGES = [1, 2, 3, 4, 5] as const;

/** What a step carried besides its date, in a line: the vote, the training, the decision… */
const dataSummary = (data: StepData): string[] => {
  const parts: string[] = [];
  if (data.vote) {
    const v = data.vote;
    parts.push(`应到${v.shouldAttend}人，实到${v.present}人，赞成${v.yes}票${v.writtenYes ? `（另书面赞成${v.writtenYes}票）` : ''}`);
  }
  if (data.trainingDays !== undefined) parts.push(`集中培训${data.trainingDays}天`);
  if (data.trainingHours !== undefined) parts.push(`${data.trainingHours}学时`);
  if (data.introducers !== undefined) parts.push(`入党介绍人${data.introducers}名`);
  if (data.outcome) parts.push(OUTCOME_LABELS[data.outcome] + (data.outcome === 'extend' ? `${data.extensionMonths ?? ''}个月` : ''));
  if (data.note) parts.push(data.note);
  return parts;
};

/** One recorded entry of a step: date, who recorded it, what it carried, and its warnings in orange. */
function RecordedEntry({ entry }: { entry: ApplicantStep }) {
  const summary = dataSummary(entry.data);
  return (
    <div>
      <Typography.Text>{entry.date}</Typography.Text>
      <Typography.Text type="secondary"> · {entry.recordedBy ?? '系统导入'}</Typography.Text>
      {summary.length > 0 && (
        <div>
          <Typography.Text type="secondary">{summary.join('；')}</Typography.Text>
        </div>
      )}
      {entry.warnings.map((w) => (
        <div key={w}>
          <Typography.Text type="warning" data-testid="dev-step-warning">
            <WarningOutlined /> {w}
          </Typography.Text>
        </div>
      ))}
    </div>
  );
}

const byLabel = (def: StepDef) => (def.by === 'committee' ? <Tag style={{ marginInlineStart: 6 }}>上级党委办理</Tag> : null);

/**
 * All 25 steps grouped by the 5 stages: done ones with their date, recorder and warnings, the next
 * one highlighted with its time limit, the rest waiting.
 */
export function StepsView({ applicant, next }: { applicant: Applicant; next: number | undefined }) {
  const deadline = applicant.deadlines.find((d) => d.step === next);
  // A step may be recorded twice (转正 discussed again after an extension): keep each by its position.
  const recorded = applicant.steps.map((entry, i) => ({ seq: i + 1, entry }));
  return (
    <div data-testid="dev-steps">
      {STAGES.map((stage) => {
        const defs = STEPS.filter((s) => s.stage === stage);
        const first = defs[0]?.no ?? 1;
        const isCurrent = stage === applicant.stage;
        return (
          <section key={stage} style={{ marginBottom: 16 }}>
            <Typography.Title level={5} style={{ marginTop: 0 }} type={isCurrent ? undefined : 'secondary'}>
              第{STAGE_ORDINALS[stage]}阶段 · {STAGE_NAMES[stage]}
              {isCurrent && next !== undefined && (
                <Tag color="processing" style={{ marginInlineStart: 8 }}>
                  当前阶段
                </Tag>
              )}
            </Typography.Title>
            <Steps
              orientation="vertical"
              size="small"
              initial={first - 1}
              items={defs.map((def) => {
                const entries = recorded.filter(({ entry }) => entry.step === def.no);
                const isNext = def.no === next;
                let content: ReactNode = entries.map(({ seq, entry }) => <RecordedEntry key={seq} entry={entry} />);
                if (isNext) {
                  content = (
                    <>
                      {content}
                      <Space size={6} wrap>
                        <Typography.Text strong type="success">
                          下一步
                        </Typography.Text>
                        {deadline && (
                          <>
                            <span>{deadline.date}</span>
                            <DeadlineTag kind={deadline.kind} overdue={deadline.overdue} />
                          </>
                        )}
                      </Space>
                    </>
                  );
                }
                const hasWarnings = entries.some(({ entry }) => entry.warnings.length > 0);
                return {
                  key: def.no,
                  status: isNext ? 'process' : entries.length > 0 ? 'finish' : 'wait',
                  title: (
                    <span data-step={def.no} data-done={entries.length > 0 || undefined} style={isNext ? { fontWeight: 600 } : undefined}>
                      {def.name}
                      {byLabel(def)}
                      {hasWarnings && <WarningOutlined style={{ color: '#fa8c16', marginInlineStart: 6 }} />}
                    </span>
                  ),
                  content,
                };
              })}
            />
          </section>
        );
      })}
    </div>
  );
}
