import { mkdirSync } from 'node:fs';
import { addDays, addMonths, idCheckChar } from '@jishi/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, baseUrl, DEMO_PASSWORD, launch, POLL, pickDate, SHOTS, today } from './browser.js';

/** Waits until the next-step form is the one for `step` (it is remounted after each recorded step). */
const nextFormFor = (page: Page, step: number) => page.locator(`[data-testid="dev-next-form"][data-step="${step}"]`).waitFor();

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(() => browser?.close());

describe('发展党员 (a township with approval power, 大沁他拉镇)', () => {
  let page: Page;
  let applicantId: number;

  it('registers an application, records steps in order, and is refused step 7 before a year as activist', async () => {
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    // Signed in through the API (the page shares its cookies), straight to the board: no dashboard to wait for.
    const login = await page.request.post(`${API()}/auth/login`, { data: { username: 'z150525100', password: DEMO_PASSWORD } });
    expect(login.status()).toBe(200);

    // A branch of the township, found through the API (its code is unique, so the picker finds exactly it).
    const branches = await (await page.request.get(`${API()}/orgs?type=branch&pageSize=50`)).json();
    const branch = branches.items[0] as { id: number; name: string; code: string };
    expect(branch).toBeDefined();

    // The board shows what the API lists.
    await page.goto(`${baseUrl()}/development`);
    const board = page.getByTestId('dev-board');
    await board.waitFor();
    const listed = await (await page.request.get(`${API()}/development/deadlines`)).json();
    await expect.poll(() => board.locator('tbody tr.ant-table-row').count(), POLL).toBe(Math.min(listed.items.length, 20));

    // Born 1995 in 奈曼旗 (150525), a 97x sequence (odd: male), with its check character.
    const stamp = Date.now();
    const birth = `1995${String((stamp % 12) + 1).padStart(2, '0')}${String((Math.floor(stamp / 12) % 28) + 1).padStart(2, '0')}`;
    const first17 = `150525${birth}97${(Math.floor(stamp / 336) % 5) * 2 + 1}`;
    const idNumber = first17 + idCheckChar(first17);
    const appliedAt = addMonths(today(), -36);
    const dates = {
      2: addMonths(appliedAt, 2), // later than a month: recorded with a warning
      3: addMonths(appliedAt, 3),
      4: addMonths(appliedAt, 3),
      5: addMonths(appliedAt, 4),
      6: addMonths(appliedAt, 5),
      tooEarly7: addMonths(appliedAt, 8), // 5 months after becoming an activist
      7: addMonths(appliedAt, 16),
    };

    await page.getByTestId('dev-create').click();
    const form = page.getByTestId('dev-form');
    await form.waitFor();
    await page.getByTestId('dev-form-name').fill('韩建国');
    await page.getByTestId('dev-form-idNumber').fill(idNumber);
    const derived = page.getByTestId('dev-form-id-derived');
    await derived.waitFor();
    expect(await derived.textContent()).toContain(`${birth.slice(0, 4)}-`);
    await page.getByTestId('dev-form-org').click();
    await page.keyboard.type(branch.code);
    const exactCode = new RegExp(`${branch.code.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}( · |$)`);
    const option = page.locator('.ant-select-item-option').filter({ hasText: exactCode }).first();
    await option.waitFor();
    await option.click();
    await pickDate(page, 'dev-form-appliedAt', appliedAt);
    await page.getByTestId('dev-form-submit').click();

    // The new applicant opens, at step 2.
    await page.waitForURL(/\/development\/\d+$/);
    applicantId = Number(new URL(page.url()).pathname.split('/').at(-1));
    await page.getByTestId('dev-steps').waitFor();
    await nextFormFor(page, 2);
    const created = await (await page.request.get(`${API()}/development/applicants/${applicantId}`)).json();
    expect(created).toMatchObject({
      name: '韩建国',
      orgId: branch.id,
      birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`,
    });
    expect(created.steps).toEqual([expect.objectContaining({ step: 1, date: appliedAt })]);

    // Step 2, a month late: recorded, and its warning shown.
    await pickDate(page, 'dev-next-date', dates[2]);
    await page.getByTestId('dev-next-submit').click();
    await nextFormFor(page, 3);
    const warnings = page.getByTestId('dev-warnings');
    await warnings.waitFor();
    expect(await warnings.textContent()).toContain('一个月');

    // Step 3 (入党积极分子).
    await pickDate(page, 'dev-next-date', dates[3]);
    await page.getByTestId('dev-next-submit').click();
    await nextFormFor(page, 4);

    // Steps 4–6 through the API (4 is the township's 备案).
    for (const step of [4, 5, 6] as const) {
      const res = await page.request.post(`${API()}/development/applicants/${applicantId}/steps`, { data: { step, date: dates[step] } });
      expect(res.status(), `step ${step}`).toBe(200);
    }
    await page.reload();
    await nextFormFor(page, 7);

    // Step 7 less than a year after step 3: refused in the page, before anything is sent.
    await pickDate(page, 'dev-next-date', dates.tooEarly7);
    await page.getByTestId('dev-next-submit').click();
    const refusal = page.getByTestId('dev-refusal');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('一年以上');
    expect(await refusal.getAttribute('data-source')).toBe('check');
    const unchanged = await (await page.request.get(`${API()}/development/applicants/${applicantId}`)).json();
    expect(unchanged.steps).toHaveLength(6);
    // The server applies the same rule.
    const refused = await page.request.post(`${API()}/development/applicants/${applicantId}/steps`, {
      data: { step: 7, date: dates.tooEarly7 },
    });
    expect(refused.status()).toBe(422);
    expect((await refused.json()).error).toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringContaining('一年以上') });

    // With a date a year on, step 7 is recorded.
    await pickDate(page, 'dev-next-date', dates[7]);
    await page.getByTestId('dev-next-submit').click();
    await nextFormFor(page, 8);
    expect(await refusal.count()).toBe(0);
    const after = await (await page.request.get(`${API()}/development/applicants/${applicantId}`)).json();
    expect(after.steps.map((s: { step: number }) => s.step)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(after.steps[1].warnings.length).toBeGreaterThan(0);
    expect(after.stageName).toBe('发展对象的确定和考察');
  });

  it('stays usable at phone width (390 px): no page-wide horizontal scrolling', async () => {
    expect(applicantId).toBeGreaterThan(0);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl()}/development/${applicantId}`);
    await nextFormFor(page, 8);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}phone-development-applicant.png`, fullPage: true });
    await page.goto(`${baseUrl()}/development`);
    await page.getByTestId('dev-board').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}phone-development-board.png` });
    await page.close();
  });
});

