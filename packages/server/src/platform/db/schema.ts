import type { CommitteeKind, CommitteePost, DuesCategory, DuesMethod, MEMBER_STATUSES, MeetingStatus, MeetingType } from '@jishi/domain';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** PostgreSQL ltree: the org's materialized path of ids (`1.4.17`). */
export const ltree = customType<{ data: string }>({ dataType: () => 'ltree' });
const pgSnapshot = customType<{ data: string }>({ dataType: () => 'pg_snapshot' });
const xid8 = customType<{ data: string }>({ dataType: () => 'xid8' });

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const org = pgTable(
  'org',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    // biome-ignore lint/suspicious/noExplicitAny: a self-reference needs the explicit return type drizzle documents.
    parentId: integer('parent_id').references((): any => org.id),
    path: ltree('path').notNull(),
    name: text('name').notNull(),
    code: text('code').notNull(),
    type: text('type').notNull(),
    domain: text('domain').notNull(),
    divisionCode: text('division_code'),
    foundedAt: date('founded_at', { mode: 'string' }),
    unit: text('unit'),
    /** Units a 联合党支部 covers (条例第五条: no more than 5). */
    unitsCovered: integer('units_covered'),
    closedAt: date('closed_at', { mode: 'string' }),
    closeReason: text('close_reason'),
    /** Pinyin initials and full pinyin, for search ("klqq") and Chinese sort order. */
    pinyin: text('pinyin').notNull().default(''),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('org_code_key').on(t.code),
    index('org_path_gist').using('gist', t.path),
    index('org_parent_idx').on(t.parentId),
    index('org_name_trgm').using('gin', sql`${t.name} gin_trgm_ops`),
    index('org_pinyin_trgm').using('gin', sql`${t.pinyin} gin_trgm_ops`),
  ],
);

export const appUser = pgTable(
  'app_user',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    /** The org the account belongs to, for scoping account lists. */
    homeOrgId: integer('home_org_id').references(() => org.id),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    disabled: boolean('disabled').notNull().default(false),
    passwordChangedAt: at('password_changed_at'),
    lastLoginAt: at('last_login_at'),
    /** The member this account is, so a member sees their own dues; one account per member. */
    memberId: integer('member_id').references((): AnyPgColumn => member.id),
    /** Bumped by triggers whenever what a session carries changes: a cached session is stale then. */
    sessionEpoch: integer('session_epoch').notNull().default(0),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('app_user_username_key').on(sql`lower(${t.username})`),
    uniqueIndex('app_user_member_key').on(t.memberId).where(sql`member_id is not null`),
  ],
);

export const userGrant = pgTable(
  'user_grant',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => appUser.id),
    role: text('role').notNull(),
    orgId: integer('org_id')
      .notNull()
      .references(() => org.id),
  },
  (t) => [uniqueIndex('user_grant_key').on(t.userId, t.role, t.orgId), index('user_grant_org_idx').on(t.orgId)],
);

/**
 * Failed-login counters by username, kept for unknown usernames too, so a locked account and
 * an unknown one answer the same.
 */
