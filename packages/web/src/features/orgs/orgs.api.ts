/** Org tree reads and writes, and the administrative divisions used when editing an org. */
import type { OrgCreate, OrgUpdate } from '@jishi/domain';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiQuery, type ApiSchema, apiClient, bodyOf, isApiError } from '../../shared/api-client';

export type OrgAncestor = ApiSchema<'OrgAncestor'>;

/** An org as the server presents it, with the caller's abilities on it. */
export type Org = ApiSchema<'Org'>;

/** A GB/T 2260 / NBS administrative division. */
export type Division = ApiSchema<'Division'>;

/** Longest search text the server accepts. */
export const MAX_QUERY = 50;

export type OrgSearchParams = ApiQuery<'/api/v1/orgs'>;

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
    queryFn: async ({ signal }) => (await bodyOf(apiClient.GET('/api/v1/orgs/roots', { signal }))).items,
    staleTime: 5 * 60_000,
  });
}

/** One org with its ancestors; disabled while `id` is undefined. */
export function useOrg(id: number | undefined) {
  return useQuery({
    queryKey: orgKeys.detail(id ?? 0),
    queryFn: ({ signal }) => bodyOf(apiClient.GET('/api/v1/orgs/{id}', { params: { path: { id: id ?? 0 } }, signal })),
    enabled: id !== undefined,
  });
}

/** Query options for the direct children of `id` (shared by the lazy tree and `fetchQuery`). */
export const orgChildrenQuery = (id: number, includeClosed: boolean) =>
  queryOptions({
    queryKey: orgKeys.children(id, includeClosed),
    queryFn: async ({ signal }) =>
      (
        await bodyOf(
          apiClient.GET('/api/v1/orgs/{id}/children', {
            params: { path: { id }, query: { includeClosed: includeClosed ? 'true' : 'false' } },
            signal,
          }),
        )
      ).items,
  });

/** Orgs matching name, code or pinyin initials; disabled for an empty query. */
export function useOrgSearch(params: OrgSearchParams, enabled = true) {
  return useQuery({
    queryKey: orgKeys.search(params),
    queryFn: ({ signal }) => bodyOf(apiClient.GET('/api/v1/orgs', { params: { query: params }, signal })),
    enabled: enabled && Boolean(params.q?.trim()),
    placeholderData: (previous) => previous,
  });
}

/** An open branch anywhere in the system, as another scope may name it for a 组织关系转接. */
export type OrgRef = ApiSchema<'OrgRef'>;

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
        return await bodyOf(apiClient.GET('/api/v1/orgs/by-code/{code}', { params: { path: { code } }, signal }));
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
    queryFn: async ({ signal }) => (await bodyOf(apiClient.GET('/api/v1/divisions', { params: { query: { parent } }, signal }))).items,
    staleTime: Number.POSITIVE_INFINITY,
  });

/** Invalidates every org read and every figure computed over the tree. The writes below leave a refusal to their dialog. */
const useInvalidateOrgs = () => {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: orgKeys.all }), queryClient.invalidateQueries({ queryKey: ['indicators'] })]);
};

/** Creates an org under `parentId`. */
export function useCreateOrg() {
  const invalidate = useInvalidateOrgs();
  return useMutation({
    mutationFn: (input: OrgCreate) => bodyOf(apiClient.POST('/api/v1/orgs', { body: input })),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

/** Updates the given fields of an org. */
export function useUpdateOrg() {
  const invalidate = useInvalidateOrgs();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: OrgUpdate }) =>
      bodyOf(apiClient.PATCH('/api/v1/orgs/{id}', { params: { path: { id } }, body: patch })),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

/** Moves an org (with its subtree) under a new parent. */
export function useMoveOrg() {
  const invalidate = useInvalidateOrgs();
  return useMutation({
    mutationFn: ({ id, parentId }: { id: number; parentId: number }) =>
      bodyOf(apiClient.POST('/api/v1/orgs/{id}/move', { params: { path: { id } }, body: { parentId } })),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

/** Closes (撤销) an org on a date, with a reason. */
export function useCloseOrg() {
  const invalidate = useInvalidateOrgs();
  return useMutation({
    mutationFn: ({ id, closedAt, reason }: { id: number; closedAt: string; reason: string }) =>
      bodyOf(apiClient.POST('/api/v1/orgs/{id}/close', { params: { path: { id } }, body: { closedAt, reason } })),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
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
