import { z } from 'zod';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { localeFromAcceptLanguage, STORE_LOCALES } from '../../../platform/i18n/i18n.js';
import { t } from '../../../platform/i18n/i18n.js';
import { invalid } from '../../../platform/errors/app-error.js';
import { getEnabledCurrencies } from '../../fx/index.js';
import { pricesForViewer } from '../queries/viewer-prices.js';
import { cachedCustomerSettings } from '../queries/settings-cache.js';
import { chooseDisplayCurrency } from '../domain/display-currency.js';
import { checkPriceRate, noteVariantsSeen } from './price-guard.js';
import { CURRENCY_COOKIE, visitorCountry } from './visitor.js';

const tags = ['store: prices'];
const currency = z.string().regex(/^[A-Z]{3}$/, 'a three-letter currency code such as JPY');

export function storePriceRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/store/prices',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Prices of up to 100 variants for the signed-in buyer in the display currency (none for guests behind the login wall). Any price list id in the query is ignored.',
        querystring: z.object({ variants: z.string().max(100 * 40), currency: currency.optional(), quantity: z.coerce.number().int().min(1).max(1_000_000).default(1), locale: z.string().max(10).optional() }).passthrough(),
      },
    },
    async (req, reply) => {
      const settings = await cachedCustomerSettings(deps.db);
      const now = Date.now();
      checkPriceRate(req, settings, now);
      const ids = [...new Set(req.query.variants.split(',').map((s) => s.trim()).filter(Boolean))].slice(0, 100);
      const locale = req.query.locale && (STORE_LOCALES as readonly string[]).includes(req.query.locale) ? req.query.locale : localeFromAcceptLanguage(req.headers['accept-language'], STORE_LOCALES);
      const r = await pricesForViewer(deps, { principal: req.principal, locale, currency: req.query.currency ?? req.cookies?.[CURRENCY_COOKIE], country: visitorCountry(req) }, ids, req.query.quantity);
      if (r.buyer.seesPrices) await noteVariantsSeen(req, deps, settings, ids, now);
      reply.header('cache-control', 'private, no-store').header('vary', 'cookie');
      return {
        currency: r.currency,
        pricesVisible: r.buyer.seesPrices,
        canOrder: r.buyer.canOrder,
        ...(r.buyer.seesPrices ? {} : { message: t(locale, 'customers.wall.loginToSeePrices') }),
        items: ids.map((id) => {
          const p = r.prices.get(id);
          return p ? { variantId: id, unitPrice: p.amountMinor, currency: p.currency, formatted: p.formatted, fx: p.fx } : { variantId: id, unitPrice: null };
        }),
      };
    },
  );

  app.get('/api/store/display-currency', { config: { public: true }, schema: { tags, summary: 'The display currency for this visitor (chosen, else from their country) and the choices' } }, async (req, reply) => {
    const cur = await getEnabledCurrencies(deps.db);
    const country = visitorCountry(req);
    reply.header('cache-control', 'private, no-store');
    return { currency: chooseDisplayCurrency({ chosen: req.cookies?.[CURRENCY_COOKIE], country, enabled: cur.enabled, base: cur.base }), country, choices: cur.enabled };
  });
  app.put('/api/store/display-currency', { config: { public: true }, schema: { tags, summary: 'Choose the display currency (remembered in a cookie)', body: z.object({ currency }) } }, async (req, reply) => {
    const cur = await getEnabledCurrencies(deps.db);
    if (!cur.enabled.includes(req.body.currency)) {
      throw invalid('currency', `This store offers ${cur.enabled.join(', ')}.`);
    }
    reply.setCookie(CURRENCY_COOKIE, req.body.currency, { path: '/', sameSite: 'lax', httpOnly: false, maxAge: 365 * 24 * 3600, secure: req.protocol === 'https' });
    return { currency: req.body.currency };
  });
}
