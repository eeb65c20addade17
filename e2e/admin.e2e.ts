import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { baseUrl, launch, loginAs, POLL } from './browser.js';

const NEW_ADMIN_PASSWORD = 'Zuzhibu-Changed-2026';
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** Fills the forced password change form. */
const changePassword = async (page: Page, oldPassword: string, newPassword: string) => {
  await page.getByTestId('change-old').fill(oldPassword);
  await page.getByTestId('change-new').fill(newPassword);
  await page.getByTestId('change-confirm').fill(newPassword);
  await page.getByTestId('change-submit').click();
};

describe('the 组织部 admin', () => {
  it('must change the initial password, then sees the whole city', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await loginAs(page, 'admin', inject('adminPassword'));
    await page.waitForURL(/change-password/);
    // Refused until changed: the API says so too.
    expect((await page.request.get(`${baseUrl()}/api/v1/orgs/roots`)).status()).toBe(403);
    await changePassword(page, inject('adminPassword'), 'short');
    expect(await page.getByTestId('change-submit').isVisible()).toBe(true);
    await page.getByTestId('change-new').fill('');
    await changePassword(page, inject('adminPassword'), NEW_ADMIN_PASSWORD);
    await page.getByTestId('dashboard-indicators').waitFor();
    await expect.poll(() => page.getByTestId('dashboard-org').textContent(), POLL).toContain('中共通辽市委员会');
    const total = Number((await page.getByTestId('indicator-value-org.total').textContent())?.replace(/\D/g, ''));
    expect(total).toBeGreaterThan(8000);
    // Money reads with thousands separators and two decimals, in 万元 from 10,000 元 on, never a float.
    const api = await (await page.request.get(`${baseUrl()}/api/v1/indicators`)).json();
    const due = api.items.find((i: { id: string }) => i.id === 'dues.due');
    expect(due).toMatchObject({ kind: 'money', value: expect.stringMatching(/^\d+\.\d{2}$/) });
    expect(await page.getByTestId('indicator-value-dues.due').textContent()).toMatch(/^\d{1,3}(,\d{3})*\.\d{2}$/);
    expect(await page.getByTestId('indicator-dues.due').textContent()).toContain(Number(due.value) >= 10_000 ? '万元' : '元');
    await page.close();
  });

  it('creates a township account in the UI; that account sees only its township', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await loginAs(page, 'admin', NEW_ADMIN_PASSWORD);
    await page.getByTestId('dashboard-indicators').waitFor();
    await page.goto(`${baseUrl()}/users`);
    await page.getByTestId('user-create').click();
    const modal = page.locator('.ant-modal').filter({ hasText: '新建账号' });
    await modal.getByLabel('用户名').fill('daqinta_e2e');
    await modal.getByLabel('姓名').fill('王敖日格乐');
    await modal.getByLabel('初始密码', { exact: true }).fill('Township-Init-2026');
    await modal.getByLabel('确认初始密码').fill('Township-Init-2026');
    await modal.getByRole('button', { name: '添加权限' }).click();
    const orgPicker = modal.locator('.ant-select').nth(1);
    await orgPicker.click();
    await page.keyboard.type('大沁他拉镇');
    const option = page.locator('.ant-select-item-option').filter({ hasText: '中共大沁他拉镇委员会' }).first();
    await option.waitFor();
    await option.click();
    await modal.getByRole('button', { name: /创\s*建/ }).click();
    await expect.poll(() => page.getByTestId('user-table').textContent(), POLL).toContain('daqinta_e2e');

    const fresh = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await loginAs(fresh, 'daqinta_e2e', 'Township-Init-2026');
    await fresh.waitForURL(/change-password/);
    await changePassword(fresh, 'Township-Init-2026', 'Township-Mine-2026');
    await fresh.getByTestId('dashboard-indicators').waitFor();
    await expect.poll(() => fresh.getByTestId('dashboard-org').textContent(), POLL).toContain('大沁他拉镇');
    const roots = await (await fresh.request.get(`${baseUrl()}/api/v1/orgs/roots`)).json();
    expect(roots.items.map((o: { name: string }) => o.name)).toEqual(['中共大沁他拉镇委员会']);
    await fresh.close();
    await page.close();
  });
});
