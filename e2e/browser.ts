import { type Browser, chromium, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

/** Debian's Chromium, never a downloaded build; flags keep it off the (closed) network. */
export const launch = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

export const baseUrl = () => inject('baseUrl');

/** The machine may be busy (a page waits on its session, then its data): give polled UI states time to settle. */
export const POLL = { timeout: 15_000 };

/** Logs in through the login page and waits for the app shell. */
export const loginAs = async (page: Page, username: string, password: string) => {
  await page.goto(`${baseUrl()}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
};

/** The password of the demo's county, township and system accounts. */
export const DEMO_PASSWORD = 'Tongliao@2021';

/** The auditor's password after its forced change (whichever test file gets there first changes it). */
export const AUDITOR_PASSWORD = 'Shenji-Changed-2026';

/** An API context signed in as the auditor, changing the initial password if no test has yet. */
export const auditorContext = async (browser: Browser) => {
  const ctx = await browser.newContext();
  const login = (password: string) => ctx.request.post(`${baseUrl()}/api/v1/auth/login`, { data: { username: 'auditor', password } });
  if ((await login(AUDITOR_PASSWORD)).status() !== 200) {
    await login(inject('adminPassword'));
    await ctx.request.post(`${baseUrl()}/api/v1/auth/password`, {
      data: { oldPassword: inject('adminPassword'), newPassword: AUDITOR_PASSWORD },
    });
  }
  return ctx;
};

/** Where browser tests leave their screenshots. */
export const SHOTS = new URL('../.tmp/screenshots/', import.meta.url).pathname;

/** The API under test. */
export const API = () => `${baseUrl()}/api/v1`;

/** Today in Beijing, as the server's business dates count. */
export const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/**
 * Types a date into an antd DatePicker and commits it: the panel is opened first (typed text is
 * otherwise dropped on blur), and Tab confirms it without submitting the form.
 */
export const pickDate = async (page: Page, testId: string, date: string) => {
  const input = page.getByTestId(testId);
  await input.click();
  // The previous picker's panel may still be fading out: wait for this one's.
  await page.locator('.ant-picker-dropdown:visible:not(.ant-slide-up-leave)').waitFor();
  await input.fill(date);
  await input.press('Tab');
  await expect.poll(() => input.inputValue(), POLL).toBe(date);
};

/** Signs the page in through the API (the page shares the cookies), so it opens pages straight away. */
export const signIn = async (page: Page, username: string, password = DEMO_PASSWORD) => {
  const res = await page.request.post(`${API()}/auth/login`, { data: { username, password } });
  expect(res.status()).toBe(200);
};
