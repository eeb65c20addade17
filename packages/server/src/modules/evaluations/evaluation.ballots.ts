import { randomInt } from 'node:crypto';
import { type Actor, BALLOT_CODE_ALPHABET, DomainError, type Rating, stepIndex, tally } from '@jishi/domain';
import { and, count as countOf, eq, isNull, sql } from 'drizzle-orm';
import type { Keys } from '../../platform/crypto.js';
import { blindIndex } from '../../platform/crypto.js';
import { type Q, rows, schema } from '../../platform/db/index.js';
import { advance, type Firing } from '../../platform/workflow.js';
import { ENTRIES, findEntry, findRound, type RoundRow, readableEntry, stageOf } from './evaluation.repo.js';

const { ballotCode, ballotTally: tallyTable } = schema;

/** Issues one-time codes for the entry's 测评; the plain codes are returned once and kept only as keyed hashes. */
export const issueCodes = async (q: Q, firing: Firing & { actor: Actor }, keys: Keys, entryId: number, count: number) => {
  const { entry, round } = await readableEntry(q, firing.actor, entryId);
  const codes = Array.from({ length: count }, () =>
    Array.from({ length: 10 }, () => BALLOT_CODE_ALPHABET[randomInt(BALLOT_CODE_ALPHABET.length)]).join(''),
  );
  await advance(
    q,
    ENTRIES,
    firing,
    entry.id,
    'issue_codes',
    { count },
    {
      effect: async () => {
        await q
          .insert(ballotCode)
          .values(
            codes.map((c) => ({ entryId: entry.id, codeHash: blindIndex(keys, c), issuedBy: firing.actor.userId, issuedOn: firing.today })),
          );
        return undefined;
      },
    },
  );
  return { codes, closesAt: round.steps[stepIndex(round.steps, 'ballot')]?.closesAt ?? null };
};

/** The 测评 count of an entry, with the codes handed out and used. */
export const ballotTally = async (q: Q, entryId: number) => {
  const counts = await q.select({ choice: tallyTable.choice, n: tallyTable.votes }).from(tallyTable).where(eq(tallyTable.entryId, entryId));
  const [codes] = await q
    .select({ issued: countOf(), used: countOf(ballotCode.usedOn) })
    .from(ballotCode)
    .where(eq(ballotCode.entryId, entryId));
  return { ...tally(Object.fromEntries(counts.map((c) => [c.choice, c.n]))), codesIssued: codes?.issued ?? 0, codesUsed: codes?.used ?? 0 };
};

/** Ends the entry's 测评: the count is recorded in the step log and unused codes stop working. */
export const closeBallot = async (q: Q, firing: Firing & { actor: Actor }, entryId: number) => {
  const { entry } = await readableEntry(q, firing.actor, entryId);
  const t = await ballotTally(q, entry.id);
  await advance(q, ENTRIES, firing, entry.id, 'close_ballot', {}, { data: { tally: t } });
  return t;
};

/** What the phone page shows for a code before voting; says plainly when it cannot be used. */
export const ballotInfo = async (q: Q, keys: Keys, code: string, today: string) => {
  const [found] = await rows<{ entryId: number; usedOn: string | null; orgName: string; roundId: number }>(
    q,
    sql`select c.entry_id as "entryId", to_char(c.used_on, 'YYYY-MM-DD') as "usedOn", o.name as "orgName", e.round_id as "roundId"
        from ballot_code c join round_entry e on e.id = c.entry_id join org o on o.id = e.org_id
        where c.code_hash = ${blindIndex(keys, code)}`,
  );
  if (!found) throw new DomainError('NOT_FOUND', '测评码无效，请核对后重新输入');
  const round = (await findRound(q, found.roundId)) as RoundRow;
  const entry = await findEntry(q, found.entryId);
  const stage = entry ? stageOf(round, entry) : round.steps.length;
  const index = stepIndex(round.steps, 'ballot');
  const step = round.steps[index];
  let refusal: string | null = null;
  if (found.usedOn) refusal = '该测评码已投过票，每个测评码只能投一次';
  else if (stage !== index) refusal = '本次测评已结束，测评码已失效';
  else if (step && today > step.closesAt) refusal = `本次测评已于${step.closesAt}截止，测评码已失效`;
  else if (step && today < step.opensAt) refusal = `本次测评${step.opensAt}开始`;
  return {
    entryId: found.entryId,
    orgName: found.orgName,
    roundName: round.name,
    programme: round.programme,
    stepName: step?.name ?? '',
    refusal,
    summary: stage > 0 ? (entry?.selfAssessment?.summary ?? null) : null,
  };
};

/**
 * One anonymous ballot per code: the code is marked used and the choice counted; no row is kept
 * per ballot, so nothing links a choice to a code, a time or an address. A second vote with the
 * same code is refused, also when two arrive at once. A ballot moves no step: the entry's
 * instance is untouched, so voters never contend with the branch for it.
 */
export const castBallot = async (q: Q, keys: Keys, code: string, choice: Rating, today: string) => {
  const info = await ballotInfo(q, keys, code, today);
  if (info.refusal) throw new DomainError('RULE_VIOLATION', info.refusal, { field: 'code' });
  const [used] = await q
    .update(ballotCode)
    .set({ usedOn: today })
    .where(and(eq(ballotCode.codeHash, blindIndex(keys, code)), isNull(ballotCode.usedOn)))
    .returning({ entryId: ballotCode.entryId });
  if (!used) throw new DomainError('RULE_VIOLATION', '该测评码已投过票，每个测评码只能投一次', { field: 'code' });
  await q
    .insert(tallyTable)
    .values({ entryId: used.entryId, choice, votes: 1 })
    .onConflictDoUpdate({ target: [tallyTable.entryId, tallyTable.choice], set: { votes: sql`${tallyTable.votes} + 1` } });
  return { entryId: used.entryId, orgName: info.orgName };
};
