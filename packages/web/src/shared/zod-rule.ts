/**
 * Lets antd forms validate a field with the domain's zod schema, so the browser checks exactly
 * what the server will (STYLE.md 5.8: forms use the domain schema).
 */
import type { FormRule } from 'antd';

/** The part of a zod schema this adapter needs; keeps zod itself out of the web's dependencies. */
interface SafeParser {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: readonly { message: string }[] } };
}

/** Empty inputs mean "not given": antd leaves `''` (or `null`) behind when a field is cleared. */
export const blankToUndefined = (value: unknown): unknown =>
  value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value;

/** An antd rule that runs `schema.safeParse` on the (blank-normalised) value and shows zod's first message. */
export const zodRule = (schema: SafeParser): FormRule => ({
  validator: async (_rule, value) => {
    const result = schema.safeParse(blankToUndefined(value));
    if (!result.success) throw new Error(result.error.issues[0]?.message ?? '输入无效');
  },
});
