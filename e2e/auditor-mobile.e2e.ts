import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AUDITOR_PASSWORD, baseUrl, DEMO_PASSWORD, launch, loginAs, POLL, SHOTS } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(() => browser?.close());

describe('the auditor', () => {
  it('lands on the audit log, sees logins, verifies the chain and exports', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await loginAs(page, 'auditor', inject('adminPassword'));
    // The first test file to sign in as the auditor changes its password; this one may come later.
    const mustChange = await page.waitForURL(/change-password/, { timeout: 10_000 }).then(
      () => true,
      () => false,
    );
    if (mustChange) {
      await page.getByTestId('change-old').fill(inject('adminPassword'));
      await page.getByTestId('change-new').fill(AUDITOR_PASSWORD);
      await page.getByTestId('change-confirm').fill(AUDITOR_PASSWORD);
      await page.getByTestId('change-submit').click();
    } else {
      await loginAs(page, 'auditor', AUDITOR_PASSWORD);
    }
    await page.waitForURL(/\/audit/);
    const table = page.getByTestId('audit-table');
    await expect.poll(() => table.textContent(), POLL).toContain('登录');
    await page.getByTestId('audit-verify').click();
    await expect.poll(() => page.getByTestId('audit-verify-result').textContent(), POLL).toMatch(/完整|通过/);
    const exported = await page.request.get(`${baseUrl()}/api/v1/audit/export`);
    expect(exported.status()).toBe(200);
    expect(exported.headers()['content-type']).toContain('spreadsheetml');
    // The auditor has no business menu.
    expect(await page.getByRole('menuitem', { name: '组织管理' }).count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}audit.png` });
    await page.close();
  });
});

describe('on a phone (390×844)', () => {
  it('a township secretary opens the menu drawer and browses the org tree', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await loginAs(page, 'z150525100', DEMO_PASSWORD);
    await page.getByTestId('dashboard-indicators').waitFor();
    await page.screenshot({ path: `${SHOTS}phone-dashboard.png` });
    // No horizontal scrolling on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByTestId('menu-toggle').click();
    await page.getByRole('menuitem', { name: '组织管理' }).click();
    await page.getByTestId('org-tree').waitFor();
    await expect.poll(() => page.getByTestId('org-detail').textContent(), POLL).toContain('大沁他拉镇');
    await page.screenshot({ path: `${SHOTS}phone-orgs.png` });
    await page.close();
  });

  it('the desktop dashboard renders its charts at 1366×768', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await loginAs(page, 'q150502', DEMO_PASSWORD);
    await page.getByTestId('dashboard-indicators').waitFor();
    await page.locator('canvas').first().waitFor();
    await page.screenshot({ path: `${SHOTS}dashboard.png`, fullPage: true });
    await page.goto(`${baseUrl()}/orgs`);
    await page.getByTestId('org-detail').waitFor();
    await page.screenshot({ path: `${SHOTS}orgs.png` });
    await page.close();
  });
});
