/** Org tree reads and writes, and the administrative divisions used when editing an org. */
import type { OrgCreate, OrgDomain, OrgType, OrgUpdate } from '@jishi/domain';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, type Page } from '../../shared/api-client';

export interface OrgAncestor {
  id: number;
  name: string;
}

/** An org as the server presents it, with the caller's abilities on it. */
export interface Org {
  id: number;
  parentId: number | null;
  /** Materialized path of ids, root first (`1.4.17`). */
  path: string;
  name: string;
  code: string;
  type: OrgType;
  domain: OrgDomain;
  divisionCode: string | null;
  foundedAt: string | null;
  unit: string | null;
  /** Units a 联合党支部 covers. */
  unitsCovered: number | null;
  closedAt: string | null;
  closeReason: string | null;
  childCount: number;
  /** From the tree root down to the parent. */
  ancestors: OrgAncestor[];
  /** canRestructure: may move or close it (a decision of its parent). */
  abilities: {
    canManage: boolean;
    canRestructure: boolean;
    canManageMembers: boolean;
    canRecordMeetings: boolean;
    canManageDues: boolean;
    canRecordCommittee: boolean;
    canRegisterApplicants: boolean;
    canCommend: boolean;
    canTransfer: boolean;
    canOrganizeEvaluations: boolean;
  };
}

/** A GB/T 2260 / NBS administrative division. */
export interface Division {
  code: string;
  name: string;
  level: string | number;
}

/** Longest search text the server accepts. */
export const MAX_QUERY = 50;

export interface OrgSearchParams {
  q?: string;
  type?: OrgType;
  domain?: OrgDomain;
  page?: number;
  pageSize?: number;
}

/** Query keys: everything under `['orgs']`, so one invalidation refreshes tree, detail and search. */
export const orgKeys = {
  all: ['orgs'] as const,
  roots: () => ['orgs', 'roots'] as const,
  detail: (id: number) => ['orgs', 'detail', id] as const,
  children: (id: number, includeClosed: boolean) => ['orgs', 'children', id, { includeClosed }] as const,
  search: (params: OrgSearchParams) => ['orgs', 'search', params] as const,
};

/** The top nodes of the caller's read scope. */
export function useOrgRoots() {
  return useQuery({
    queryKey: orgKeys.roots(),
    queryFn: ({ signal }) => api.get<{ items: Org[] }>('/orgs/roots', undefined, signal).then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}

/** One org with its ancestors; disabled while `id` is undefined. */
export function useOrg(id: number | undefined) {
  return useQuery({
    queryKey: orgKeys.detail(id ?? 0),
    queryFn: ({ signal }) => api.get<Org>(`/orgs/${id}`, undefined, signal),
    enabled: id !== undefined,
  });
}

/** Query options for the direct children of `id` (shared by the lazy tree and `fetchQuery`). */
export const orgChildrenQuery = (id: number, includeClosed: boolean) =>
  queryOptions({
    queryKey: orgKeys.children(id, includeClosed),
    queryFn: ({ signal }) => api.get<Page<Org>>(`/orgs/${id}/children`, { includeClosed }, signal).then((r) => r.items),
  });

/** Orgs matching name, code or pinyin initials; disabled for an empty query. */
export function useOrgSearch(params: OrgSearchParams, enabled = true) {
  return useQuery({
    queryKey: orgKeys.search(params),
    queryFn: ({ signal }) => api.get<Page<Org>>('/orgs', { ...params }, signal),
    enabled: enabled && Boolean(params.q?.trim()),
    placeholderData: (previous) => previous,
  });
}

/** An open branch anywhere in the system, as another scope may name it for a 组织关系转接. */
export interface OrgRef {
  id: number;
  name: string;
  code: string;
}

/**
 * The open branch with this exact code, anywhere in the system (not only the caller's scope), to
 * confirm the name of the branch a letter goes to; `null` when no branch has it. Disabled for an
 * empty code.
 */
export function useOrgByCode(code: string) {
  return useQuery({
    queryKey: [...orgKeys.all, 'by-code', code] as const,
    queryFn: async ({ signal }): Promise<OrgRef | null> => {
      try {
        return await api.get<OrgRef>(`/orgs/by-code/${encodeURIComponent(code)}`, undefined, signal);
      } catch (error) {
        // No such branch is an answer here, not a failure.
        if (isApiError(error, 404)) return null;
        throw error;
      }
    },
    enabled: code !== '',
    retry: false,
    staleTime: 60_000,
    meta: { handlesErrors: true },
  });
}

/** Direct sub-divisions of `parent` (the city's county units when omitted). */
export const divisionsQuery = (parent?: string) =>
  queryOptions({
    queryKey: ['divisions', parent ?? 'city'] as const,
    queryFn: ({ signal }) => api.get<{ items: Division[] }>('/divisions', { parent }, signal).then((r) => r.items),
    staleTime: Number.POSITIVE_INFINITY,
  });

/** Invalidates every org read and every figure computed over the tree. */
const useInvalidateOrgs = () => {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: orgKeys.all }), queryClient.invalidateQueries({ queryKey: ['indicators'] })]);
};

/** Creates an org under `parentId`. */
export function useCreateOrg() {
  const invalidate = useInvalidateOrgs();
  return useMutation({ mutationFn: (input: OrgCreate) => api.post<Org>('/orgs', input), onSuccess: invalidate });
}

/** Updates the given fields of an org. */
export function useUpdateOrg() {
  const invalidate = useInvalidateOrgs();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: OrgUpdate }) => api.patch<Org>(`/orgs/${id}`, patch),
    onSuccess: invalidate,
  });
}

/** Moves an org (with its subtree) under a new parent. */
export function useMoveOrg() {
  const invalidate = useInvalidateOrgs();
  return useMutation({
    mutationFn: ({ id, parentId }: { id: number; parentId: number }) => api.post<Org>(`/orgs/${id}/move`, { parentId }),
    onSuccess: invalidate,
  });
}

/** Closes (撤销) an org on a date, with a reason. */
export function useCloseOrg() {
  const invalidate = useInvalidateOrgs();
  return useMutation({
    mutationFn: ({ id, closedAt, reason }: { id: number; closedAt: string; reason: string }) =>
      api.post<Org>(`/orgs/${id}/close`, { closedAt, reason }),
    onSuccess: invalidate,
  });
}

/**
 * The ancestors of `org` the caller may open: from the highest one that is a scope root down.
 * Ancestors above the caller's scope would answer 404, so they are not offered as links.
 */
export const reachableAncestors = (org: Pick<Org, 'id' | 'ancestors'>, rootIds: readonly number[]): OrgAncestor[] => {
  const ancestors = org.ancestors.filter((a) => a.id !== org.id);
  const start = ancestors.findIndex((a) => rootIds.includes(a.id));
  return start === -1 ? [] : ancestors.slice(start);
};
