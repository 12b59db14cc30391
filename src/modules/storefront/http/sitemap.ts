import type { App, AppDeps } from '../../../platform/http/types.js';
import { loadSitemapEntries, STORE_LOCALES, isStoreLocale } from '../../catalog/index.js';
import { escapeHtml } from '../views/html.js';
import { absolute, localePath } from '../domain/seo.js';

const PREFIX: Record<string, string> = { product: '/p/', category: '/c/', page: '/pages/' };

/**
 * /sitemap.xml is an index with one sitemap per language; each lists that language's public
 * products, categories and pages with their hreflang alternates. Guests' view only: a
 * dealers-only or hidden product is never listed.
 */
export function sitemapRoutes(app: App, deps: AppDeps): void {
  const base = () => deps.config.publicUrl.replace(/\/+$/, '');
  const hidden = { config: { public: true }, schema: { hide: true } } as const;

  app.get('/sitemap.xml', hidden, async (_req, reply) => {
    const now = deps.clock.now().toISOString();
    const body = `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${STORE_LOCALES.map((l) => `  <sitemap><loc>${escapeHtml(absolute(base(), `/sitemaps/${l}.xml`))}</loc><lastmod>${now}</lastmod></sitemap>`).join('\n')}
</sitemapindex>
`;
    return reply.type('application/xml; charset=utf-8').header('cache-control', 'public, max-age=3600').send(body);
  });

  app.get('/sitemaps/:file', hidden, async (req, reply) => {
    const m = /^(.+)\.xml$/.exec((req.params as { file: string }).file);
    const locale = m?.[1];
    if (!isStoreLocale(locale)) return reply.status(404).type('text/plain').send('Not found');
    const entries = await loadSitemapEntries(deps.db, { locale }, locale);
    const url = (l: string, p: string) => escapeHtml(absolute(base(), localePath(l, p)));
    const homeAlts = STORE_LOCALES.map((l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${url(l, '/')}"/>`).join('');
    const items = entries.map((e) => {
      const alts = Object.entries(e.alternates ?? {}).map(([l, s]) => `<xhtml:link rel="alternate" hreflang="${l}" href="${url(l, PREFIX[e.kind] + encodeURIComponent(s))}"/>`).join('');
      return `  <url><loc>${url(locale, PREFIX[e.kind] + encodeURIComponent(e.slug))}</loc><lastmod>${new Date(e.updated_at).toISOString()}</lastmod>${alts}</url>`;
    });
    const body = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
  <url><loc>${url(locale, '/')}</loc>${homeAlts}</url>
${items.join('\n')}
</urlset>
`;
    return reply.type('application/xml; charset=utf-8').header('cache-control', 'public, max-age=3600').send(body);
  });

  app.get('/robots.txt', hidden, async (_req, reply) =>
    reply.type('text/plain; charset=utf-8').send(
      `User-agent: *\nDisallow: /admin\nDisallow: /api/\nDisallow: /*/search\nDisallow: /*/inquiry\nDisallow: /*/cart\nAllow: /\n\nSitemap: ${absolute(base(), '/sitemap.xml')}\n`,
    ),
  );
}
