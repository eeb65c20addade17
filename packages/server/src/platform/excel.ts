export interface SheetColumn<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | null | undefined;
}

/** A cell that starts like a formula is written as text, so a spreadsheet never runs it (CSV/formula injection). */
export const guardCell = (v: string | number | null | undefined): string | number | null => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
};

/**
 * Writes one sheet: a title line naming who exported it and when, then the header and rows.
 * Modules own their column mapping; this only converts rows to a workbook.
 */
export const writeSheet = async <T>(opts: {
  sheetName: string;
  title: string;
  exportedBy: string;
  exportedAt: Date;
  columns: SheetColumn<T>[];
  rows: Iterable<T>;
}): Promise<Buffer> => {
  // Loaded on first export: it is a large module and most processes never export.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = opts.exportedBy;
  wb.created = opts.exportedAt;
  const ws = wb.addWorksheet(opts.sheetName);
  const stamp = opts.exportedAt.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  ws.addRow([guardCell(`${opts.title}　导出人：${opts.exportedBy}　导出时间：${stamp}`)]);
  const header = ws.addRow(opts.columns.map((c) => c.header));
  header.font = { bold: true };
  opts.columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width ?? 16;
  });
  for (const r of opts.rows) ws.addRow(opts.columns.map((c) => guardCell(c.value(r))));
  return Buffer.from(await wb.xlsx.writeBuffer());
};

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Content-Disposition for a Chinese file name (RFC 5987). */
export const attachment = (fileName: string) => `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
