import parseRange from 'range-parser';
import { z } from 'zod';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { contentDisposition, readFile } from '../../../platform/files/files.js';
import { loadAttributeDefs } from '../db/attribute-defs.js';
import { SORTS } from '../domain/facets.js';
import { STORE_LOCALES } from '../domain/locales.js';
import { searchProducts } from '../queries/store-search.js';
import { getStoreProduct } from '../queries/store-products.js';
import { loadCategories, suggest } from '../queries/store-categories.js';
import { storeViewer } from './viewer.js';

const tags = ['storefront'];
const money = z.object({ amountMinor: z.number().int(), currency: z.string(), formatted: z.string() }).nullable();
const card = z.object({
  id: z.string(), slug: z.string(), name: z.string(), summary: z.string(), contentLocale: z.string(),
  image: z.object({ url: z.string(), alt: z.string() }).nullable(), price: money, skus: z.array(z.string()), inStock: z.boolean(),
  moq: z.number().int(), leadTimeDays: z.number().int().nullable(),
});
const facet = z.union([
  z.object({ code: z.string(), label: z.string(), kind: z.literal('choice'), options: z.array(z.object({ code: z.string(), label: z.string(), count: z.number().int(), selected: z.boolean() })) }),
  z.object({
    code: z.string(), label: z.string(), kind: z.literal('range'), unit: z.string().nullable(), min: z.number().nullable(), max: z.number().nullable(),
    selected: z.object({ min: z.number().optional(), max: z.number().optional() }).nullable(),
  }),
]);
const lang = z.enum(STORE_LOCALES).default('en');
/** Display currency for prices; without it the visitor's chosen (cookie) or country currency. */
const currency = z.string().regex(/^[A-Z]{3}$/, 'a three-letter currency code such as EUR').optional();

export function storeCatalogRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/store/products',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Search and filter products, with facet counts',
        description:
          'Attribute filters are `f.<attribute code>=<value>,<value>` for choice attributes (OR within one attribute, AND across) and ' +
          '`f.<attribute code>=<min>-<max>` for numbers (either end may be left out). Facet counts are products; each facet ignores its own selection.',
        querystring: z.looseObject({
          q: z.string().max(200).optional(),
          category: z.string().max(200).optional(),
          lang,
          page: z.coerce.number().int().min(1).max(1000).default(1),
          pageSize: z.coerce.number().int().min(1).max(96).default(24),
          sort: z.enum(SORTS).optional(),
          inStock: z.enum(['0', '1', 'true', 'false']).optional(),
          currency,
        }),
        response: {
          200: z.object({
            total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), pages: z.number().int(), sort: z.enum(SORTS),
            items: z.array(card), facets: z.array(facet),
          }),
        },
      },
    },
    async (req) => {
      const q = req.query as Record<string, unknown> & { lang: string; q?: string; category?: string; sort?: string; page: number; pageSize: number };
      const r = await searchProducts(deps, storeViewer(req, deps, q.lang, q.currency as string | undefined), {
        lang: q.lang, q: q.q, category: q.category, sort: q.sort, page: q.page, pageSize: q.pageSize, raw: q, onBadFilter: 'error',
      });
      return { total: r.total, page: r.page, pageSize: r.pageSize, pages: r.pages, sort: r.sort, items: r.items, facets: r.facets };
    },
  );

  app.get(
    '/api/store/products/:idOrSlug',
    { config: { public: true }, schema: { tags, summary: 'One product by id or slug', params: z.object({ idOrSlug: z.string().min(1).max(200) }), querystring: z.object({ lang, currency }) } },
    async (req) => {
      const defs = await loadAttributeDefs(deps.db);
      const p = await getStoreProduct(deps.db, storeViewer(req, deps, req.query.lang, req.query.currency), defs, req.query.lang, req.params.idOrSlug, deps.clock.now());
      if (!p) throw new AppError('not_found', `Product ${req.params.idOrSlug} was not found.`);
      return p;
    },
  );

  app.get(
    '/api/store/suggest',
    {
      config: { public: true },
      schema: {
        tags, summary: 'Autocomplete: products (by name or SKU, typo-tolerant) and categories',
        querystring: z.object({ q: z.string().max(100), lang, limit: z.coerce.number().int().min(1).max(20).default(8) }),
        response: { 200: z.object({ items: z.array(z.object({ kind: z.enum(['product', 'category']), id: z.string(), label: z.string(), slug: z.string(), sku: z.string().optional(), url: z.string() })) }) },
      },
    },
    async (req, reply) => {
      const items = await suggest(deps.db, storeViewer(req, deps, req.query.lang), req.query.lang, req.query.q, req.query.limit);
      reply.header('cache-control', 'private, max-age=30');
      return { items: items.map((s) => ({ ...s, url: `/${req.query.lang}/${s.kind === 'product' ? 'p' : 'c'}/${encodeURIComponent(s.slug)}` })) };
    },
  );

  app.get('/api/store/categories', { config: { public: true }, schema: { tags, summary: 'Category tree in a language', querystring: z.object({ lang }) } }, async (req) => ({
    items: await loadCategories(deps.db, req.query.lang),
  }));

  // Public catalog files. The id is fixed to its bytes (content-addressed), so caching is forever.
  app.get('/media/:id/:name', { config: { public: true }, schema: { hide: true, params: z.object({ id: z.string(), name: z.string() }) } }, async (req, reply) => {
    const { file, data } = await readFile(deps.db, req.params.id).catch(() => {
      throw new AppError('not_found', 'This file does not exist.');
    });
    if (file.visibility !== 'public') throw new AppError('not_found', 'This file does not exist.');
    const etag = `"${file.sha256}"`;
    if (req.headers['if-none-match'] === etag) return reply.status(304).send();
    const inline = file.contentType.startsWith('image/') || file.contentType.startsWith('video/') || file.contentType === 'application/pdf';
    reply
      .header('etag', etag)
      .header('accept-ranges', 'bytes')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', file.filename))
      .type(file.contentType);
    // Video players seek and download managers resume with Range: one range gets 206, a range
    // past the end 416; several ranges, or an If-Range for other bytes, get the whole file.
    const range = req.headers.range;
    const ifRange = req.headers['if-range'];
    if (typeof range === 'string' && (!ifRange || ifRange === etag)) {
      const parsed = parseRange(data.length, range, { combine: true });
      if (parsed === -1) return reply.status(416).header('content-range', `bytes */${data.length}`).send();
      if (Array.isArray(parsed) && parsed.type === 'bytes' && parsed.length === 1) {
        const { start, end } = parsed[0]!;
        return reply.status(206).header('content-range', `bytes ${start}-${end}/${data.length}`).send(data.subarray(start, end + 1));
      }
    }
    return reply.send(data);
  });
}
