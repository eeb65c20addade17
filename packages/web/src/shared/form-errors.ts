/**
 * Puts a refused request's message at the form field the server named (`details.field`, and every
 * entry of `details.fields` when the server lists several problems), so the user sees it where the
 * value is typed rather than in a passing toast.
 */
import type { FormInstance } from 'antd';
import { isApiError } from './api-client';

interface FieldProblem {
  field: string;
  message: string;
}

const isFieldProblem = (value: unknown): value is FieldProblem =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as FieldProblem).field === 'string' &&
  typeof (value as FieldProblem).message === 'string';

/** The per-field problems of a refused request: `details.fields`, else `details.field` with the error's message. */
export const fieldProblemsOf = (error: unknown): FieldProblem[] => {
  if (!isApiError(error) || typeof error.details !== 'object' || error.details === null) return [];
  const details = error.details as { field?: unknown; fields?: unknown };
  if (Array.isArray(details.fields)) {
    const listed = details.fields.filter(isFieldProblem);
    if (listed.length > 0) return listed;
  }
  return typeof details.field === 'string' ? [{ field: details.field, message: error.message }] : [];
};

/**
 * Server (or schema) field names shown at another form field: one control may edit several API
 * fields (an attendance checklist sends `attendeeIds` and `absences`).
 */
export type FieldAliases = Readonly<Record<string, string>>;

/**
 * Shows the problems of `error` at the fields of `form` named in `fieldNames` (after `aliases`).
 * Returns true when at least one was placed; the caller shows the message some other way otherwise.
 */
export function showFieldErrors(form: FormInstance, error: unknown, fieldNames: readonly string[], aliases: FieldAliases = {}): boolean {
  return placeProblems(form, fieldProblemsOf(error), fieldNames, aliases);
}

/** One problem a schema found: where (the path from the input's top) and what. */
export type SchemaIssue = { path: readonly PropertyKey[]; message: string };

/** The part of a domain (zod) schema that checks input here; keeps zod out of the web's dependencies. */
export interface InputSchema<T> {
  safeParse: (value: unknown) => { success: true; data: T } | { success: false; error: { issues: SchemaIssue[] } };
}

/**
 * Shows a failed client-side schema check the same way: each issue at its top-level field. Returns
 * true when at least one was placed.
 */
export function showSchemaIssues(
  form: FormInstance,
  issues: readonly SchemaIssue[],
  fieldNames: readonly string[],
  aliases: FieldAliases = {},
): boolean {
  return placeProblems(
    form,
    issues.map((i) => ({ field: String(i.path[0] ?? ''), message: i.message })),
    fieldNames,
    aliases,
  );
}

function placeProblems(form: FormInstance, problems: FieldProblem[], fieldNames: readonly string[], aliases: FieldAliases): boolean {
  const byField = new Map<string, string[]>();
  for (const problem of problems) {
    const field = aliases[problem.field] ?? problem.field;
    const { message } = problem;
    if (!fieldNames.includes(field)) continue;
    byField.set(field, [...(byField.get(field) ?? []), message]);
  }
  if (byField.size === 0) return false;
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  form.scrollToField([...byField.keys()][0] as string);
  return true;
}

type Notify = (text: string) => void;

/**
 * Checks input with the domain's schema before it is sent: on failure each issue shows at its
 * field (the first as a message when none fits one) and the result is undefined.
 */
export function checkedInput<T>(
  form: FormInstance,
  schema: InputSchema<T>,
  input: unknown,
  fieldNames: readonly string[],
  notify: Notify,
  aliases: FieldAliases = {},
): T | undefined {
  const shape = schema.safeParse(input);
  if (shape.success) return shape.data;
  if (!showSchemaIssues(form, shape.error.issues, fieldNames, aliases)) notify(shape.error.issues[0]?.message ?? '输入无效');
  return undefined;
}

/** A refused request: its problems at the fields it names, else its message. */
export function showRefusal(form: FormInstance, error: Error, fieldNames: readonly string[], notify: Notify, aliases: FieldAliases = {}) {
  if (!showFieldErrors(form, error, fieldNames, aliases)) notify(error.message);
}
