import { passwordWeakness } from '@jishi/domain';
import type { FormRule } from 'antd';

/** Rule checking a password with the domain strength rule (`passwordWeakness`), against a fixed username or the one in another field. */
export const strongPasswordRule =
  (username: string | { field: string }): FormRule =>
  ({ getFieldValue }) => ({
    validator: async (_, value: string | undefined) => {
      if (!value) return;
      const name = typeof username === 'string' ? username : (getFieldValue(username.field) as string | undefined);
      const weakness = passwordWeakness(value, name || undefined);
      if (weakness) throw new Error(weakness);
    },
  });

/** Rule requiring the field to repeat `field`. */
export const sameAsRule =
  (field: string, message: string): FormRule =>
  ({ getFieldValue }) => ({
    validator: async (_, value: string | undefined) => {
      if (value && value !== getFieldValue(field)) throw new Error(message);
    },
  });

/** Hint shown under password inputs, stating the domain rule in words. */
export const PASSWORD_HINT = '至少12位，包含大写字母、小写字母、数字、特殊字符中的至少三类，且不含用户名';
