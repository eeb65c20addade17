/**
 * Select options derived from the domain's label tables, so every enum has exactly one label
 * table (in `@jishi/domain`) and the UI only reshapes it.
 */
import { ORG_DOMAIN_LABELS, ORG_DOMAINS, ORG_TYPE_LABELS, ORG_TYPES, ROLE_LABELS, type Role } from '@jishi/domain';

/** `[{ value, label }]` in the order of `values`. */
export const optionsOf = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));

export const ORG_TYPE_OPTIONS = optionsOf(ORG_TYPES, ORG_TYPE_LABELS);
export const ORG_DOMAIN_OPTIONS = optionsOf(ORG_DOMAINS, ORG_DOMAIN_LABELS);

/** A label for any code a table may not know (older data, a role added on the server first). */
export const labelOf = <T extends string>(labels: Record<T, string>, value: string | null | undefined): string =>
  value ? ((labels as Record<string, string>)[value] ?? value) : '—';

/** Role options for the given roles. */
export const roleOptions = (roles: readonly Role[]) => roles.map((value) => ({ value, label: ROLE_LABELS[value] }));
