import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../platform/http/types.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { isStoreLocale, loadCategories, loadStorePages, storeViewer } from '../../catalog/index.js';
import { cachedCustomerSettings, chooseDisplayCurrency, orderingFor } from '../../customers/index.js';
import { offeredCurrencies } from '../../pricing/index.js';
import { LANG_COOKIE } from '../domain/language.js';
import { baseCtx, type PageCtx, type StorefrontCartCount } from '../views/context.js';
import type { Html } from '../views/html.js';
import { accountFrame, layout } from '../views/layout.js';

/** The language from the path; anything else is a 404 (so /xx/... never renders). */
export function langOf(req: FastifyRequest): string {
  const lang = (req.params as { lang?: string }).lang;
  if (!isStoreLocale(lang)) throw new AppError('not_found', 'This page does not exist.');
  return lang;
}

/** Header and footer data for every page, and the remembered language choice. */
export async function pageCtx(
  req: FastifyRequest, reply: FastifyReply, deps: AppDeps, locale: string, pathIn: PageCtx['pathIn'],
): Promise<PageCtx> {
  const [categories, pages, cartCount, offered, ordering] = await Promise.all([
    loadCategories(deps.db, locale),
    loadStorePages(deps.db, locale),
    (deps.providers.storefrontCartCount as StorefrontCartCount | undefined)?.(req, deps) ?? Promise.resolve(0),
    offeredCurrencies(deps.db, deps.clock.now()),
    cachedCustomerSettings(deps.db)
      .then((settings) => orderingFor(deps.db, req.principal, settings, locale))
      // Back to this page after signing in.
      .then((o) => ({ ...o, signInPath: o.signInPath && `${o.signInPath}?next=${encodeURIComponent(req.url)}` })),
  ]);
  const viewer = storeViewer(req, deps, locale);
  const currency = {
    current: chooseDisplayCurrency({ chosen: viewer.currency, country: viewer.country, enabled: offered.enabled, base: offered.base }),
    choices: offered.enabled.length ? offered.enabled : [offered.base],
  };
  if (req.cookies[LANG_COOKIE] !== locale) {
    reply.setCookie(LANG_COOKIE, locale, { path: '/', maxAge: 365 * 86400, sameSite: 'lax', httpOnly: false, secure: deps.config.publicUrl.startsWith('https:') });
  }
  return baseCtx(req, deps, locale, { categories, pages, cartCount, pathIn, currency, ordering });
}

export function sendPage(reply: FastifyReply, body: string, status = 200) {
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('vary', 'Cookie, Accept-Language')
    .header('x-content-type-options', 'nosniff')
    .header(
      'content-security-policy',
      "default-src 'self'; img-src 'self' data: https:; media-src 'self' https:; style-src 'self'; script-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'",
    )
    .send(body);
}

export interface StorePageOptions {
  title: string;
  description?: string;
  /** Path inside the language; defaults to the request path. */
  canonicalPath?: string;
  /** Where the language switcher points for another language; defaults to the same path. */
  pathIn?: PageCtx['pathIn'];
  noindex?: boolean;
  status?: number;
  bodyClass?: string;
  /** When set, the body is wrapped in the account frame with this section marked current. */
  accountSection?: string;
}

/**
 * Renders a page of another module inside the storefront's own layout (header with search,
 * language switcher, account and cart links, categories, footer) and sends it with the
 * storefront's security headers. `body` receives the page context (locale, t, csrfToken...).
 */
export async function renderStorePage(
  req: FastifyRequest, reply: FastifyReply, deps: AppDeps,
  opts: StorePageOptions, body: (ctx: PageCtx) => Html | Promise<Html>,
) {
  const locale = langOf(req);
  const pathOnly = req.url.replace(/^\/[^/?]+/, '') || '/';
  const ctx = await pageCtx(req, reply, deps, locale, opts.pathIn ?? (() => pathOnly));
  let inner = await body(ctx);
  if (opts.accountSection) inner = accountFrame(ctx, opts.accountSection, inner);
  return sendPage(reply, layout(ctx, {
    title: `${opts.title} — ${ctx.t('storefront.brand')}`,
    description: opts.description ?? opts.title,
    canonicalPath: opts.canonicalPath ?? pathOnly.split('?')[0]!,
    noindex: opts.noindex ?? true,
    bodyClass: opts.bodyClass,
  }, inner), opts.status ?? 200);
}
