import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's minimum recommendation).
/** Hashes a password with argon2id. */
export const hashPassword = (password: string): Promise<string> => hash(password);

/** Verifies a password; a malformed stored hash counts as a mismatch. */
export const verifyPassword = async (stored: string, password: string): Promise<boolean> => {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
};

let dummy: Promise<string> | undefined;
/** A hash to verify against for unknown users, so they take as long as known ones. */
export const dummyHash = (): Promise<string> => {
  dummy ??= hash('jishi-dummy-password-for-timing');
  return dummy;
};
