import { mkdirSync } from 'node:fs';
import { addDays, idCheckChar } from '@jishi/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, baseUrl, DEMO_PASSWORD, launch, POLL, pickDate, SHOTS, signIn, today } from './browser.js';

interface Org {
  id: number;
  code: string;
  name: string;
}
interface Member {
  id: number;
  name: string;
  orgId: number;
}

/** A member of the branch with no letter pending (the demo data has a few), so a new letter may be issued. */
const freeMemberOf = async (page: Page, orgId: number): Promise<Member> => {
  const roll = await (await page.request.get(`${API()}/members?orgId=${orgId}&pageSize=50`)).json();
  for (const m of roll.items as Member[]) {
    const letters = (await (await page.request.get(`${API()}/members/${m.id}/transfers`)).json()).items as { status: string }[];
    if (!letters.some((l) => l.status === 'pending')) return m;
  }
  throw new Error(`no member of org ${orgId} is free to transfer`);
};

/** Opens a member's drawer from a branch's roll: searched by name, picked by id (names repeat). */
const openMember = async (page: Page, orgId: number, member: Member) => {
  await page.goto(`${baseUrl()}/members?orgId=${orgId}`);
  await page.getByTestId('member-search').fill(member.name);
  const row = page.getByTestId('member-table').locator(`tbody tr.ant-table-row[data-row-key="${member.id}"]`);
  await row.waitFor(POLL);
  await row.click();
  await page.getByTestId('member-drawer').getByTestId('member-detail').waitFor();
  return row;
};

/** The rows of the transfer table that carry a letter number. */
const rowOf = (page: Page, letterNo: string) =>
  page.getByTestId('transfer-table').locator('tbody tr.ant-table-row').filter({ hasText: letterNo });

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(() => browser?.close());

