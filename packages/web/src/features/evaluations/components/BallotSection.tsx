import { PrinterOutlined, QrcodeOutlined } from '@ant-design/icons';
import { BALLOT_CODES_MAX, formatBallotCode, RATING_LABELS, RATINGS } from '@jishi/domain';
import { Alert, App, Button, Col, InputNumber, Popconfirm, Progress, QRCode, Row, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { ModalFrame } from '../../../shared/FormModal';
import { type BallotTally, type EntryDetail, useCloseBallot, type useIssueCodes } from '../evaluations.api';

/** The vote page a code opens: phones scan or type it there, without logging in. */
export const voteUrl = (code: string) => `${window.location.origin}/vote?code=${code}`;

/** Counts per rating with their shares, the 满意率 (好+较好), and the codes handed out and used. */
export function BallotTallyView({ tally }: { tally: BallotTally }) {
  return (
    <div data-testid="ballot-tally">
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={8}>
          <Statistic title="已投票" value={tally.total} suffix="票" />
        </Col>
        <Col xs={8}>
          <Statistic title="满意率" value={tally.favourable} suffix="%" />
        </Col>
        <Col xs={8}>
          <Statistic title="测评码已用" value={tally.codesUsed} suffix={`/ ${tally.codesIssued}`} />
        </Col>
      </Row>
      {RATINGS.map((r) => (
        <div key={r} style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
          <span style={{ width: 36 }}>{RATING_LABELS[r]}</span>
          <Progress percent={Number(tally.shares[r])} showInfo={false} style={{ flex: 1, margin: 0 }} />
          <span style={{ width: 96, textAlign: 'right' }}>
            {tally.counts[r]}票 · {tally.shares[r]}%
          </span>
        </div>
      ))}
    </div>
  );
}

/** One slip per code for print: who is rated, the code, and where to vote. */
function CodeSlips({
  codes,
  orgName,
  roundName,
  closesAt,
}: {
  codes: string[];
  orgName: string;
  roundName: string;
  closesAt: string | null;
}) {
  return (
    <div className="ballot-slips">
      {codes.map((code) => (
        <div key={code} className="ballot-slip">
          {/* Scanned with the phone's camera (WeChat included): opens the vote page with the code filled in. */}
          <QRCode value={voteUrl(code)} size={96} bordered={false} style={{ float: 'right', marginLeft: 8 }} />
          <div style={{ fontWeight: 600 }}>{roundName} · 党员群众测评</div>
          <div>测评对象：{orgName}</div>
          <div className="ballot-code">{formatBallotCode(code)}</div>
          <div style={{ fontSize: 12, wordBreak: 'break-all' }}>扫码或手机打开 {voteUrl(code)}</div>
          <div style={{ fontSize: 12 }}>每码限投一次{closesAt ? `，${closesAt}前有效` : ''}；匿名投票，不记录投票人。</div>
        </div>
      ))}
    </div>
  );
}

/* On screen the sheet is hidden; printing shows only the sheet, two slips a row, never split. */
const PRINT_CSS = `
.ballot-sheet { display: none; }
.ballot-slips { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 8px; }
.ballot-slip { border: 1px dashed #999; border-radius: 6px; padding: 10px 12px; line-height: 1.7; break-inside: avoid; }
.ballot-code { font-family: monospace; font-size: 22px; letter-spacing: 2px; font-weight: 600; }
@media print {
  body > :not(.ballot-sheet) { display: none !important; }
  .ballot-sheet { display: block; }
  .ballot-sheet .ballot-slips { grid-template-columns: 1fr 1fr; }
}`;

/**
 * The codes just issued, shown once: the server keeps only their hashes, so they must be printed
 * or handed out now. The print view is a sheet mounted straight under `<body>`, so it prints on as
 * many pages as it needs, outside the modal.
 */
export function CodesModal({
  codes,
  closesAt,
  entry,
  onClose,
}: {
  codes: string[];
  closesAt: string | null;
  entry: EntryDetail;
  onClose: () => void;
}) {
  const slips = <CodeSlips codes={codes} orgName={entry.org.name} roundName={entry.round.name} closesAt={closesAt} />;
  return (
    <ModalFrame
      title={`测评码（${codes.length}个）`}
      width={820}
      mask={{ closable: false }}
      onCancel={onClose}
      footer={
        <Space wrap>
          <Button icon={<PrinterOutlined />} type="primary" onClick={() => window.print()} data-testid="codes-print">
            打印
          </Button>
          <Button onClick={onClose} data-testid="codes-close">
            已打印或分发，关闭
          </Button>
        </Space>
      }
      data-testid="codes-modal"
    >
      <style>{PRINT_CSS}</style>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title="测评码只显示这一次"
        description="系统不保存测评码原文，关闭后无法再次查看。请现在打印或分发；不够时可再次生成。"
      />
      <div style={{ maxHeight: '55vh', overflow: 'auto' }} data-testid="codes-list">
        {slips}
      </div>
      {createPortal(<div className="ballot-sheet">{slips}</div>, document.body)}
    </ModalFrame>
  );
}

/**
 * 党员群众测评: the tally so far; when the user may act, 生成测评码 and 结束测评, which counts the
 * ballots and moves the entry on.
 *
 * `issue` belongs to the page, which shows the codes (once, printable) in {@link CodesModal}: issuing
 * is a logged step, after which the page remounts this form, and the codes must outlive it.
 */
export function BallotActions({ entry, issue }: { entry: EntryDetail; issue: ReturnType<typeof useIssueCodes> }) {
  const { message } = App.useApp();
  const close = useCloseBallot();
  const [count, setCount] = useState<number | null>(30);
  const [refusal, setRefusal] = useState<string>();

  const generate = () => {
    if (!count) return;
    setRefusal(undefined);
    issue.mutate({ id: entry.id, input: count }, { onError: (error) => setRefusal(error.message) });
  };
  const finish = () => {
    setRefusal(undefined);
    close.mutate(
      { id: entry.id, input: undefined },
      {
        onSuccess: (t) => message.success(`测评已结束，共${t.total}票`),
        onError: (error) => setRefusal(error.message),
      },
    );
  };

  return (
    <div data-testid="ballot-actions">
      {entry.ballots.codesIssued > 0 && (
        <div style={{ marginBottom: 16 }}>
          <BallotTallyView tally={entry.ballots} />
        </div>
      )}
      <Typography.Paragraph type="secondary">
        按参加测评的党员群众人数生成一次性测评码，每人一码，手机扫码或输入测评码匿名投票。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <InputNumber
          min={1}
          max={BALLOT_CODES_MAX}
          precision={0}
          value={count}
          onChange={setCount}
          suffix="个"
          style={{ width: 120 }}
          aria-label="生成数量"
          data-testid="codes-count"
        />
        <Button icon={<QrcodeOutlined />} onClick={generate} loading={issue.isPending} disabled={!count} data-testid="codes-generate">
          生成测评码
        </Button>
        <Popconfirm
          title="结束测评"
          description={`结束后计票并进入下一环节，未使用的测评码作废。当前已投${entry.ballots.total}票。`}
          okText="结束测评"
          onConfirm={finish}
        >
          <Button type="primary" loading={close.isPending} data-testid="ballot-close">
            结束测评
          </Button>
        </Popconfirm>
      </Space>
      {refusal && <Alert type="error" showIcon title={refusal} data-testid="ballot-refusal" />}
    </div>
  );
}
