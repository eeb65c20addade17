/**
 * A fixed-window counter of attempts per IP (logins, 测评 ballots), per process. Several processes behind a load
 * balancer each keep their own, so the effective limit is per process (docs/deploy.md).
 */
export const ipLimiter = (perMinute: number) => {
  const windows = new Map<string, { start: number; count: number }>();
  return (ip: string, now: number): boolean => {
    const w = windows.get(ip);
    if (!w || now - w.start >= 60_000) {
      if (windows.size > 10_000) windows.clear();
      windows.set(ip, { start: now, count: 1 });
      return true;
    }
    w.count++;
    return w.count <= perMinute;
  };
};
