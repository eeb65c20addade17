import { type ComplianceFinding, MEETING_TYPE_LABELS, type MeetingType, meetingCalendar } from '@jishi/domain';
import { Alert, Card, Col, Progress, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useIsMobile } from '../../../shared/use-is-mobile';
import type { CommitteeOverview } from '../committees.api';
import type { Meeting, OrgCompliance } from '../meetings.api';
import {
  completionRate,
  currentPeriods,
  findingLabel,
  groupByPeriod,
  meetingTypeOf,
  periodLabel,
  rateColor,
  requirementOf,
} from './meeting-display';

/** What the 登记会议 form starts with when a missing meeting is picked from the card. */
export interface MeetingPreset {
  type: MeetingType;
  groupId?: number;
  /** The period the meeting belongs to: the date picker opens on it. */
  period?: string;
}

interface ComplianceCardProps {
  compliance: OrgCompliance;
  /** The org's meetings of the year (held, valid ones count). */
  meetings: readonly Meeting[];
  committee?: CommitteeOverview;
  /** The branch is taken to have a 支委会 (one is recorded, or 7 or more 正式党员 without a record). */
  hasCommittee: boolean;
  isBranch: boolean;
  /** Today (business date): the periods still running are counted only for the current year. */
  today: string;
  /** Opens the form for a missing meeting; undefined when the user may not record meetings. */
  onRecord?: (preset: MeetingPreset) => void;
}

const QUARTER_NAMES = ['一', '二', '三', '四'];

/** One owed meeting as a tag; tapping it opens the form for it. */
function FindingTag({
  finding,
  groups,
  onRecord,
  withPeriod,
}: {
  finding: ComplianceFinding;
  groups: CommitteeOverview['groups'];
  onRecord?: (preset: MeetingPreset) => void;
  withPeriod: boolean;
}) {
  const isMobile = useIsMobile();
  const type = meetingTypeOf(finding.code);
  const group = finding.groupId === undefined ? undefined : groups.find((g) => g.id === finding.groupId);
  const label = `${type ? MEETING_TYPE_LABELS[type] : findingLabel(finding.code)}${group ? `「${group.name}」` : ''}`;
  const canRecord = type !== undefined && onRecord !== undefined;
  return (
    <Tag
      color="error"
      title={finding.message}
      onClick={canRecord ? () => onRecord({ type, groupId: finding.groupId, period: withPeriod ? finding.period : undefined }) : undefined}
      style={{
        cursor: canRecord ? 'pointer' : undefined,
        marginInlineEnd: 0,
        ...(isMobile ? { padding: '6px 10px', fontSize: 14 } : {}),
      }}
      data-testid="finding"
      data-code={finding.code}
      data-period={finding.period}
    >
      {label}
    </Tag>
  );
}

/**
 * 组织生活 of one org for a year: the completion rate of 三会一课 (1 − 未开/应开, over the periods
 * ended so far), what is still owed in the running month, quarter and year (counted here with the
 * domain's calendar over the recorded meetings), the periods already missed (the server's findings)
 * and the setup and term findings. A missing meeting's tag opens 登记会议 for it.
 */
