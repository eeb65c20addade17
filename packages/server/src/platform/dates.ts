/** Today's business date (Asia/Shanghai) as YYYY-MM-DD. */
export const businessDate = (now: Date): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
