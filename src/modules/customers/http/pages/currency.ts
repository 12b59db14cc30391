import type { FastifyRequest } from 'fastify';
import type { App, AppDeps } from '../../../../platform/http/types.js';
import type { Db } from '../../../../platform/db/database.js';
import { getEnabledCurrencies } from '../../../fx/index.js';
import { html, langOf, type Html, type PageCtx } from '../../../storefront/index.js';
import { chooseDisplayCurrency } from '../../domain/display-currency.js';
import { CURRENCY_COOKIE, visitorCountry } from '../visitor.js';
import { bodyOf, csrfField, formScope } from './form-kit.js';

const ONE_YEAR_S = 365 * 24 * 3600;

/** The visitor's display currency: their remembered choice, else their country's, else the base currency. */
export async function displayCurrencyOf(req: FastifyRequest, db: Db): Promise<{ currency: string; choices: string[] }> {
  const cur = await getEnabledCurrencies(db);
  return { currency: chooseDisplayCurrency({ chosen: req.cookies?.[CURRENCY_COOKIE], country: visitorCountry(req), enabled: cur.enabled, base: cur.base }), choices: cur.enabled };
}

/**
 * A currency switcher that works without JavaScript: a small form posting to
 * /<lang>/display-currency, which remembers the choice and returns to the page it came from.
 * Exported for the storefront header and used on the account page.
 */
export function currencySwitcher(ctx: PageCtx, d: { currency: string; choices: string[] }): Html {
  if (d.choices.length < 2) return html``;
  const back = ctx.req.url.split('#')[0]!;
  return html`<form method="post" action="/${ctx.locale}/display-currency" class="currency-switcher" id="currency-switcher">${csrfField(ctx.req)}
<input type="hidden" name="back" value="${back}">
<label for="display-currency">${ctx.t('account.currency.label')}</label>
<select id="display-currency" name="currency">${d.choices.map((c) => html`<option value="${c}" ${c === d.currency ? html`selected` : ''}>${c}</option>`)}</select>
<button type="submit" class="secondary">${ctx.t('account.currency.apply')}</button></form>`;
}

export function currencyRoutes(app: App, deps: AppDeps): void {
  formScope(app, (scope) => {
    scope.post('/:lang/display-currency', { config: { public: true }, schema: { hide: true } }, async (req, reply) => {
      const lang = langOf(req);
      const b = bodyOf(req);
      const cur = await getEnabledCurrencies(deps.db);
      if (b.currency && cur.enabled.includes(b.currency)) {
        reply.setCookie(CURRENCY_COOKIE, b.currency, { path: '/', sameSite: 'lax', httpOnly: false, maxAge: ONE_YEAR_S, secure: deps.config.publicUrl.startsWith('https:') });
      }
      const back = typeof b.back === 'string' && b.back.startsWith(`/${lang}/`) && !b.back.startsWith('//') ? b.back : `/${lang}/`;
      return reply.header('cache-control', 'no-store').redirect(back, 303);
    });
  });
}
