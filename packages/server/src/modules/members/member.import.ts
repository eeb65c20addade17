import { type Actor, BRANCH_TYPES, can, DomainError } from '@jishi/domain';
import { inArray } from 'drizzle-orm';
import { blindIndex, type Keys } from '../../platform/crypto.js';
import type { Q } from '../../platform/db/index.js';
import { member, org } from '../../platform/db/schema.js';
import { readSheet, SheetError } from '../../platform/excel.js';
import { parseMemberRows, type RowError } from './member.excel.js';
import { insertMembers } from './member.repo.js';
import { sealMember } from './member.service.js';

/** Reads and checks an uploaded member sheet; every error by row and column, nothing written. */
export const checkMemberSheet = async (q: Q, keys: Keys, actor: Actor, file: Buffer, today: string) => {
  let sheet: Awaited<ReturnType<typeof readSheet>>;
  try {
    sheet = await readSheet(file, '姓名');
  } catch (e) {
    if (e instanceof SheetError) throw new DomainError('INVALID_INPUT', e.message, { field: 'file' });
    throw e;
  }
  // The branches the sheet names, in one query; each must be one the importer manages.
  const codeColumn = sheet.headers.indexOf('所在党组织代码');
  const codes = [...new Set(sheet.rows.map((r) => String(r.cells[codeColumn] ?? '').trim()).filter((c) => c !== ''))];
  const orgs = codes.length
    ? await q
        .select({ id: org.id, code: org.code, orgPath: org.path, type: org.type, closedAt: org.closedAt, name: org.name })
        .from(org)
        .where(inArray(org.code, codes))
    : [];
  const byCode = new Map(orgs.map((o) => [o.code, o]));
  const { members, errors } = parseMemberRows(sheet, {
    today,
    branchOf: (code) => {
      const o = byCode.get(code);
      if (!o || !can(actor, 'member.read', o)) return `找不到代码为「${code}」的党组织，或它不在您的管辖范围内`;
      if (!can(actor, 'member.manage', o)) return `您无权向「${o.name}」登记党员`;
      if (!BRANCH_TYPES.includes(o.type as never)) return `「${o.name}」不是党支部，党员应编入党支部`;
      if (o.closedAt) return `「${o.name}」已撤销`;
      return { id: o.id };
    },
  });
  // One person, one record in the whole system: without saying where the other record is.
  const indexes = members.map((m) => ({ row: m.row, index: blindIndex(keys, m.input.idNumber) }));
  for (let i = 0; i < indexes.length; i += 1000) {
    const chunk = indexes.slice(i, i + 1000);
    const taken = new Set(
      (
        await q
          .select({ idx: member.idNumberIndex })
          .from(member)
          .where(
            inArray(
              member.idNumberIndex,
              chunk.map((c) => c.index),
            ),
          )
      ).map((r) => r.idx),
    );
    for (const c of chunk) {
      if (taken.has(c.index))
        errors.push({ row: c.row, column: '公民身份号码', message: '该公民身份号码已登记为党员（同一人只能有一条党员记录）' });
    }
  }
  errors.sort((a, b) => a.row - b.row);
  return { members, errors, rows: sheet.rows.length, pathOf: new Map(orgs.map((o) => [o.id, o.orgPath])) };
};

/** Writes a checked sheet: all rows or, when any row is wrong, none. */
export const importMemberSheet = async (q: Q, keys: Keys, actor: Actor, file: Buffer, today: string) => {
  const { members, errors, rows: total, pathOf } = await checkMemberSheet(q, keys, actor, file, today);
  if (errors.length > 0) {
    const badRows = new Set(errors.map((e) => e.row)).size;
    throw new DomainError('INVALID_INPUT', `共${total}行，其中${badRows}行有误，未导入任何数据；请按错误说明改正后重新导入`, {
      field: 'file',
      errors: errors.slice(0, 1000) satisfies RowError[],
      errorCount: errors.length,
    });
  }
  // Sealing (SM4, SM3, pinyin) is this process's work and inserting is the database's: the next
  // chunk is sealed while the last one is written.
  let writing: Promise<unknown> = Promise.resolve();
  for (let i = 0; i < members.length; i += 2000) {
    const sealed = members.slice(i, i + 2000).map(({ input }) => {
      const birth = `${input.idNumber.slice(6, 10)}-${input.idNumber.slice(10, 12)}-${input.idNumber.slice(12, 14)}`;
      return sealMember(keys, input, input.idNumber, birth, pathOf.get(input.orgId));
    });
    await writing;
    writing = insertMembers(q, sealed);
  }
  await writing;
  return { created: members.length, failed: 0, errors: [] as RowError[] };
};
