import { can } from '../access/access.js';
import { defineProcess, type EventContext, type OrgFacts, refuse } from '../workflow/process.js';

/**
 * 组织关系转接 as a process on the one workflow engine: a letter issued inside the system waits
 * (`pending`) until the receiving branch records the arrival (`received`) or the issuing branch
 * withdraws it (`cancelled`). A letter to or from outside the system is settled when it is made.
 */
export type TransferState = 'pending' | 'received' | 'cancelled';

export const TRANSFER_STATE_LABELS: Record<TransferState, string> = {
  pending: '待接收',
  received: '已接收',
  cancelled: '已撤回',
};

/** What the rules read of a letter and of the two sides as they are now. */
export interface TransferSubject {
  memberName: string;
  issuedAt: string;
  /** The two sides inside the system (a side outside it is null). */
  fromOrg: OrgFacts | null;
  toOrg: OrgFacts | null;
  /** The member has left the roll since the letter was issued. */
  memberGone: boolean;
  /** The receiving branch was closed since. */
  toOrgClosed: boolean;
}

type Ctx = EventContext<TransferState, TransferSubject>;

export type TransferInputs = {
  receive: { receivedAt: string };
  cancel: Record<string, never>;
};

export const TRANSFER_PROCESS = defineProcess<TransferState, TransferSubject, TransferInputs>({
  kind: 'transfer',
  label: '组织关系转接',
  initial: 'pending',
  states: {
    pending: { label: TRANSFER_STATE_LABELS.pending },
    received: { label: TRANSFER_STATE_LABELS.received, final: true },
    cancelled: { label: TRANSFER_STATE_LABELS.cancelled, final: true },
  },
  events: {
    receive: {
      label: '接收',
      from: ['pending'],
      to: 'received',
      // The receiving side acts; it may see the letter from either side, so a refusal is 403.
      who: (ctx: Ctx) => {
        const org = ctx.subject.toOrg;
        if (!org || !can(ctx.actor, 'transfer.manage', { orgPath: org.path }))
          return refuse('FORBIDDEN', `只有接收方「${org?.name ?? '转入党组织'}」可以办理接收`);
        return { org };
      },
      guard: (ctx, input) => {
        const s = ctx.subject;
        if (input.receivedAt > ctx.today) return refuse('INVALID_INPUT', '接收日期不能晚于今天', 'receivedAt');
        if (input.receivedAt < s.issuedAt) return refuse('INVALID_INPUT', '接收日期不能早于介绍信开具日期', 'receivedAt');
        if (s.memberGone) return refuse('RULE_VIOLATION', `${s.memberName}已不在册，不能接收；请与开具方核实后撤回介绍信`);
        if (s.toOrgClosed) return refuse('RULE_VIOLATION', `「${s.toOrg?.name}」已撤销，不能接收；请开具方撤回后重新开具`);
        return null;
      },
      step: () => 2,
    },
    cancel: {
      label: '撤回',
      from: ['pending'],
      to: 'cancelled',
      who: (ctx: Ctx) => {
        const org = ctx.subject.fromOrg;
        if (!org || !can(ctx.actor, 'transfer.manage', { orgPath: org.path }))
          return refuse('FORBIDDEN', `只有开具介绍信的「${org?.name ?? '转出党组织'}」可以撤回`);
        return { org };
      },
      step: () => 2,
    },
  },
  // Someone on the other side has just settled it: a conflict, as the two concurrent receipts show.
  outOfTurn: () => refuse('CONFLICT', '该转接已办结或已撤回'),
});
