/**
 * Select options derived from the domain's label tables, so every enum has exactly one label
 * table (in `@jishi/domain`) and the UI only reshapes it.
 */
import {
  AGE_BANDS,
  type Band,
  COMMENDATION_LEVEL_LABELS,
  COMMENDATION_LEVELS,
  COMMENDATION_TITLE_LABELS,
  COMMENDATION_TITLES,
  COMMITTEE_KIND_LABELS,
  COMMITTEE_KINDS,
  COMMITTEE_POST_LABELS,
  COMMITTEE_POSTS,
  EDUCATIONS,
  ETHNICITIES,
  EXIT_TYPE_LABELS,
  EXIT_TYPES,
  GENDER_LABELS,
  MEDAL50_STATUS_LABELS,
  MEDAL50_STATUSES,
  MEETING_TYPE_LABELS,
  MEETING_TYPES,
  MEMBER_STATUS_LABELS,
  MEMBER_STATUSES,
  OCCUPATION_LABELS,
  OCCUPATIONS,
  ORG_DOMAIN_LABELS,
  ORG_DOMAINS,
  ORG_TYPE_LABELS,
  ORG_TYPES,
  PARTY_AGE_BANDS,
  ROLE_LABELS,
  type Role,
  TRANSFER_STATUS_LABELS,
} from '@jishi/domain';

/** `[{ value, label }]` in the order of `values`. */
export const optionsOf = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));

export const ORG_TYPE_OPTIONS = optionsOf(ORG_TYPES, ORG_TYPE_LABELS);
export const ORG_DOMAIN_OPTIONS = optionsOf(ORG_DOMAINS, ORG_DOMAIN_LABELS);

/** Options whose label is the value itself (民族, 学历: the domain lists the Chinese names). */
const plainOptions = <T extends string>(values: readonly T[]) => values.map((value) => ({ value, label: value as string }));

export const GENDER_OPTIONS = optionsOf(['male', 'female'] as const, GENDER_LABELS);
export const ETHNICITY_OPTIONS = plainOptions(ETHNICITIES);
export const EDUCATION_OPTIONS = plainOptions(EDUCATIONS);
export const OCCUPATION_OPTIONS = optionsOf(OCCUPATIONS, OCCUPATION_LABELS);
export const MEMBER_STATUS_OPTIONS = optionsOf(MEMBER_STATUSES, MEMBER_STATUS_LABELS);
export const EXIT_TYPE_OPTIONS = optionsOf(EXIT_TYPES, EXIT_TYPE_LABELS);
export const TRANSFER_STATUS_OPTIONS = optionsOf(['pending', 'received', 'cancelled'] as const, TRANSFER_STATUS_LABELS);
export const MEDAL50_STATUS_OPTIONS = optionsOf(MEDAL50_STATUSES, MEDAL50_STATUS_LABELS);
export const COMMENDATION_TITLE_OPTIONS = optionsOf(COMMENDATION_TITLES, COMMENDATION_TITLE_LABELS);
export const COMMENDATION_LEVEL_OPTIONS = optionsOf(COMMENDATION_LEVELS, COMMENDATION_LEVEL_LABELS);
export const MEETING_TYPE_OPTIONS = optionsOf(MEETING_TYPES, MEETING_TYPE_LABELS);
export const COMMITTEE_KIND_OPTIONS = optionsOf(COMMITTEE_KINDS, COMMITTEE_KIND_LABELS);
export const COMMITTEE_POST_OPTIONS = optionsOf(COMMITTEE_POSTS, COMMITTEE_POST_LABELS);

/** Options of a band table (年龄段, 党龄段): the band's id and its statistical label. */
const bandOptions = <B extends Band>(bands: readonly B[]) => bands.map((b) => ({ value: b.id as B['id'], label: b.label }));

export const AGE_BAND_OPTIONS = bandOptions(AGE_BANDS);
export const PARTY_AGE_BAND_OPTIONS = bandOptions(PARTY_AGE_BANDS);

/** A label for any code a table may not know (older data, a role added on the server first). */
export const labelOf = <T extends string>(labels: Record<T, string>, value: string | null | undefined): string =>
  value ? ((labels as Record<string, string>)[value] ?? value) : '—';

/** Role options for the given roles. */
export const roleOptions = (roles: readonly Role[]) => roles.map((value) => ({ value, label: ROLE_LABELS[value] }));
