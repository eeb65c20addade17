import { ARREARS_LAPSE_MONTHS, DUES_CATEGORY_LABELS, DUES_METHOD_LABELS } from '@jishi/domain';
import { Alert, DatePicker, Divider, Empty, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { CSSProperties, ReactNode } from 'react';
import { labelOf } from '../../../shared/labels';
import { fenOf, formatYuan, formatYuanAmount } from '../../../shared/money';
import { useIsMobile } from '../../../shared/use-is-mobile';
import type { DuesAssessment, DuesMonth, DuesPayment, MemberDues } from '../dues.api';
import { isExempt, isReduced, monthLabel, monthRangesText, thisMonth } from './dues-display';

/** How a month of the year stands. */
type MonthState = 'paid' | 'owed' | 'upcoming' | 'none';

const STATE_TEXT: Record<MonthState, string> = { paid: '已交', owed: '欠交', upcoming: '未到期', none: '无需交纳' };

const STATE_STYLE: Record<MonthState, CSSProperties> = {
  paid: { background: '#f6ffed', borderColor: '#b7eb8f', color: '#389e0d' },
  owed: { background: '#fff1f0', borderColor: '#ffa39e', color: '#cf1322' },
  upcoming: { background: '#f5f5f5', borderColor: '#d9d9d9', color: 'rgba(0,0,0,0.45)' },
  none: { background: '#fff', borderColor: '#f0f0f0', color: 'rgba(0,0,0,0.25)' },
};

/** A month is owed once it has ended unpaid (the server's list decides); the month running is not owed yet. */
const stateOf = (m: DuesMonth, owed: ReadonlySet<string>): MonthState => {
  if (m.paymentId !== null) return 'paid';
  if (m.due === null) return 'none';
  if (owed.has(m.month)) return 'owed';
  return m.month >= thisMonth() ? 'upcoming' : 'none';
};

/** The twelve months of the year: each paid, owed, not yet due, or not due at all, with its amount. */
function MonthGrid({ months, owedMonths }: { months: DuesMonth[]; owedMonths: string[] }) {
  const isMobile = useIsMobile();
  const owed = new Set(owedMonths);
  const current = thisMonth();
  return (
    <div style={{ display: 'grid', gridTemplateColumns: `repeat(${isMobile ? 3 : 6}, minmax(0, 1fr))`, gap: 8 }} data-testid="dues-months">
      {months.map((m) => {
        const state = stateOf(m, owed);
        return (
          <div
            key={m.month}
            style={{ border: '1px solid', borderRadius: 6, padding: '8px 6px', textAlign: 'center', minHeight: 72, ...STATE_STYLE[state] }}
            data-testid="dues-month"
            data-month={m.month}
            data-state={state}
          >
            <div style={{ fontWeight: 600, color: 'rgba(0,0,0,0.88)' }}>
              {monthLabel(m.month)}
              {m.month === current && <span style={{ fontWeight: 400, fontSize: 12 }}>（本月）</span>}
            </div>
            <div style={{ fontSize: 13, color: 'rgba(0,0,0,0.65)' }}>{m.due === null ? '—' : formatYuanAmount(m.due)}</div>
            <div style={{ fontSize: 12 }}>{STATE_TEXT[state]}</div>
          </div>
        );
      })}
    </div>
  );
}

/** The standard in effect: the monthly amount, and why (the rule, the base, an approved reduction). */
function CurrentStandard({ current, next }: { current: DuesAssessment | null; next: DuesAssessment | undefined }) {
  if (!current) {
    return (
      <Alert
        type="info"
        showIcon
        title={next ? `交纳标准自 ${next.effectiveFrom} 起执行：每月 ${formatYuanAmount(next.amount)}` : '尚未核定党费交纳标准'}
        description={next ? next.basis : '党费交纳标准由所在党支部每年初核定，请联系党支部。'}
        data-testid="dues-current"
      />
    );
  }
  return (
    <div data-testid="dues-current">
      <Typography.Text type="secondary">每月应交党费</Typography.Text>
      <div style={{ fontSize: 30, fontWeight: 600, color: '#c8161d', lineHeight: 1.3 }} data-testid="dues-amount">
        {formatYuanAmount(current.amount)}
      </div>
      <Space size={[8, 4]} wrap style={{ marginBottom: 8 }}>
        <Tag color="red" style={{ marginInlineEnd: 0 }}>
          {labelOf(DUES_CATEGORY_LABELS, current.category)}党员
        </Tag>
        {current.monthlyBase !== null && (
          <Typography.Text type="secondary">交纳基数 {formatYuanAmount(current.monthlyBase)}/月</Typography.Text>
        )}
        <Typography.Text type="secondary">自 {current.effectiveFrom} 起执行</Typography.Text>
      </Space>
      <Typography.Paragraph style={{ marginBottom: 0 }} data-testid="dues-basis">
        <Typography.Text strong>依据：</Typography.Text>
        {current.basis}
      </Typography.Paragraph>
      {isReduced(current) && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 8 }}
          title={`经${current.reductionApprovedByName ?? '上级党委'}批准${isExempt(current) ? '免交' : '少交'}（按规定应交 ${formatYuanAmount(current.calculated)}/月）`}
          description={current.reductionReason ? `原因：${current.reductionReason}` : undefined}
          data-testid="dues-reduction"
        />
      )}
    </div>
  );
}

