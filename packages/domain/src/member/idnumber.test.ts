import { describe, expect, it } from 'vitest';
import { idCheckChar, maskIdNumber, maskPhone, normalizeIdNumber, parseIdNumber, upgradeIdNumber15 } from './idnumber.js';

const TODAY = '2026-11-26';

describe('GB 11643-1999 公民身份号码 (RULES.md §6)', () => {
  it.each([
    '11010519491231002X', // the standard's example, S=167
    '150502199001010010',
    '150502198512310029',
    '150521200002290135', // 29 Feb of a leap year
    '15052219720701024X',
    '150523197107010353',
    '15052420080808046X',
    '150525199503150579',
    '150526198806150682',
    '150581200601010795',
    '370101190102039973',
  ])('accepts the worked number %s', (id) => {
    const r = parseIdNumber(id, TODAY);
    expect(r.ok).toBe(true);
  });

  it('derives birth date and gender (odd sequence = male)', () => {
    expect(parseIdNumber('150502199001010010', TODAY)).toEqual({
      ok: true,
      id: { value: '150502199001010010', regionCode: '150502', birthDate: '1990-01-01', gender: 'male' },
    });
    expect(parseIdNumber('150502198512310029', TODAY).ok && parseIdNumber('150502198512310029', TODAY)).toMatchObject({
      id: { gender: 'female' },
    });
  });

  it('computes the check character for every remainder, incl. X', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('15052619880615068')).toBe('2');
    // The standard's second example (born 1880: valid by checksum, outside our ≥1900 policy bound).
    expect(idCheckChar('44052418800101001')).toBe('4');
  });

  it.each([
    ['150502199001010011', 'ID_CHECKSUM'],
    ['150502199002300010', 'ID_BIRTH_DATE'], // 30 Feb
    ['150521190002290135', 'ID_BIRTH_DATE'], // 1900 is not a leap year
    ['150502189912310010', 'ID_BIRTH_DATE'], // before 1900: our policy bound
    ['150502203001010010', 'ID_BIRTH_FUTURE'],
    ['990502199001010010', 'ID_PROVINCE'],
    ['15050219900101001', 'ID_FORMAT'],
    ['15050219900101001Y', 'ID_FORMAT'],
  ])('refuses %s: %s', (id, error) => {
    expect(parseIdNumber(id, TODAY)).toEqual({ ok: false, error });
  });

  it('accepts a birth date of today, refuses tomorrow', () => {
    const todayId = `150502202611260${'01'}`;
    const first17 = todayId.slice(0, 17);
    expect(parseIdNumber(first17 + idCheckChar(first17), TODAY).ok).toBe(true);
    const tomorrow = '15050220261127001';
    expect(parseIdNumber(tomorrow + idCheckChar(tomorrow), TODAY)).toEqual({ ok: false, error: 'ID_BIRTH_FUTURE' });
  });

  it('accepts historical 哲里木盟 codes (152301…152327)', () => {
    const first17 = '15232719650315001';
    expect(parseIdNumber(first17 + idCheckChar(first17), TODAY).ok).toBe(true);
  });

  it('upgrades 15-digit numbers: 150502800101001 → 150502198001010016', () => {
    expect(upgradeIdNumber15('150502800101001')).toBe('150502198001010016');
    expect(parseIdNumber('150502800101001', TODAY)).toMatchObject({ ok: true, id: { value: '150502198001010016' } });
  });

  it('normalises lower-case x, full-width digits and spaces', () => {
    expect(normalizeIdNumber('１５０５２２１９７２０７０１０２４ｘ')).toBe('15052219720701024X');
    expect(parseIdNumber(' 15052219720701024x ', TODAY)).toMatchObject({ ok: true, id: { value: '15052219720701024X' } });
  });

  it('masks', () => {
    expect(maskIdNumber('150502199001010010')).toBe('150502********0010');
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('04758221234')).toBe('*******1234');
  });
});
