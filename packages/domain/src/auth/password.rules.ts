/**
 * Account security rules. GB/T 22239-2019 (等保2.0) 8.1.4.1 身份鉴别 asks for complex passwords
 * changed periodically, lockout after failed logins and session timeouts; the numbers are ours.
 */
export const AuthLimits = {
  minPasswordLength: 12,
  minCharClasses: 3,
  maxFailedLogins: 5,
  lockMinutes: 30,
  idleMinutes: 30,
  absoluteHours: 12,
} as const;

/** Returns a Chinese reason why `password` is too weak, or null. */
export const passwordWeakness = (password: string, username?: string): string | null => {
  if (password.length < AuthLimits.minPasswordLength) return `密码长度不能少于${AuthLimits.minPasswordLength}位`;
  if (password.length > 128) return '密码长度不能超过128位';
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < AuthLimits.minCharClasses) return '密码须包含大写字母、小写字母、数字、特殊字符中的至少三类';
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  return null;
};

/** After a failed login, the lock end time (or null while under the limit). */
export const lockUntilAfterFailure = (failedCount: number, now: Date): Date | null =>
  failedCount >= AuthLimits.maxFailedLogins ? new Date(now.getTime() + AuthLimits.lockMinutes * 60_000) : null;

/** A session expires after 30 idle minutes or 12 hours in all, whichever comes first. */
export const sessionExpired = (s: { createdAt: Date; lastSeenAt: Date }, now: Date): boolean =>
  now.getTime() - s.lastSeenAt.getTime() > AuthLimits.idleMinutes * 60_000 ||
  now.getTime() - s.createdAt.getTime() > AuthLimits.absoluteHours * 3_600_000;
