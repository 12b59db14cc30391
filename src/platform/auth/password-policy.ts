import { createRequire } from 'node:module';

/**
 * What a new password must satisfy (NIST SP 800-63B style: length and a blocklist, no
 * composition rules). The blocklist is the 49,000 most common passwords from leaked lists that
 * zxcvbn-ts ships (@zxcvbn-ts/language-common, ordered by frequency), loaded on first use.
 */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'contains_email';

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  if (!common) {
    const require = createRequire(import.meta.url);
    const { dictionary } = require('@zxcvbn-ts/language-common') as {
      dictionary: Record<string, string[]>;
    };
    common = new Set(dictionary['passwords-common']!.map((p) => p.toLowerCase()));
  }
  return common;
}

/** True when the password (case-insensitively) is on the common-password list. */
export function isCommonPassword(password: string): boolean {
  const lower = password.normalize('NFC').toLowerCase();
  const set = commonPasswords();
  if (set.has(lower)) return true;
  // "password1234" and "qwerty!!!!" are the list's words with a cheap suffix: refuse those too.
  const stripped = lower.replace(/[\d\W_]+$/u, '');
  return stripped.length >= 4 && stripped !== lower && set.has(stripped) && stripped.length * 2 >= lower.length;
}

/** Length is counted in characters (code points), not UTF-16 units, so 密码 is 2 characters. */
export function passwordProblem(password: string, ctx: { email?: string } = {}): PasswordProblem | null {
  const length = [...password.normalize('NFC')].length;
  if (length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (length > MAX_PASSWORD_LENGTH) return 'too_long';
  if (isCommonPassword(password)) return 'common';
  const local = ctx.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && password.toLowerCase().includes(local)) return 'contains_email';
  return null;
}

/** English texts for each problem (callers with a catalog use their own keys). */
export const PASSWORD_PROBLEM_TEXT: Record<PasswordProblem, string> = {
  too_short: `Use at least ${MIN_PASSWORD_LENGTH} characters.`,
  too_long: `Use at most ${MAX_PASSWORD_LENGTH} characters.`,
  common: 'This password is one of the most commonly used ones; choose another.',
  contains_email: 'Do not use your email address in your password.',
};
