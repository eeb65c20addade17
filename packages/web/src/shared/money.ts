/**
 * Money on screen: the one formatter. Amounts arrive as integer fen or as yuan decimal strings
 * (the API's money indicators); both are formatted from integers, so no float ever shows.
 */
import { parseYuan } from '@jishi/domain';

const GROUPED = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

/** `123456` hundredths → `1,234.56`, from integers only. */
const hundredths = (n: number): string => {
  const abs = Math.abs(n);
  const cents = abs % 100;
  return `${n < 0 ? '-' : ''}${GROUPED.format((abs - cents) / 100)}.${String(cents).padStart(2, '0')}`;
};

/** `¥1,234.50` for an amount in fen. */
export const formatYuan = (fen: number): string => `¥${hundredths(fen)}`;

/** At and above 10,000 元 an amount reads in 万元. */
const WAN_FEN = 1_000_000;

/**
 * A yuan decimal string as a figure and its unit: `"60192858.98"` → `6,019.29` 万元 (rounded half
 * up to 0.01万元), `"1234.5"` → `1,234.50` 元. Text that is not an amount is shown as it came.
 */
export const moneyFigure = (yuan: string): { value: string; unit: '元' | '万元' } => {
  const negative = yuan.startsWith('-');
  const fen = parseYuan(negative ? yuan.slice(1) : yuan);
  if (fen === null) return { value: yuan, unit: '元' };
  const sign = negative ? -1 : 1;
  if (fen < WAN_FEN) return { value: hundredths(sign * fen), unit: '元' };
  // 0.01万元 is 10,000 fen: whole units and the remainder apart, so the rounding is exact.
  const rest = fen % 10_000;
  return { value: hundredths(sign * ((fen - rest) / 10_000 + (rest >= 5_000 ? 1 : 0))), unit: '万元' };
};

/** `6,019.29万元`: a yuan decimal string with its unit, for running text. */
export const formatMoney = (yuan: string): string => {
  const f = moneyFigure(yuan);
  return `${f.value}${f.unit}`;
};

/**
 * An amount the API sent (a yuan decimal string, `"1234.50"`, `"-3.00"`) in fen, to add and
 * compare in integers. The contract guarantees the form; anything else is a bug and throws.
 */
export const fenOf = (yuan: string): number => {
  const negative = yuan.startsWith('-');
  const fen = parseYuan(negative ? yuan.slice(1) : yuan);
  if (fen === null) throw new RangeError(`not a yuan amount: ${yuan}`);
  return negative ? -fen : fen;
};

/** `¥1,234.50` for an amount the API sent in yuan (`"1234.50"`). */
export const formatYuanAmount = (yuan: string): string => formatYuan(fenOf(yuan));
