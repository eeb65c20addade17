import { mkdirSync } from 'node:fs';
import { MEETING_TYPE_LABELS, type MeetingType } from '@jishi/domain';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, baseUrl, launch, POLL, pickDate, SHOTS, signIn, today } from './browser.js';

interface Finding {
  code: string;
  period: string;
  message: string;
  groupId?: number;
}

interface Branch {
  id: number;
  name: string;
  code: string;
}

/**
 * Findings a whole-branch meeting makes good, most wanted first: a missing 支委会, then the other
 * monthly and quarterly meetings (a 党小组会 would need a group picked; a yearly one is never past).
 */
const WANTED = ['meeting.committee.month', 'meeting.theme_day.month', 'meeting.general_assembly.quarter', 'meeting.lecture.quarter'];

/** The 15th of a finding's month, or of the middle month of its quarter: inside the period, before today. */
const dayIn = (period: string): string => {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return `${quarter[1]}-${String(Number(quarter[2]) * 3 - 1).padStart(2, '0')}-15`;
  return `${period}-15`;
};

/** A 1×1 PNG: the server checks the bytes, not the name. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const height = async (locator: Locator) => (await locator.boundingBox())?.height ?? 0;

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
  page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  // 大沁他拉镇: a township account records meetings for the branches beneath it.
  await signIn(page, 'z150525100');
});
afterAll(() => browser?.close());

describe('组织生活 on a phone (390×844), as a township account (大沁他拉镇)', () => {
  // In January no month of the year has ended yet: last year's months are the ones owed.
  const year = today().slice(5, 7) === '01' ? Number(today().slice(0, 4)) - 1 : Number(today().slice(0, 4));
  let branch: Branch;
  let finding: Finding;

  const complianceOf = async (orgId: number): Promise<Finding[]> =>
    (await (await page.request.get(`${API()}/orgs/${orgId}/compliance?year=${year}`)).json()).items;

  it('finds a past period’s missing meeting in a branch’s compliance card, records it with the attendees and a photo, and the finding goes', async () => {
    // The demo data changes: pick the branch and the finding through the live compliance API.
    const branches = (await (await page.request.get(`${API()}/orgs?type=branch&pageSize=60`)).json()).items as Branch[];
    expect(branches.length).toBeGreaterThan(0);
    const findings = new Map<number, Finding[]>();
    for (const b of branches) findings.set(b.id, await complianceOf(b.id));
    for (const code of WANTED) {
      const hit = branches.find((b) => findings.get(b.id)?.some((f) => f.code === code));
      if (!hit) continue;
      branch = hit;
      finding = findings.get(hit.id)?.find((f) => f.code === code) as Finding;
      break;
    }
    expect(finding, 'a branch owing a past 支委会, 主题党日, 党员大会 or 党课').toBeDefined();
    const type = finding.code.split('.')[1] as MeetingType;
    const label = MEETING_TYPE_LABELS[type];
    const date = dayIn(finding.period);
    expect(date < today()).toBe(true);

    // 组织生活, then the branch picked by its code.
    await page.goto(`${baseUrl()}/meetings?year=${year}`);
    await page.getByTestId('compliance-card').waitFor(POLL);
    await page.getByTestId('meetings-org').click();
    await page.keyboard.type(branch.code);
    const option = page.locator('.ant-select-item-option').filter({ hasText: branch.name }).first();
    await option.waitFor(POLL);
    await option.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('orgId'), POLL).toBe(String(branch.id));
    const owed = page.locator(`[data-testid="finding"][data-code="${finding.code}"][data-period="${finding.period}"]`);
    await owed.waitFor(POLL);
    expect(await owed.textContent()).toContain(label);
    expect(await page.getByTestId('compliance-card').textContent()).toContain(branch.name);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}phone-meetings-owed.png`, fullPage: true });

    // 登记会议: full screen, large controls.
    await page.getByTestId('meeting-create').click();
    await page.getByTestId('meeting-form').waitFor();
    const drawer = page.locator('.ant-drawer-content-wrapper');
    expect((await drawer.boundingBox())?.width).toBeGreaterThanOrEqual(389);
    await page.getByTestId('meeting-type').getByText(label, { exact: true }).click();
    await pickDate(page, 'meeting-date', date);
    await page.getByTestId('meeting-topic').fill(`${label}：补登${finding.period}`);
    await page.getByTestId('meeting-place').fill('村党群服务中心');
    await page.getByTestId('meeting-host').fill('支部书记');
    // Everyone on the roll that day (or every 支委 in office) attends, so the quorum is met.
    await page.getByTestId('attendee-row').first().waitFor(POLL);
    await page.getByTestId('attendance-all').click();
    await expect.poll(() => page.getByTestId('attendance-count').textContent(), POLL).toMatch(/已勾选到会 (\d+) \/ \1 人/);
    const quorum = page.getByTestId('meeting-quorum');
    if ((await quorum.count()) > 0) expect(await quorum.getAttribute('data-ok')).toBe('true');
    await page.getByTestId('meeting-minutes').fill('传达学习上级文件精神，研究本月工作。');
    const targets = {
      submit: page.getByTestId('meeting-submit'),
      selectAll: page.getByTestId('attendance-all'),
      topic: page.getByTestId('meeting-topic'),
      date: page.locator('.ant-picker').filter({ has: page.getByTestId('meeting-date') }),
      type: page.getByTestId('meeting-type').locator('.ant-radio-button-wrapper').first(),
      attendee: page.getByTestId('attendee-row').first(),
    };
    for (const [name, target] of Object.entries(targets)) {
      expect(await height(target), `${name} is a 44px touch target`).toBeGreaterThanOrEqual(44);
    }
    await page.screenshot({ path: `${SHOTS}phone-meeting-form.png` });
    await page.getByTestId('meeting-submit').click();

    // Saved and counted; then a photo of the sign-in sheet.
    const saved = page.getByTestId('meeting-saved');
    await saved.waitFor(POLL);
    expect(await page.getByTestId('meeting-quorum-problem').count()).toBe(0);
    const meetingId = Number(await saved.getAttribute('data-meeting-id'));
    expect(meetingId).toBeGreaterThan(0);
    await page.getByTestId('meeting-upload-file').locator('input[type=file]').setInputFiles({
      name: '签到表.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    await page.locator('[data-testid="meeting-upload-item"][data-state="done"]').waitFor(POLL);
    await page.screenshot({ path: `${SHOTS}phone-meeting-saved.png` });
    await page.getByTestId('meeting-done').click();

    // The finding is gone, in the page and from the API.
    await owed.waitFor({ state: 'detached', ...POLL });
    expect((await complianceOf(branch.id)).some((f) => f.code === finding.code && f.period === finding.period)).toBe(false);
    const recorded = await (await page.request.get(`${API()}/meetings/${meetingId}`)).json();
    expect(recorded).toMatchObject({ type, date, status: 'held', quorumProblem: null });
    expect(recorded.people.length).toBeGreaterThan(0);
    expect(recorded.files).toHaveLength(1);
    expect(recorded.files[0]).toMatchObject({ fileName: '签到表.png', contentType: 'image/png' });

    // The list shows it; its record shows who came and the photo.
    const row = page.getByTestId('meeting-table').locator(`tbody tr[data-row-key="${meetingId}"]`);
    await row.waitFor(POLL);
    await row.click();
    const detail = page.getByTestId('meeting-drawer');
    const photo = detail.getByTestId('meeting-file-image').locator('img').first();
    await photo.waitFor(POLL);
    await expect.poll(() => photo.evaluate((img) => (img as HTMLImageElement).naturalWidth), POLL).toBe(1);
    expect(await detail.getByTestId('meeting-present').locator('.ant-tag').count()).toBe(
      recorded.people.filter((p: { present: boolean }) => p.present).length,
    );
    await page.screenshot({ path: `${SHOTS}phone-meeting-detail.png` });
    await detail.locator('.ant-drawer-close').click();
  }, 120_000);

  it('shows the branch’s committee and term in the org detail', async () => {
    expect(branch).toBeDefined();
    await page.goto(`${baseUrl()}/orgs/${branch.id}`);
    await page.getByTestId('org-detail-tabs').getByRole('tab', { name: '班子与换届' }).click();
    const section = page.getByTestId('committee-section');
    await section.waitFor(POLL);
    await expect
      .poll(
        async () => (await section.getByTestId('committee-current').count()) + (await section.getByTestId('committee-none').count()),
        POLL,
      )
      .toBe(1);
    const overview = await (await page.request.get(`${API()}/orgs/${branch.id}/committee`)).json();
    if (overview.current) {
      expect(await section.getByTestId('term-status').first().getAttribute('data-status')).toBe(overview.current.term.status);
      expect(await section.getByTestId('committee-ends-at').textContent()).toBe(overview.current.term.endsAt);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}phone-committee.png`, fullPage: true });
  });

  it('rolls the township up (组织生活统计) with the snapshot date, and a branch opens its 组织生活', async () => {
    await page.goto(`${baseUrl()}/meetings/overview?year=${year}`);
    const summary = page.getByTestId('overview-summary');
    await expect.poll(() => page.getByTestId('overview-as-of').textContent(), POLL).toMatch(/^数据截至 \d{4}-\d{2}-\d{2}$/);
    await expect.poll(() => summary.locator('tbody tr.ant-table-row').first().textContent(), POLL).toMatch(/大沁他拉镇.*（合计）/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}phone-meetings-overview.png`, fullPage: true });
    const first = page.getByTestId('overview-branch').first();
    if ((await first.count()) > 0) {
      await first.click();
      await page.waitForURL(/\/meetings\?orgId=\d+/);
      await page.getByTestId('compliance-card').waitFor(POLL);
    }
  });
});
