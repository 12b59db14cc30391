import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ERROR_STATUS, type ErrorCode, type FieldError } from '../errors/app-error.js';
import { hasMessage, t } from '../i18n/i18n.js';

/**
 * Every error reply is application/problem+json (RFC 9457):
 * { type, title, status, detail, code, errors: [{field, message}], requestId }.
 */
const TITLES: Record<ErrorCode, string> = {
  bad_request: 'Bad request',
  validation_failed: 'Some fields are not valid',
  unauthenticated: 'Not signed in',
  mfa_required: 'Two-factor code required',
  forbidden: 'Not allowed',
  csrf_failed: 'Missing CSRF token',
  ip_not_allowed: 'Address not allowed',
  not_found: 'Not found',
  conflict: 'Conflict',
  stale_write: 'Changed by someone else',
  payload_too_large: 'Too large',
  unsupported_media_type: 'Unsupported content type',
  idempotency_mismatch: 'Idempotency key reused with a different request',
  unprocessable: 'Cannot be processed',
  out_of_stock: 'Out of stock',
  rate_limited: 'Too many requests',
  service_unavailable: 'Temporarily unavailable',
  upstream_failed: 'An outside service failed',
  internal: 'Internal error',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  errors: FieldError[];
  requestId: string;
  [extra: string]: unknown;
}

/** Locale used for error texts: the signed-in person's, else Accept-Language. */
export type LocaleOf = (req: FastifyRequest) => string;

export function problemOf(err: AppError, requestId: string, locale = 'en'): Problem {
  const detail =
    err.details.key && hasMessage(locale, err.details.key) ? t(locale, err.details.key, err.details.params) : err.message;
  return {
    type: `urn:tradelane:problem:${err.code}`,
    title: TITLES[err.code],
    status: err.status,
    detail,
    code: err.code,
    errors: (err.details.errors ?? []).map(({ key, params, ...fe }) =>
      key && hasMessage(locale, key) ? { ...fe, message: t(locale, key, params) } : fe,
    ),
    requestId,
    ...(err.details.extra ?? {}),
  };
}

export function sendProblem(reply: FastifyReply, err: AppError, locale?: string): FastifyReply {
  for (const [k, v] of Object.entries(err.details.headers ?? {})) reply.header(k, v);
  return reply
    .status(err.status)
    .type('application/problem+json; charset=utf-8')
    .send(problemOf(err, String(reply.request.id), locale));
}

function fieldPath(prefix: string, path: readonly PropertyKey[] | string | undefined): string {
  const p = Array.isArray(path) ? path.map(String).join('.') : String(path ?? '').replace(/^\//, '').replace(/\//g, '.');
  return p ? `${prefix}.${p}` : prefix;
}

/** Maps anything thrown in a handler to an AppError; unknown faults become `internal`. */
export function toAppError(error: FastifyError | Error): { err: AppError; fault: boolean } {
  if (error instanceof AppError) return { err: error, fault: false };
  const fe = error as FastifyError & { validationContext?: string };
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const ctx = fe.validationContext ?? 'body';
    const errors = fe.validation.map((v) => {
      const issue = (v.params as { issue?: { path?: PropertyKey[]; code?: string } } | undefined)?.issue;
      return {
        field: fieldPath(ctx, issue?.path ?? v.instancePath),
        message: v.message ?? 'is not valid',
        code: issue?.code,
      };
    });
    const first = errors[0];
    return {
      err: new AppError(
        'validation_failed',
        first ? `${first.field}: ${first.message}` + (errors.length > 1 ? ` (and ${errors.length - 1} more)` : '') : 'The request is not valid.',
        { errors },
      ),
      fault: false,
    };
  }
  if (fe.validation) {
    const ctx = fe.validationContext ?? 'body';
    const errors = fe.validation.map((v) => ({ field: fieldPath(ctx, v.instancePath), message: v.message ?? 'is not valid' }));
    return { err: new AppError('validation_failed', fe.message, { errors }), fault: false };
  }
  if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (error instanceof SyntaxError && fe.statusCode === 400)) {
    return {
      err: new AppError('bad_request', 'The request body is not valid JSON. Check quotes, commas and brackets.', {
        errors: [{ field: 'body', message: 'is not valid JSON' }],
      }),
      fault: false,
    };
  }
  if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return {
      err: new AppError('bad_request', 'The request body is empty; send a JSON object.', {
        errors: [{ field: 'body', message: 'is empty' }],
      }),
      fault: false,
    };
  }
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.statusCode === 413) {
    return { err: new AppError('payload_too_large', 'The request body is too large.'), fault: false };
  }
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fe.statusCode === 415) {
    return {
      err: new AppError('unsupported_media_type', `Unsupported content type; send application/json.`, {
        errors: [{ field: 'content-type', message: 'is not supported here' }],
      }),
      fault: false,
    };
  }
  const status = fe.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const code = (Object.keys(ERROR_STATUS) as ErrorCode[]).find((c) => ERROR_STATUS[c] === status) ?? 'bad_request';
    return { err: new AppError(code, fe.message), fault: false };
  }
  return { err: new AppError('internal', 'Internal error'), fault: true };
}

export function installProblemHandlers(app: FastifyInstance, localeOf: LocaleOf): void {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    const { err, fault } = toAppError(error);
    const locale = localeOf(req);
    if (fault) {
      req.log.error({ err: error }, 'unhandled error');
      const e = new AppError('internal', t(locale, 'error.internal', { requestId: String(req.id) }));
      return sendProblem(reply, e, locale);
    }
    if (err.status >= 500) req.log.warn({ err: error }, err.message);
    return sendProblem(reply, err, locale);
  });
  app.setNotFoundHandler((req, reply) => {
    sendProblem(reply, new AppError('not_found', `No route for ${req.method} ${req.url.split('?')[0]}.`), localeOf(req));
  });
}