export const loginThrottle = pgTable('login_throttle', {
  usernameKey: text('username_key').primaryKey(),
  failedCount: integer('failed_count').notNull().default(0),
  lockedUntil: at('locked_until'),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

export const session = pgTable(
  'session',
  {
    /** SM3 of the cookie token: a leaked table does not yield live sessions. */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => appUser.id),
    createdAt: at('created_at').notNull(),
    lastSeenAt: at('last_seen_at').notNull(),
    ip: text('ip'),
  },
  (t) => [index('session_user_idx').on(t.userId)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: at('at').notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name'),
    actorRole: text('actor_role'),
    actorOrgId: integer('actor_org_id'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    outcome: text('outcome').notNull(),
    requestId: text('request_id'),
    ip: text('ip'),
    detail: jsonb('detail'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    /** Gap-free position in the chain (1, 2, 3, …), taken from the last head under the audit lock. */
    seq: bigint('seq', { mode: 'number' }).notNull(),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_actor_idx').on(t.actorId), uniqueIndex('audit_log_seq_key').on(t.seq)],
);

/** The chain's head after each write, append-only like the log: a deleted tail cannot take it back. */
export const auditHead = pgTable('audit_head', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  hash: text('hash').notNull(),
  at: at('at').notNull(),
});

export const setting = pgTable('setting', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

/**
 * The person columns members and applicants share: ID and phone sealed (SM4) with a keyed blind
 * index for exact lookup, and their masked forms so lists never decrypt.
 */
const person = () => ({
  name: text('name').notNull(),
  pinyin: text('pinyin').notNull().default(''),
  gender: text('gender').notNull(),
  ethnicity: text('ethnicity').notNull(),
  birthDate: date('birth_date', { mode: 'string' }).notNull(),
  idNumberEnc: text('id_number_enc').notNull(),
  idNumberIndex: text('id_number_index').notNull(),
  idNumberMasked: text('id_number_masked').notNull(),
  phoneEnc: text('phone_enc'),
  phoneMasked: text('phone_masked'),
  education: text('education'),
  occupation: text('occupation'),
});

/**
 * 党员. ID and phone are stored SM4-encrypted with a keyed blind index for exact lookup; the masked
 * forms are kept beside them so lists never decrypt.
 */
export const member = pgTable(
  'member',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    orgId: integer('org_id')
      .notNull()
      .references(() => org.id),
    /** The org's path, kept by triggers (insert, transfer, org move): scope filters and ordered pages need no join. */
    orgPath: ltree('org_path').notNull(),
    ...person(),
    joinedAt: date('joined_at', { mode: 'string' }).notNull(),
    fullMemberAt: date('full_member_at', { mode: 'string' }),
    status: text('status').$type<(typeof MEMBER_STATUSES)[number]>().notNull(),
    isFlowing: boolean('is_flowing').notNull().default(false),
    isInService: boolean('is_in_service').notNull().default(false),
    exitType: text('exit_type'),
    exitAt: date('exit_at', { mode: 'string' }),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('member_id_number_index_key').on(t.idNumberIndex),
    index('member_org_idx').on(t.orgId),
    index('member_name_trgm').using('gin', sql`${t.name} gin_trgm_ops`),
    index('member_name_prefix').using('btree', sql`${t.name} text_pattern_ops`),
    index('member_pinyin_prefix').using('btree', sql`${t.pinyin} text_pattern_ops`),
    index('member_initials_prefix').using('btree', sql`split_part(${t.pinyin}, ' ', 2) text_pattern_ops`),
    index('member_org_path_gist').using('gist', t.orgPath),
    // The roll's page order, covering the scope column: a page of 20 reads the index alone.
    index('member_roll_order').on(t.pinyin, t.id).where(sql`exit_type is null`),
  ],
);

/** 组织关系转接: one letter, from a branch to a branch in the system or out of it; its state is on the workflow engine. */
export const memberTransfer = pgTable(
  'member_transfer',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    memberId: integer('member_id')
      .notNull()
      .references(() => member.id),
    /** Null for a member who arrives from outside the system; `origin` names where from. */
    fromOrgId: integer('from_org_id').references(() => org.id),
    origin: text('origin'),
    toOrgId: integer('to_org_id').references(() => org.id),
    destination: text('destination'),
    letterNo: text('letter_no').notNull(),
    issuedAt: date('issued_at', { mode: 'string' }).notNull(),
    receivedAt: date('received_at', { mode: 'string' }),
    note: text('note'),
    createdBy: integer('created_by').references(() => appUser.id),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('member_transfer_member_idx').on(t.memberId),
    index('member_transfer_to_idx').on(t.toOrgId),
    index('member_transfer_from_idx').on(t.fromOrgId),
  ],
);

/** 入党申请人: one record that moves through the 25 steps; personal data sealed as for members. */
export const applicant = pgTable(
  'applicant',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    orgId: integer('org_id')
      .notNull()
      .references(() => org.id),
    ...person(),
    memberId: integer('member_id').references(() => member.id),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('applicant_id_number_index_key').on(t.idNumberIndex), index('applicant_org_idx').on(t.orgId)],
);

/**
 * One instance of a process on the workflow engine (ARCHITECTURE.md Workflows): its state and
 * sequence, which only `advance()` changes under a row lock, and the current state's deadline.
 * The module's own table keeps the business data (the applicant, the case, the entry's result).
 */
export const workflowInstance = pgTable(
  'workflow_instance',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    kind: text('kind').notNull(),
    subjectId: integer('subject_id').notNull(),
    state: text('state').notNull(),
    seq: integer('seq').notNull().default(0),
    enteredOn: date('entered_on', { mode: 'string' }).notNull(),
    /** The `due` deadline of the current state, if any (timers and boards read it). */
    dueOn: date('due_on', { mode: 'string' }),
    closedOn: date('closed_on', { mode: 'string' }),
  },
  (t) => [
    uniqueIndex('workflow_instance_key').on(t.kind, t.subjectId),
    index('workflow_instance_state_idx').on(t.kind, t.state),
    index('workflow_instance_due_idx').on(t.kind, t.dueOn).where(sql`closed_on is null`),
  ],
);

