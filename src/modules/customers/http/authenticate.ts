import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Principal } from '../../../platform/auth/principal.js';
import { findSession } from '../../../platform/auth/sessions.js';
import { findUser } from '../db/customers.repo.js';
import { sessionTimes } from '../commands/context.js';
import { CUSTOMER_COOKIE } from './visitor.js';

/** `tl_customer` cookie → a customer principal (separate from staff sessions: kind 'customer'). */
export async function authenticateCustomer(req: FastifyRequest, _reply: FastifyReply, deps: AppDeps): Promise<Principal | undefined> {
  const token = req.cookies?.[CUSTOMER_COOKIE];
  if (!token) return undefined;
  const session = await findSession(deps.db, deps.clock, sessionTimes(deps), 'customer', token);
  if (!session) return undefined;
  const user = await findUser(deps.db, session.principalId);
  if (!user || user.status !== 'active') return undefined;
  return { kind: 'customer', customerUserId: user.id, customerId: user.customerId, sessionId: session.id, csrfToken: session.csrfToken, mfaPassed: session.mfaPassed };
}
