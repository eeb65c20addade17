import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { BRANCH_TYPES, type MemberCreate, OCCUPATION_LABELS } from '@jishi/domain';
import { insertMembers, type MemberInsert } from '@jishi/server/src/modules/members/member.repo.ts';
import { sealMember } from '@jishi/server/src/modules/members/member.service.ts';
import { deriveKeys } from '@jishi/server/src/platform/crypto.ts';
import { ImportLimits, XLSX_TYPE } from '@jishi/server/src/platform/excel.ts';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { cpuDelta, cpuSnapshot } from '../lib/cpu.js';
import { summarizeCpuProfile } from '../lib/cpuprofile.js';
import { DEMO_USER, login, warmFetch } from '../lib/http.js';
import { machineInfo } from '../lib/machine.js';
import { businessToday, memberRows, type SheetRow } from '../lib/member-rows.js';
import { backendPids, dbUrl, dropDatabase, recreateDatabase } from '../lib/pgdb.js';
import {
  BENCH_DIR,
  type Child,
  cleanEnv,
  freePort,
  onInterrupt,
  REPO_ROOT,
  removeTempDir,
  spawnLogged,
  stopChild,
  tempDir,
} from '../lib/proc.js';
import { writeResult } from '../lib/results.js';
import { median, round, secondsSince } from '../lib/stats.js';
import { SERVER_ARGS, startServer, timeToServeDemo } from './startup.js';

export const IMPORT_DB = 'jishi_bench_import';
const TOTAL_ROWS = 100_000;
const TARGET_ROWS_PER_SECOND = 10_000;
/** The demo county: the whole `small` demo, and the importing account's scope. */
const COUNTY_CODE = '150502';
const REAL_APP = 'jishi_bench_import_real';
const BARE_APP = 'jishi_bench_import_bare';

export interface ImportOptions {
  runs: number;
  /** One more import with the server under `node --cpu-prof`, summarised into the result. */
  profile: boolean;
}

interface Branch {
  id: number;
  code: string;
}

/** The open branches under the county, in code order: where the rows go. */
const countyBranches = async (db: pg.Client): Promise<Branch[]> =>
  (
    await db.query(
      `select o.id, o.code from org o join org c on o.path <@ c.path
        where c.code = $1 and o.type = any($2) and o.closed_at is null order by o.code`,
      [COUNTY_CODE, BRANCH_TYPES],
    )
  ).rows;

const memberCount = async (db: pg.Client, table = 'member'): Promise<number> =>
  Number((await db.query(`select count(*) as n from ${table}`)).rows[0].n);

/**
 * The template the server hands out, filled with `rows`, as .xlsx bytes: its sheets, header row and
 * column formats, written with exceljs's streaming writer (shared strings, as Excel saves) because
 * the in-memory writer takes four times as long for 50,000 rows.
 */
const fillTemplate = async (template: Buffer, rows: SheetRow[]): Promise<Buffer> => {
  const src = new ExcelJS.Workbook();
  await src.xlsx.load(template as never);
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true, useStyles: true });
  src.worksheets.forEach((sheet, i) => {
    const ws = wb.addWorksheet(sheet.name);
    ws.columns = sheet.columns.map((c) => ({ width: c.width, style: c.style }));
    const headers = (sheet.getRow(1).values as unknown[]).slice(1).map((h) => String(h ?? ''));
    sheet.eachRow((row) => ws.addRow((row.values as unknown[]).slice(1)).commit());
    if (i === 0) for (const r of rows) ws.addRow(headers.map((h) => (r[h] ? r[h] : null))).commit();
    ws.commit();
  });
  await wb.commit();
  return Buffer.concat(chunks);
};

