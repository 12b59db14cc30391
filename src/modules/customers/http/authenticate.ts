import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Principal } from '../../../platform/auth/principal.js';
import { findSession } from '../../../platform/auth/sessions.js';
import { query, sql } from '../../../platform/db/database.js';
import { sessionTimes } from '../commands/context.js';
import { cachedCustomerSettings } from '../queries/settings-cache.js';
import { CUSTOMER_COOKIE } from './visitor.js';

/**
 * `tl_customer` cookie → a customer principal (separate from staff sessions: kind 'customer').
 * The dealer tier comes only from an approved application and is read fresh on every request,
 * so an approval or a change of tier applies at once.
 */
export async function authenticateCustomer(req: FastifyRequest, _reply: FastifyReply, deps: AppDeps): Promise<Principal | undefined> {
  const token = req.cookies?.[CUSTOMER_COOKIE];
  if (!token) return undefined;
  const session = await findSession(deps.db, deps.clock, sessionTimes(deps), 'customer', token);
  if (!session) return undefined;
  const [u] = await query<{ id: string; customer_id: string; tier: string | null; app_status: string | null }>(
    deps.db,
    sql`SELECT u.id, u.customer_id, c.tier,
               (SELECT a.status FROM kyc_applications a WHERE a.customer_id = c.id ORDER BY a.submitted_at DESC LIMIT 1) AS app_status
        FROM customer_users u JOIN customers c ON c.id = u.customer_id
        WHERE u.id = ${session.principalId} AND u.status = 'active' AND c.status = 'active'`,
  );
  if (!u) return undefined;
  const dealerTier = u.app_status === 'approved' ? u.tier : null;
  const settings = await cachedCustomerSettings(deps.db);
  const seesDealerProducts = !!dealerTier && session.mfaPassed && (settings.dealerProductTiers.length === 0 || settings.dealerProductTiers.includes(dealerTier));
  return { kind: 'customer', customerUserId: u.id, customerId: u.customer_id, sessionId: session.id, csrfToken: session.csrfToken, mfaPassed: session.mfaPassed, dealerTier, seesDealerProducts };
}
