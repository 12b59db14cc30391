/**
 * One error type for everything the application refuses on purpose. The code list is closed and
 * maps to exactly one HTTP status; replies become application/problem+json (RFC 9457) in
 * platform/http. Anything that is not an AppError is a fault: 500 with a request id, no internals.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  mfa_required: 401,
  forbidden: 403,
  csrf_failed: 403,
  ip_not_allowed: 403,
  not_found: 404,
  conflict: 409,
  stale_write: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_mismatch: 422,
  unprocessable: 422,
  out_of_stock: 409,
  rate_limited: 429,
  service_unavailable: 503,
  upstream_failed: 502,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldError {
  /** JSON pointer-ish path of the offending field, e.g. `lines.2.quantity` or `body.email`. */
  field: string;
  message: string;
  code?: string;
  /** i18n catalog key for `message`, translated into the caller's locale when it has one. */
  key?: string;
  params?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: {
      errors?: FieldError[];
      headers?: Record<string, string>;
      /** Extra members of the problem document (e.g. shortBy for a credit limit). */
      extra?: Record<string, unknown>;
      /** i18n catalog key; when the caller's locale has it, it replaces `message` as detail. */
      key?: string;
      params?: Record<string, unknown>;
    } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what: string, id?: string) =>
  new AppError('not_found', id ? `${what} ${id} was not found.` : `${what} was not found.`);

export const invalid = (field: string, message: string) =>
  new AppError('validation_failed', message, { errors: [{ field, message }] });

export const forbidden = (message = 'You do not have permission to do this.') =>
  new AppError('forbidden', message);

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
