import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';

/**
 * CSRF for cookie sessions (synchronizer token). Script clients send the session's token in the
 * `X-CSRF-Token` header; plain HTML forms (storefront pages that work without JavaScript) send
 * it as a hidden `_csrf` field. A urlencoded body is parsed before access is checked, so the
 * field is read there; a multipart body is a stream, so a route that takes multipart forms
 * declares `config: { csrfInMultipart: true }` and calls `assertCsrfField` with the `_csrf` part
 * (which the form puts first) before it reads anything else.
 */
export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_FIELD = '_csrf';

const escapeAttr = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The token of the signed-in person (staff or buyer), or null for guests and API keys. */
export function csrfTokenOf(req: FastifyRequest): string | null {
  const p = req.principal;
  return p && (p.kind === 'staff' || p.kind === 'customer') ? p.csrfToken : null;
}

/** `<input type="hidden" name="_csrf" ...>` for a form, or '' for a guest (who has no session to protect). */
export function csrfHiddenInput(req: FastifyRequest): string {
  const token = csrfTokenOf(req);
  return token ? `<input type="hidden" name="${CSRF_FIELD}" value="${escapeAttr(token)}">` : '';
}

export function sameToken(a: unknown, b: string): boolean {
  if (typeof a !== 'string' || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

export const csrfFailed = () => new AppError('csrf_failed', 'This request is missing its CSRF token. Reload the page and try again.');

/** For multipart routes: the `_csrf` part's value must match the session's token. */
export function assertCsrfField(req: FastifyRequest, value: unknown): void {
  const token = csrfTokenOf(req);
  if (token && !sameToken(value, token)) throw csrfFailed();
}

export function isMultipart(req: FastifyRequest): boolean {
  return /^multipart\/form-data/i.test(String(req.headers['content-type'] ?? ''));
}