/** The same rows as the import would write them (sealed, with pinyin), for the bare INSERT. */
const sealRows = (rows: SheetRow[], orgIdByCode: Map<string, number>): MemberInsert[] => {
  const keys = deriveKeys(randomBytes(32));
  const status = (s: string) => (s === '预备党员' ? 'probationary' : 'full');
  const occupation = Object.fromEntries(Object.entries(OCCUPATION_LABELS).map(([k, v]) => [v, k]));
  return rows.map((r) => {
    const id = r.公民身份号码 as string;
    const input: MemberCreate = {
      name: r.姓名 as string,
      gender: r.性别 === '男' ? 'male' : 'female',
      ethnicity: r.民族 as MemberCreate['ethnicity'],
      idNumber: id,
      phone: r.手机号码 || undefined,
      orgId: orgIdByCode.get(r.所在党组织代码 as string) as number,
      joinedAt: r.入党日期 as string,
      fullMemberAt: r.转正日期 || undefined,
      status: status(r.党员状态 as string),
      education: r.学历 as MemberCreate['education'],
      occupation: occupation[r.人员类别 as string] as MemberCreate['occupation'],
      isFlowing: r.流动党员 === '是',
      isInService: r.在职党员 === '是',
    };
    return sealMember(keys, input, id, `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`);
  });
};

/** The importer's own INSERT statements (insertMembers: 1,000 rows each), aimed at the scratch table. */
const insertStatements = async (members: MemberInsert[]): Promise<{ text: string; values: unknown[] }[]> => {
  const captured: SQL[] = [];
  const fakeQ = {
    execute: async (q: SQL) => {
      captured.push(q);
      return { rows: [] };
    },
  };
  await insertMembers(fakeQ as never, members);
  const dialect = new PgDialect();
  return captured.map((q) => {
    const { sql, params } = dialect.sqlToQuery(q);
    if (!sql.startsWith('insert into member ')) throw new Error(`unexpected insert statement: ${sql.slice(0, 80)}`);
    return { text: sql.replace('insert into member ', 'insert into member_bare '), values: params };
  });
};

/**
 * member_bare: LIKE member INCLUDING ALL (columns, defaults, checks, indexes), plus what LIKE leaves
 * out: member's foreign keys and triggers (a trigger may fill a column the INSERT does not name).
 */
const createScratchTable = async (db: pg.Client) => {
  await db.query('create table member_bare (like member including all)');
  const fks = await db.query(
    `select conname, pg_get_constraintdef(oid) as def from pg_constraint where conrelid = 'member'::regclass and contype = 'f'`,
  );
  for (const f of fks.rows) await db.query(`alter table member_bare add constraint ${f.conname}_bare ${f.def}`);
  const triggers = await db.query(
    `select pg_get_triggerdef(oid) as def from pg_trigger where tgrelid = 'member'::regclass and not tgisinternal`,
  );
  for (const t of triggers.rows) {
    const def = (t.def as string).replace(/ ON (public\.)?member /, ' ON member_bare ');
    if (!def.includes(' ON member_bare ')) throw new Error(`cannot copy trigger: ${t.def}`);
    await db.query(def);
  }
  return { foreignKeys: fks.rows.length, triggers: triggers.rows.length };
};

interface FileTiming {
  rows: number;
  bytes: number;
  seconds: number;
}

/** Uploads the files one after another, as a user would; each answers 201 once its rows are committed. */
const uploadAll = async (base: string, cookie: string, files: { buf: Buffer; rows: number }[]): Promise<FileTiming[]> => {
  const out: FileTiming[] = [];
  for (const [i, f] of files.entries()) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(f.buf)], { type: XLSX_TYPE }), `党员名册-${i + 1}.xlsx`);
    const t0 = performance.now();
    const res = await fetch(`${base}/api/v1/members/import`, { method: 'POST', headers: { cookie }, body: form });
    const text = await res.text();
    const seconds = secondsSince(t0);
    if (res.status !== 201) throw new Error(`import of file ${i + 1} answered ${res.status}: ${text.slice(0, 1500)}`);
    const created = (JSON.parse(text) as { created: number }).created;
    if (created !== f.rows) throw new Error(`file ${i + 1}: created ${created} of ${f.rows} rows`);
    out.push({ rows: f.rows, bytes: f.buf.length, seconds });
  }
  return out;
};