export function ComplianceCard({ compliance, meetings, committee, hasCommittee, isBranch, today, onRecord }: ComplianceCardProps) {
  const isMobile = useIsMobile();
  const year = compliance.year;
  const groups = committee?.groups ?? [];
  const rate = completionRate(compliance);
  const missed = compliance.items.filter((f) => meetingTypeOf(f.code) !== undefined);
  const others = compliance.items.filter((f) => meetingTypeOf(f.code) === undefined);
  const isCurrentYear = today.startsWith(`${year}-`);
  const periods = currentPeriods(today);

  // What the running periods still need: the calendar as if the year had ended, kept to the open periods.
  const owedNow = useMemo(() => {
    if (!isBranch || !isCurrentYear) return [];
    const held = meetings.filter((m) => m.status === 'held' && m.quorumProblem === null);
    const all = meetingCalendar(year, `${year + 1}-01-01`, held, { hasCommittee, groups });
    return all.findings;
  }, [isBranch, isCurrentYear, meetings, year, hasCommittee, groups]);

  const running = [
    { key: 'month', label: `本月（${Number(periods.month.slice(5))}月）还欠`, period: periods.month },
    { key: 'quarter', label: `本季度（第${QUARTER_NAMES[Number(periods.quarter.slice(-1)) - 1]}季度）还欠`, period: periods.quarter },
    { key: 'year', label: '本年还欠', period: periods.year },
  ];
  const sources = [...new Set(missed.map((f) => requirementOf(f.code)?.source).filter((s): s is string => Boolean(s)))];

  return (
    <Card
      size="small"
      title={`${compliance.org.name} · ${year}年组织生活`}
      style={{ marginBottom: 16 }}
      styles={{ header: isMobile ? { whiteSpace: 'normal' } : undefined }}
      data-testid="compliance-card"
    >
      {isBranch && (
        <Row gutter={[16, 12]} align="middle" style={{ marginBottom: 12 }}>
          <Col flex="none" style={{ textAlign: 'center' }}>
            <Progress
              type="circle"
              size={isMobile ? 72 : 88}
              percent={rate ?? 0}
              strokeColor={rate === null ? undefined : rateColor(rate)}
              format={() => (rate === null ? '—' : `${rate}%`)}
              data-testid="compliance-rate"
            />
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                三会一课完成率
              </Typography.Text>
            </div>
          </Col>
          <Col flex="auto">
            <Space size={isMobile ? 16 : 32} wrap>
              <Statistic title="截至目前应开" value={compliance.meetingsRequired} suffix="次" />
              <Statistic
                title="未开"
                value={compliance.meetingsOwed}
                suffix="次"
                styles={{ content: { color: compliance.meetingsOwed > 0 ? '#cf1322' : undefined } }}
                data-testid="compliance-owed"
              />
            </Space>
          </Col>
        </Row>
      )}

      {isBranch && isCurrentYear && (
        <div style={{ marginBottom: 12 }} data-testid="compliance-running">
          {running.map((r) => {
            const owed = owedNow.filter((f) => f.period === r.period);
            return (
              <div key={r.key} style={{ display: 'flex', gap: 8, alignItems: 'baseline', flexWrap: 'wrap', padding: '4px 0' }}>
                <Typography.Text strong style={{ minWidth: isMobile ? '100%' : 180 }}>
                  {r.label}
                </Typography.Text>
                {owed.length === 0 ? (
                  <Tag color="success">已召开</Tag>
                ) : (
                  <Space size={6} wrap>
                    {owed.map((f) => (
                      <Tag
                        key={`${f.code}:${f.groupId ?? ''}`}
                        color="warning"
                        onClick={onRecord ? () => onRecord({ type: meetingTypeOf(f.code) as MeetingType, groupId: f.groupId }) : undefined}
                        style={{
                          cursor: onRecord ? 'pointer' : undefined,
                          marginInlineEnd: 0,
                          ...(isMobile ? { padding: '6px 10px', fontSize: 14 } : {}),
                        }}
                        title={f.message}
                      >
                        {MEETING_TYPE_LABELS[meetingTypeOf(f.code) as MeetingType]}
                        {f.groupId !== undefined && `「${groups.find((g) => g.id === f.groupId)?.name ?? ''}」`}
                      </Tag>
                    ))}
                  </Space>
                )}
              </div>
            );
          })}
        </div>
      )}

      {isBranch && (
        <div data-testid="compliance-missed">
          <Typography.Text strong>以往应开未开</Typography.Text>
          {missed.length === 0 ? (
            <Alert style={{ marginTop: 8 }} type="success" showIcon title="截至今天，本年度已结束的各期会议均已召开" />
          ) : (
            <div style={{ marginTop: 8 }}>
              {groupByPeriod(missed).map((g) => (
                <div
                  key={g.period}
                  style={{
                    display: 'flex',
                    gap: 8,
                    alignItems: 'baseline',
                    flexWrap: 'wrap',
                    padding: '6px 0',
                    borderTop: '1px solid #f0f0f0',
                  }}
                  data-testid="finding-period"
                  data-period={g.period}
                >
                  <Typography.Text type="danger" style={{ minWidth: isMobile ? '100%' : 180 }}>
                    {periodLabel(g.period)}
                  </Typography.Text>
                  <Space size={6} wrap>
                    {g.findings.map((f) => (
                      <FindingTag key={`${f.code}:${f.groupId ?? ''}`} finding={f} groups={groups} onRecord={onRecord} withPeriod />
                    ))}
                  </Space>
                </div>
              ))}
              {onRecord && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  点击会议名称可补登当期已召开的会议。
                </Typography.Text>
              )}
            </div>
          )}
        </div>
      )}

      {others.length > 0 && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }} data-testid="compliance-others">
          {others.map((f) => (
            <Alert
              key={`${f.code}:${f.period}`}
              type={f.code === 'term.overdue' ? 'error' : 'warning'}
              showIcon
              title={findingLabel(f.code)}
              description={f.message}
              data-testid="finding"
              data-code={f.code}
              data-period={f.period}
            />
          ))}
        </Space>
      )}

      {!isBranch && others.length === 0 && <Typography.Text type="secondary">暂无问题。三会一课按党支部考核。</Typography.Text>}

      {sources.length > 0 && (
        <details style={{ marginTop: 12 }}>
          <summary>
            <Typography.Text type="secondary">依据</Typography.Text>
          </summary>
          <ul style={{ margin: '8px 0 0', paddingInlineStart: 20 }}>
            {sources.map((s) => (
              <li key={s}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {s}
                </Typography.Text>
              </li>
            ))}
          </ul>
        </details>
      )}
    </Card>
  );
}
