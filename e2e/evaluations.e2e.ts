import { mkdirSync } from 'node:fs';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, baseUrl, DEMO_PASSWORD, launch, POLL, SHOTS, today } from './browser.js';

interface Entry {
  id: number;
  orgId: number;
  orgName: string;
  stage: number;
  publicityTo: string | null;
  openObjections: number;
}

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const TOWNSHIP = 'z150525100'; // 大沁他拉镇, 奈曼旗
const COUNTY = 'q150525';
const NEW_PASSWORD = 'Zhibu-Shuji-2026!';

let browser: Browser;
const contexts: BrowserContext[] = [];

/** A browser context signed in through the API (its pages share the cookie). */
const contextFor = async (username: string, password = DEMO_PASSWORD, options = {}) => {
  const ctx = await browser.newContext(options);
  contexts.push(ctx);
  const res = await ctx.request.post(`${API()}/auth/login`, { data: { username, password } });
  expect(res.status(), `login ${username}`).toBe(200);
  return ctx;
};

/** A branch secretary's account for `orgId`, made by the township, with its first password changed. */
const branchSecretary = async (township: APIRequestContext, orgId: number, options = {}) => {
  const username = `e2e_zb_${orgId}_${Date.now() % 100000}`;
  const initial = 'Chushi-Mima-2026!';
  const made = await township.post(`${API()}/users`, {
    data: { username, displayName: '支部书记', password: initial, grants: [{ role: 'branch_admin', orgId }] },
  });
  expect(made.status(), await made.text()).toBe(201);
  const ctx = await contextFor(username, initial, options);
  const changed = await ctx.request.post(`${API()}/auth/password`, { data: { oldPassword: initial, newPassword: NEW_PASSWORD } });
  expect(changed.status(), await changed.text()).toBe(200);
  return ctx;
};

const currentKind = (page: Page) => page.getByTestId('entry-current').getAttribute('data-kind');