/**
 * The shared workflow log: each accepted event of any process, in order, with its business date,
 * input, warnings, who fired it, in which role and for which org. `seq` is unique per subject, so
 * of two concurrent events exactly one is stored.
 */
export const workflowStep = pgTable(
  'workflow_step',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    kind: text('kind').notNull(),
    subjectId: integer('subject_id').notNull(),
    seq: integer('seq').notNull(),
    event: text('event').notNull(),
    step: integer('step').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    data: jsonb('data').notNull().default({}),
    warnings: jsonb('warnings').notNull().default([]),
    actorId: integer('actor_id').references(() => appUser.id),
    actorRole: text('actor_role'),
    orgId: integer('org_id').references(() => org.id),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('workflow_step_seq_key').on(t.kind, t.subjectId, t.seq)],
);

/**
 * Days an administrator adds to the business calendar (a later year's holidays and 调休 days, as
 * the State Council publishes them); the shipped years live in the domain.
 */
export const businessDay = pgTable('business_day', {
  date: date('date', { mode: 'string' }).primaryKey(),
  kind: text('kind').notNull(),
  name: text('name'),
  createdBy: integer('created_by').references(() => appUser.id),
  createdAt: at('created_at').notNull().defaultNow(),
});

/**
 * 表彰: 优秀共产党员 / 优秀党务工作者 (a member) or 先进基层党组织 (an org), by level and year.
 * Exactly one subject; the same honour is recorded once.
 */
export const commendation = pgTable(
  'commendation',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    title: text('title').notNull(),
    level: text('level').notNull(),
    year: integer('year').notNull(),
    memberId: integer('member_id').references(() => member.id),
    orgId: integer('org_id').references(() => org.id),
    conferredAt: date('conferred_at', { mode: 'string' }).notNull(),
    conferredBy: text('conferred_by'),
    documentNo: text('document_no'),
    createdBy: integer('created_by').references(() => appUser.id),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('commendation_member_idx').on(t.memberId),
    index('commendation_org_idx').on(t.orgId),
    index('commendation_year_idx').on(t.year),
  ],
);

/**
 * 「光荣在党50年」纪念章: one case per member and award year, moving through 推荐 → 审核 → 颁发 on
 * the shared workflow log. A member holds at most one case that is not 未通过.
 */
export const medal50 = pgTable(
  'medal50',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    memberId: integer('member_id')
      .notNull()
      .references(() => member.id),
    year: integer('year').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('medal50_year_idx').on(t.year)],
);

