import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { AppError } from '../../../platform/errors/app-error.js';
import {
  currencyExponent, getStoreProduct, loadAttributeDefs, loadTestimonials, searchProducts, storeViewer, trailOf,
  type SearchResult,
} from '../../catalog/index.js';
import { breadcrumbJsonLd, localePath, minorToDecimal, organizationJsonLd, productJsonLd, queryString, truncate } from '../domain/seo.js';
import { layout } from '../views/layout.js';
import { homeBody } from '../views/home.js';
import { listingBody, listingParams } from '../views/listing.js';
import { productBody } from '../views/product.js';
import { langOf, pageCtx, sendPage } from './chrome.js';

const qs = (req: FastifyRequest) => req.query as Record<string, unknown>;

/** Form posts give f.power.min / f.power.max and repeated f.cct; the API form is f.power=min-max, f.cct=a,b. */
export function normaliseFilterQuery(query: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const ranges = new Map<string, { min?: string; max?: string }>();
  for (const [k, v] of Object.entries(query)) {
    const m = /^f\.([a-z0-9_]+)\.(min|max)$/.exec(k);
    if (m) {
      const r = ranges.get(m[1]!) ?? {};
      r[m[2] as 'min' | 'max'] = String(Array.isArray(v) ? v[0] : v ?? '').trim();
      ranges.set(m[1]!, r);
    } else out[k] = v;
  }
  for (const [code, r] of ranges) if (r.min || r.max) out[`f.${code}`] = `${r.min ?? ''}-${r.max ?? ''}`;
  return out;
}

function organization(deps: AppDeps, base: string, t: (k: string) => string) {
  return organizationJsonLd({ name: t('storefront.brand'), url: base, email: undefined, country: undefined });
}

