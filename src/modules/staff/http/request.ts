import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/errors/app-error.js';
import { actorOf, type Actor, type StaffPrincipal } from '../../../platform/auth/principal.js';
import type { RequestInfo } from '../commands/context.js';

export const STAFF_COOKIE = 'tl_staff';
/** Device cookie: only sent to the sign-in routes. */
export const STAFF_DEVICE_COOKIE = 'tl_staff_device';
export const STAFF_DEVICE_COOKIE_PATH = '/api/admin/auth';

export function requestInfo(req: FastifyRequest): RequestInfo {
  const ua = req.headers['user-agent'];
  return { ip: req.ip ?? null, userAgent: typeof ua === 'string' ? ua : null, requestId: String(req.id) };
}

export function actorOfRequest(req: FastifyRequest): Actor {
  return actorOf(req.principal, req.ip ?? null, String(req.id));
}

/** The signed-in staff member (the route's access declaration has already required one). */
export function me(req: FastifyRequest): StaffPrincipal {
  const p = req.principal;
  if (!p || p.kind !== 'staff') throw new AppError('unauthenticated', 'Sign in to continue.');
  return p;
}

/** Sign-in replies carry session facts, TOTP secrets and recovery codes: no cache may keep them. */
export async function noStore(_req: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  reply.header('cache-control', 'no-store');
  return payload;
}
