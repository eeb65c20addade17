import { DUES_CATEGORY_LABELS, type DuesCategory, duesCalculateSchema } from '@jishi/domain';
import { Alert, Card, Form, InputNumber, Spin, Typography } from 'antd';
import { formatYuanAmount } from '../../../shared/money';
import { ChoiceGrid } from '../../../shared/ui/ChoiceGrid';
import { TouchTargets } from '../../../shared/ui/TouchTargets';
import { useDebouncedValue } from '../../../shared/use-debounced-value';
import { useIsMobile } from '../../../shared/use-is-mobile';
import { type DuesCalculation, type DuesCalculationInput, useDuesCalculation } from '../dues.api';
import { baseLabel, DUES_CATEGORY_OPTIONS, hasMonthlyBase } from './dues-display';

interface CalculatorFields {
  category: DuesCategory;
  monthlyBase?: number | null;
}

/** The calculator's input once the domain schema accepts it (yuan, as the server takes it), else the schema's message. */
export const calculationInput = (category: DuesCategory | undefined, base: number | null | undefined) => {
  if (!category) return { input: undefined, problem: undefined };
  const input: DuesCalculationInput = { category, monthlyBase: hasMonthlyBase(category) ? (base ?? undefined) : undefined };
  const parsed = duesCalculateSchema.safeParse(input);
  return parsed.success ? { input, problem: undefined } : { input: undefined, problem: parsed.error.issues[0]?.message };
};

/** The answer with its "why": the monthly amount, the rate on the whole base, and the article of the rule. */
export function DuesCalculationResult({ result, category }: { result: DuesCalculation; category: DuesCategory }) {
  return (
    <div data-testid="dues-calc-result">
      <Typography.Text type="secondary">{DUES_CATEGORY_LABELS[category]}党员每月应交党费</Typography.Text>
      <div style={{ fontSize: 28, fontWeight: 600, color: '#c8161d', lineHeight: 1.3 }} data-testid="dues-calc-amount">
        {formatYuanAmount(result.amount)}
      </div>
      <Typography.Paragraph style={{ marginBottom: 0 }}>
        {result.rate !== null && (
          <Typography.Text strong data-testid="dues-calc-rate">
            按{(result.rate * 100).toFixed(1).replace(/\.0$/, '')}%交纳。
          </Typography.Text>
        )}
        <span data-testid="dues-calc-basis">{result.basis}</span>
      </Typography.Paragraph>
    </div>
  );
}

/**
 * 党费计算器: category and monthly base → the monthly dues, the rate and the rule that gives them.
 * The server computes it with the settings in force (the 农牧民 amount is a provincial setting), so
 * the figure is the one a 核定 would record.
 */
export function DuesCalculator({ title = '党费计算器' }: { title?: string }) {
  const [form] = Form.useForm<CalculatorFields>();
  const isMobile = useIsMobile();
  const category = Form.useWatch('category', form);
  const base = useDebouncedValue(Form.useWatch('monthlyBase', form));
  const { input, problem } = calculationInput(category, base);
  const calc = useDuesCalculation(input);

  return (
    <TouchTargets>
      <Card title={title} size="small" style={{ maxWidth: 720 }} data-testid="dues-calculator">
        <Form<CalculatorFields> form={form} layout="vertical" initialValues={{ category: 'employed' }} autoComplete="off">
          <Form.Item label="党员类别" name="category">
            <ChoiceGrid options={DUES_CATEGORY_OPTIONS} columns={isMobile ? 3 : 6} data-testid="dues-calc-category" />
          </Form.Item>
          {hasMonthlyBase(category) && (
            <Form.Item
              label={baseLabel(category)}
              name="monthlyBase"
              extra={
                category === 'retired'
                  ? '以每月领取的离退休费（养老金）总额为计算基数'
                  : '以每月相对固定的、经常性的工资收入（税后）为计算基数'
              }
            >
              <InputNumber
                min={0}
                precision={2}
                inputMode="decimal"
                placeholder="如 5000"
                style={{ width: '100%' }}
                data-testid="dues-calc-base"
              />
            </Form.Item>
          )}
        </Form>
        {problem && base !== undefined && base !== null ? (
          <Alert type="error" showIcon title={problem} />
        ) : !input ? (
          <Typography.Text type="secondary">请填写每月交纳基数</Typography.Text>
        ) : calc.data && category ? (
          <DuesCalculationResult result={calc.data} category={input.category} />
        ) : (
          <Spin size="small" />
        )}
      </Card>
    </TouchTargets>
  );
}
