import { type Actor, ageOn, can, partyAgeSince, partyAgeYears } from '@jishi/domain';
import type { MemberRow } from './member.repo.js';

/**
 * The API shape of a member: ID and phone masked, party age computed for `today`, the caller's
 * abilities attached. Never the sealed values.
 */
export const presentMember = (actor: Actor, m: MemberRow, today: string) => ({
  id: m.id,
  orgId: m.orgId,
  orgName: m.orgName,
  name: m.name,
  gender: m.gender,
  ethnicity: m.ethnicity,
  birthDate: m.birthDate,
  age: ageOn(m.birthDate, today),
  idNumber: m.idNumberMasked,
  phone: m.phoneMasked,
  education: m.education,
  occupation: m.occupation,
  joinedAt: m.joinedAt,
  fullMemberAt: m.fullMemberAt,
  status: m.status,
  partyAgeSince: partyAgeSince(m),
  partyAgeYears: partyAgeYears(m, today),
  isFlowing: m.isFlowing,
  isInService: m.isInService,
  exitType: m.exitType,
  exitAt: m.exitAt,
  abilities: { canManage: can(actor, 'member.manage', m), canReveal: can(actor, 'member.reveal', m) },
});
