import { type Actor, DomainError, notFound, scopesHeld, stepActorProblem } from '@jishi/domain';
import { eq, sql } from 'drizzle-orm';
import { idIn, type Q, rows, schema } from '../../platform/db/index.js';
import { advance, advanceEach, type Firing } from '../../platform/workflow.js';
import { ENTRIES, ENTRY_STATE_JOIN, readableEntry, readableRound } from './evaluation.repo.js';
import { clearResult } from './evaluation.review.js';

type Acting = Firing & { actor: Actor };

const { objection } = schema;

/** An objection raised during 公示, recorded by the office that runs it. */
export const addObjection = async (q: Q, firing: Acting, entryId: number, input: { text: string; raisedBy?: string }) => {
  const { entry } = await readableEntry(q, firing.actor, entryId);
  let id = 0;
  await advance(q, ENTRIES, firing, entry.id, 'object', input, {
    effect: async () => {
      const [o] = await q
        .insert(objection)
        .values({
          entryId: entry.id,
          text: input.text,
          raisedBy: input.raisedBy ?? null,
          recordedBy: firing.actor.userId,
          recordedOn: firing.today,
        })
        .returning({ id: objection.id });
      id = o?.id as number;
      return { objectionId: id };
    },
    // What was said stays with the objection, where only those above the entry read who said it.
    data: {},
  });
  return id;
};

/** Answers an objection; one upheld sends the entry back to 评定 and clears its result. */
export const answerObjection = async (
  q: Q,
  firing: Acting,
  objectionId: number,
  input: { decision: 'dismissed' | 'upheld'; answer: string },
) => {
  const [found] = await q.select({ entryId: objection.entryId }).from(objection).where(eq(objection.id, objectionId));
  if (!found) throw notFound('异议');
  const { entry } = await readableEntry(q, firing.actor, found.entryId);
  await advance(q, ENTRIES, firing, entry.id, 'answer_objection', input, {
    effect: async () => {
      // The entry's lock is held: of two answers to one objection, the second sees the first.
      const [open] = await q.select({ decision: objection.decision }).from(objection).where(eq(objection.id, objectionId));
      if (open?.decision) throw new DomainError('CONFLICT', '该异议已答复');
      await q
        .update(objection)
        .set({ decision: input.decision, answer: input.answer, answeredBy: firing.actor.userId, answeredOn: firing.today })
        .where(eq(objection.id, objectionId));
      if (input.decision === 'upheld') await clearResult(q, entry.id);
      return undefined;
    },
    data: { objectionId, decision: input.decision },
  });
  return { entryId: entry.id };
};

/**
 * Ends 公示 for the entries under the actor whose 公示 is over with every objection answered: the
 * results are published (flags named, levels final). The others stay and are counted.
 */
export const publishRound = async (q: Q, firing: Acting, roundId: number) => {
  const { actor, today } = firing;
  const round = await readableRound(q, actor, roundId);
  const candidates = await rows<{ id: number; path: string; publicityTo: string; open: number }>(
    q,
    sql`select e.id, o.path::text as path, to_char(e.publicity_to, 'YYYY-MM-DD') as "publicityTo",
          (select count(*)::int from objection x where x.entry_id = e.id and x.decision is null) as open
        from round_entry e ${ENTRY_STATE_JOIN} join org o on o.id = e.org_id
        where e.round_id = ${round.id} and wi.state = 'publicity'
        order by e.id`,
  );
  let waiting = 0;
  let objections = 0;
  const ready: number[] = [];
  const held = scopesHeld(actor, 'evaluation.manage');
  for (const c of candidates) {
    if (stepActorProblem('publicity', held, c.path, round.orgPath)) continue;
    if (c.publicityTo >= today) waiting++;
    else if (c.open > 0) objections++;
    else ready.push(c.id);
  }
  // The engine checks each again under its lock (a county publishes hundreds at once: one pass).
  if (ready.length > 0) {
    await advanceEach(q, ENTRIES, firing, ready, 'publish', () => ({}));
    await q.update(schema.roundEntry).set({ finalAt: today }).where(idIn(schema.roundEntry.id, ready));
  } else {
    // Nothing was ready: no entry moved, the request is still on record.
    await firing.audit({ targetType: 'evaluation_round', targetId: round.id, detail: { published: 0, waiting, objections } });
  }
  return { published: ready.length, waiting, objections };
};
