/**
 * 班子与换届: an org's elected committee (支部委员会, or a 书记 where none is set up) with its posts
 * and term, earlier committees, and its 党小组. Keys live under `['meetings']`: an election or a new
 * 党小组 changes what the branch owes.
 */
import { type CommitteeCreate, inOfficeOn } from '@jishi/domain';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type ApiSchema, apiClient, bodyOf } from '../../shared/api-client';
import { meetingKeys, useRefreshMeetings } from './meetings.api';

/** One election: who was elected, when, and any approved advance (<0) or delay (>0) of the next 换届. */
export type Committee = ApiSchema<'Committee'>;

/** The committee in office, with where its term stands today. */
export type CurrentCommittee = ApiSchema<'CurrentCommittee'>;

/** A 党小组 with its 组长. */
export type PartyGroup = ApiSchema<'PartyGroup'>;

/** What `GET /orgs/:id/committee` answers: the committee in office, earlier ones (newest first), the 党小组. */
export type CommitteeOverview = ApiSchema<'OrgLeadership'>;

/** The committee in office on `date` (the one a 支委会 that day counts its quorum against), if any. */
export const committeeOn = (overview: CommitteeOverview | undefined, date: string | undefined): Committee | undefined => {
  if (!overview || !date) return undefined;
  return [...(overview.current ? [overview.current] : []), ...overview.history].find((c) => inOfficeOn(c, date));
};

/** An org's committee, history and 党小组; disabled until the org is known. */
export function useCommittee(orgId: number | undefined) {
  return useQuery({
    queryKey: meetingKeys.committee(orgId ?? 0),
    queryFn: ({ signal }) => bodyOf(apiClient.GET('/api/v1/orgs/{id}/committee', { params: { path: { id: orgId ?? 0 } }, signal })),
    enabled: orgId !== undefined,
  });
}

/** Records an election (换届): the new committee replaces the current one. Errors are left to the caller. */
export function useElectCommittee() {
  const refresh = useRefreshMeetings();
  return useMutation({
    mutationFn: ({ orgId, input }: { orgId: number; input: CommitteeCreate }) =>
      bodyOf(apiClient.POST('/api/v1/orgs/{id}/committee', { params: { path: { id: orgId } }, body: input })),
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
      bodyOf(
        apiClient.PUT('/api/v1/orgs/{id}/committee/adjustment', { params: { path: { id: orgId } }, body: { adjustmentMonths, reason } }),
      ),
    onSuccess: refresh,
    meta: { handlesErrors: true },
  });
}

/** Sets up a 党小组, with its 组长 from the branch's roll. Errors are left to the caller. */
export function useCreateGroup() {
  const refresh = useRefreshMeetings();
  return useMutation({
    mutationFn: ({ orgId, name, leaderId }: { orgId: number; name: string; leaderId?: number }) =>
      bodyOf(apiClient.POST('/api/v1/orgs/{id}/groups', { params: { path: { id: orgId } }, body: { name, leaderId } })),
    onSuccess: refresh,
    meta: { handlesErrors: true },
  });
}
