import { GENDER_LABELS, ID_ERROR_MESSAGES, type ParsedIdNumber, parseIdNumber } from '@jishi/domain';
import type { FormRule } from 'antd';
import { today } from './dates';

/** The 公民身份号码 field: required and valid per GB 11643 (the domain's check, as the server runs it). */
export const idNumberRule: FormRule = {
  validator: async (_, value: string | undefined) => {
    if (!value?.trim()) throw new Error('请输入公民身份号码');
    const result = parseIdNumber(value, today());
    if (!result.ok) throw new Error(ID_ERROR_MESSAGES[result.error]);
  },
};

/**
 * The parsed ID in the form store. Rules read it from the store, not from the render:
 * `dependencies` re-run them before the form re-renders.
 */
export const idOf = (getFieldValue: (name: string) => unknown): ParsedIdNumber | undefined => {
  const value = getFieldValue('idNumber');
  const result = typeof value === 'string' && value.trim() ? parseIdNumber(value, today()) : undefined;
  return result?.ok ? result.id : undefined;
};

/** The 性别 field must match the ID's 17th digit (odd = male). */
export const genderMatchesIdRule: FormRule = ({ getFieldValue }) => ({
  validator: async (_, value: 'male' | 'female' | undefined) => {
    const id = idOf(getFieldValue);
    if (id && value && value !== id.gender) {
      throw new Error(`性别与公民身份号码不符（号码第17位表明为${GENDER_LABELS[id.gender]}性）`);
    }
  },
});