describe('组织关系转接 (科尔沁区, a county that sees both branches)', () => {
  let page: Page;
  let from: Org;
  let to: Org;
  const stamp = Date.now();

  it('issues a letter from one branch to another, sees it pending under 转出, receives it under 转入, and finds the member on the new roll', async () => {
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signIn(page, 'q150502');

    // Two hospital branches of the county (their codes are unique).
    const branches = (await (await page.request.get(`${API()}/orgs?q=150502-WS&type=branch&pageSize=10`)).json()).items as Org[];
    expect(branches.length).toBeGreaterThanOrEqual(2);
    [from, to] = branches.sort((a, b) => a.code.localeCompare(b.code)) as [Org, Org];
    const member = await freeMemberOf(page, from.id);
    // A branch of another county (奈曼旗), found through that county's own account.
    const other = await browser.newContext();
    await other.request.post(`${API()}/auth/login`, { data: { username: 'q150525', password: DEMO_PASSWORD } });
    const outside = (await (await other.request.get(`${API()}/orgs?type=branch&pageSize=1`)).json()).items[0] as Org;
    await other.close();
    await openMember(page, from.id, member);
    const drawer = page.getByTestId('member-drawer');
    await drawer.getByTestId('member-transfer').waitFor();

    // The letter form: a code that names no branch is refused by the server at the code field.
    await page.getByTestId('member-transfer').click();
    await page.getByTestId('transfer-form').waitFor();
    const letterNo = `科组转〔2026〕${stamp % 100000}号`;
    const issuedAt = addDays(today(), -5);
    await page.getByTestId('transfer-toOrgCode').click();
    await page.keyboard.type('150502-NO-SUCH');
    // The lookup by code says so under the field (wait for it: the form below moves as the hint changes).
    await page.getByTestId('transfer-target-missing').waitFor(POLL);
    await page.getByTestId('transfer-letterNo').fill(letterNo);
    await pickDate(page, 'transfer-issuedAt', issuedAt);
    await page.getByTestId('transfer-submit').click();
    const fieldError = page.getByTestId('transfer-form').locator('.ant-form-item-explain-error');
    await expect.poll(() => fieldError.first().textContent(), POLL).toContain('找不到代码为「150502-NO-SUCH」的在册党支部');

    // A branch of another county is not in the suggestions, but its code is confirmed by name.
    await page.getByTestId('transfer-toOrgCode').click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(outside.code);
    await expect.poll(() => page.getByTestId('transfer-target-name').textContent(), POLL).toContain(outside.name);

    // The receiving branch, found by its code among the county's branches.
    await page.getByTestId('transfer-toOrgCode').click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(to.code);
    const option = page.locator('.ant-select-item-option').filter({ hasText: to.name }).first();
    await option.waitFor();
    await option.click();
    await expect.poll(() => page.getByTestId('transfer-target-name').textContent(), POLL).toContain(to.name);
    await page.getByTestId('transfer-submit').click();
    await page.getByTestId('transfer-form').waitFor({ state: 'detached' });

    // The drawer shows the letter pending, and no second letter can be started meanwhile.
    const history = drawer.getByTestId('transfer-history-item');
    await expect.poll(() => history.first().getAttribute('data-status'), POLL).toBe('pending');
    expect(await history.first().textContent()).toContain(`${from.name} → ${to.name}`);
    expect(await page.getByTestId('member-transfer').isDisabled()).toBe(true);

    // 转出: pending (待接收), with 撤回 offered.
    await page.goto(`${baseUrl()}/transfers?direction=out`);
    await rowOf(page, letterNo).waitFor();
    expect(await rowOf(page, letterNo).getByTestId('transfer-status').textContent()).toBe('待接收');
    expect(await rowOf(page, letterNo).getByTestId('transfer-cancel').count()).toBe(1);

    // 转入: received two days ago.
    await page.getByTestId('transfer-tabs').getByRole('tab', { name: /转入/ }).click();
    await expect.poll(() => page.getByTestId('transfer-table').getAttribute('data-direction'), POLL).toBe('in');
    await rowOf(page, letterNo).getByTestId('transfer-receive').click();
    await page.getByTestId('receive-form').waitFor();
    await pickDate(page, 'receive-date', addDays(today(), -2));
    await page.getByTestId('receive-submit').click();
    await page.getByTestId('receive-form').waitFor({ state: 'detached' });
    await expect.poll(() => rowOf(page, letterNo).getByTestId('transfer-status').textContent(), POLL).toBe('已接收');
    expect(await rowOf(page, letterNo).getByTestId('transfer-receive').count()).toBe(0);

    // The server agrees: received on that day, and the member now belongs to the receiving branch.
    const moved = await (await page.request.get(`${API()}/members/${member.id}`)).json();
    expect(moved.orgId).toBe(to.id);
    const letters = (await (await page.request.get(`${API()}/members/${member.id}/transfers`)).json()).items;
    expect(letters[0]).toMatchObject({ letterNo, status: 'received', issuedAt, receivedAt: addDays(today(), -2), toOrgId: to.id });

    // The receiving branch's roll lists the member; the drawer shows the new branch and the history.
    const row = await openMember(page, to.id, member);
    expect(await row.textContent()).toContain(to.name);
    await expect.poll(() => drawer.getByTestId('transfer-history-item').first().getAttribute('data-status'), POLL).toBe('received');
    expect(await drawer.getByTestId('member-detail').textContent()).toContain(to.name);
    expect(await drawer.getByTestId('transfer-history').textContent()).toContain(letterNo);
  }, 120_000); // Three pages and two dialogs: more than the suite's default minute on a busy machine.

  it('at phone width (390 px) the page has no page-wide horizontal scrolling, and a pending letter is withdrawn (撤回)', async () => {
    expect(to).toBeDefined();
    // A second letter, issued through the API from the other branch, to withdraw in the page.
    const member = await freeMemberOf(page, to.id);
    const letterNo = `科组转〔2026〕${(stamp % 100000) + 1}号`;
    const issued = await page.request.post(`${API()}/members/${member.id}/transfers`, {
      data: { toOrgCode: from.code, letterNo, issuedAt: today() },
    });
    expect(issued.status()).toBe(201);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl()}/transfers?direction=out&status=pending`);
    await rowOf(page, letterNo).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}phone-transfers.png`, fullPage: true });
    await rowOf(page, letterNo).getByTestId('transfer-cancel').click();
    await page.getByTestId('transfer-cancel-confirm').click();
    // Filtered on 待接收, the withdrawn letter leaves the list; the server has it as 已撤回.
    await rowOf(page, letterNo).waitFor({ state: 'detached', ...POLL });
    const letters = (await (await page.request.get(`${API()}/members/${member.id}/transfers`)).json()).items;
    expect(letters[0]).toMatchObject({ letterNo, status: 'cancelled' });

    // The member drawer with its history stays within the phone's width too.
    await openMember(page, to.id, member);
    await page.getByTestId('transfer-history').waitFor(POLL);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}phone-member-transfers.png`, fullPage: true });
    await page.close();
  });

  it('registers a member whose letter comes from outside the system (登记系统外转入), with the member form of 登记党员', async () => {
    expect(from).toBeDefined();
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signIn(page, 'q150502');
    // Born 1970 in 科尔沁区, a 99x sequence (odd: male), with its check character.
    const birth = `1970${String((stamp % 12) + 1).padStart(2, '0')}${String((Math.floor(stamp / 12) % 28) + 1).padStart(2, '0')}`;
    const first17 = `150502${birth}99${(Math.floor(stamp / 336) % 5) * 2 + 1}`;
    const letterNo = `赤组转〔2026〕${stamp % 100000}号`;
    const origin = '中共赤峰市红山区委组织部';

    await page.goto(`${baseUrl()}/transfers`);
    await page.getByTestId('transfer-inbound').click();
    const form = page.getByTestId('inbound-form');
    await form.waitFor();
    await page.getByTestId('inbound-origin').fill(origin);
    await page.getByTestId('inbound-letterNo').fill(letterNo);
    await pickDate(page, 'inbound-issuedAt', addDays(today(), -10));
    await pickDate(page, 'inbound-receivedAt', addDays(today(), -3));
    await page.getByTestId('inbound-name').fill('白文华');
    await page.getByTestId('inbound-idNumber').fill(first17 + idCheckChar(first17));
    await page.getByTestId('inbound-id-derived').waitFor();
    await page.getByTestId('inbound-org').click();
    await page.keyboard.type(from.code);
    const option = page.locator('.ant-select-item-option').filter({ hasText: from.name }).first();
    await option.waitFor(POLL);
    await option.click();
    await pickDate(page, 'inbound-joinedAt', '1995-07-01');
    await pickDate(page, 'inbound-fullMemberAt', '1996-07-01');
    await page.getByTestId('inbound-submit').click();
    await form.waitFor({ state: 'detached', ...POLL });

    // The new member opens, in the receiving branch, with the letter already received.
    const drawer = page.getByTestId('member-drawer');
    await expect.poll(() => drawer.getByTestId('transfer-history-item').first().getAttribute('data-status'), POLL).toBe('received');
    expect(await drawer.getByTestId('member-detail').textContent()).toContain(from.name);
    expect(await drawer.getByTestId('transfer-history').textContent()).toContain(`${origin} → ${from.name}`);
    const letters = (await (await page.request.get(`${API()}/transfers?direction=in&status=received`)).json()).items;
    expect(letters.find((l: { letterNo: string }) => l.letterNo === letterNo)).toMatchObject({
      origin,
      toOrgId: from.id,
      issuedAt: addDays(today(), -10),
      receivedAt: addDays(today(), -3),
    });
    await page.close();
  });
});
