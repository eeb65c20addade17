/** 表彰激励: lists computed from the member roll. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api-client';
import { type Member, memberKeys } from '../members/members.api';

/** Members eligible for 「光荣在党50年」 in `year` under one org. */
export interface Medal50List {
  org: { id: number; name: string };
  year: number;
  /** The last 转正日期 that qualifies: (year − 50)-07-01. */
  cutoff: string;
  items: Member[];
  total: number;
}

/** The 「光荣在党50年」 list for one org and year; disabled until the org is known. */
export function useMedal50(orgId: number | undefined, year: number) {
  return useQuery({
    queryKey: [...memberKeys.all, 'medal50', { orgId, year }],
    queryFn: ({ signal }) => api.get<Medal50List>('/honors/medal50', { orgId, year }, signal),
    placeholderData: keepPreviousData,
    enabled: orgId !== undefined,
  });
}
