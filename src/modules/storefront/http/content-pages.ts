import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { AppError, isAppError } from '../../../platform/errors/app-error.js';
import { loadProductCards, loadStorePage, loadTestimonials, STORE_LOCALES, storeViewer } from '../../catalog/index.js';
import { findVariantsForLines } from '../../catalog/index.js';
import { makeFormToken, submitInquiry } from '../../inquiries/index.js';
import { chooseLanguage, LANG_COOKIE } from '../domain/language.js';
import { localePath, truncate } from '../domain/seo.js';
import { html, raw } from '../views/html.js';
import { layout } from '../views/layout.js';
import { testimonialList } from '../views/home.js';
import { inquiryBody, inquirySentBody, type InquiryFormState } from '../views/inquiry.js';
import { langOf, pageCtx, sendPage } from './chrome.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const ASSETS = [path.resolve(here, '../../../../web/storefront/assets'), path.resolve(here, '../../../../../web/storefront/assets')].find((d) => fs.existsSync(d))!;
const pkgDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

export function contentPageRoutes(app: App, deps: AppDeps): void {
  const hidden = { config: { public: true }, schema: { hide: true } } as const;

  // First visit: the remembered language, else Accept-Language.
  app.get('/', hidden, async (req, reply) => {
    const lang = chooseLanguage(req.cookies[LANG_COOKIE], req.headers['accept-language'], STORE_LOCALES);
    reply.header('vary', 'Cookie, Accept-Language');
    return reply.redirect(`/${lang}/`, 302);
  });

  // Static storefront assets and the CJK/Arabic web fonts shipped through npm.
  void app.register(async (scope) => {
    await scope.register(fastifyStatic, { root: ASSETS, prefix: '/assets/store/', decorateReply: false, maxAge: '1h' });
    await scope.register(fastifyStatic, { root: pkgDir('@fontsource-variable/noto-sans-sc'), prefix: '/assets/store/fonts/sc/', decorateReply: false, maxAge: '30d', allowedPath: (p) => p.endsWith('.css') || p.endsWith('.woff2') || p.endsWith('.woff') });
    await scope.register(fastifyStatic, { root: pkgDir('@fontsource/noto-sans-arabic'), prefix: '/assets/store/fonts/ar/', decorateReply: false, maxAge: '30d', allowedPath: (p) => p.endsWith('.css') || p.endsWith('.woff2') || p.endsWith('.woff') });
  });

  app.get('/:lang/pages/:slug', hidden, async (req, reply) => {
    const locale = langOf(req);
    const page = await loadStorePage(deps.db, locale, (req.params as { slug: string }).slug);
    if (!page) throw new AppError('not_found', 'This page does not exist.');
    const ctx = await pageCtx(req, reply, deps, locale, (l) => (page.slugs[l] ? `/pages/${page.slugs[l]}` : undefined));
    const body = html`<article class="rich page-${page.kind}" ${page.contentLocale !== locale ? html`lang="${page.contentLocale}"` : ''}><h1>${page.title}</h1>${raw(page.bodyHtml)}</article>`;
    return sendPage(reply, layout(ctx, {
      title: `${page.title} — ${ctx.t('storefront.brand')}`,
      description: truncate(page.seoDescription || page.bodyHtml.replace(/<[^>]+>/g, ' ')),
      canonicalPath: `/pages/${page.slug}`,
    }, body));
  });

  app.get('/:lang/testimonials', hidden, async (req, reply) => {
    const locale = langOf(req);
    const ctx = await pageCtx(req, reply, deps, locale, () => '/testimonials');
    const items = await loadTestimonials(deps.db, locale);
    return sendPage(reply, layout(ctx, { title: `${ctx.t('storefront.testimonials.title')} — ${ctx.t('storefront.brand')}`, description: ctx.t('storefront.testimonials.intro'), canonicalPath: '/testimonials' },
      html`<h1>${ctx.t('storefront.testimonials.title')}</h1><p>${ctx.t('storefront.testimonials.intro')}</p>${testimonialList(ctx, items)}`));
  });

  // Inquiry form: works without JavaScript (urlencoded post, errors re-rendered beside fields).
  void app.register(async (scope) => {
    // Hand-written because it is 5 lines and only these storefront forms need it (no @fastify/formbody).
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });

    scope.get('/:lang/inquiry', hidden, async (req, reply) => {
      const locale = langOf(req);
      const q = req.query as Record<string, string | undefined>;
      const lines: InquiryFormState['lines'] = [];
      const qty = Math.max(1, Number(q.qty) || 1);
      if (q.product) {
        const [card] = await loadProductCards(deps.db, storeViewer(req, deps, locale), locale, [q.product]);
        if (card) lines.push({ productId: card.id, sku: card.skus.length === 1 ? card.skus[0] : undefined, name: card.name, quantity: Math.max(qty, card.moq) });
      } else if (q.sku) {
        const [v] = await findVariantsForLines(deps.db, locale, { skus: [q.sku] });
        if (v && v.visibility === 'public') lines.push({ sku: v.sku, name: v.name, quantity: Math.max(qty, v.moq) });
      }
      const ctx = await pageCtx(req, reply, deps, locale, () => '/inquiry');
      reply.header('cache-control', 'no-store');
      return sendPage(reply, layout(ctx, { title: `${ctx.t('storefront.inquiry.title')} — ${ctx.t('storefront.brand')}`, description: ctx.t('storefront.inquiry.intro'), canonicalPath: '/inquiry' },
        inquiryBody(ctx, { values: { sourceUrl: String(req.headers.referer ?? '').slice(0, 500) }, lines, errors: {}, formToken: makeFormToken(deps.clock.now().getTime(), deps.secrets.hmac) })));
    });

    scope.post('/:lang/inquiry', hidden, async (req, reply) => {
      const locale = langOf(req);
      const b = (req.body ?? {}) as Record<string, string>;
      const lines: { productId?: string; sku?: string; quantity: number; name: string }[] = [];
      for (let i = 0; i < 50 && b[`lines.${i}.quantity`] !== undefined; i++) {
        lines.push({ productId: b[`lines.${i}.productId`] || undefined, sku: b[`lines.${i}.sku`] || undefined, quantity: Number(b[`lines.${i}.quantity`]) || 1, name: b[`lines.${i}.sku`] || '' });
      }
      try {
        await submitInquiry(deps, {
          name: b.name ?? '', company: b.company ?? '', email: b.email ?? '', country: b.country ?? '', phone: b.phone || null, message: b.message ?? '',
          lines: lines.map(({ name: _n, ...l }) => l), locale, sourceUrl: b.sourceUrl || null, website: b.website || null, formToken: b.formToken || null,
        }, { ip: req.ip, principal: req.principal });
        return reply.redirect(localePath(locale, '/inquiry/sent'), 303);
      } catch (e) {
        if (!isAppError(e)) throw e;
        const ctx = await pageCtx(req, reply, deps, locale, () => '/inquiry');
        const errors: Record<string, string> = {};
        for (const fe of e.details.errors ?? []) if (!errors[fe.field]) errors[fe.field] = ctx.t(`storefront.inquiry.fieldError.${fe.field}`) === `storefront.inquiry.fieldError.${fe.field}` ? fe.message : ctx.t(`storefront.inquiry.fieldError.${fe.field}`);
        if (e.details.headers) for (const [k, v] of Object.entries(e.details.headers)) reply.header(k, v);
        const state: InquiryFormState = {
          values: b, lines, errors, formError: e.code === 'validation_failed' ? ctx.t('storefront.inquiry.fixFields') : e.message,
          formToken: b.formToken && e.code === 'validation_failed' ? b.formToken : makeFormToken(deps.clock.now().getTime(), deps.secrets.hmac),
        };
        return sendPage(reply, layout(ctx, { title: ctx.t('storefront.inquiry.title'), description: ctx.t('storefront.inquiry.intro'), canonicalPath: '/inquiry', noindex: true }, inquiryBody(ctx, state)), e.status);
      }
    });
  });

  app.get('/:lang/inquiry/sent', hidden, async (req, reply) => {
    const locale = langOf(req);
    const ctx = await pageCtx(req, reply, deps, locale, () => '/inquiry/sent');
    return sendPage(reply, layout(ctx, { title: ctx.t('storefront.inquiry.sentTitle'), description: ctx.t('storefront.inquiry.sentText'), canonicalPath: '/inquiry/sent', noindex: true }, inquirySentBody(ctx)));
  });
}
