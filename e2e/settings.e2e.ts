import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { baseUrl, launch, loginAs, POLL, pickDate } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('the system administrator keeps the business calendar', () => {
  it('sees that next year is not entered yet, adds its 元旦, and the deadline calendar counts it', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await loginAs(page, 'sysadmin', inject('adminPassword'));
    await page.waitForURL(/change-password/);
    await page.getByTestId('change-old').fill(inject('adminPassword'));
    await page.getByTestId('change-new').fill('Xitong-Changed-2026');
    await page.getByTestId('change-confirm').fill('Xitong-Changed-2026');
    await page.getByTestId('change-submit').click();
    await page.waitForURL((u) => !u.pathname.includes('change-password'));
    await page.goto(`${baseUrl()}/settings/calendar`);
    const next = Number(new Date().getFullYear()) + 1;
    await page.getByTestId('calendar-missing').waitFor();
    await page.getByTestId('calendar-add').click();
    await pickDate(page, 'calendar-day-date', `${next}-01-01`);
    const form = page.getByTestId('calendar-day-form');
    await form.getByLabel('名称').fill('元旦');
    await page.getByTestId('calendar-day-save').click();
    await expect.poll(() => page.getByTestId('calendar-days').textContent(), POLL).toContain(`${next}-01-01`);
    expect(await page.getByTestId('calendar-days').textContent()).toContain('管理员添加');
    const year = await (await page.request.get(`${baseUrl()}/api/v1/settings/calendar?year=${next}`)).json();
    expect(year.items).toContainEqual({ date: `${next}-01-01`, kind: 'holiday', name: '元旦', source: 'added' });

    // The nightly work, run now: the counts read in Chinese, and the run is on the audit record.
    await page.goto(`${baseUrl()}/settings/jobs`);
    await page.getByTestId('job-run-workflow-deadlines').click();
    await expect.poll(() => page.getByTestId('job-result').textContent(), { timeout: 60_000 }).toContain('在办流程');
    expect(await page.getByTestId('job-result').textContent()).not.toMatch(/open|raised/);
    await page.close();
  });
});
