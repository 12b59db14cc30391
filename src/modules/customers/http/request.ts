import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/errors/app-error.js';
import type { RequestInfo } from '../commands/context.js';

export const info = (req: FastifyRequest): RequestInfo => ({ ip: req.ip ?? null, userAgent: (req.headers['user-agent'] as string | undefined) ?? null, requestId: req.id });

export function customerOf(req: FastifyRequest) {
  const p = req.principal;
  if (!p || p.kind !== 'customer') throw new AppError('unauthenticated', 'Sign in to continue.');
  return p;
}
