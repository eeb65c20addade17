import {
  EDUCATIONS,
  ETHNICITIES,
  GENDER_LABELS,
  MEMBER_STATUS_LABELS,
  type MemberCreate,
  memberCreateSchema,
  memberFactProblems,
  normalizeIdNumber,
  OCCUPATION_LABELS,
  OCCUPATIONS,
} from '@jishi/domain';
import { type Cell, type ReadSheet, XLSX_TYPE } from '../../platform/excel.js';

export { XLSX_TYPE };

/** One column of the member sheet: its Chinese header and how a cell becomes a field. */
interface Column {
  header: string;
  field: keyof MemberCreate | 'orgCode';
  required?: boolean;
  /** Text shown in the template's 说明 sheet. */
  note: string;
  parse: (c: Cell) => { value: unknown } | { error: string };
}

const text = (c: Cell) => (c === null ? '' : c instanceof Date ? '' : String(c).trim());

const asDate = (c: Cell): { value: unknown } | { error: string } => {
  // Excel date cells arrive as Dates at UTC midnight; text cells as typed.
  if (c instanceof Date) return { value: c.toISOString().slice(0, 10) };
  if (text(c) === '') return { value: undefined };
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text(c));
  if (!m) return { error: '日期应为 YYYY-MM-DD 格式，如 2021-07-01' };
  return { value: `${m[1]}-${(m[2] as string).padStart(2, '0')}-${(m[3] as string).padStart(2, '0')}` };
};

const fromLabels = (labels: Record<string, string>, what: string) => (c: Cell) => {
  const t = text(c);
  if (t === '') return { value: undefined };
  const hit = Object.entries(labels).find(([, label]) => label === t || label.startsWith(t));
  return hit ? { value: hit[0] } : { error: `${what}应为：${Object.values(labels).join('、')}` };
};

const yesNo = (c: Cell) => {
  const t = text(c);
  if (t === '') return { value: undefined };
  if (['是', 'Y', 'y', '1'].includes(t)) return { value: true };
  if (['否', 'N', 'n', '0'].includes(t)) return { value: false };
  return { error: '应填「是」或「否」' };
};

const plain = (c: Cell) => ({ value: text(c) === '' ? undefined : text(c) });

export const MEMBER_COLUMNS: Column[] = [
  { header: '姓名', field: 'name', required: true, note: '必填', parse: plain },
  { header: '性别', field: 'gender', required: true, note: '男 / 女，须与身份证号一致', parse: fromLabels(GENDER_LABELS, '性别') },
  { header: '民族', field: 'ethnicity', required: true, note: '56个民族之一，如 汉族、蒙古族', parse: plain },
  {
    header: '公民身份号码',
    field: 'idNumber',
    required: true,
    note: '18位（末位可为X）或15位；此列须为文本格式，否则Excel会把后几位变成0',
    parse: (c) =>
      typeof c === 'number' ? { error: '公民身份号码被Excel存成了数字（后几位会丢失），请把此列设为文本格式后重新填写' } : plain(c),
  },
  {
    header: '手机号码',
    field: 'phone',
    note: '选填，11位手机号或带区号的固定电话',
    parse: (c) => plain(typeof c === 'number' ? String(c) : c),
  },
  {
    header: '所在党组织代码',
    field: 'orgCode',
    required: true,
    note: '党支部的组织代码（在「组织管理」中查看）',
    parse: (c) => plain(typeof c === 'number' ? String(c) : c),
  },
  { header: '入党日期', field: 'joinedAt', required: true, note: '支部大会通过为预备党员的日期，YYYY-MM-DD', parse: asDate },
  { header: '转正日期', field: 'fullMemberAt', note: '正式党员必填，预备党员留空', parse: asDate },
  {
    header: '党员状态',
    field: 'status',
    note: '预备党员 / 正式党员；留空时按有无转正日期判断',
    parse: fromLabels(MEMBER_STATUS_LABELS, '党员状态'),
  },
  {
    header: '人员类别',
    field: 'occupation',
    note: OCCUPATIONS.map((o) => OCCUPATION_LABELS[o]).join('、'),
    parse: fromLabels(OCCUPATION_LABELS, '人员类别'),
  },
  { header: '学历', field: 'education', note: EDUCATIONS.join('、'), parse: plain },
  { header: '流动党员', field: 'isFlowing', note: '是 / 否', parse: yesNo },
  { header: '在职党员', field: 'isInService', note: '是 / 否', parse: yesNo },
];

export interface RowError {
  row: number;
  column: string;
  message: string;
}

const UNREADABLE = '含有无法识别的字符「\uFFFD」，请在Excel中检查并改正该单元格后重新导入';

/** Header of a field, for error messages. */
const headerOf = (field: string) => MEMBER_COLUMNS.find((c) => c.field === field)?.header ?? field;

export interface SheetContext {
  today: string;
  /** The branch with this code the importer may manage, or a Chinese reason. */
  branchOf: (code: string) => { id: number } | string;
}

