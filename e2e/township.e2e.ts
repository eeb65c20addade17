import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DEMO_PASSWORD, launch, loginAs, POLL } from './browser.js';

let browser: Browser;
let page: Page;
let otherTownId: number;

beforeAll(async () => {
  browser = await launch();
  // Another county's township, found through that county's own account.
  const ctx = await browser.newContext();
  await ctx.request.post(`${baseUrl()}/api/v1/auth/login`, { data: { username: 'q150521', password: DEMO_PASSWORD } });
  const roots = await (await ctx.request.get(`${baseUrl()}/api/v1/orgs/roots`)).json();
  const children = await (await ctx.request.get(`${baseUrl()}/api/v1/orgs/${roots.items[0].id}/children`)).json();
  otherTownId = children.items[0].id;
  await ctx.close();

  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await loginAs(page, 'z150502001', DEMO_PASSWORD);
  await page.getByTestId('dashboard-indicators').waitFor();
});
afterAll(() => browser?.close());

describe('a township account (科尔沁街道)', () => {
  it('sees its own township on the dashboard, counted from its subtree only', async () => {
    await expect.poll(() => page.getByTestId('dashboard-org').textContent(), POLL).toContain('科尔沁街道');
    const value = page.getByTestId('indicator-value-org.total');
    await value.waitFor();
    const shown = Number((await value.textContent())?.replace(/\D/g, ''));
    const api = await (await page.request.get(`${baseUrl()}/api/v1/indicators`)).json();
    expect(shown).toBe(api.items.find((i: { id: string }) => i.id === 'org.total').value);
    // The county above it is out of scope: its figures answer 404.
    const town = await (await page.request.get(`${baseUrl()}/api/v1/orgs/${api.org.id}`)).json();
    const county = town.ancestors.at(-1);
    expect((await page.request.get(`${baseUrl()}/api/v1/indicators?orgId=${county.id}`)).status()).toBe(404);
    // Counted over the subtree: the town itself plus its communities and branches, not the county's hundreds.
    expect(shown).toBeGreaterThan(5);
    expect(shown).toBeLessThan(100);
  });

  it('sees only its township in the org tree, and search stays inside it', async () => {
    await page.goto(`${baseUrl()}/orgs`);
    const tree = page.getByTestId('org-tree');
    await tree.waitFor();
    await expect.poll(() => tree.textContent(), POLL).toContain('科尔沁街道');
    expect(await tree.textContent()).not.toContain('科尔沁区委员会');
    const search = await page.request.get(`${baseUrl()}/api/v1/orgs?q=${encodeURIComponent('科尔沁左翼中旗')}`);
    expect((await search.json()).total).toBe(0);
  });

  it('gets 404 for another township by id, in the page and from the API', async () => {
    const api = await page.request.get(`${baseUrl()}/api/v1/orgs/${otherTownId}`);
    expect(api.status()).toBe(404);
    expect((await api.json()).error.message).toContain('不存在或无权访问');
    await page.goto(`${baseUrl()}/orgs/${otherTownId}`);
    await expect.poll(() => page.getByText('组织不存在或无权访问').count(), POLL).toBeGreaterThan(0);
  });
});
