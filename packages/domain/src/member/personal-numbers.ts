/**
 * Finding resident ID numbers and phone numbers in free text, for places that must never hold them
 * in clear (the audit log: ARCHITECTURE.md Personal data). What a person might type counts: full-width
 * digits, a lower-case x, digits split by spaces or hyphens, a mobile number after +86.
 */
import { maskIdNumber, maskPhone, normalizeIdNumber, parseIdNumber } from './idnumber.js';

const DIGIT = '[0-9\uff10-\uff19]';
const SEPARATOR = '[\\s\\u3000-]';
/** Digit groups joined by single separators (as normalizeIdNumber accepts them); X may close the run. */
const RUN = new RegExp(`(?<!${DIGIT})${DIGIT}+(?:${SEPARATOR}${DIGIT}+)*[xX\uff58\uff38]?(?!${DIGIT})`, 'gu');
const GROUP = new RegExp(`(${SEPARATOR})`, 'u');

/** The masked form of a candidate that is an ID or phone number, else undefined. */
const maskedCandidate = (digits: string): string | undefined => {
  // 18 characters of GB 11643 (the check digit is not required: a mistyped number is still personal);
  // the old 15 digits only with a province and a birth date, as 15 digits are more often something else.
  if (/^\d{17}[\dX]$/.test(digits)) return maskIdNumber(digits);
  if (/^\d{15}$/.test(digits) && parseIdNumber(digits, '9999-12-31').ok) return maskIdNumber(digits);
  // A mainland mobile number, or a landline with its area code.
  if (/^1[3-9]\d{9}$/.test(digits) || /^0\d{9,11}$/.test(digits)) return maskPhone(digits);
  return undefined;
};

/** One run of digit groups with every ID or phone number inside it masked; the longest match wins at each group. */
const maskRun = (run: string): string => {
  const parts = run.split(GROUP); // groups at even indexes, separators between
  const groups = parts.filter((_, i) => i % 2 === 0).map(normalizeIdNumber);
  const out: string[] = [];
  let i = 0;
  while (i < groups.length) {
    let best: { end: number; masked: string } | undefined;
    let joined = '';
    for (let j = i; j < groups.length && joined.length <= 18; j++) {
      joined += groups[j];
      const masked = maskedCandidate(joined);
      if (masked) best = { end: j, masked };
    }
    if (best) {
      out.push(best.masked);
      i = best.end + 1;
    } else {
      out.push(parts[i * 2] as string);
      i++;
    }
    if (i < groups.length) out.push(parts[i * 2 - 1] as string);
  }
  return out.join('');
};

/** Masks every resident ID number and phone number in a text (`150502********0010`, `138****1234`). */
export const maskPersonalNumbers = (text: string): string => text.replace(RUN, maskRun);

/**
 * The same over a JSON value: every string and object key masked, and an integer that reads as a
 * phone number becomes its masked string. Expects plain JSON (arrays, plain objects, scalars).
 */
export const maskPersonalData = (value: unknown): unknown => {
  if (typeof value === 'string') return maskPersonalNumbers(value);
  if (typeof value === 'number') {
    const masked = Number.isInteger(value) ? maskPersonalNumbers(String(value)) : undefined;
    return masked !== undefined && masked !== String(value) ? masked : value;
  }
  if (Array.isArray(value)) return value.map(maskPersonalData);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [maskPersonalNumbers(k), maskPersonalData(v)]));
  }
  return value;
};
