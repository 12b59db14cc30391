import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Principal } from '../../../platform/auth/principal.js';
import { findSession, hashSessionToken, sessionExpired, TOUCH_INTERVAL_MS } from '../../../platform/auth/sessions.js';
import { query, sql } from '../../../platform/db/database.js';
import { sessionTimes } from '../commands/context.js';
import { rememberBuyerFacts, type BuyerFacts } from '../queries/buyer.js';
import { cachedCustomerSettings } from '../queries/settings-cache.js';
import { CUSTOMER_COOKIE } from './visitor.js';

interface Row extends BuyerFacts {
  session_id: string;
  csrf_token: string;
  mfa_passed: boolean;
  expires_at: Date | string;
  idle_expires_at: Date | string;
  last_seen_at: Date | string;
  user_id: string;
  customer_id: string;
}

/**
 * `tl_customer` cookie → a customer principal (separate from staff sessions: kind 'customer').
 * The dealer tier comes only from an approved application and is read fresh on every request,
 * so an approval or a change of tier applies at once.
 *
 * One statement reads the session with the buyer and company (price pages are the hot path);
 * when the session is expired or due for its once-a-minute idle touch, the platform's
 * findSession does that work as for any session. The buyer facts ride on the principal object
 * so pricing needs no second look-up in the same request.
 */
export async function authenticateCustomer(req: FastifyRequest, _reply: FastifyReply, deps: AppDeps): Promise<Principal | undefined> {
  const token = req.cookies?.[CUSTOMER_COOKIE];
  if (!token || token.length > 200) return undefined;
  const [r] = await query<Row>(
    deps.db,
    sql`SELECT s.id AS session_id, s.csrf_token, s.mfa_passed, s.expires_at, s.idle_expires_at, s.last_seen_at,
               u.id AS user_id, u.customer_id, u.role, u.locale, (u.email_verified_at IS NOT NULL) AS verified,
               c.kind, c.tier, c.status AS customer_status,
               (SELECT a.status FROM kyc_applications a WHERE a.customer_id = c.id ORDER BY a.submitted_at DESC LIMIT 1) AS app_status
        FROM auth_sessions s
        JOIN customer_users u ON u.id = s.principal_id AND u.status = 'active'
        JOIN customers c ON c.id = u.customer_id
        WHERE s.token_hash = ${hashSessionToken(token)} AND s.principal_kind = 'customer'`,
  );
  if (!r || r.customer_status !== 'active') return undefined;
  const now = deps.clock.now();
  const times = { expiresAt: new Date(r.expires_at), idleExpiresAt: new Date(r.idle_expires_at) };
  if (sessionExpired(times, now) || now.getTime() - new Date(r.last_seen_at).getTime() >= TOUCH_INTERVAL_MS) {
    if (!(await findSession(deps.db, deps.clock, sessionTimes(deps), 'customer', token))) return undefined;
  }
  const dealerTier = r.app_status === 'approved' ? r.tier : null;
  const settings = await cachedCustomerSettings(deps.db);
  const seesDealerProducts = !!dealerTier && r.mfa_passed && (settings.dealerProductTiers.length === 0 || settings.dealerProductTiers.includes(dealerTier));
  const principal: Principal = { kind: 'customer', customerUserId: r.user_id, customerId: r.customer_id, sessionId: r.session_id, csrfToken: r.csrf_token, mfaPassed: r.mfa_passed, dealerTier, seesDealerProducts };
  rememberBuyerFacts(principal, r);
  return principal;
}
