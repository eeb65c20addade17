import { mkdirSync } from 'node:fs';
import { addDays } from '@jishi/domain';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, baseUrl, launch, POLL, pickDate, SHOTS, signIn, today } from './browser.js';

interface EligibleMember {
  id: number;
  name: string;
  medal50: { id: number; year: number; status: string } | null;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(() => browser?.close());

describe('「光荣在党50年」纪念章: 推荐 by the township (大沁他拉镇), 审核 and 颁发 by the county (奈曼旗)', () => {
  const year = Number(today().slice(0, 4));
  let townOrgId: number;
  let member: EligibleMember;
  let caseId: number;

  it('the township recommends an eligible member; it may not review, and is told who does', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signIn(page, 'z150525100');
    const list = await (await page.request.get(`${API()}/honors/medal50?year=${year}`)).json();
    expect(list.abilities).toEqual({ canRecommend: true, canReview: false });
    townOrgId = list.org.id;
    // This year's demo cases stop at every step: take a member without one (else one merely recommended).
    const items = list.items as EligibleMember[];
    const candidate = items.find((m) => m.medal50 === null) ?? items.find((m) => m.medal50?.status === 'recommended');
    expect(candidate).toBeDefined();
    member = candidate as EligibleMember;

    await page.goto(`${baseUrl()}/honors/medal50?year=${year}`);
    const row = page.getByTestId('medal50-table').locator(`tbody tr.ant-table-row[data-row-key="${member.id}"]`);
    await row.waitFor(POLL);
    const status = row.getByTestId('medal50-status');
    if (member.medal50 === null) {
      expect(await status.getAttribute('data-status')).toBe('none');
      await row.getByTestId('medal50-recommend').click();
      await page.getByTestId('medal50-recommend-form').waitFor();
      await page.getByTestId('medal50-recommend-submit').click();
      await page.getByTestId('medal50-recommend-form').waitFor({ state: 'detached', ...POLL });
    }
    await expect.poll(() => status.getAttribute('data-status'), POLL).toBe('recommended');
    expect(await status.textContent()).toBe('已推荐');
    // Recommended: no second 推荐, and no 审核 for a township.
    expect(await row.getByTestId('medal50-recommend').count()).toBe(0);
    expect(await row.getByTestId('medal50-review').count()).toBe(0);

    // The case shows the step recorded and says who reviews; the server refuses the township in the rule's words.
    await row.getByTestId('medal50-case-open').click();
    const info = page.getByTestId('medal50-next-info');
    await info.waitFor(POLL);
    expect(await info.textContent()).toContain('旗县级以上党委组织部门');
    expect(await page.getByTestId('medal50-case-drawer').getByTestId('medal50-step').count()).toBe(1);
    const honors = await (await page.request.get(`${API()}/members/${member.id}/honors`)).json();
    caseId = honors.medal50.id;
    const refused = await page.request.post(`${API()}/honors/medal50/cases/${caseId}/review`, {
      data: { date: today(), passed: true, disciplineOpinion: '无不同意见' },
    });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.message).toContain('旗县级以上党委组织部门审核');
    await page.close();
  });