/**
 * 提醒: a deadline a daily job raised (e.g. a 发展党员 step due within days or overdue), for the
 * org it concerns. Raised once per subject, step and due date; resolved when the step is recorded.
 * Whether it is overdue is computed when read, never stored.
 */
export const reminder = pgTable(
  'reminder',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    kind: text('kind').notNull(),
    subjectId: integer('subject_id').notNull(),
    orgId: integer('org_id')
      .notNull()
      .references(() => org.id),
    step: integer('step').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    raisedAt: date('raised_at', { mode: 'string' }).notNull(),
    resolvedAt: date('resolved_at', { mode: 'string' }),
  },
  (t) => [uniqueIndex('reminder_once').on(t.kind, t.subjectId, t.step, t.dueDate), index('reminder_org_idx').on(t.orgId)],
);

/**
 * 三会一课 and the other branch meetings: planned, then held. `quorumProblem` keeps why a held
 * meeting was not valid (RULES.md §2), so the compliance calendar counts valid ones only.
 */
export const meeting = pgTable(
  'meeting',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    orgId: integer('org_id')
      .notNull()
      .references(() => org.id),
    type: text('type').$type<MeetingType>().notNull(),
    status: text('status').$type<MeetingStatus>().notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    place: text('place'),
    host: text('host'),
    topic: text('topic'),
    minutes: text('minutes'),
    decisions: text('decisions'),
    shouldAttend: integer('should_attend'),
    present: integer('present'),
    quorumProblem: text('quorum_problem'),
    /** The 党小组 of a 党小组会. */
    groupId: integer('group_id'),
    createdBy: integer('created_by').references(() => appUser.id),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('meeting_org_date_idx').on(t.orgId, t.date)],
);

/** Who was on the roll for a meeting: present, or absent with the reason. */
export const meetingAttendee = pgTable(
  'meeting_attendee',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meeting.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => member.id),
    present: boolean('present').notNull(),
    absenceReason: text('absence_reason'),
  },
  (t) => [uniqueIndex('meeting_attendee_key').on(t.meetingId, t.memberId)],
);

/**
 * A branch's elected leadership for one term (换届 to 换届): a 支部委员会, or for a branch under 7
 * full members a 书记 (and 副书记) without one. `endedAt` is set when the next election replaces it.
 */
export const committee = pgTable(
  'committee',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    orgId: integer('org_id')
      .notNull()
      .references(() => org.id),
    kind: text('kind').$type<CommitteeKind>().notNull(),
    electedAt: date('elected_at', { mode: 'string' }).notNull(),
    /** An approved advance (<0) or delay (>0) of the next 换届, in months. */
    adjustmentMonths: integer('adjustment_months').notNull().default(0),
    adjustmentReason: text('adjustment_reason'),
    endedAt: date('ended_at', { mode: 'string' }),
    createdBy: integer('created_by').references(() => appUser.id),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('committee_org_idx').on(t.orgId), uniqueIndex('committee_current').on(t.orgId).where(sql`ended_at is null`)],
);

/** Who holds which post in a committee. */
export const committeeMember = pgTable(
  'committee_member',
  {
    committeeId: integer('committee_id')
      .notNull()
      .references(() => committee.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => member.id),
    post: text('post').$type<CommitteePost>().notNull(),
  },
  (t) => [uniqueIndex('committee_member_key').on(t.committeeId, t.memberId)],
);

/** 党小组 of a branch (条例第十三条), with its 组长. */
export const partyGroup = pgTable(
  'party_group',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    orgId: integer('org_id')
      .notNull()
      .references(() => org.id),
    name: text('name').notNull(),
    leaderId: integer('leader_id').references(() => member.id),
    closedAt: date('closed_at', { mode: 'string' }),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('party_group_name').on(t.orgId, t.name)],
);

/** A file kept with a meeting (sign-in sheet photo, minutes PDF): the bytes live under the data dir. */
export const attachment = pgTable(
  'attachment',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meeting.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    createdBy: integer('created_by').references(() => appUser.id),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('attachment_meeting_idx').on(t.meetingId)],
);