export function catalogPageRoutes(app: App, deps: AppDeps): void {
  const hidden = { config: { public: true }, schema: { hide: true } } as const;

  app.get('/:lang', hidden, async (req, reply) => {
    const locale = langOf(req);
    const ctx = await pageCtx(req, reply, deps, locale, () => '/');
    const viewer = storeViewer(req, deps, locale);
    const featuredCategories = ctx.categories.filter((c) => c.featured || !c.parentId).slice(0, 8);
    const featuredList = await searchProducts(deps, viewer, { lang: locale, sort: 'featured', pageSize: 8, raw: {}, onBadFilter: 'drop' });
    const testimonials = await loadTestimonials(deps.db, locale, 3);
    const body = homeBody(ctx, { featuredCategories, featured: featuredList.items, testimonials });
    return sendPage(reply, layout(ctx, {
      title: `${ctx.t('storefront.brand')} — ${ctx.t('storefront.home.title')}`,
      description: truncate(ctx.t('storefront.home.subtitle')),
      canonicalPath: '/',
      jsonLd: [organization(deps, ctx.base, ctx.t)],
    }, body));
  });

  async function listing(req: FastifyRequest, reply: FastifyReply, kind: 'category' | 'search') {
    const locale = langOf(req);
    const query = normaliseFilterQuery(qs(req));
    const q = kind === 'search' ? String(query.q ?? '').trim().slice(0, 200) : undefined;
    const slug = kind === 'category' ? (req.params as { slug: string }).slug : undefined;
    const page = Math.max(1, Math.min(1000, Number(query.page) || 1));
    let r: SearchResult;
    try {
      r = await searchProducts(deps, storeViewer(req, deps, locale), {
        lang: locale, q: q || undefined, category: slug, sort: String(query.sort ?? ''), page, raw: query, onBadFilter: 'drop',
      });
    } catch (e) {
      if (e instanceof AppError && e.code === 'not_found') return notFoundPage(req, reply);
      throw e;
    }
    const defaultSort = q ? 'relevance' : 'featured';
    const path = kind === 'category' ? `/c/${r.category!.slug}` : '/search';
    const canonicalQuery = queryString(listingParams(r, q, defaultSort));
    // One address per filtered page: form submissions and reordered parameters redirect to it.
    const rawQuery = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
    if (rawQuery !== canonicalQuery) return reply.redirect(`${localePath(locale, path)}${canonicalQuery}`, 302);
    if (kind === 'category' && r.category!.slug !== slug) return reply.redirect(`${localePath(locale, path)}${canonicalQuery}`, 301);

    const cat = r.category;
    const ctx = await pageCtx(req, reply, deps, locale, (l) => {
      if (kind === 'search') return `/search${canonicalQuery}`;
      const s = cat!.slugs[l];
      return s ? `/c/${s}${canonicalQuery.replace(/([?&])page=\d+&?/, '$1').replace(/[?&]$/, '')}` : undefined;
    });
    const trail = cat ? trailOf(r.categories, cat.id) : [];
    const crumbs = kind === 'category' ? trail.map((c) => ({ name: c.name, href: localePath(locale, `/c/${c.slug}`) })) : [{ name: ctx.t('storefront.search.title', { q: q ?? '' }) }];
    const title = kind === 'category' ? cat!.name : q ? ctx.t('storefront.search.title', { q }) : ctx.t('storefront.search.all');
    const body = listingBody(ctx, r, {
      title, intro: cat?.description, action: localePath(locale, path), q, defaultSort, crumbs,
      subcategories: cat ? r.categories.filter((c) => c.parentId === cat.id) : undefined,
    });
    return sendPage(reply, layout(ctx, {
      title: `${cat?.seoTitle || title}${r.page > 1 ? ` (${r.page})` : ''} — ${ctx.t('storefront.brand')}`,
      description: truncate(cat?.seoDescription || cat?.description || ctx.t('storefront.list.results', { count: r.total })),
      canonicalPath: `${path}${canonicalQuery}`,
      noindex: kind === 'search',
      jsonLd: kind === 'category' ? [breadcrumbJsonLd(trail.map((c) => ({ name: c.name, url: `${ctx.base}${localePath(locale, `/c/${c.slug}`)}` })))] : [],
    }, body));
  }

  app.get('/:lang/c/:slug', hidden, (req, reply) => listing(req, reply, 'category'));
  app.get('/:lang/search', hidden, (req, reply) => listing(req, reply, 'search'));

  app.get('/:lang/p/:slug', hidden, async (req, reply) => {
    const locale = langOf(req);
    const { slug } = req.params as { slug: string };
    const defs = await loadAttributeDefs(deps.db);
    const p = await getStoreProduct(deps.db, storeViewer(req, deps, locale), defs, locale, slug, deps.clock.now());
    if (!p) return notFoundPage(req, reply);
    if (p.slug !== slug && p.slugs[locale]) return reply.redirect(localePath(locale, `/p/${p.slugs[locale]}`), 301);
    const ctx = await pageCtx(req, reply, deps, locale, (l) => (p.slugs[l] ? `/p/${p.slugs[l]}` : undefined));
    const url = `${ctx.base}${localePath(locale, `/p/${p.slug}`)}`;
    const ld = [
      productJsonLd({
        name: p.name, description: truncate(p.summary || p.seoDescription || p.name, 300), url, brand: ctx.t('storefront.brand'),
        images: p.images.map((i) => `${ctx.base}${i.url}`), countryOfOrigin: p.originCountry,
        variants: p.variants.map((v) => ({
          sku: v.sku, inStock: v.inStock,
          price: v.price ? { amountMinor: v.price.amountMinor, currency: v.price.currency, decimal: minorToDecimal(v.price.amountMinor, currencyExponent(v.price.currency)) } : null,
        })),
      }),
      breadcrumbJsonLd([...p.breadcrumb.map((c) => ({ name: c.name, url: `${ctx.base}${localePath(locale, `/c/${c.slug}`)}` })), { name: p.name, url }]),
    ];
    return sendPage(reply, layout(ctx, {
      title: `${p.seoTitle || p.name} — ${ctx.t('storefront.brand')}`,
      description: truncate(p.seoDescription || p.summary || p.name),
      canonicalPath: `/p/${p.slug}`,
      jsonLd: ld,
    }, productBody(ctx, p)));
  });

  async function notFoundPage(req: FastifyRequest, reply: FastifyReply) {
    const locale = langOf(req);
    const ctx = await pageCtx(req, reply, deps, locale, () => '/');
    const { html } = await import('../views/html.js');
    return sendPage(reply, layout(ctx, { title: ctx.t('storefront.notFound.title'), description: ctx.t('storefront.notFound.text'), canonicalPath: '/', noindex: true },
      html`<h1 id="not-found">${ctx.t('storefront.notFound.title')}</h1><p>${ctx.t('storefront.notFound.text')}</p><p><a href="${localePath(locale, '/')}">${ctx.t('storefront.nav.home')}</a></p>`), 404);
  }

}
