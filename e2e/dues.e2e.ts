import { mkdirSync } from 'node:fs';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, baseUrl, DEMO_PASSWORD, launch, loginAs, POLL, SHOTS, signIn, today } from './browser.js';

interface Assessment {
  category: string;
  /** Yuan, `"12.50"`. */
  amount: string;
  basis: string;
}

interface MemberDues {
  member: { id: number; name: string; orgId: number };
  current: Assessment | null;
  months: { month: string; due: string | null; paymentId: number | null }[];
  arrears: { owedMonths: string[]; streak: number; owed: string; warning: string | null };
}

interface RosterItem {
  memberId: number;
  name: string;
  current: Assessment | null;
  owedMonths: number;
}

/** The page shows the API's `"1234.50"` as `¥1,234.50`. */
const yuan = (amount: string) => {
  const [whole = '0', cents = '00'] = amount.split('.');
  return `¥${new Intl.NumberFormat('zh-CN').format(BigInt(whole))}.${cents}`;
};

const height = async (locator: Locator) => (await locator.boundingBox())?.height ?? 0;

const year = Number(today().slice(0, 4));

let browser: Browser;
/** The member behind the demo's own account: left alone by the payment test. */
let ownMemberId: number;

beforeAll(async () => {
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(() => browser?.close());

describe('我的党费 on a phone (390×844), as the demo member account dangyuan', () => {
  it('signs in, opens 我的党费 from the menu, and sees the monthly amount with its basis, the months owed and the reminder', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await loginAs(page, 'dangyuan', DEMO_PASSWORD);
    // A member's account has no dashboard: it lands on its first page; the menu holds 我的党费.
    await page.getByTestId('menu-toggle').click();
    await page.locator('.ant-drawer .ant-menu-item').filter({ hasText: '我的党费' }).click();
    await page.waitForURL(/\/me\/dues$/);
    await page.getByTestId('my-dues').waitFor(POLL);

    // What the server says, shown as it says it: the demo links dangyuan to a member in arrears.
    const dues = (await (await page.request.get(`${API()}/me/dues?year=${year}`)).json()) as MemberDues;
    ownMemberId = dues.member.id;
    expect(dues.current).not.toBeNull();
    expect(dues.arrears.owedMonths.length).toBeGreaterThan(0);
    const current = dues.current as Assessment;
    expect(await page.getByTestId('dues-amount').textContent()).toBe(yuan(current.amount));
    expect(await page.getByTestId('dues-basis').textContent()).toContain(current.basis);
    expect(current.basis).toContain('中组发〔2008〕3号');

    const arrears = page.getByTestId('dues-arrears');
    expect(await arrears.getAttribute('data-owed')).toBe(String(dues.arrears.owedMonths.length));
    expect(await arrears.textContent()).toContain(`欠交 ${dues.arrears.owedMonths.length} 个月，共 ${yuan(dues.arrears.owed)}`);
    expect(dues.arrears.warning).not.toBeNull();
    expect(await arrears.textContent()).toContain(dues.arrears.warning);

    // The twelve months: each owed month of this year is marked owed, each paid one paid.
    const months = page.getByTestId('dues-month');
    expect(await months.count()).toBe(12);
    const owedThisYear = dues.arrears.owedMonths.filter((m) => m.startsWith(`${year}-`));
    expect(await page.locator('[data-testid="dues-month"][data-state="owed"]').count()).toBe(owedThisYear.length);
    const paidThisYear = dues.months.filter((m) => m.paymentId !== null).length;
    expect(await page.locator('[data-testid="dues-month"][data-state="paid"]').count()).toBe(paidThisYear);

    // Made for the phone: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}phone-my-dues.png`, fullPage: true });
    await page.close();
  });
});

describe('党费管理 as a township account (科尔沁街道, z150502001)', () => {
  let branchId: number;
  let member: RosterItem;

  it('an account not linked to a member is told so on 我的党费', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signIn(page, 'z150502001');
    await page.goto(`${baseUrl()}/me/dues`);
    const unlinked = page.getByTestId('my-dues-unlinked');
    await unlinked.waitFor(POLL);
    expect(await unlinked.textContent()).toContain('尚未关联党员信息');
    await page.close();
  });

  it('records a payment for a member in arrears through the 台账, and the months owed drop', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signIn(page, 'z150502001');
    // The demo data changes: pick a branch and a member owing dues through the live API.
    const branches = (await (await page.request.get(`${API()}/orgs?type=branch&pageSize=60`)).json()).items as { id: number }[];
    expect(branches.length).toBeGreaterThan(0);
    for (const b of branches) {
      const roster = (await (await page.request.get(`${API()}/dues/roster?orgId=${b.id}&year=${year}`)).json()).items as RosterItem[];
      const owing = roster.find((m) => m.owedMonths > 0 && m.current !== null && m.memberId !== ownMemberId);
      if (!owing) continue;
      branchId = b.id;
      member = owing;
      break;
    }
    expect(member, 'a member owing dues in a branch of the township').toBeDefined();

    await page.goto(`${baseUrl()}/dues?orgId=${branchId}&year=${year}`);
    const row = page.getByTestId('dues-roster').locator(`tbody tr.ant-table-row[data-row-key="${member.memberId}"]`);
    await row.waitFor(POLL);
    const owed = row.getByTestId('dues-owed');
    expect(await owed.getAttribute('data-owed')).toBe(String(member.owedMonths));
    await page.screenshot({ path: `${SHOTS}dues-roster.png`, fullPage: true });

    // 登记交纳: the owed months are offered, with the amount they come to.
    await row.getByTestId('dues-pay').click();
    const form = page.getByTestId('dues-pay-form');
    await form.waitFor(POLL);
    const total = page.getByTestId('dues-pay-total');
    await total.waitFor();
    expect(Number(await total.getAttribute('data-fen'))).toBeGreaterThan(0);
    const receiptNo = `E2E-${Date.now() % 1_000_000}`;
    await page.getByTestId('dues-pay-receiptNo').fill(receiptNo);
    await page.getByTestId('dues-pay-collectedBy').fill('支部组织委员');
    await page.screenshot({ path: `${SHOTS}dues-pay-modal.png` });
    await page.getByTestId('dues-pay-submit').click();
    // A fresh server runs its first compliance scan over the whole city: a write may wait for it.
    await form.waitFor({ state: 'detached', timeout: 60_000 });

    // The 台账 refreshes: fewer months owed, as the server now counts them.
    const after = (await (await page.request.get(`${API()}/members/${member.memberId}/dues?year=${year}`)).json()) as MemberDues;
    expect(after.arrears.owedMonths.length).toBeLessThan(member.owedMonths);
    await expect.poll(() => owed.getAttribute('data-owed'), POLL).toBe(String(after.arrears.owedMonths.length));

    // The member's dues drawer lists the payment with its receipt.
    await row.getByTestId('dues-member').click();
    const payment = page.getByTestId('dues-drawer').getByTestId('dues-payment').filter({ hasText: receiptNo });
    await payment.waitFor(POLL);
    expect(await payment.textContent()).toContain('收款人 支部组织委员');
    await page.close();
  }, 120_000);

  it('on a phone, the 核定标准 form fills the screen with controls at least 44px tall, and previews the amount with its basis', async () => {
    expect(member).toBeDefined();
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await signIn(page, 'z150502001');
    await page.goto(`${baseUrl()}/dues?orgId=${branchId}&year=${year}`);
    const row = page.getByTestId('dues-roster').locator(`tbody tr.ant-table-row[data-row-key="${member.memberId}"]`);
    await row.waitFor(POLL);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await height(row.getByTestId('dues-pay'))).toBeGreaterThanOrEqual(44);
    await page.screenshot({ path: `${SHOTS}phone-dues-roster.png` });

    await row.getByTestId('dues-assess').click();
    const form = page.getByTestId('dues-assess-form');
    await form.waitFor(POLL);
    const modal = page.locator('.ant-modal').filter({ has: form });
    // Measured once the zoom-in has ended: the modal takes the phone's whole width.
    await expect.poll(async () => (await modal.boundingBox())?.width ?? 0, POLL).toBeGreaterThanOrEqual(388);
    // 在职, 5000 元: 1% of the whole base (3000–5000 bracket, bracket tops included).
    await page.getByTestId('dues-assess-category').getByText('在职', { exact: true }).click();
    const base = page.getByTestId('dues-assess-base');
    await base.fill('5000');
    const targets = {
      month: page.locator('.ant-picker').filter({ has: page.getByTestId('dues-assess-from') }),
      category: page.getByTestId('dues-assess-category').locator('.ant-radio-button-wrapper').first(),
      base: page.locator('.ant-input-number').filter({ has: base }),
      submit: page.getByTestId('dues-assess-submit'),
    };
    for (const [name, target] of Object.entries(targets)) {
      expect(await height(target), `${name} is a 44px touch target`).toBeGreaterThanOrEqual(44);
    }
    const preview = page.getByTestId('dues-assess-calculated');
    await expect.poll(() => preview.textContent(), POLL).toContain('¥50.00');
    expect(await preview.textContent()).toContain('按1%交纳');
    expect(await preview.textContent()).toContain('第二条');
    await page.screenshot({ path: `${SHOTS}phone-dues-assess.png` });
    await page.close();
  });
});