/** The nightly compliance scan's result per org and year, for the roll-ups and indicators. */
export const complianceSnapshot = pgTable(
  'compliance_snapshot',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => org.id),
    year: integer('year').notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    findings: jsonb('findings').notNull(),
    meetingsOwed: integer('meetings_owed').notNull(),
    meetingsRequired: integer('meetings_required').notNull(),
    computedAt: at('computed_at').notNull().defaultNow(),
    /** The MVCC snapshot the figures were computed under: a change not visible in it makes them stale. */
    seen: pgSnapshot('seen'),
  },
  (t) => [uniqueIndex('compliance_snapshot_key').on(t.orgId, t.year)],
);

/**
 * Orgs whose compliance figures a write may have changed, logged by trigger on every table the
 * scan reads (migration 0023) with the writing transaction; a null org stands for every org.
 */
export const complianceChange = pgTable(
  'compliance_change',
  {
    orgId: integer('org_id'),
    xid: xid8('xid').notNull().default(sql`pg_current_xact_id()`),
  },
  (t) => [index('compliance_change_org').on(t.orgId)],
);

/**
 * A member's monthly dues from `effectiveFrom` (the first of a month) until the next assessment:
 * fixed at the start of the year or when pay changes (规定第十条). A reduction or exemption keeps
 * the approving org (规定第七条).
 */
export const duesAssessment = pgTable(
  'dues_assessment',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    memberId: integer('member_id')
      .notNull()
      .references(() => member.id),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    category: text('category').$type<DuesCategory>().notNull(),
    baseFen: bigint('base_fen', { mode: 'number' }),
    calculatedFen: integer('calculated_fen').notNull(),
    amountFen: integer('amount_fen').notNull(),
    basis: text('basis').notNull(),
    reductionReason: text('reduction_reason'),
    reductionApprovedBy: integer('reduction_approved_by').references(() => org.id),
    createdBy: integer('created_by').references(() => appUser.id),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('dues_assessment_key').on(t.memberId, t.effectiveFrom)],
);

/** Dues paid for a range of months, with any voluntary extra; ranges never overlap per member. */
export const duesPayment = pgTable(
  'dues_payment',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    memberId: integer('member_id')
      .notNull()
      .references(() => member.id),
    orgId: integer('org_id')
      .notNull()
      .references(() => org.id),
    fromMonth: date('from_month', { mode: 'string' }).notNull(),
    toMonth: date('to_month', { mode: 'string' }).notNull(),
    amountFen: integer('amount_fen').notNull(),
    voluntaryFen: integer('voluntary_fen').notNull().default(0),
    paidAt: date('paid_at', { mode: 'string' }).notNull(),
    method: text('method').$type<DuesMethod>().notNull(),
    receiptNo: text('receipt_no'),
    collectedBy: text('collected_by'),
    createdBy: integer('created_by').references(() => appUser.id),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('dues_payment_member_idx').on(t.memberId, t.fromMonth), index('dues_payment_org_idx').on(t.orgId, t.paidAt)],
);

/**
 * A year's rules for one evaluation programme (评星定级 scheme): who takes part, the criteria,
 * levels, flags and steps, kept as the domain's `Scheme`. Frozen once a round uses it.
 */
export const scheme = pgTable(
  'scheme',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    orgId: integer('org_id')
      .notNull()
      .references(() => org.id),
    programme: text('programme').notNull(),
    name: text('name').notNull(),
    year: integer('year').notNull(),
    definition: jsonb('definition').notNull(),
    copiedFrom: integer('copied_from').references((): AnyPgColumn => scheme.id),
    createdBy: integer('created_by').references(() => appUser.id),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('scheme_name_key').on(t.orgId, t.year, t.name), index('scheme_programme_idx').on(t.programme, t.year)],
);

