import { describe, expect, it } from 'vitest';
import { lockUntilAfterFailure, passwordWeakness, sessionExpired } from './password.rules.js';

describe('password policy (GB/T 22239-2019 8.1.4.1 a: complexity)', () => {
  it.each([
    ['Abcdefgh123', '长度'], // 11 characters: one short of the limit
    ['abcdefghijkl', '三类'], // 12, one class
    ['abcdefgh1234', '三类'], // 12, two classes
  ])('refuses %s', (pw, why) => {
    expect(passwordWeakness(pw)).toContain(why);
  });
  it.each(['Abcdefgh1234', 'abcdefgh12#$', 'ABCDEFGH12#$'])('accepts %s (12 chars, 3 classes)', (pw) => {
    expect(passwordWeakness(pw)).toBeNull();
  });
  it('refuses a password containing the username', () => {
    expect(passwordWeakness('Xadmin12345#', 'admin')).toContain('用户名');
  });
});

describe('lockout (8.1.4.1 b: 登录失败处理)', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  it('4 failures do not lock, the 5th locks for 30 minutes', () => {
    expect(lockUntilAfterFailure(4, now)).toBeNull();
    expect(lockUntilAfterFailure(5, now)?.toISOString()).toBe('2026-01-01T00:30:00.000Z');
  });
});

describe('session timeout', () => {
  const t = (m: number) => new Date(Date.UTC(2026, 0, 1, 0, m));
  it('idle 30 minutes is still alive, 31 is expired', () => {
    expect(sessionExpired({ createdAt: t(0), lastSeenAt: t(0) }, t(30))).toBe(false);
    expect(sessionExpired({ createdAt: t(0), lastSeenAt: t(0) }, t(31))).toBe(true);
  });
  it('expires after 12 hours however active', () => {
    expect(sessionExpired({ createdAt: t(0), lastSeenAt: t(719) }, t(720))).toBe(false);
    expect(sessionExpired({ createdAt: t(0), lastSeenAt: t(720) }, t(721))).toBe(true);
  });
});
