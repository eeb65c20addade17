import { Readable } from 'node:stream';
import { megabytes, type UploadSpec } from './files.js';

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

export const ImportLimits = { maxBytes: 10 * 1024 * 1024, maxUnpackedBytes: 100 * 1024 * 1024, maxRows: 50_000 } as const;

/** An .xlsx import (members, and any later sheet import). */
export const IMPORT_UPLOAD: UploadSpec = {
  what: '一个 .xlsx 文件',
  maxBytes: ImportLimits.maxBytes,
  tooLarge: `文件超过${megabytes(ImportLimits.maxBytes)}MB，请拆分后分批导入`,
};

/**
 * Sum of the uncompressed sizes in a zip's central directory, or null when the bytes are not a
 * zip. Read before unpacking, so a small file that inflates to gigabytes is refused up front.
 */
export const zipUnpackedSize = (buf: Buffer): number | null => {
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) return null;
  // The end-of-central-directory record sits in the last 64 KiB + 22 bytes.
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) !== 0x06054b50) continue;
    const entries = buf.readUInt16LE(i + 10);
    let p = buf.readUInt32LE(i + 16);
    let total = 0;
    for (let e = 0; e < entries; e++) {
      if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
      total += buf.readUInt32LE(p + 24);
      p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    }
    return total;
  }
  return null;
};

export type Cell = string | number | boolean | Date | null;

/** A sheet as header texts and rows of cells (1-based Excel row numbers kept). */
export interface ReadSheet {
  headers: string[];
  rows: { rowNumber: number; cells: Cell[] }[];
}

/** Why a file cannot be read as a sheet, in Chinese. */
export class SheetError extends Error {}

const cellValue = (v: unknown): Cell => {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'string') return v;
  const o = v as { text?: string; richText?: { text: string }[]; result?: unknown };
  if (o.richText) return o.richText.map((t) => t.text).join('');
  if (o.text !== undefined) return o.text;
  if (o.result !== undefined) return cellValue(o.result);
  return String(v);
};

/** Text of a byte stream, decoded across chunk boundaries; bytes that are not UTF-8 refuse the file. */
async function* utf8Text(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const c of chunks) yield typeof c === 'string' ? c : decoder.decode(c, { stream: true });
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

type PartParser = (part: unknown, ...rest: unknown[]) => unknown;

/**
 * exceljs 4.4's streaming reader decodes each chunk of a part on its own (parse-sax calls
 * bufferToString per chunk), so a character whose bytes straddle two inflated chunks became
 * U+FFFD, silently. Every part reaches the reader through these methods: the first ones get the
 * zip entry, the last ones an iterator over a sheet's bytes; each is handed whole characters.
 */
const readWholeCharacters = (reader: object) => {
  const methods = reader as unknown as Record<string, PartParser>;
  const wrap = (name: string, decode: (part: AsyncIterable<Buffer | string>) => unknown) => {
    const original = methods[name]?.bind(reader);
    if (!original) throw new Error(`exceljs WorkbookReader has no ${name}: review readWholeCharacters for this exceljs version`);
    methods[name] = (part, ...rest) => original(decode(part as AsyncIterable<Buffer | string>), ...rest);
  };
  for (const name of ['_parseRels', '_parseWorkbook', '_parseSharedStrings', '_parseStyles'])
    wrap(name, (entry) => Readable.from(utf8Text(entry)));
  for (const name of ['_parseWorksheet', '_parseHyperlinks']) wrap(name, utf8Text);
};

/**
 * Reads the first sheet of an .xlsx within ImportLimits. The header row is the first row that
 * contains `headerMarker`; blank rows are skipped.
 */
export const readSheet = async (buf: Buffer, headerMarker: string): Promise<ReadSheet> => {
  if (buf.length > ImportLimits.maxBytes) throw new SheetError(IMPORT_UPLOAD.tooLarge);
  const unpacked = zipUnpackedSize(buf);
  if (unpacked === null) throw new SheetError('文件不是有效的Excel工作簿（.xlsx），请用模板另存为.xlsx后再导入');
  if (unpacked > ImportLimits.maxUnpackedBytes)
    throw new SheetError(`文件解压后超过${megabytes(ImportLimits.maxUnpackedBytes)}MB，请拆分后分批导入`);
  const { default: ExcelJS } = await import('exceljs');
  // The streaming reader: rows are parsed as the sheet XML is read, in half the time and memory of
  // loading the workbook; only the first sheet is read.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache', // date cells are numbers told apart by their number format
    worksheets: 'emit',
    entries: 'ignore',
  });
  readWholeCharacters(reader);
  let headers: string[] | undefined;
  const rows: ReadSheet['rows'] = [];
  let seen = false;
  try {
    for await (const sheet of reader) {
      if (seen) {
        // Read the later sheets through, unused: exceljs may have parked one in a temp file before
        // the shared strings, and removes the file once we move on; a stream it opened on it and
        // nobody read then fails with ENOENT, unhandled, and takes the process down.
        for await (const _row of sheet as AsyncIterable<unknown>) {
          // nothing: only the first sheet is imported
        }
        continue;
      }
      seen = true;
      for await (const row of sheet as AsyncIterable<{ values: unknown; number: number }>) {
        const cells = ((row.values as unknown[]) ?? []).slice(1).map(cellValue);
        if (!headers) {
          if (cells.some((c) => typeof c === 'string' && c.trim() === headerMarker))
            headers = cells.map((c) => (c === null ? '' : String(c).trim()));
          continue;
        }
        if (cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''))) continue;
        if (rows.length >= ImportLimits.maxRows) throw new SheetError(`一次最多导入${ImportLimits.maxRows}行，请拆分后分批导入`);
        rows.push({ rowNumber: row.number, cells });
      }
    }
  } catch (e) {
    if (e instanceof SheetError) throw e;
    throw new SheetError('文件不是有效的Excel工作簿（.xlsx），请用模板另存为.xlsx后再导入');
  }
  if (!seen) throw new SheetError('工作簿中没有工作表');
  if (!headers) throw new SheetError(`找不到表头：第一行应包含「${headerMarker}」等列名，请使用导入模板`);
  return { headers, rows };
};