/** One run of a scheme over the orgs under `orgId`, with each step's window. */
export const evaluationRound = pgTable(
  'evaluation_round',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    schemeId: integer('scheme_id')
      .notNull()
      .references(() => scheme.id),
    orgId: integer('org_id')
      .notNull()
      .references(() => org.id),
    name: text('name').notNull(),
    steps: jsonb('steps').notNull(),
    publicityDays: integer('publicity_days').notNull(),
    createdBy: integer('created_by').references(() => appUser.id),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('evaluation_round_scheme_idx').on(t.schemeId)],
);

/**
 * One org in one round: the step it stands at, what it filed, how it was judged and the result.
 * Each accepted step is also in the workflow log (kind `evaluation`).
 */
export const roundEntry = pgTable(
  'round_entry',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    roundId: integer('round_id')
      .notNull()
      .references(() => evaluationRound.id),
    orgId: integer('org_id')
      .notNull()
      .references(() => org.id),
    declaredFlags: text('declared_flags').array().notNull().default(sql`'{}'`),
    selfAssessment: jsonb('self_assessment'),
    review: jsonb('review'),
    reviewerOrgId: integer('reviewer_org_id').references(() => org.id),
    /** Score in tenths of a point (百分制 to one decimal). */
    scoreTenths: integer('score_tenths'),
    level: text('level'),
    rating: text('rating'),
    flags: text('flags').array().notNull().default(sql`'{}'`),
    publicityFrom: date('publicity_from', { mode: 'string' }),
    publicityTo: date('publicity_to', { mode: 'string' }),
    finalAt: date('final_at', { mode: 'string' }),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('round_entry_key').on(t.roundId, t.orgId), index('round_entry_org_idx').on(t.orgId)],
);

/** A one-time 测评 code, kept only as its hash; `usedOn` is a date so no ballot can be matched to it by time. */
export const ballotCode = pgTable(
  'ballot_code',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    entryId: integer('entry_id')
      .notNull()
      .references(() => roundEntry.id),
    codeHash: text('code_hash').notNull(),
    issuedBy: integer('issued_by').references(() => appUser.id),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    usedOn: date('used_on', { mode: 'string' }),
  },
  (t) => [uniqueIndex('ballot_code_hash_key').on(t.codeHash), index('ballot_code_entry_idx').on(t.entryId)],
);

/**
 * The 测评 count of an entry: votes per choice, nothing per ballot. A row per ballot could be put
 * in order and matched to the audit log's times and addresses; a counter cannot.
 */
export const ballotTally = pgTable(
  'ballot_tally',
  {
    entryId: integer('entry_id')
      .notNull()
      .references(() => roundEntry.id),
    choice: text('choice').notNull(),
    votes: integer('votes').notNull(),
  },
  (t) => [uniqueIndex('ballot_tally_key').on(t.entryId, t.choice)],
);

/** A judge's score of a secretary's presentation (党委摆擂、书记比武). */
export const contestScore = pgTable(
  'contest_score',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    entryId: integer('entry_id')
      .notNull()
      .references(() => roundEntry.id),
    judge: text('judge').notNull(),
    scoreTenths: integer('score_tenths').notNull(),
    recordedBy: integer('recorded_by').references(() => appUser.id),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('contest_score_judge_key').on(t.entryId, t.judge)],
);

/** An objection raised during 公示, and how it was answered. */
export const objection = pgTable(
  'objection',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    entryId: integer('entry_id')
      .notNull()
      .references(() => roundEntry.id),
    text: text('text').notNull(),
    raisedBy: text('raised_by'),
    recordedBy: integer('recorded_by').references(() => appUser.id),
    recordedOn: date('recorded_on', { mode: 'string' }).notNull(),
    decision: text('decision'),
    answer: text('answer'),
    answeredBy: integer('answered_by').references(() => appUser.id),
    answeredOn: date('answered_on', { mode: 'string' }),
  },
  (t) => [index('objection_entry_idx').on(t.entryId)],
);
