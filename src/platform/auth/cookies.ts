import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Cookies that carry credentials: HttpOnly (no script reads them), SameSite=Lax (not sent on
 * cross-site POSTs), and Secure whenever the request came over HTTPS. Behind a TLS-terminating
 * proxy req.protocol reflects X-Forwarded-Proto only with TRUST_PROXY=true.
 */
export interface AuthCookieOptions {
  maxAgeSeconds?: number;
  path?: string;
}

export function setAuthCookie(
  req: FastifyRequest,
  reply: FastifyReply,
  name: string,
  value: string,
  opts: AuthCookieOptions = {},
): void {
  reply.setCookie(name, value, {
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https',
    path: opts.path ?? '/',
    ...(opts.maxAgeSeconds !== undefined ? { maxAge: Math.floor(opts.maxAgeSeconds) } : {}),
  });
}

export function clearAuthCookie(req: FastifyRequest, reply: FastifyReply, name: string, path = '/'): void {
  reply.clearCookie(name, { httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https', path });
}
