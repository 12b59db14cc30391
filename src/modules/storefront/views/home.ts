import type { ProductCard, StoreCategory } from '../../catalog/index.js';
import { localePath } from '../domain/seo.js';
import { html, type Html } from './html.js';
import type { PageCtx } from './context.js';
import { productGrid } from './components.js';

export interface TestimonialView {
  id: string;
  author: string;
  company: string | null;
  country: string;
  rating: number | null;
  quote: string;
}

export function testimonialList(ctx: PageCtx, items: TestimonialView[]): Html {
  const region = new Intl.DisplayNames([ctx.locale], { type: 'region' });
  return html`<ul class="testimonials" id="testimonials">${items.map((x) => html`<li><figure>
    <blockquote>${x.quote}</blockquote>
    <figcaption>${x.author}${x.company ? `, ${x.company}` : ''} — <span class="country">${region.of(x.country) ?? x.country}</span>${x.rating ? html` <span aria-label="${ctx.t('storefront.testimonials.rating', { rating: x.rating })}">${'★'.repeat(x.rating)}</span>` : ''}</figcaption>
  </figure></li>`)}</ul>`;
}

export function homeBody(ctx: PageCtx, d: { featuredCategories: StoreCategory[]; featured: ProductCard[]; testimonials: TestimonialView[] }): Html {
  const { t, locale } = ctx;
  return html`<section class="hero">
  <h1>${t('storefront.home.title')}</h1>
  <p>${t('storefront.home.subtitle')}</p>
  <p><a class="button" href="${localePath(locale, '/inquiry')}">${t('storefront.inquiry.cta')}</a></p>
</section>
<section aria-labelledby="trust-h" class="trust">
  <h2 id="trust-h" class="visually-hidden">${t('storefront.home.trustTitle')}</h2>
  <ul>
    <li><strong>${t('storefront.trust.factory.title')}</strong><span>${t('storefront.trust.factory.text')}</span></li>
    <li><strong>${t('storefront.trust.certified.title')}</strong><span>${t('storefront.trust.certified.text')}</span></li>
    <li><strong>${t('storefront.trust.export.title')}</strong><span>${t('storefront.trust.export.text')}</span></li>
    <li><strong>${t('storefront.trust.warranty.title')}</strong><span>${t('storefront.trust.warranty.text')}</span></li>
  </ul>
</section>
<section aria-labelledby="cats-h">
  <h2 id="cats-h">${t('storefront.home.categories')}</h2>
  <ul class="grid cats-grid" id="featured-categories">${d.featuredCategories.map((c) => html`<li class="card"><a href="${localePath(locale, `/c/${c.slug}`)}"><h3>${c.name}</h3><p>${c.description.slice(0, 140)}</p></a></li>`)}</ul>
</section>
<section aria-labelledby="feat-h">
  <h2 id="feat-h">${t('storefront.home.featured')}</h2>
  ${productGrid(ctx, d.featured, 'featured-products')}
</section>
${d.testimonials.length ? html`<section aria-labelledby="test-h"><h2 id="test-h">${t('storefront.testimonials.title')}</h2>${testimonialList(ctx, d.testimonials)}
  <p><a href="${localePath(locale, '/testimonials')}">${t('storefront.testimonials.all')}</a></p></section>` : ''}`;
}
