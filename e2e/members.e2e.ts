import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditorContext, baseUrl, DEMO_PASSWORD, launch, loginAs, POLL } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('the member roll (党员管理)', () => {
  it('a township sees its own members masked; revealing an ID needs a reason and leaves an audit row', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await loginAs(page, 'z150525100', DEMO_PASSWORD);
    await page.getByTestId('dashboard-indicators').waitFor();
    await page.goto(`${baseUrl()}/members`);
    const table = page.getByTestId('member-table');
    // The roll loads after the scope roots and the org (a whole township: give it time on a busy machine).
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count(), POLL).toBeGreaterThan(5);
    // Masked everywhere in the list: no full 18-character ID number on the page.
    expect(await table.textContent()).toMatch(/\d{6}\*{8}[\dX]{4}/);
    expect(await table.textContent()).not.toMatch(/\d{17}[\dX]/);
    // Every row belongs to the township's subtree.
    const api = await (await page.request.get(`${baseUrl()}/api/v1/members?pageSize=200`)).json();
    expect(api.total).toBeGreaterThan(100);
    const roots = await (await page.request.get(`${baseUrl()}/api/v1/orgs/roots`)).json();
    expect(roots.items[0].name).toContain('大沁他拉镇');

    await table.locator('tbody tr.ant-table-row').first().click();
    await page.getByTestId('member-drawer').waitFor();
    await page.getByTestId('member-reveal-idNumber').click();
    await page.getByTestId('reveal-submit').click();
    // Refused without a reason: nothing revealed.
    expect(await page.getByTestId('revealed-value').count()).toBe(0);
    await page.getByTestId('reveal-reason').fill('核对组织关系转接材料');
    await page.getByTestId('reveal-submit').click();
    const revealed = page.getByTestId('revealed-value').first();
    await revealed.waitFor();
    expect(await revealed.textContent()).toMatch(/^\d{17}[\dX]$/);
    await page.close();

    // The auditor sees the reveal with its reason.
    const audit = await auditorContext(browser);
    const rows = await (await audit.request.get(`${baseUrl()}/api/v1/audit?action=member.reveal`)).json();
    expect(
      rows.items.some(
        (r: { actorName: string; detail: { reason: string } }) =>
          r.actorName === 'z150525100' && r.detail.reason === '核对组织关系转接材料',
      ),
    ).toBe(true);
    await audit.close();
  });
});
