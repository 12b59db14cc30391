import { AppError } from '../../../platform/errors/app-error.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem } from '../../../platform/auth/password-policy.js';
import { retryAfterSeconds } from '../../../platform/auth/throttle-policy.js';

/** The refusals staff use cases share, with texts from the staff catalog. */
export const badCredentials = () =>
  new AppError('unauthenticated', 'Email or password is incorrect.', { key: 'staff.error.bad_credentials' });

export function throttled(retryAt: Date, now: Date): AppError {
  const seconds = retryAfterSeconds(retryAt, now);
  return new AppError('rate_limited', `Too many attempts. Wait ${seconds} seconds and try again.`, {
    headers: { 'Retry-After': String(seconds) },
    extra: { retryAfterSeconds: seconds },
    key: 'staff.error.throttled',
    params: { seconds },
  });
}

export const linkInvalid = (field = 'body.token') =>
  new AppError('validation_failed', 'This link is invalid, has expired or has already been used. Ask for a new one.', {
    key: 'staff.error.link_invalid',
    errors: [{ field, message: 'is invalid, expired or already used' }],
  });

export function fieldError(field: string, key: string, message: string, params?: Record<string, unknown>): AppError {
  return new AppError('validation_failed', message, { key, params, errors: [{ field, message }] });
}

export const staffNotFound = (id: string) =>
  new AppError('not_found', `There is no staff member with id ${id}.`, { key: 'staff.error.staff_not_found' });

export const badTotpCode = (field = 'body.code') =>
  fieldError(field, 'staff.error.bad_code', 'That code is not valid. Enter the current 6-digit code from your authenticator app.');

/** Throws a field error when the password breaks the policy (length, common list, own email). */
export function assertPasswordAllowed(password: string, email: string, field = 'body.password'): void {
  const problem = passwordProblem(password, { email });
  switch (problem) {
    case null:
      return;
    case 'too_short':
      throw fieldError(field, 'staff.error.password_too_short', `Use at least ${MIN_PASSWORD_LENGTH} characters.`, {
        min: MIN_PASSWORD_LENGTH,
      });
    case 'too_long':
      throw fieldError(field, 'staff.error.password_too_long', `Use at most ${MAX_PASSWORD_LENGTH} characters.`, {
        max: MAX_PASSWORD_LENGTH,
      });
    case 'common':
      throw fieldError(
        field,
        'staff.error.password_common',
        'This password is one of the most commonly used ones; choose another.',
      );
    case 'contains_email':
      throw fieldError(field, 'staff.error.password_contains_email', 'Do not use your email address in your password.');
  }
}