beforeAll(async () => {
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

describe('分类定级: one branch through every step, on phones where the branch and the voter are', () => {
  it('self-assessment, a vote by code (twice refused), township score, county approval, then the level; 公示 ends and results are published', async () => {
    const township = await contextFor(TOWNSHIP);
    const county = await contextFor(COUNTY);
    const year = Number(today().slice(0, 4));
    const rounds = (await (await township.request.get(`${API()}/evaluation/rounds?programme=branch_grading&year=${year}`)).json()).items;
    expect(rounds.length, 'this year’s 分类定级 round in the demo').toBeGreaterThan(0);
    const roundId = rounds[0].id as number;
    const atSelf = (await (await township.request.get(`${API()}/evaluation/rounds/${roundId}/entries?stage=0&pageSize=50`)).json())
      .items as Entry[];
    expect(atSelf.length, 'a branch of 大沁他拉镇 still to file its self-assessment').toBeGreaterThan(0);
    const entry = atSelf[0] as Entry;

    // The branch secretary files the self-assessment on a phone.
    const branch = await branchSecretary(township.request, entry.orgId, PHONE);
    const phone = await branch.newPage();
    await phone.goto(`${baseUrl()}/evaluations/entries/${entry.id}`);
    await phone.getByTestId('self-form').waitFor(POLL);
    await phone.getByTestId('self-deduction').first().fill('1');
    await phone.getByTestId('self-summary').fill('全年按期召开“三会一课”，党费按月足额交纳，发展青年党员1名。');
    await phone.getByTestId('self-submit').click();
    await expect.poll(() => currentKind(phone), POLL).toBe('ballot');
    await phone.getByTestId('self-record').waitFor(POLL);

    // Codes for the members, shown once.
    await phone.getByTestId('codes-count').fill('2');
    await phone.getByTestId('codes-generate').click();
    await phone.getByTestId('codes-list').waitFor(POLL);
    const printed = await phone.getByTestId('codes-list').locator('.ballot-code').allTextContents();
    expect(printed).toHaveLength(2);
    const code = (printed[0] as string).replace('-', '');
    await phone.screenshot({ path: `${SHOTS}evaluation-codes.png` });
    await phone.getByTestId('codes-close').click();

    // A member votes on a phone with no account; the same code cannot vote again.
    const voter = await browser.newContext(PHONE);
    contexts.push(voter);
    const vote = await voter.newPage();
    await vote.goto(`${baseUrl()}/vote?code=${code}`);
    await expect.poll(() => vote.getByTestId('vote-org').textContent(), POLL).toBe(entry.orgName);
    await vote.getByTestId('vote-choice').first().click();
    await vote.getByRole('button', { name: '确认投票' }).click();
    await vote.getByText('投票成功，感谢参与').waitFor(POLL);
    await vote.screenshot({ path: `${SHOTS}evaluation-vote.png` });
    await vote.goto(`${baseUrl()}/vote?code=${code}`);
    await expect.poll(() => vote.getByTestId('vote-refusal').textContent(), POLL).toContain('该测评码已投过票，每个测评码只能投一次');
    const again = await voter.request.post(`${API()}/ballots`, { data: { code, choice: 'poor' } });
    expect(again.status()).toBe(422);

    // The branch ends the vote; scoring is not theirs.
    await phone.reload();
    await phone.getByTestId('ballot-close').click();
    await phone.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect.poll(() => currentKind(phone), POLL).toBe('review');
    await phone.getByTestId('step-not-yours').waitFor(POLL);
    await expect.poll(() => phone.getByTestId('result-hidden').count(), POLL).toBe(1);

    // The township scores item by item.
    const desk = await township.newPage();
    await desk.goto(`${baseUrl()}/evaluations/entries/${entry.id}`);
    await desk.getByTestId('review-form').waitFor(POLL);
    // The form starts from the branch's own deductions (1 point); the township adds 2 on the first item.
    await desk.getByTestId('review-deduction').first().fill('2');
    await expect.poll(() => desk.getByTestId('review-preview').textContent(), POLL).toContain('得分 97 分 · 最强党支部');
    await desk.getByTestId('review-submit').click();
    await expect.poll(() => currentKind(desk), POLL).toBe('approve');

    // The county approves; 公示 starts and the branch sees its level.
    const countyPage = await county.newPage();
    await countyPage.goto(`${baseUrl()}/evaluations/entries/${entry.id}`);
    await countyPage.getByTestId('entry-approve').click();
    await countyPage.getByTestId('approve-submit').click();
    await expect.poll(() => currentKind(countyPage), POLL).toBe('publicity');
    await phone.reload();
    await expect.poll(() => phone.getByTestId('result').textContent(), POLL).toContain('最强党支部');
    await phone.screenshot({ path: `${SHOTS}evaluation-level.png` });

    // The county's 历年对比 of 分类定级: the years of published results, 2019–2021 in the demo.
    const list = await county.newPage();
    await list.goto(`${baseUrl()}/evaluations?programme=branch_grading`);
    await list.getByTestId('year-compare').getByRole('cell', { name: '2021', exact: true }).waitFor(POLL);
    await expect.poll(() => list.getByTestId('year-compare').locator('tbody tr.ant-table-row').count(), POLL).toBe(3);
    // The county may draft its own scheme: the editor opens, and an incomplete one is not saved.
    await list.getByTestId('schemes-open').click();
    await list.getByTestId('scheme-create').click();
    await list.getByTestId('scheme-editor').waitFor(POLL);
    await list.getByTestId('scheme-editor-name').fill('奈曼旗测试方案');
    await list.getByTestId('scheme-editor-save').click();
    await list.locator('.ant-form-item-explain-error').first().waitFor(POLL);
    const drafts = (await (await county.request.get(`${API()}/evaluation/schemes`)).json()).items as { name: string }[];
    expect(drafts.map((d) => d.name)).not.toContain('奈曼旗测试方案');

    // 公示 cannot end in a test: the demo has branches whose 公示 ended; the county publishes them.
    const inPublicity = (await (await county.request.get(`${API()}/evaluation/rounds/${roundId}/entries?stage=4&pageSize=200`)).json())
      .items as Entry[];
    const ended = inPublicity.find((e) => e.publicityTo !== null && e.publicityTo < today() && e.openObjections === 0);
    expect(ended, 'a branch of 奈曼旗 whose 公示 is over').toBeDefined();
    await countyPage.goto(`${baseUrl()}/evaluations/rounds/${roundId}`);
    await countyPage.getByTestId('round-publish').click();
    // antd spaces out a two-character label (「发 布」): click the confirm's primary button.
    await countyPage.locator('.ant-popconfirm .ant-btn-primary').click();
    await countyPage
      .locator('.ant-message-notice-title')
      .getByText(/已发布[1-9]\d*个/)
      .waitFor(POLL);
    const after = await (await county.request.get(`${API()}/evaluation/entries/${(ended as Entry).id}`)).json();
    expect(after).toMatchObject({ finalAt: today(), resultHidden: false });

    const published = await branchSecretary(township.request, (ended as Entry).orgId, PHONE).catch(async () =>
      // Outside 大沁他拉镇: the county makes the account instead.
      branchSecretary(county.request, (ended as Entry).orgId, PHONE),
    );
    const theirs = await published.newPage();
    await theirs.goto(`${baseUrl()}/evaluations/entries/${(ended as Entry).id}`);
    await theirs.getByTestId('entry-current').waitFor(POLL);
    await theirs.screenshot({ path: `${SHOTS}evaluation-published.png` });
    await theirs.getByText('评选结果已发布').waitFor(POLL);
    await expect.poll(() => theirs.getByTestId('result').textContent(), POLL).toMatch(/最强党支部|标准党支部|合格党支部|后进党支部/);
    // Ours is still in 公示: not published with the others.
    const ours = await (await county.request.get(`${API()}/evaluation/entries/${entry.id}`)).json();
    expect(ours).toMatchObject({ finalAt: null, levelName: '最强党支部' });
  });
});
