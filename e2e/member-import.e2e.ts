import { idCheckChar } from '@jishi/domain';
import ExcelJS from 'exceljs';
import type { APIRequestContext, Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DEMO_PASSWORD, launch, loginAs, POLL } from './browser.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

interface OrgRow {
  id: number;
  code: string;
  name: string;
  type: string;
  closedAt: string | null;
}

/** The first open branch (type 'branch') under the account's roots, breadth first. */
const findBranch = async (request: APIRequestContext): Promise<OrgRow> => {
  const queue: OrgRow[] = (await (await request.get(`${baseUrl()}/api/v1/orgs/roots`)).json()).items;
  for (let seen = 0; queue.length > 0 && seen < 200; seen++) {
    const org = queue.shift() as OrgRow;
    const children: OrgRow[] = (await (await request.get(`${baseUrl()}/api/v1/orgs/${org.id}/children`)).json()).items;
    const branch = children.find((c) => c.type === 'branch' && !c.closedAt);
    if (branch) return branch;
    queue.push(...children);
  }
  throw new Error('no branch found in the township');
};

/** A valid 18-digit ID number in 奈曼旗 (150525): the 17th digit is odd for a man, even for a woman. */
const idNumber = (birth: string, sequence: number): string => {
  const first17 = `150525${birth}${sequence}`;
  return first17 + idCheckChar(first17);
};

/** The same number with a wrong check character. */
const withBadCheckChar = (id: string): string => {
  const wrong = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X'].find((c) => c !== id[17]) as string;
  return id.slice(0, 17) + wrong;
};

/** The server's import template, filled with `rows` under its header row. */
const filledTemplate = async (template: Buffer, rows: (string | null)[][]): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as never);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('the template has no sheet');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
};

const memberTotal = async (request: APIRequestContext, orgId: number): Promise<number> =>
  (await (await request.get(`${baseUrl()}/api/v1/members?orgId=${orgId}&pageSize=1`)).json()).total;

describe('member import and export (党员管理 · Excel)', () => {
  it('a township imports a sheet: a bad row refuses the whole file with its errors; fixed, every row is imported', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await loginAs(page, 'z150525100', DEMO_PASSWORD);
    await page.getByTestId('dashboard-indicators').waitFor();
    const branch = await findBranch(page.request);
    const before = await memberTotal(page.request, branch.id);

    const template = await page.request.get(`${baseUrl()}/api/v1/members/import/template`);
    expect(template.status()).toBe(200);
    expect(template.headers()['content-type']).toContain('spreadsheetml');
    const templateBytes = await template.body();

    // Header = row 1; the third data row (Excel row 4) carries a wrong check character.
    const good = [
      ['测试导入甲', '男', '汉族', idNumber('19800315', 931), '13900009931', branch.code, '2005-07-01', '2006-07-01'],
      ['测试导入乙', '女', '蒙古族', idNumber('19810520', 942), null, branch.code, '2008-06-18', '2009-06-18'],
    ];
    const third = idNumber('19820710', 953);
    const bad = ['测试导入丙', '男', '汉族', withBadCheckChar(third), null, branch.code, '2010-07-01', '2011-07-01'];
    const badSheet = await filledTemplate(templateBytes, [...good, bad]);
    const fixedSheet = await filledTemplate(templateBytes, [...good, [...bad.slice(0, 3), third, ...bad.slice(4)]]);

    await page.goto(`${baseUrl()}/members?orgId=${branch.id}`);
    await page.getByTestId('member-table').waitFor();
    // The table shows its total only when there is a row.
    const totalText = page.locator('.ant-pagination-total-text');
    if (before > 0) await expect.poll(() => totalText.textContent(), POLL).toBe(`共 ${before} 名党员`);

    // The export link repeats the list's filters.
    const exportHref = await page.getByTestId('member-export').getAttribute('href');
    expect(exportHref).toContain('/api/v1/members/export');
    expect(exportHref).toContain(`orgId=${branch.id}`);
    const exported = await page.request.get(`${baseUrl()}${exportHref}`);
    expect(exported.status()).toBe(200);
    expect(exported.headers()['content-type']).toContain('spreadsheetml');

    await page.getByTestId('member-import').click();
    expect(await page.getByTestId('import-template').getAttribute('href')).toBe('/api/v1/members/import/template');
    const input = page.getByTestId('import-upload').locator('input[type=file]');

    // One bad row: the errors by row and column, nothing written.
    await input.setInputFiles({ name: '党员名册-有误.xlsx', mimeType: XLSX, buffer: badSheet });
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    expect(await page.getByTestId('import-result').textContent()).toContain('未导入任何数据');
    const errorRows = errors.locator('tbody tr.ant-table-row');
    expect(await errorRows.count()).toBe(1);
    const cells = await errorRows.first().locator('td').allTextContents();
    expect(cells.slice(0, 2)).toEqual(['4', '公民身份号码']);
    expect(cells[2]).toContain('校验位');
    expect(await memberTotal(page.request, branch.id)).toBe(before);

    // 下载标注错误的表格: the browser saves the annotated workbook.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-annotate').click()]);
    expect(download.suggestedFilename()).toBe('党员名册-错误说明.xlsx');

    // The annotate endpoint, at the API level: the same sheet back with an 错误说明 column; nothing written.
    const annotated = await page.request.post(`${baseUrl()}/api/v1/members/import/annotate`, {
      multipart: { file: { name: 'members.xlsx', mimeType: XLSX, buffer: badSheet } },
    });
    expect(annotated.status()).toBe(200);
    expect(annotated.headers()['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await annotated.body()) as never);
    const ws = wb.worksheets[0];
    const noteColumn = (ws?.columnCount ?? 0) as number;
    expect(String(ws?.getCell(1, noteColumn).value)).toBe('错误说明');
    expect(String(ws?.getCell(4, noteColumn).value)).toContain('公民身份号码');
    expect(ws?.getCell(2, noteColumn).value ?? null).toBeNull();
    expect(await memberTotal(page.request, branch.id)).toBe(before);

    // Fixed: all three rows imported, and the list behind the dialog refreshed.
    await input.setInputFiles({ name: '党员名册.xlsx', mimeType: XLSX, buffer: fixedSheet });
    await expect.poll(() => page.getByTestId('import-result').textContent(), POLL).toContain('已导入 3 名党员');
    expect(await page.getByTestId('import-errors').count()).toBe(0);
    expect(await memberTotal(page.request, branch.id)).toBe(before + 3);
    await expect.poll(() => totalText.textContent(), POLL).toBe(`共 ${before + 3} 名党员`);
    await page.close();
  });
});
