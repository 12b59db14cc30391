import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../platform/http/types.js';
import { t } from '../../../platform/i18n/i18n.js';
import type { StoreCategory } from '../../catalog/index.js';
import { dirOf } from '../domain/language.js';

export interface PageLinkView {
  kind: string;
  title: string;
  slug: string;
}

/** Everything a storefront view needs besides its own data. */
export interface PageCtx {
  locale: string;
  dir: 'ltr' | 'rtl';
  /** Absolute site URL without trailing slash (PUBLIC_URL). */
  base: string;
  /** Path of this page without the language segment ("/c/panels?f.cct=4000k"), for the switcher. */
  pathIn: (locale: string) => string | undefined;
  categories: StoreCategory[];
  pages: PageLinkView[];
  /** Items in the visitor's cart; from the cart module's hook, 0 until it exists. */
  cartCount: number;
  /** The display currency of this visitor and the ones the store offers (header switcher). */
  currency: { current: string; choices: string[] };
  /**
   * What this visitor may see and do, decided on the server by the customers module: whether
   * prices show (the login wall) and whether they may order, with the text shown in place of a
   * hidden price and where to sign in.
   */
  ordering: StoreOrdering;
  csrfToken: string | null;
  req: FastifyRequest;
  deps: AppDeps;
  t: (key: string, params?: Record<string, unknown>) => string;
}

export interface StoreOrdering {
  seesPrices: boolean;
  canOrder: boolean;
  message: string | null;
  signInPath: string | null;
}

/**
 * The cart module supplies the header's count through this hook in deps.providers
 * (`storefrontCartCount`), so the catalog never reads cart tables.
 */
export type StorefrontCartCount = (req: FastifyRequest, deps: AppDeps) => Promise<number>;

export function makeT(locale: string) {
  return (key: string, params?: Record<string, unknown>) => t(locale, key, params);
}

export function baseCtx(
  req: FastifyRequest, deps: AppDeps, locale: string,
  rest: Pick<PageCtx, 'categories' | 'pages' | 'cartCount' | 'pathIn' | 'ordering' | 'currency'>,
): PageCtx {
  const p = req.principal;
  return {
    locale, dir: dirOf(locale), base: deps.config.publicUrl.replace(/\/+$/, ''), req, deps, t: makeT(locale),
    csrfToken: p && (p.kind === 'customer' || p.kind === 'staff') ? p.csrfToken : null,
    ...rest,
  };
}
