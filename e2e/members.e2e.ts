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
  it('filters the roll by 党龄段 and 年龄段, kept in the URL', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const login = await page.request.post(`${baseUrl()}/api/v1/auth/login`, { data: { username: 'z150525100', password: DEMO_PASSWORD } });
    expect(login.status()).toBe(200);
    const count = async (query: string) => (await (await page.request.get(`${baseUrl()}/api/v1/members?pageSize=1${query}`)).json()).total;
    const old = await count('&partyAgeBand=51');
    const oldOver61 = await count('&partyAgeBand=51&ageBand=61');
    expect(old).toBeGreaterThan(0);

    await page.goto(`${baseUrl()}/members`);
    const totalText = page.locator('.ant-pagination-total-text');
    await totalText.waitFor(POLL);
    const band = page.getByTestId('member-filter-partyAgeBand');
    await band.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '党龄51年及以上' }).click();
    await expect.poll(() => band.textContent(), POLL).toContain('党龄51年及以上');
    await expect.poll(() => new URL(page.url()).searchParams.get('partyAgeBand'), POLL).toBe('51');
    await expect.poll(() => totalText.textContent(), POLL).toBe(`共 ${old} 名党员`);

    // Reloaded, the filters come back from the URL (the export link repeats them).
    await page.goto(`${baseUrl()}/members?partyAgeBand=51&ageBand=61`);
    await expect.poll(() => page.locator('.ant-pagination-total-text').textContent(), POLL).toBe(`共 ${oldOver61} 名党员`);
    expect(await page.getByTestId('member-filter-ageBand').textContent()).toContain('61岁及以上');
    expect(await page.getByTestId('member-export').getAttribute('href')).toContain('partyAgeBand=51');
    await page.close();
  });
});
