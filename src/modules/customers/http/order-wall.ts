import type { App, AppDeps } from '../../../platform/http/types.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { localeFromAcceptLanguage, STORE_LOCALES } from '../../../platform/i18n/i18n.js';
import { getBuyerView } from '../queries/buyer.js';
import { cachedCustomerSettings } from '../queries/settings-cache.js';

/** Requests that put goods in a cart or order them: the cart API, checkout, the product page form and bulk ordering. */
const API = /^\/api\/store\/(carts\/[^/?]+\/(lines|checkout)|bulk)(\/|\?|$)/;
const PAGE = /^\/([a-z]{2}(?:-[A-Z]{2})?)\/cart\/add(\?|$)/;

/**
 * "May this buyer order?" is decided here on the server for every route that adds to a cart or
 * checks out, whatever module serves it: guests and unapproved accounts behind the login wall,
 * viewers of a company, and unverified private buyers (see queries/buyer.ts) are refused, so a
 * hidden button is never the only guard. A plain form is sent to sign in instead of an error.
 */
export function orderWall(app: App, deps: AppDeps): void {
  app.addHook('preHandler', async (req, reply) => {
    if (req.method !== 'POST' && req.method !== 'PATCH' && req.method !== 'PUT') return;
    const page = PAGE.exec(req.url);
    if (!page && !API.test(req.url)) return;
    const buyer = await getBuyerView(deps.db, req.principal, await cachedCustomerSettings(deps.db));
    if (buyer.canOrder) return;
    const signedIn = req.principal?.kind === 'customer' && req.principal.mfaPassed;
    if (page) {
      const lang = (STORE_LOCALES as readonly string[]).includes(page[1]!) ? page[1]! : localeFromAcceptLanguage(req.headers['accept-language'], STORE_LOCALES);
      return reply.header('cache-control', 'no-store').redirect(signedIn ? `/${lang}/account` : `/${lang}/account/sign-in?next=${encodeURIComponent(`/${lang}/cart`)}`, 303);
    }
    throw signedIn
      ? new AppError('forbidden', 'Your account may not order yet: a dealer account must be approved, a private account verified, and company viewers cannot order.', { key: 'customers.wall.mayNotOrder' })
      : new AppError('unauthenticated', 'Sign in to order.', { key: 'customers.wall.loginToOrder' });
  });
}
