import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../platform/http/types.js';
import { CURRENCY_COOKIE, visitorCountry } from '../../customers/index.js';
import type { PriceViewer } from '../queries/display-price.js';

/**
 * Who is looking at prices on a storefront page or store API call: the session, the page
 * language, the display currency the visitor chose (cookie, or `?currency=` on the API) else
 * their country's, and the moment the prices are for.
 */
export function storeViewer(req: FastifyRequest, deps: Pick<AppDeps, 'clock'>, locale: string, currency?: string): PriceViewer {
  const chosen = currency ?? req.cookies?.[CURRENCY_COOKIE];
  return {
    principal: req.principal,
    locale,
    currency: chosen && /^[A-Z]{3}$/.test(chosen) ? chosen : undefined,
    country: visitorCountry(req),
    now: deps.clock.now(),
  };
}