describe('发展党员 up to 接收为预备党员 (step 17), then on the member roll', () => {
  it('records steps 1–14 back-dated through the API, then the 支部大会 vote (refused without a quorum), 谈话 and 审批 in the page', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const login = await page.request.post(`${API()}/auth/login`, { data: { username: 'z150525100', password: DEMO_PASSWORD } });
    expect(login.status()).toBe(200);
    const branches = await (await page.request.get(`${API()}/orgs?type=branch&pageSize=50`)).json();
    const branch = branches.items[0] as { id: number; name: string };

    // Born 1990 in 奈曼旗, a 98x sequence (odd: male): unlike the first test's 1995/97x, never the same number.
    const stamp = Date.now();
    const birth = `1990${String((stamp % 12) + 1).padStart(2, '0')}${String((Math.floor(stamp / 12) % 28) + 1).padStart(2, '0')}`;
    const first17 = `150525${birth}98${(Math.floor(stamp / 336) % 5) * 2 + 1}`;
    const name = '包海军';

    // Every date in the past and in order, each satisfying its rule: talk within a month, a year and
    // more as activist before step 7, two introducers, 3 days of training; the vote, the talk and the
    // approval within the last month, so the approval falls within three months of the vote.
    const appliedAt = addMonths(today(), -30);
    const apiSteps: { step: number; date: string; introducers?: number; trainingDays?: number }[] = [
      { step: 2, date: addDays(appliedAt, 20) },
      { step: 3, date: addMonths(appliedAt, 2) },
      { step: 4, date: addMonths(appliedAt, 2) },
      { step: 5, date: addMonths(appliedAt, 3) },
      { step: 6, date: addMonths(appliedAt, 4) },
      { step: 7, date: addMonths(appliedAt, 15) },
      { step: 8, date: addMonths(appliedAt, 15) },
      { step: 9, date: addMonths(appliedAt, 16), introducers: 2 },
      { step: 10, date: addMonths(appliedAt, 17) },
      { step: 11, date: addMonths(appliedAt, 18), trainingDays: 3 },
      { step: 12, date: addMonths(appliedAt, 19) },
      { step: 13, date: addMonths(appliedAt, 20) },
      { step: 14, date: addMonths(appliedAt, 21) },
    ];
    const voteAt = addDays(today(), -20);
    const talkAt = addDays(today(), -10);
    const approvedAt = addDays(today(), -5);

    const created = await page.request.post(`${API()}/development/applicants`, {
      data: { name, gender: 'male', ethnicity: '蒙古族', idNumber: first17 + idCheckChar(first17), orgId: branch.id, appliedAt },
    });
    expect(created.status()).toBe(201);
    const applicantId = (await created.json()).id as number;
    for (const input of apiSteps) {
      const res = await page.request.post(`${API()}/development/applicants/${applicantId}/steps`, { data: input });
      expect(res.status(), `step ${input.step}`).toBe(200);
      expect((await res.json()).warnings, `step ${input.step}`).toEqual([]);
    }

    await page.goto(`${baseUrl()}/development/${applicantId}`);
    await nextFormFor(page, 15);

    // Step 15 with 3 of 8 present: refused in the page with the quorum rule, nothing sent.
    await pickDate(page, 'dev-next-date', voteAt);
    await page.getByTestId('dev-vote-should').fill('8');
    await page.getByTestId('dev-vote-present').fill('3');
    await page.getByTestId('dev-vote-yes').fill('3');
    await page.getByTestId('dev-next-submit').click();
    const refusal = page.getByTestId('dev-refusal');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('未超过应到会有表决权人数8人的半数，会议无效');
    const unchanged = await (await page.request.get(`${API()}/development/applicants/${applicantId}`)).json();
    expect(unchanged.steps).toHaveLength(14);

    // With 7 of 8 present and 7 in favour, the 支部大会 admits the applicant.
    await page.getByTestId('dev-vote-present').fill('7');
    await page.getByTestId('dev-vote-yes').fill('7');
    await page.getByTestId('dev-next-submit').click();
    await nextFormFor(page, 16);

    // Step 16 (the township's talk) and 17 (its approval: the township has the power).
    await pickDate(page, 'dev-next-date', talkAt);
    await page.getByTestId('dev-next-submit').click();
    await nextFormFor(page, 17);
    await pickDate(page, 'dev-next-date', approvedAt);
    await page.getByTestId('dev-next-submit').click();
    await nextFormFor(page, 18);

    const admitted = await (await page.request.get(`${API()}/development/applicants/${applicantId}`)).json();
    expect(admitted.steps.map((s: { step: number }) => s.step)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(admitted.steps.flatMap((s: { warnings: string[] }) => s.warnings)).toEqual([]);
    expect(admitted.steps[14].data.vote).toEqual({ shouldAttend: 8, present: 7, yes: 7, writtenYes: 0 });
    expect(admitted.memberId).toBeGreaterThan(0);
    expect(admitted.stageName).toBe('预备党员的接收');

    // The member record opens from the applicant: a 预备党员 since the 支部大会.
    await page.getByTestId('dev-member-link').click();
    const detail = page.getByTestId('member-detail');
    await detail.waitFor();
    expect(await detail.textContent()).toContain('预备党员');
    expect(await detail.textContent()).toContain(voteAt);

    // And the branch's roll lists them, as 预备党员, joined on the day of the vote.
    await page.goto(`${baseUrl()}/members?orgId=${branch.id}`);
    await page.getByTestId('member-search').fill(name);
    const table = page.getByTestId('member-table');
    const row = table.locator(`tbody tr.ant-table-row[data-row-key="${admitted.memberId}"]`);
    await row.waitFor(POLL);
    expect(await row.textContent()).toContain('预备党员');
    expect(await row.textContent()).toContain(voteAt);
    expect(await row.textContent()).toContain(branch.name);
    await page.close();
  });
});
