import type { Principal } from '../../../platform/auth/principal.js';
import type { Db } from '../../../platform/db/database.js';
import { query, sql } from '../../../platform/db/database.js';
import type { CustomerSettings } from '../domain/settings.js';
import { t } from '../../../platform/i18n/i18n.js';

/**
 * Who is asking, as far as prices are concerned, decided only from the server-side session:
 *   guest              no price (login wall) unless the store shows retail prices to guests
 *   signed in, B2C     retail prices once the email is verified
 *   approved dealer    their tier's list and their own customer list
 * A price list id sent by a client is never an input here.
 */
export interface BuyerView {
  kind: 'guest' | 'retail' | 'pending_dealer' | 'dealer';
  customerId: string | null;
  userId: string | null;
  tier: string | null;
  /** Whether this buyer may see prices at all (the login wall). */
  seesPrices: boolean;
  canOrder: boolean;
  locale: string | null;
}

export const GUEST: BuyerView = { kind: 'guest', customerId: null, userId: null, tier: null, seesPrices: false, canOrder: false, locale: null };

export async function getBuyerView(tx: Db, principal: Principal | undefined, settings: CustomerSettings): Promise<BuyerView> {
  if (!principal || principal.kind !== 'customer' || !principal.mfaPassed) {
    return { ...GUEST, seesPrices: !settings.hidePricesForGuests, canOrder: !settings.hidePricesForGuests };
  }
  const row = factsOf.get(principal) ?? (await loadBuyerFacts(tx, principal.customerUserId));
  if (!row || row.customer_status !== 'active') return { ...GUEST, seesPrices: !settings.hidePricesForGuests };
  const base = { customerId: principal.customerId, userId: principal.customerUserId, locale: row.locale };
  if (row.tier && row.app_status === 'approved') {
    return { ...base, kind: 'dealer', tier: row.tier, seesPrices: true, canOrder: row.role !== 'viewer' };
  }
  if (row.kind === 'b2b') {
    // A company that applied (or will) sees nothing until approved: dealer prices are for dealers.
    return { ...base, kind: 'pending_dealer', tier: null, seesPrices: !settings.hidePricesForGuests, canOrder: !settings.hidePricesForGuests && row.role !== 'viewer' };
  }
  const sees = row.verified && settings.retailPricesForVerifiedB2c;
  return { ...base, kind: 'retail', tier: null, seesPrices: sees || !settings.hidePricesForGuests, canOrder: sees && row.role !== 'viewer' };
}

/** What pricing needs to know about a signed-in buyer (one row: user, company, latest application). */
export interface BuyerFacts {
  kind: string;
  tier: string | null;
  customer_status: string;
  verified: boolean;
  role: string;
  locale: string;
  app_status: string | null;
}

/**
 * Facts read by the authenticate hook in the same statement as the session, kept for the life of
 * that request's principal object (a WeakMap: nothing outlives the request, nothing is shared).
 */
const factsOf = new WeakMap<object, BuyerFacts>();
export function rememberBuyerFacts(principal: Principal, facts: BuyerFacts): void {
  factsOf.set(principal, { kind: facts.kind, tier: facts.tier, customer_status: facts.customer_status, verified: facts.verified, role: facts.role, locale: facts.locale, app_status: facts.app_status });
}

async function loadBuyerFacts(tx: Db, userId: string): Promise<BuyerFacts | undefined> {
  const [row] = await query<BuyerFacts>(
    tx,
    sql`SELECT c.kind, c.tier, c.status AS customer_status, (u.email_verified_at IS NOT NULL) AS verified, u.role, u.locale,
               (SELECT a.status FROM kyc_applications a WHERE a.customer_id = c.id ORDER BY a.submitted_at DESC LIMIT 1) AS app_status
        FROM customer_users u JOIN customers c ON c.id = u.customer_id
        WHERE u.id = ${userId} AND u.status = 'active'`,
  );
  return row;
}

/**
 * For pages: whether this request's buyer sees prices and may order, with the text to show in
 * place of a hidden price ("Log in to see prices") and where the sign-in link goes.
 */
export async function orderingFor(tx: Db, principal: Principal | undefined, settings: CustomerSettings, locale: string) {
  const b = await getBuyerView(tx, principal, settings);
  const signedIn = principal?.kind === 'customer' && principal.mfaPassed;
  return {
    seesPrices: b.seesPrices,
    canOrder: b.canOrder,
    message: b.seesPrices ? null : t(locale, 'customers.wall.loginToSeePrices'),
    signInPath: signedIn ? null : `/${locale}/account/sign-in`,
  };
}