/**
 * Turns sheet rows into member inputs, collecting every error by row and column. Nothing is
 * written here; the caller writes only when the error list is empty.
 */
export const parseMemberRows = (
  sheet: ReadSheet,
  ctx: SheetContext,
): { members: { row: number; input: MemberCreate }[]; errors: RowError[] } => {
  const errors: RowError[] = [];
  const index = new Map(sheet.headers.map((h, i) => [h, i]));
  const missing = MEMBER_COLUMNS.filter((c) => c.required && !index.has(c.header)).map((c) => c.header);
  if (missing.length > 0)
    return {
      members: [],
      errors: [{ row: 1, column: missing.join('、'), message: `缺少必需的列：${missing.join('、')}（请使用导入模板）` }],
    };

  const members: { row: number; input: MemberCreate }[] = [];
  const seenIds = new Map<string, number>();
  for (const { rowNumber, cells } of sheet.rows) {
    const raw: Record<string, unknown> = {};
    let rowOk = true;
    for (const col of MEMBER_COLUMNS) {
      const i = index.get(col.header);
      const cell = i === undefined ? null : (cells[i] ?? null);
      // U+FFFD stands for bytes that could not be read: stored, the name would be lost for good.
      const parsed = typeof cell === 'string' && cell.includes('\uFFFD') ? { error: UNREADABLE } : col.parse(cell);
      if ('error' in parsed) {
        errors.push({ row: rowNumber, column: col.header, message: parsed.error });
        rowOk = false;
      } else if (parsed.value === undefined && col.required) {
        errors.push({ row: rowNumber, column: col.header, message: `${col.header}不能为空` });
        rowOk = false;
      } else {
        raw[col.field] = parsed.value;
      }
    }
    if (!rowOk) continue;
    const branch = ctx.branchOf(String(raw.orgCode));
    if (typeof branch === 'string') {
      errors.push({ row: rowNumber, column: '所在党组织代码', message: branch });
      continue;
    }
    raw.status ??= raw.fullMemberAt ? 'full' : 'probationary';
    const shaped = memberCreateSchema.safeParse({ ...raw, orgCode: undefined, orgId: branch.id });
    if (!shaped.success) {
      for (const issue of shaped.error.issues)
        errors.push({ row: rowNumber, column: headerOf(String(issue.path[0])), message: issue.message });
      continue;
    }
    const { problems, id } = memberFactProblems(shaped.data, ctx.today);
    for (const p of problems) errors.push({ row: rowNumber, column: headerOf(p.field), message: p.message });
    if (problems.length > 0 || !id) continue;
    const first = seenIds.get(id.value);
    if (first) {
      errors.push({ row: rowNumber, column: '公民身份号码', message: `与第${first}行的公民身份号码重复` });
      continue;
    }
    seenIds.set(id.value, rowNumber);
    members.push({ row: rowNumber, input: { ...shaped.data, idNumber: normalizeIdNumber(id.value) } });
  }
  return { members, errors };
};

/** The import template: the header row (ID and phone as text columns) and a sheet of notes. */
export const memberTemplate = async (): Promise<Buffer> => {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('党员名册');
  ws.addRow(MEMBER_COLUMNS.map((c) => c.header)).font = { bold: true };
  MEMBER_COLUMNS.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.field === 'idNumber' ? 22 : 14;
    if (c.field === 'idNumber' || c.field === 'phone' || c.field === 'orgCode') col.numFmt = '@';
  });
  const notes = wb.addWorksheet('填写说明');
  notes.addRow(['列名', '是否必填', '填写说明']).font = { bold: true };
  for (const c of MEMBER_COLUMNS) notes.addRow([c.header, c.required ? '必填' : '选填', c.note]);
  notes.addRow([]);
  notes.addRow(['民族可选值', '', ETHNICITIES.join('、')]);
  notes.addRow(['导入规则', '', '先校验全部行，任何一行有误则一行也不导入，并列出每个错误所在的行和列；改正后重新导入。']);
  notes.getColumn(3).width = 80;
  return Buffer.from(await wb.xlsx.writeBuffer());
};

/** The uploaded workbook with an 错误说明 column: each bad row's errors, in red. */
export const annotateErrors = async (buf: Buffer, errors: RowError[]): Promise<Buffer> => {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as never);
  const ws = wb.worksheets[0];
  if (!ws) return buf;
  const col = ws.columnCount + 1;
  const byRow = new Map<number, string[]>();
  for (const e of errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), `【${e.column}】${e.message}`]);
  ws.getCell(1, col).value = '错误说明';
  for (const [row, messages] of byRow) {
    const cell = ws.getCell(row, col);
    cell.value = messages.join('；');
    cell.font = { color: { argb: 'FFC00000' } };
  }
  ws.getColumn(col).width = 60;
  return Buffer.from(await wb.xlsx.writeBuffer());
};
