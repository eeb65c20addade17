import { describe, expect, it } from 'vitest';
import { maskPersonalData, maskPersonalNumbers } from './personal-numbers.js';

describe('maskPersonalNumbers: no ID or phone number survives in clear', () => {
  it.each([
    ['150502199001010010', '150502********0010'],
    ['11010519491231002x', '110105********002X'],
    ['身份证号１５０５０２１９９００１０１００１０。', '身份证号150502********0010。'],
    ['q=150502 19900101 0010&rows=3', 'q=150502********0010&rows=3'],
    ['150502-1990-0101-0010', '150502********0010'],
    ['旧号150502900101001', '旧号150502*****1001'],
    ['ID150502199001010011', 'ID150502********0011'], // a wrong check digit is still an ID number
    ['电话13812345678', '电话138****5678'],
    ['+86 138 1234 5678', '+86 138****5678'],
    ['2026-01-01 13812345678', '2026-01-01 138****5678'],
    ['0475-8123456', '*******3456'],
  ])('%s → %s', (text, masked) => {
    expect(maskPersonalNumbers(text)).toBe(masked);
  });

  it.each([
    '2026-01-01',
    'rows=12345',
    '共 1,234 人',
    '12345678901234567890', // 20 digits: no ID or phone on its own
    'a1b2c3',
    '23812345678', // not a mobile prefix
  ])('leaves %s alone', (text) => {
    expect(maskPersonalNumbers(text)).toBe(text);
  });

  it('is idempotent: a masked value stays as it is', () => {
    const once = maskPersonalNumbers('150502199001010010 13812345678');
    expect(maskPersonalNumbers(once)).toBe(once);
  });
});

describe('maskPersonalData', () => {
  it('masks strings, keys and phone-like integers at every depth and keeps everything else', () => {
    expect(
      maskPersonalData({
        filter: { q: '150502199001010010', status: 'full' },
        list: ['13812345678', 3, true, null],
        '150502199001010010': 1,
        phone: 13912345678,
        rows: 12,
        share: 0.5,
      }),
    ).toEqual({
      filter: { q: '150502********0010', status: 'full' },
      list: ['138****5678', 3, true, null],
      '150502********0010': 1,
      phone: '139****5678',
      rows: 12,
      share: 0.5,
    });
  });
});
