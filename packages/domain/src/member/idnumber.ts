/**
 * 公民身份号码 per GB 11643-1999 (RULES.md §6): normalisation, the ISO 7064 MOD 11-2 check digit,
 * the 15-digit upgrade, and what the number says about its holder.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** Province-level codes (GB/T 2260 first two digits), incl. 71 台湾, 81 香港, 82 澳门. */
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

/** The check character of the first 17 digits (GB 11643-1999 §5, ISO 7064:1983 MOD 11-2). */
export const idCheckChar = (first17: string): string => {
  const sum = [...first17].reduce((s, ch, i) => s + Number(ch) * (WEIGHTS[i] as number), 0);
  return CHECK_CHARS[sum % 11] as string;
};

/** Full-width digits and Ｘ to ASCII, lower-case x to X, spaces removed. */
export const normalizeIdNumber = (input: string): string =>
  input
    .replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[xXｘＸ]/g, 'X')
    .replace(/[\s\u3000-]/g, '');

/** A 15-digit number of GB 11643-1989 as 18 digits: "19" before the year, and a check digit. */
export const upgradeIdNumber15 = (id15: string): string => {
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + idCheckChar(first17);
};

export type IdNumberError = 'ID_FORMAT' | 'ID_CHECKSUM' | 'ID_PROVINCE' | 'ID_BIRTH_DATE' | 'ID_BIRTH_FUTURE';

export const ID_ERROR_MESSAGES: Record<IdNumberError, string> = {
  ID_FORMAT: '公民身份号码应为18位（末位可为X）或15位数字',
  ID_CHECKSUM: '公民身份号码校验位错误，请核对（GB 11643-1999）',
  ID_PROVINCE: '公民身份号码前两位不是有效的省级行政区划代码',
  ID_BIRTH_DATE: '公民身份号码中的出生日期不是有效日期',
  ID_BIRTH_FUTURE: '公民身份号码中的出生日期晚于今天',
};

export interface ParsedIdNumber {
  /** The normalised 18-character number. */
  value: string;
  regionCode: string;
  birthDate: string;
  gender: 'male' | 'female';
}

const isRealDate = (y: number, m: number, d: number) => {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
};

/**
 * Validates and reads a 公民身份号码. `today` (YYYY-MM-DD) bounds the birth date. The region code is
 * not checked against today's GB/T 2260 list: a number keeps the code in force when it was issued
 * (哲里木盟 152301…152327 before 1999), so only the province is checked.
 */
export const parseIdNumber = (input: string, today: string): { ok: true; id: ParsedIdNumber } | { ok: false; error: IdNumberError } => {
  let value = normalizeIdNumber(input);
  if (/^\d{15}$/.test(value)) value = upgradeIdNumber15(value);
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, error: 'ID_FORMAT' };
  if (!PROVINCES.has(value.slice(0, 2))) return { ok: false, error: 'ID_PROVINCE' };
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  if (y < 1900 || !isRealDate(y, m, d)) return { ok: false, error: 'ID_BIRTH_DATE' };
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (birthDate > today) return { ok: false, error: 'ID_BIRTH_FUTURE' };
  if (idCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, error: 'ID_CHECKSUM' };
  return { ok: true, id: { value, regionCode: value.slice(0, 6), birthDate, gender: Number(value[16]) % 2 === 1 ? 'male' : 'female' } };
};

/** `150502********0010`: region and the last four only. */
export const maskIdNumber = (value: string): string => `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;

/** `138****1234` for a mobile number; other numbers keep their last four. */
export const maskPhone = (value: string): string =>
  /^1\d{10}$/.test(value) ? `${value.slice(0, 3)}****${value.slice(-4)}` : `${'*'.repeat(Math.max(0, value.length - 4))}${value.slice(-4)}`;