/** Cold-starts the real server on a fresh database (small demo), logs in as the county account. */
const freshServer = async (work: string, masterKey: string, label: string, profile?: { dir: string; maps: string }) => {
  const version = await recreateDatabase(IMPORT_DB);
  const env = { DATABASE_URL: dbUrl(IMPORT_DB, REAL_APP), JISHI_MASTER_KEY: masterKey, JISHI_DEMO_SCALE: 'small' };
  const port = await freePort();
  const t0 = performance.now();
  let child: Child = startServer(path.join(work, 'data'), port, path.join(work, `server-${label}.log`), env);
  await timeToServeDemo(child, port, t0);
  if (profile) {
    // Restart profiled, so the profile holds the import rather than the demo load; the preload
    // keeps the source maps, since tsx's output has no function names.
    await stopChild(child);
    const [importFlag, tsx, main] = SERVER_ARGS as [string, string, string];
    const args = ['--cpu-prof', `--cpu-prof-dir=${profile.dir}`, '--enable-source-maps', importFlag, tsx];
    args.push('--import', path.join(BENCH_DIR, 'lib/profile-maps.ts'), main);
    child = spawnLogged('server (profiled)', process.execPath, args, {
      cwd: REPO_ROOT,
      env: cleanEnv({ PORT: String(port), JISHI_DATA_DIR: path.join(work, 'data'), BENCH_SOURCE_MAPS: profile.maps, ...env }),
      logFile: path.join(work, `server-${label}-profiled.log`),
    });
    await timeToServeDemo(child, port, performance.now());
  }
  const base = `http://127.0.0.1:${port}`;
  return { child, base, cookie: await login(base), version };
};

/**
 * 100,000 member rows through the server's Excel import (template download, then the upload route,
 * as many files as the per-file limit needs) against a raw multi-row INSERT of the same rows.
 */
