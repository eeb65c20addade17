import { describe, expect, it } from 'vitest';
import { fenToYuan, MAX_MONEY_FEN, moneyInput, parseYuan } from './money.js';

const base = moneyInput('每月交纳基数');
const message = (v: unknown) => {
  const r = base.safeParse(v);
  return r.success ? undefined : r.error.issues[0]?.message;
};

describe('money: integer fen inside, yuan decimal strings outside', () => {
  it('writes fen as yuan with two decimals', () => {
    expect(fenToYuan(0)).toBe('0.00');
    expect(fenToYuan(5)).toBe('0.05');
    expect(fenToYuan(299_999)).toBe('2999.99');
    expect(fenToYuan(6_019_285_898)).toBe('60192858.98');
    expect(fenToYuan(-150)).toBe('-1.50');
    expect(() => fenToYuan(0.5)).toThrow();
  });

  it('reads yuan with at most two decimals, and nothing else', () => {
    expect(parseYuan('2999.99')).toBe(299_999);
    expect(parseYuan('30')).toBe(3000);
    expect(parseYuan('0.5')).toBe(50);
    for (const bad of ['2999.999', '1e3', '-1', '', '.5', '1.', ' 1', '1,000', '０']) expect(parseYuan(bad)).toBeNull();
  });

  it('takes "2999.99" and 2999.99 alike, as fen', () => {
    expect(base.parse('2999.99')).toBe(299_999);
    expect(base.parse(2999.99)).toBe(299_999);
    expect(base.parse(0)).toBe(0);
    expect(base.parse(fenToYuan(MAX_MONEY_FEN))).toBe(MAX_MONEY_FEN);
  });

  it('refuses a third decimal, exponents, negatives and floats off the fen, naming the field', () => {
    expect(message('2999.999')).toBe('每月交纳基数最多保留两位小数（分），如 2999.99');
    expect(message(2999.999)).toBe('每月交纳基数最多保留两位小数（分），如 2999.99');
    expect(message(0.1 + 0.2)).toContain('最多保留两位小数');
    expect(message('1e3')).toContain('每月交纳基数应为以元为单位的金额');
    expect(message(1e21)).toContain('每月交纳基数应为以元为单位的金额');
    expect(message('-1')).toBe('每月交纳基数不能为负数');
    expect(message(-0.01)).toBe('每月交纳基数不能为负数');
    expect(message('')).toBe('请填写每月交纳基数（元）');
    expect(message(null)).toBe('请填写每月交纳基数（元）');
    expect(message(MAX_MONEY_FEN / 100 + 0.01)).toContain('不能超过100000000.00元');
  });
});
