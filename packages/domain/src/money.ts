import { z } from 'zod';

/**
 * Money (RULES.md C4; ARCHITECTURE.md "Public API"): integer fen inside, never a binary float;
 * yuan as a decimal string outside (`"30.00"`). These are the one way in and the one way out.
 */

/** The largest amount any field takes: 1亿元. */
export const MAX_MONEY_FEN = 10_000_000_000;

/** Yuan with at most two decimals, digits only: `2999.99`, `30`, `0.5`. */
const YUAN_TEXT = /^(\d+)(?:\.(\d{1,2}))?$/;

/** `299999` → `"2999.99"`: the yuan decimal string of an integer amount of fen. */
export const fenToYuan = (fen: number): string => {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an integer amount of fen: ${fen}`);
  const abs = Math.abs(fen);
  const cents = abs % 100;
  return `${fen < 0 ? '-' : ''}${(abs - cents) / 100}.${String(cents).padStart(2, '0')}`;
};

/** An amount as a rule states it: whole yuan bare (`1000`), else with its two decimals (`0.20`). */
export const ruleYuan = (fen: number): string => fenToYuan(fen).replace(/\.00$/, '');

/** A money field of an answer: {@link fenToYuan}'s form, two decimals always (`"30.00"`). */
export const yuanOut = z.string().regex(/^-?\d+\.\d{2}$/);

/** `"2999.99"` → `299999`; null for anything but a non-negative yuan amount with at most two decimals. */
export const parseYuan = (yuan: string): number | null => {
  const m = YUAN_TEXT.exec(yuan);
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
};

/**
 * A money field of a request, in yuan: a decimal string (`"2999.99"`, the public contract) or a
 * JSON number (`2999.99`) alike, at most two decimals, never negative, as integer fen. A number is
 * read by its shortest decimal form, so `0.1 + 0.2` (`0.30000000000000004`) is refused, not rounded.
 * `label` names the field in each message.
 */
export const moneyInput = (label: string) =>
  z.union([z.string(), z.number()], { message: `请填写${label}（元）` }).transform((v, ctx) => {
    const text = typeof v === 'number' ? String(v) : v;
    const fen = parseYuan(text);
    const refuse = (message: string) => {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    };
    if (text.trim() === '') return refuse(`请填写${label}（元）`);
    if (/^-/.test(text.trim())) return refuse(`${label}不能为负数`);
    if (fen === null && /^\d+\.\d{3,}$/.test(text)) return refuse(`${label}最多保留两位小数（分），如 2999.99`);
    if (fen === null) return refuse(`${label}应为以元为单位的金额，如 2999.99（收到「${text.slice(0, 20)}」）`);
    if (fen > MAX_MONEY_FEN) return refuse(`${label}不能超过${fenToYuan(MAX_MONEY_FEN)}元`);
    return fen;
  });
