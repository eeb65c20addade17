/**
 * 班子与换届: an org's elected committee (支部委员会, or a 书记 where none is set up) with its posts
 * and term, earlier committees, and its 党小组. Keys live under `['meetings']`: an election or a new
 * 党小组 changes what the branch owes.
 */
import { type CommitteeCreate, type CommitteeKind, type CommitteePost, inOfficeOn, type TermStatus } from '@jishi/domain';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api-client';
import { meetingKeys, useRefreshMeetings } from './meetings.api';

/** One elected member and the post held. */
export interface CommitteeSeat {
  memberId: number;
  name: string;
  post: CommitteePost;
}

/** One election: who was elected, when, and any approved advance (<0) or delay (>0) of the next 换届. */
export interface Committee {
  id: number;
  kind: CommitteeKind;
  electedAt: string;
  /** The day the next election replaced it; null while in office. */
  endedAt: string | null;
  adjustmentMonths: number;
  adjustmentReason: string | null;
  members: CommitteeSeat[];
}

/** The committee in office, with where its term stands today. */
export interface CurrentCommittee extends Committee {
  term: TermStatus;
}

/** A 党小组 with its 组长. */
export interface PartyGroup {
  id: number;
  name: string;
  leaderId: number | null;
  leaderName: string | null;
}

/** What `GET /orgs/:id/committee` answers. */
export interface CommitteeOverview {
  current: CurrentCommittee | null;
  /** Earlier committees, newest first. */
  history: Committee[];
  groups: PartyGroup[];
}

/** The committee in office on `date` (the one a 支委会 that day counts its quorum against), if any. */
export const committeeOn = (overview: CommitteeOverview | undefined, date: string | undefined): Committee | undefined => {
  if (!overview || !date) return undefined;
  return [...(overview.current ? [overview.current] : []), ...overview.history].find((c) => inOfficeOn(c, date));
};

/** An org's committee, history and 党小组; disabled until the org is known. */
export function useCommittee(orgId: number | undefined) {
  return useQuery({
    queryKey: meetingKeys.committee(orgId ?? 0),
    queryFn: ({ signal }) => api.get<CommitteeOverview>(`/orgs/${orgId}/committee`, undefined, signal),
    enabled: orgId !== undefined,
  });
}

/** Records an election (换届): the new committee replaces the current one. Errors are left to the caller. */
export function useElectCommittee() {
  const refresh = useRefreshMeetings();
  return useMutation({
    mutationFn: ({ orgId, input }: { orgId: number; input: CommitteeCreate }) =>
      api.post<Omit<CommitteeOverview, 'groups'>>(`/orgs/${orgId}/committee`, input),
    onSuccess: refresh,
    meta: { handlesErrors: true },
  });
}

/**
 * Records the 上级's approval of an earlier or later 换届 (at most 12 months either way). Only an
 * administrator of the org above may; the server refuses anyone else. Errors are left to the caller.
 */
export function useAdjustTerm() {
  const refresh = useRefreshMeetings();
  return useMutation({
    mutationFn: ({ orgId, adjustmentMonths, reason }: { orgId: number; adjustmentMonths: number; reason: string }) =>
      api.put<Omit<CommitteeOverview, 'groups'>>(`/orgs/${orgId}/committee/adjustment`, { adjustmentMonths, reason }),
    onSuccess: refresh,
    meta: { handlesErrors: true },
  });
}

/** Sets up a 党小组, with its 组长 from the branch's roll. Errors are left to the caller. */
export function useCreateGroup() {
  const refresh = useRefreshMeetings();
  return useMutation({
    mutationFn: ({ orgId, name, leaderId }: { orgId: number; name: string; leaderId?: number }) =>
      api.post<{ id: number; groups: PartyGroup[] }>(`/orgs/${orgId}/groups`, { name, leaderId }),
    onSuccess: refresh,
    meta: { handlesErrors: true },
  });
}