  it('the county reviews it (a date before the recommendation is refused with the rule), awards it, and the drawer shows the medal', async () => {
    expect(caseId).toBeGreaterThan(0);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signIn(page, 'q150525');
    const recorded = await (await page.request.get(`${API()}/honors/medal50/cases/${caseId}`)).json();
    const recommendedOn = recorded.steps[0].date as string;

    // 申报办理 of the township, this year's cases.
    await page.goto(`${baseUrl()}/honors/medal50?orgId=${townOrgId}&year=${year}&tab=cases`);
    const row = page.getByTestId('medal50-cases-table').locator(`tbody tr.ant-table-row[data-row-key="${caseId}"]`);
    await row.waitFor(POLL);
    const status = row.getByTestId('medal50-status');
    await row.getByTestId('medal50-review').click();
    const form = page.getByTestId('medal50-step-form');
    await form.waitFor();
    expect(await form.getAttribute('data-step')).toBe('2');
    await page.getByTestId('medal50-opinion').fill('经征求旗纪委监委意见，无不同意见');

    // A day before the recommendation: refused in the page, nothing sent.
    await pickDate(page, 'medal50-step-date', addDays(recommendedOn, -1));
    await page.getByTestId('medal50-step-submit').click();
    const refusal = page.getByTestId('medal50-refusal');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(`日期不能早于上一步的日期（${recommendedOn}）`);
    expect((await (await page.request.get(`${API()}/honors/medal50/cases/${caseId}`)).json()).status).toBe('recommended');

    // Today: 审核通过.
    await pickDate(page, 'medal50-step-date', today());
    await page.getByTestId('medal50-step-submit').click();
    await form.waitFor({ state: 'detached', ...POLL });
    await expect.poll(() => status.getAttribute('data-status'), POLL).toBe('reviewed');

    // 颁发, today.
    await row.getByTestId('medal50-award').click();
    await page.locator('[data-testid="medal50-step-form"][data-step="3"]').waitFor();
    await page.getByTestId('medal50-step-submit').click();
    await form.waitFor({ state: 'detached', ...POLL });
    await expect.poll(() => status.textContent(), POLL).toBe('已颁发');
    const awarded = await (await page.request.get(`${API()}/honors/medal50/cases/${caseId}`)).json();
    expect(awarded.status).toBe('awarded');
    expect(awarded.steps.map((s: { step: number }) => s.step)).toEqual([1, 2, 3]);
    expect(awarded.steps[1].data).toMatchObject({ passed: true, disciplineOpinion: '经征求旗纪委监委意见，无不同意见' });

    // The eligible list shows it awarded; the member's drawer shows the medal.
    await page.getByTestId('medal50-tabs').getByRole('tab', { name: '应颁发名单' }).click();
    const memberRow = page.getByTestId('medal50-table').locator(`tbody tr.ant-table-row[data-row-key="${member.id}"]`);
    await memberRow.waitFor(POLL);
    await expect.poll(() => memberRow.getByTestId('medal50-status').getAttribute('data-status'), POLL).toBe('awarded');
    await memberRow.getByText(member.name, { exact: true }).click();
    const medal = page.getByTestId('member-drawer').getByTestId('member-medal50');
    await medal.waitFor(POLL);
    expect(await medal.getAttribute('data-status')).toBe('awarded');
    await expect.poll(() => medal.textContent(), POLL).toContain(today());
    expect(await medal.textContent()).toContain('已颁发');

    // At phone width (390 px) the page has no page-wide horizontal scrolling.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl()}/honors/medal50?orgId=${townOrgId}&year=${year}`);
    await memberRow.waitFor(POLL);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}phone-medal50.png`, fullPage: true });
    await page.close();
  }, 90_000);
});

describe('表彰 (大沁他拉镇)', () => {
  it('records a 优秀共产党员 for a member picked from the roll, lists it, shows it in the drawer, and is refused the same honour twice', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signIn(page, 'z150525100');
    const roll = await (await page.request.get(`${API()}/members?pageSize=1&status=full`)).json();
    const member = roll.items[0] as { id: number; name: string; orgName: string };
    const year = Number(today().slice(0, 4));
    const documentNo = `奈党〔${year}〕${Date.now() % 100000}号`;

    const fill = async () => {
      await page.getByTestId('commendation-create').click();
      await page.getByTestId('commendation-form').waitFor();
      await page.getByTestId('commendation-member').click();
      await page.keyboard.type(member.name);
      const option = page.locator('.ant-select-item-option').filter({ hasText: member.orgName }).filter({ hasText: member.name }).first();
      await option.waitFor(POLL);
      await option.click();
      await page.getByTestId('commendation-level').click();
      await page.locator('.ant-select-item-option').filter({ hasText: '旗县级' }).click();
      await page.getByTestId('commendation-conferredBy').fill('中共奈曼旗委员会');
      await page.getByTestId('commendation-documentNo').fill(documentNo);
      await page.getByTestId('commendation-submit').click();
    };

    await page.goto(`${baseUrl()}/honors/commendations`);
    await page.getByTestId('commendation-table').waitFor();
    await fill();
    await page.getByTestId('commendation-form').waitFor({ state: 'detached', ...POLL });
    // The list moves to the year recorded and shows it.
    await expect.poll(() => new URL(page.url()).searchParams.get('year'), POLL).toBe(String(year));
    const row = page.getByTestId('commendation-table').locator('tbody tr.ant-table-row').filter({ hasText: documentNo });
    await row.waitFor(POLL);
    expect(await row.textContent()).toContain('优秀共产党员');
    expect(await row.textContent()).toContain(member.name);

    // The member's drawer lists it under 表彰与纪念章.
    await row.getByTestId('commendation-subject').click();
    const honor = page.getByTestId('member-drawer').getByTestId('member-commendation').filter({ hasText: documentNo });
    await honor.waitFor(POLL);
    expect(await honor.textContent()).toContain(`${year} 年度优秀共产党员`);
    await page.getByTestId('member-drawer').locator('.ant-drawer-close').click();

    // The same honour again: refused by the server, shown at 表彰名称.
    await fill();
    const error = page.getByTestId('commendation-form').locator('.ant-form-item-explain-error');
    await expect.poll(() => error.first().textContent(), POLL).toContain(`已登记过${year}年度的同一表彰`);
    await page.close();
  });
});