/** Months owed and the branch's reminder; a quiet line when nothing is owed. */
function Arrears({ dues }: { dues: MemberDues }) {
  const { arrears } = dues;
  if (arrears.owedMonths.length === 0) {
    if (!dues.current) return null;
    return <Alert type="success" showIcon title="没有欠交的党费" data-testid="dues-arrears" data-owed={0} />;
  }
  return (
    <Alert
      type={arrears.streak >= ARREARS_LAPSE_MONTHS ? 'error' : 'warning'}
      showIcon
      title={`欠交 ${arrears.owedMonths.length} 个月，共 ${formatYuanAmount(arrears.owed)}`}
      description={
        <>
          <div>欠交月份：{monthRangesText(arrears.owedMonths)}</div>
          {arrears.warning && <div style={{ marginTop: 4 }}>{arrears.warning}</div>}
        </>
      }
      data-testid="dues-arrears"
      data-owed={arrears.owedMonths.length}
    />
  );
}

/** Payments touching the year, newest first. */
function PaymentHistory({ payments }: { payments: DuesPayment[] }) {
  if (payments.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本年度暂无交纳记录" />;
  return (
    <div data-testid="dues-payments">
      {[...payments].reverse().map((p) => (
        <div key={p.id} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }} data-testid="dues-payment">
          <Space size={[8, 0]} wrap>
            <Typography.Text strong>{p.fromMonth === p.toMonth ? p.fromMonth : `${p.fromMonth} 至 ${p.toMonth}`}</Typography.Text>
            <Typography.Text>{formatYuanAmount(p.amount)}</Typography.Text>
            {fenOf(p.voluntary) > 0 && <Tag color="gold">自愿多交 {formatYuanAmount(p.voluntary)}</Tag>}
          </Space>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[
                p.paidAt,
                labelOf(DUES_METHOD_LABELS, p.method),
                p.receiptNo && `收据 ${p.receiptNo}`,
                p.collectedBy && `收款人 ${p.collectedBy}`,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          </div>
        </div>
      ))}
    </div>
  );
}

/**
 * One member's dues for a year, as the member and the branch both read it: the monthly amount in
 * effect with the rule that gives it (the "why"), the months owed with the branch's reminder, the
 * twelve months paid, owed or not yet due, and the payments. Laid out for a phone first.
 */
export function MemberDuesView({
  dues,
  year,
  onYearChange,
  actions,
}: {
  dues: MemberDues;
  year: number;
  onYearChange: (year: number) => void;
  /** 登记交纳 / 核定标准, for those who may. */
  actions?: ReactNode;
}) {
  const currentYear = Number(thisMonth().slice(0, 4));
  const next = dues.current ? undefined : dues.assessments.find((a) => a.effectiveFrom > thisMonth());
  const paidFen = dues.months.reduce((n, m) => n + (m.paymentId !== null && m.due !== null ? fenOf(m.due) : 0), 0);
  return (
    <div data-testid="member-dues" data-member-id={dues.member.id}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <CurrentStandard current={dues.current} next={next} />
        <Arrears dues={dues} />
        {actions}
      </Space>
      <Divider titlePlacement="start" plain style={{ marginTop: 16 }}>
        逐月交纳情况
      </Divider>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap', marginBottom: 12 }}>
        <DatePicker
          picker="year"
          value={dayjs(`${year}-01-01`)}
          allowClear={false}
          disabledDate={(d) => d.year() > currentYear + 1 || d.year() < 2000}
          onChange={(d) => d && onYearChange(d.year())}
          style={{ width: 120 }}
          data-testid="dues-year"
        />
        <Typography.Text type="secondary">
          {year} 年已交 {formatYuan(paidFen)}
        </Typography.Text>
      </div>
      <MonthGrid months={dues.months} owedMonths={dues.arrears.owedMonths} />
      <Divider titlePlacement="start" plain>
        交纳记录
      </Divider>
      <PaymentHistory payments={dues.payments} />
    </div>
  );
}
