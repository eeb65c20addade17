import { describe, expect, it } from 'vitest';
import { blindIndex, decryptField, deriveKeys, encryptField, sm3 } from './crypto.js';

const keys = deriveKeys(Buffer.alloc(32, 7));

describe('国密 primitives', () => {
  it('SM3 matches the GB/T 32905-2016 example "abc"', () => {
    expect(sm3('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });
  it('SM4-CBC field encryption round-trips and hides the value', () => {
    const sealed = encryptField(keys, '150502199001010010');
    expect(sealed).not.toContain('150502');
    expect(decryptField(keys, sealed)).toBe('150502199001010010');
    expect(encryptField(keys, 'x')).not.toBe(encryptField(keys, 'x'));
  });
  it('a tampered ciphertext is refused', () => {
    const sealed = Buffer.from(encryptField(keys, '13800001234'), 'base64');
    sealed[20] = (sealed[20] ?? 0) ^ 1;
    expect(() => decryptField(keys, sealed.toString('base64'))).toThrow(/integrity/);
  });
  it('the blind index is stable and keyed', () => {
    expect(blindIndex(keys, 'a')).toBe(blindIndex(keys, 'a'));
    expect(blindIndex(deriveKeys(Buffer.alloc(32, 8)), 'a')).not.toBe(blindIndex(keys, 'a'));
  });
});
