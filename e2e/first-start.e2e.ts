import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DEMO_PASSWORD, launch, POLL } from './browser.js';
import { startServer, waitFor } from './global-setup.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('首次启动 (a first start on an empty data dir)', () => {
  it('serves the web at once with the demo load’s progress, then the login page, and the demo accounts work', async () => {
    // Its own server on its own empty data dir: the shared one is long past its first start.
    const { server, stop, baseUrl } = startServer(8182, { JISHI_DEMO_SCALE: 'small' });
    try {
      await waitFor(server, `${baseUrl}/api/v1/status`, 200, 60_000, 50);
      const status = await (await fetch(`${baseUrl}/api/v1/status`)).json();
      expect(status.ready).toBe(false);

      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      await page.goto(`${baseUrl}/login`);
      const preparing = page.getByTestId('preparing');
      await expect.poll(() => preparing.textContent(), POLL).toMatch(/正在准备演示数据… \d+%/);

      // When the data is in, the same page turns into the login form by itself.
      await expect.poll(() => page.getByTestId('login-username').count(), { timeout: 120_000 }).toBe(1);
      expect(await preparing.count()).toBe(0);
      await page.getByTestId('login-username').fill('q150502');
      await page.getByTestId('login-password').fill(DEMO_PASSWORD);
      await page.getByTestId('login-submit').click();
      await expect.poll(() => page.url(), POLL).not.toContain('/login');
      await page.close();
    } finally {
      await stop();
    }
  }, 180_000);

  it('never lets a browser cache the page itself (at /, /index.html or a page path), only the hashed assets', async () => {
    for (const path of ['/', '/index.html', '/members']) {
      const res = await fetch(`${baseUrl()}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
    }
    const html = await (await fetch(`${baseUrl()}/`)).text();
    const asset = html.match(/\/assets\/[^"]+\.js/)?.[0];
    expect(asset).toBeDefined();
    expect((await fetch(`${baseUrl()}${asset}`)).headers.get('cache-control')).toContain('max-age=3600');
  });
});
