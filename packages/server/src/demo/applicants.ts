import {
  addMonths,
  checkStep,
  DEVELOPMENT_PROCESS,
  type DoneStep,
  developmentStateAfter,
  idCheckChar,
  maskIdNumber,
  nextDeadline,
} from '@jishi/domain';
import { sql } from 'drizzle-orm';
import { blindIndex, encryptField, type Keys } from '../platform/crypto.js';
import type { Q } from '../platform/db/index.js';
import { pinyinKey } from '../platform/pinyin.js';
import type { DemoBranch } from './members.js';
import type { Random } from './random.js';

/** Months after the application at which each of steps 2–16 is typically done (a smooth case). */
const OFFSETS = [0.5, 2, 2.2, 2.3, 8, 15, 15.2, 15.5, 16, 17, 17.5, 18, 18.2, 18.5, 19];

const GIVEN = ['晓东', '海燕', '志刚', '丽娜', '宏伟', '春梅', '巴图', '乌云', '金花', '宝力道', '文博', '雅琪'];
const SURNAMES = '王李张刘陈杨赵黄周吴包白韩于';

/**
 * Applicants at every stage up to the branch's vote (steps 1–16) in village, community and school
 * branches, some of them overdue, each step checked by the same rules the API applies.
 */
export const generateApplicants = async (q: Q, keys: Keys, r: Random, branches: DemoBranch[], today: string): Promise<number> => {
  const chosen = branches.filter((b) => ['village', 'community', 'school', 'organ'].includes(b.domain) && r.chance(0.3));
  let n = 0;
  for (const b of chosen) {
    const female = r.chance(0.4);
    const birth = `${r.int(1990, 2004)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
    const first17 = `${b.region}${birth.replaceAll('-', '')}${String(900 + r.int(0, 49) * 2 + (female ? 0 : 1)).padStart(3, '0')}`;
    const idNumber = first17 + idCheckChar(first17);
    const appliedAt = addMonths(today, -r.int(1, 30));
    const done: DoneStep[] = [{ step: 1, date: appliedAt }];
    // Stop at a random step, or where the next date would be in the future.
    const stopAt = r.int(1, 16);
    for (let step = 2; step <= stopAt; step++) {
      const date = addMonths(appliedAt, Math.ceil(OFFSETS[step - 2] as number));
      if (date > today) break;
      const input = {
        step,
        date,
        ...(step === 11 ? { trainingDays: 3 } : {}),
        ...(step === 15 ? { vote: { shouldAttend: 20, present: 16, yes: 15, writtenYes: 1 } } : {}),
      };
      if (checkStep(done, input, { birthDate: birth, today }).refusal) break;
      done.push({ step, date });
    }
    const index = blindIndex(keys, idNumber);
    const inserted = (await q.execute(
      sql`insert into applicant (org_id, name, pinyin, gender, ethnicity, birth_date, id_number_enc, id_number_index, id_number_masked, education, occupation)
          values (${b.id}, ${SURNAMES[r.int(0, SURNAMES.length - 1)] + r.pick(GIVEN)}, '', ${female ? 'female' : 'male'}, ${r.chance(0.4) ? '蒙古族' : '汉族'},
            ${birth}::date, ${encryptField(keys, idNumber)}, ${index}, ${maskIdNumber(idNumber)}, '大学专科', ${b.domain === 'village' ? 'farmer_herder' : 'other'})
          on conflict (id_number_index) do nothing returning id, name`,
    )) as unknown as { rows: { id: number; name: string }[] };
    const row = inserted.rows[0];
    if (!row) continue;
    await q.execute(sql`update applicant set pinyin = ${pinyinKey(row.name)} where id = ${row.id}`);
    await q.execute(
      sql`insert into workflow_step (kind, subject_id, seq, event, step, date, data, warnings, org_id)
          values ${sql.join(
            done.map(
              (d, i) =>
                sql`(${DEVELOPMENT_PROCESS.kind}, ${row.id}, ${i + 1}, ${`step${d.step}`}, ${d.step}, ${d.date}::date, ${JSON.stringify(d.step === 15 ? { vote: { shouldAttend: 20, present: 16, yes: 15, writtenYes: 1 } } : {})}::jsonb, '[]'::jsonb, ${b.id})`,
            ),
            sql`, `,
          )}`,
    );
    // The engine's instance: waiting for the next step, with its deadline.
    const due = nextDeadline(done);
    await q.execute(
      sql`insert into workflow_instance (kind, subject_id, state, seq, entered_on, due_on)
          values (${DEVELOPMENT_PROCESS.kind}, ${row.id}, ${developmentStateAfter(done)}, ${done.length}, ${done.at(-1)?.date}::date,
                  ${due?.kind === 'due' ? due.date : null}::date)`,
    );
    n++;
  }
  return n;
};
