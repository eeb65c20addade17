/**
 * 党员群众测评 (/vote), the public page: anyone holding a one-time code votes from a phone without
 * logging in. The code (from `?code=` when scanned) shows the org rated and what it reported; four
 * large buttons 好/较好/一般/差 cast the one anonymous ballot. Refusals (already used, closed,
 * unknown code) are shown as the server words them.
 */
import { CheckCircleFilled } from '@ant-design/icons';
import { ballotSchema, RATING_LABELS, RATINGS, type Rating } from '@jishi/domain';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Alert, App, Button, Card, ConfigProvider, Form, Input, Result, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { isApiError } from '../../shared/api-client';
import { useBallot, useCastBallot } from './evaluations.api';

/**
 * The voter has no session: the page keeps its own query client, outside the app's request-error
 * policy, so no answer can send a voter to the login page or pop a toast over the page.
 */
const voteClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false }, mutations: { retry: false } },
});

/** Large controls for thumbs: 48px inputs, 64px vote buttons, 16px text so iOS does not zoom. */
const VOTE_THEME = { token: { controlHeight: 48, controlHeightLG: 56, fontSize: 16 } };

const RATING_COLORS: Record<Rating, string> = { good: '#c8161d', fairly_good: '#d4380d', average: '#8c8c8c', poor: '#595959' };

const errorText = (error: unknown) => (isApiError(error) ? error.message : '网络连接失败，请检查网络后重试');

/** The code as the server takes it (`ABCDE-FGHJK` or lower case typed), or undefined with the reason. */
const parseCode = (value: string): { code?: string; problem?: string } => {
  const parsed = ballotSchema.shape.code.safeParse(value);
  return parsed.success ? { code: parsed.data } : { problem: parsed.error.issues[0]?.message ?? '测评码无效' };
};

function Ballot({ code, onReset }: { code: string; onReset: () => void }) {
  const { modal } = App.useApp();
  const info = useBallot(code);
  const cast = useCastBallot();

  const vote = (choice: Rating) =>
    modal.confirm({
      title: `确认评价为「${RATING_LABELS[choice]}」？`,
      content: '每个测评码只能投一次，投票后不能更改。',
      okText: '确认投票',
      cancelText: '再想想',
      centered: true,
      onOk: () => cast.mutateAsync({ code, choice }).catch(() => undefined),
    });

  if (cast.isSuccess)
    return (
      <Result
        icon={<CheckCircleFilled style={{ color: '#52c41a' }} />}
        title="投票成功，感谢参与"
        subTitle={`已对「${cast.data.orgName}」完成测评`}
        extra={
          <Button size="large" onClick={onReset} data-testid="vote-again">
            输入另一个测评码
          </Button>
        }
        data-testid="vote-done"
      />
    );
  if (info.isPending) return <Spin style={{ display: 'block', margin: 32 }} />;
  if (info.isError)
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type="error" showIcon title={errorText(info.error)} data-testid="vote-error" />
        <Button block onClick={onReset}>
          重新输入测评码
        </Button>
      </Space>
    );

  const i = info.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="vote-ballot">
      <div>
        <Typography.Text type="secondary">
          {i.roundName} · {i.stepName}
        </Typography.Text>
        <Typography.Title level={3} style={{ margin: '4px 0 0' }} data-testid="vote-org">
          {i.orgName}
        </Typography.Title>
      </div>
      {i.summary && (
        <Card size="small" title="自评总结">
          <Typography.Paragraph
            style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
            ellipsis={{ rows: 6, expandable: true, symbol: '展开全文' }}
          >
            {i.summary}
          </Typography.Paragraph>
        </Card>
      )}
      {i.refusal ? (
        <>
          <Alert type="warning" showIcon title={i.refusal} data-testid="vote-refusal" />
          <Button block onClick={onReset}>
            输入另一个测评码
          </Button>
        </>
      ) : (
        <>
          <Typography.Text strong style={{ fontSize: 18 }}>
            请对该党组织作出评价：
          </Typography.Text>
          {RATINGS.map((r) => (
            <Button
              key={r}
              block
              type="primary"
              onClick={() => vote(r)}
              loading={cast.isPending && cast.variables?.choice === r}
              disabled={cast.isPending}
              style={{ height: 64, fontSize: 22, background: RATING_COLORS[r], borderColor: RATING_COLORS[r] }}
              data-testid="vote-choice"
              data-choice={r}
            >
              {RATING_LABELS[r]}
            </Button>
          ))}
          {cast.isError && <Alert type="error" showIcon title={errorText(cast.error)} data-testid="vote-cast-error" />}
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            匿名投票：系统只记录评价，不记录投票人和测评码。
          </Typography.Text>
        </>
      )}
    </Space>
  );
}

function VoteScreen() {
  const [params, setParams] = useSearchParams();
  const initial = params.get('code') ?? '';
  const [form] = Form.useForm<{ code: string }>();
  const [code, setCode] = useState(() => parseCode(initial).code);

  const submit = ({ code: value }: { code: string }) => {
    const parsed = parseCode(value ?? '');
    if (!parsed.code) {
      form.setFields([{ name: 'code', errors: [parsed.problem ?? '测评码无效'] }]);
      return;
    }
    setCode(parsed.code);
    setParams({ code: parsed.code }, { replace: true });
  };
  const reset = () => {
    setCode(undefined);
    form.resetFields();
    form.setFieldValue('code', '');
    setParams({}, { replace: true });
  };

  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5', padding: '24px 16px' }}>
      <div style={{ maxWidth: 480, margin: '0 auto' }}>
        <Typography.Title level={2} style={{ textAlign: 'center', color: '#c8161d', marginBottom: 4 }}>
          党员群众测评
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          基石 · 评星定级
        </Typography.Paragraph>
        <Card>
          {code ? (
            <Ballot key={code} code={code} onReset={reset} />
          ) : (
            <Form
              form={form}
              layout="vertical"
              autoComplete="off"
              initialValues={{ code: initial }}
              onFinish={submit}
              data-testid="vote-code-form"
            >
              <Form.Item
                label="测评码"
                name="code"
                rules={[{ required: true, whitespace: true, message: '请输入测评码' }]}
                extra="测评码为10位字母或数字，见测评票"
              >
                <Input
                  size="large"
                  maxLength={13}
                  autoCapitalize="characters"
                  autoCorrect="off"
                  spellCheck={false}
                  placeholder="ABCDE-FGHJK"
                  style={{ fontFamily: 'monospace', letterSpacing: 2, textTransform: 'uppercase' }}
                  data-testid="vote-code"
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" size="large" block data-testid="vote-code-submit">
                开始测评
              </Button>
            </Form>
          )}
        </Card>
      </div>
    </div>
  );
}

export default function VotePage() {
  return (
    <QueryClientProvider client={voteClient}>
      <ConfigProvider theme={VOTE_THEME}>
        <VoteScreen />
      </ConfigProvider>
    </QueryClientProvider>
  );
}
