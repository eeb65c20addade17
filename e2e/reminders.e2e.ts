import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DEMO_PASSWORD, launch, POLL } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('待办提醒 (the header bell)', () => {
  it('a township sees its open reminders counted on the bell, overdue ones marked, and follows one to the applicant', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const login = await page.request.post(`${baseUrl()}/api/v1/auth/login`, { data: { username: 'z150525100', password: DEMO_PASSWORD } });
    expect(login.status()).toBe(200);
    // The daily job also runs at start-up, so the demo has reminders raised.
    const api = await (await page.request.get(`${baseUrl()}/api/v1/reminders?status=open`)).json();
    expect(api.total).toBeGreaterThan(0);

    await page.goto(`${baseUrl()}/members`);
    const bell = page.getByTestId('reminder-bell');
    await expect.poll(() => bell.getAttribute('data-total'), POLL).toBe(String(api.total));
    expect(await bell.getAttribute('data-overdue')).toBe(String(api.overdue));
    await bell.click();
    const items = page.getByTestId('reminder-drawer').getByTestId('reminder-item');
    await expect.poll(() => items.count(), POLL).toBe(Math.min(api.total, 20));
    const overdueShown = await page.getByTestId('reminder-drawer').locator('[data-testid="reminder-item"][data-overdue="true"]').count();
    expect(overdueShown).toBe(Math.min(api.overdue, 20));

    // The soonest due 发展党员 reminder opens its applicant (a 换届 reminder opens its org instead).
    const index = (api.items as { kind: string }[]).findIndex((r) => r.kind === 'development');
    expect(index).toBeGreaterThanOrEqual(0);
    expect(index).toBeLessThan(20);
    const first = api.items[index] as { subjectId: number; title: string };
    await items.nth(index).getByTestId('reminder-link').click();
    await page.waitForURL(new RegExp(`/development/${first.subjectId}$`));
    await page.getByTestId('dev-applicant').waitFor(POLL);
    const applicantName = first.title.split('：')[0];
    await expect.poll(() => page.locator('.ant-card-head-title').first().textContent(), POLL).toBe(`入党申请人 · ${applicantName}`);
    await page.close();
  });
});