export const runImport = async (o: ImportOptions) => {
  const machine = machineInfo();
  await warmFetch();
  const work = tempDir('import');
  const masterKey = randomBytes(32).toString('hex');
  const removeHook = onInterrupt(() => dropDatabase(IMPORT_DB));
  const perFile = ImportLimits.maxRows;
  const fileCount = Math.ceil(TOTAL_ROWS / perFile);
  const today = businessToday();
  let child: Child | undefined;
  let admin: pg.Client | undefined;
  let version = '';
  const files: { buf: Buffer; rows: number }[] = [];
  let statements: { text: string; values: unknown[] }[] = [];
  let branchCodes: string[] = [];
  /** Codes and ids: the bare statements carry the first run's org ids. */
  let firstBranchKey = '';
  let templateBytes = 0;
  let demoMembers = 0;
  const realRuns: Record<string, unknown>[] = [];
  const bareRuns: Record<string, unknown>[] = [];
  let profile: ReturnType<typeof summarizeCpuProfile> | undefined;

  try {
    for (let run = 1; run <= o.runs + (o.profile ? 1 : 0); run++) {
      const profiling = run > o.runs;
      const prof = { dir: path.join(work, 'cpuprofile'), maps: path.join(work, 'source-maps.json') };
      if (profiling) mkdirSync(prof.dir, { recursive: true });
      const s = await freshServer(work, masterKey, `run${run}`, profiling ? prof : undefined);
      child = s.child;
      version = `PostgreSQL ${s.version}`;
      admin = new pg.Client({ connectionString: dbUrl(IMPORT_DB, 'jishi_bench_import_check') });
      await admin.connect();

      // The template, as a user downloads it; the rows go into it.
      const tres = await fetch(`${s.base}/api/v1/members/import/template`, { headers: { cookie: s.cookie } });
      if (tres.status !== 200) throw new Error(`template answered ${tres.status}`);
      const template = Buffer.from(await tres.arrayBuffer());
      const branches = await countyBranches(admin);
      const codes = branches.map((b) => b.code);
      const branchKey = branches.map((b) => `${b.code}:${b.id}`).join();
      if (files.length === 0) {
        const t0 = performance.now();
        templateBytes = template.length;
        branchCodes = codes;
        firstBranchKey = branchKey;
        const rows = memberRows(TOTAL_ROWS, codes, COUNTY_CODE, today);
        for (let i = 0; i < fileCount; i++) {
          const part = rows.slice(i * perFile, (i + 1) * perFile);
          files.push({ buf: await fillTemplate(template, part), rows: part.length });
        }
        statements = await insertStatements(sealRows(rows, new Map(branches.map((b) => [b.code, b.id]))));
        console.log(
          `    ${TOTAL_ROWS} rows for ${codes.length} branches in ${fileCount} files ` +
            `(${files.map((f) => `${(f.buf.length / 2 ** 20).toFixed(1)} MiB`).join(', ')}), prepared in ${secondsSince(t0)} s`,
        );
      } else if (branchKey !== firstBranchKey) {
        throw new Error('the demo produced other branches than in the first run');
      }
      demoMembers = await memberCount(admin);

      // Real: upload → rows committed, for every file.
      const before = demoMembers;
      // Flush the demo load's dirty pages first, so no checkpoint of earlier work falls into the clock.
      await admin.query('checkpoint');
      const server0 = cpuSnapshot([child.pid]);
      const db0 = cpuSnapshot(await backendPids(admin, IMPORT_DB, REAL_APP));
      const t0 = performance.now();
      const timings = await uploadAll(s.base, s.cookie, files);
      const seconds = secondsSince(t0);
      const serverCpu = cpuDelta(server0, cpuSnapshot([child.pid]));
      const dbCpu = cpuDelta(db0, cpuSnapshot(await backendPids(admin, IMPORT_DB, REAL_APP)));
      const after = await memberCount(admin);
      if (after - before !== TOTAL_ROWS) throw new Error(`member count rose by ${after - before}, expected ${TOTAL_ROWS}`);
      const real = {
        seconds,
        rowsPerSecond: round(TOTAL_ROWS / seconds, 0),
        files: timings,
        memberCountBefore: before,
        memberCountAfter: after,
        cpu: { serverSeconds: round(serverCpu, 2), databaseSeconds: round(dbCpu, 2) },
      };

      if (profiling) {
        await stopChild(child);
        profile = summarizeCpuProfile(prof.dir, 15, prof.maps);
        console.log(
          `    profiled import: ${real.rowsPerSecond} rows/s (not counted); busy ${round(profile.totalSeconds - profile.idleSeconds, 1)} s`,
        );
        await admin.end();
        admin = undefined;
        continue;
      }
      realRuns.push(real);
      console.log(
        `    run ${run}/${o.runs} real: ${real.rowsPerSecond} rows/s (${seconds} s: ${timings.map((t) => `${t.seconds} s`).join(' + ')}; ` +
          `CPU ${real.cpu.serverSeconds} s server + ${real.cpu.databaseSeconds} s PostgreSQL)`,
      );

      // Bare: the same rows, sealed beforehand, as the importer's INSERT statements into a scratch
      // table of the same shape and indexes; one transaction per file, as the import route has.
      const scratch = await createScratchTable(admin);
      const bare = new pg.Client({ connectionString: dbUrl(IMPORT_DB, BARE_APP), options: '-c timezone=UTC' });
      await bare.connect();
      await admin.query('checkpoint');
      const bareDb0 = cpuSnapshot(await backendPids(admin, IMPORT_DB, BARE_APP));
      const runner0 = process.cpuUsage();
      const b0 = performance.now();
      const perStatement = Math.ceil(statements.length / fileCount);
      for (let f = 0; f < fileCount; f++) {
        await bare.query('begin');
        for (const st of statements.slice(f * perStatement, (f + 1) * perStatement)) await bare.query(st.text, st.values);
        await bare.query('commit');
      }
      const bareSeconds = secondsSince(b0);
      const runnerCpu = process.cpuUsage(runner0);
      const bareDbCpu = cpuDelta(bareDb0, cpuSnapshot(await backendPids(admin, IMPORT_DB, BARE_APP)));
      await bare.end();
      const bareCount = await memberCount(admin, 'member_bare');
      if (bareCount !== TOTAL_ROWS) throw new Error(`member_bare holds ${bareCount} rows, expected ${TOTAL_ROWS}`);
      bareRuns.push({
        seconds: bareSeconds,
        rowsPerSecond: round(TOTAL_ROWS / bareSeconds, 0),
        rows: bareCount,
        scratchTable: scratch,
        cpu: { clientSeconds: round((runnerCpu.user + runnerCpu.system) / 1e6, 2), databaseSeconds: round(bareDbCpu, 2) },
      });
      console.log(`    run ${run}/${o.runs} bare: ${round(TOTAL_ROWS / bareSeconds, 0)} rows/s (${bareSeconds} s)`);
      await admin.end();
      admin = undefined;
      await stopChild(child);
      child = undefined;
    }

    const realMedian = median(realRuns.map((r) => r.rowsPerSecond as number));
    const bareMedian = median(bareRuns.map((r) => r.rowsPerSecond as number));
    writeResult('member-import', {
      benchmark: 'member-import',
      title: `Excel member import of ${TOTAL_ROWS.toLocaleString('en-US')} rows on PostgreSQL, real server vs raw INSERT`,
      machine,
      engine: `${version} (127.0.0.1:5432, database ${IMPORT_DB}, re-created for every run; server pool of 10)`,
      account: `${DEMO_USER} (county org_admin)`,
      dataset: {
        demo: 'JISHI_DEMO=tongliao, JISHI_DEMO_SCALE=small (one county, 科尔沁区)',
        demoMembers,
        branches: branchCodes.length,
        rows: TOTAL_ROWS,
        files: files.map((f) => ({ rows: f.rows, bytes: f.buf.length })),
        fileLimitRows: perFile,
        templateBytes,
        rowRules:
          'bench/lib/member-rows.ts: checksum-valid ID numbers born on the 29th/30th (the demo uses days 1-28), region 150502; 入党 at 18-40 and at least 2 years ago, 转正 one year after; about 3 % probationary (入党 in the last 11 months); 70 % with a phone; branches round-robin. Cells as text.',
      },
      measured:
        'Wall time from the first upload until the last answered 201 (rows committed), the files one after another, each a multipart POST /api/v1/members/import; then the member count is checked to have risen by exactly the rows.',
      target: { minRowsPerSecond: TARGET_ROWS_PER_SECOND },
      real: {
        description:
          'real server: session, multipart upload, exceljs read of the sheet, per-row parsing, zod and member rule checks, branch scope check, duplicate check by blind index (within the sheet and against the database), SM4 sealing, pinyin key, insertMembers (1,000 rows a statement) and the audit row, one transaction per file',
        median: { rowsPerSecond: realMedian },
        runs: realRuns,
      },
      bare: {
        description:
          'raw INSERTs via pg from the bench process: the same rows, sealed (SM4, blind index, pinyin) before the clock started, sent as the multi-row statements of the importer (taken from insertMembers at run time, 1,000 rows each) into member_bare, created LIKE member INCLUDING ALL (same columns, defaults, checks and indexes) with the foreign keys and triggers of member added; one transaction per file',
        sql: statements[0]?.text.replace(/\(\$\d+[\s\S]*$/, '(…) × 1,000 rows returning id'),
        median: { rowsPerSecond: bareMedian },
        runs: bareRuns,
      },
      /** real rows/s ÷ bare rows/s. */
      ratio: round(realMedian / bareMedian, 3),
      profile: profile
        ? {
            description:
              'one extra import (not counted) with the server under node --cpu-prof, restarted warm for it: module loading and start-up (about 2 s) are in the profile too; idle is waiting (PostgreSQL, the client). Frames are mapped to the TypeScript sources through the source maps tsx produced (lib/profile-maps.ts). Shares are of busy (non-idle) time.',
            ...profile,
          }
        : undefined,
      pass: realMedian >= TARGET_ROWS_PER_SECOND,
    });
  } finally {
    if (child) await stopChild(child);
    await admin?.end().catch(() => {});
    await dropDatabase(IMPORT_DB).catch((e) => console.error(`could not drop ${IMPORT_DB}: ${e}`));
    removeHook();
    removeTempDir(work);
  }
};
