import type { ProductCard } from '../../catalog/index.js';
import { localePath } from '../domain/seo.js';
import { html, type Html } from './html.js';
import type { PageCtx } from './context.js';

export function priceTag(ctx: PageCtx, price: { formatted: string } | null, from = false): Html {
  if (!price && !ctx.ordering.seesPrices && ctx.ordering.message) {
    // Behind the login wall: say so, and link to sign-in (a guest), rather than "on request".
    return ctx.ordering.signInPath
      ? html`<a class="price login-wall" data-login-wall href="${ctx.ordering.signInPath}">${ctx.ordering.message}</a>`
      : html`<span class="price login-wall" data-login-wall>${ctx.ordering.message}</span>`;
  }
  if (!price) return html`<span class="price on-request">${ctx.t('storefront.price.onRequest')}</span>`;
  return html`<span class="price">${from ? ctx.t('storefront.price.from', { price: price.formatted }) : price.formatted}</span>`;
}

export function productCard(ctx: PageCtx, p: ProductCard): Html {
  const href = localePath(ctx.locale, `/p/${p.slug}`);
  return html`<li class="card" data-product-id="${p.id}">
  <a href="${href}" class="card-link">
    ${p.image ? html`<img src="${p.image.url}" alt="${p.image.alt}" loading="lazy" width="320" height="240">` : html`<div class="img-placeholder" aria-hidden="true"></div>`}
    <h3 ${p.contentLocale !== ctx.locale ? html`lang="${p.contentLocale}"` : ''}>${p.name}</h3>
  </a>
  <p class="meta">${p.skus.length > 1 ? ctx.t('storefront.product.variants', { count: p.skus.length }) : p.skus[0]}</p>
  <p class="meta">${ctx.t('storefront.product.moqShort', { moq: p.moq })}${p.leadTimeDays !== null ? html` · ${ctx.t('storefront.product.leadShort', { days: p.leadTimeDays })}` : ''}</p>
  <p>${priceTag(ctx, p.price, p.skus.length > 1)} ${p.inStock ? html`<span class="stock in">${ctx.t('storefront.stock.in')}</span>` : html`<span class="stock out">${ctx.t('storefront.stock.out')}</span>`}</p>
</li>`;
}

export function productGrid(ctx: PageCtx, items: ProductCard[], id = 'product-grid'): Html {
  return html`<ul class="grid" id="${id}">${items.map((p) => productCard(ctx, p))}</ul>`;
}

export function breadcrumb(ctx: PageCtx, items: { name: string; href?: string }[]): Html {
  return html`<nav aria-label="${ctx.t('storefront.nav.breadcrumb')}" class="breadcrumb"><ol>
    <li><a href="${localePath(ctx.locale, '/')}">${ctx.t('storefront.nav.home')}</a></li>
    ${items.map((it, i) => (it.href && i < items.length - 1 ? html`<li><a href="${it.href}">${it.name}</a></li>` : html`<li aria-current="page">${it.name}</li>`))}
  </ol></nav>`;
}

export function pagination(ctx: PageCtx, page: number, pages: number, hrefFor: (p: number) => string): Html {
  if (pages <= 1) return html``;
  const nums: number[] = [];
  for (let i = Math.max(1, page - 2); i <= Math.min(pages, page + 2); i++) nums.push(i);
  return html`<nav class="pagination" aria-label="${ctx.t('storefront.list.pagination')}"><ul>
    ${page > 1 ? html`<li><a rel="prev" href="${hrefFor(page - 1)}">${ctx.t('storefront.list.prev')}</a></li>` : ''}
    ${nums.map((n) => (n === page ? html`<li><span aria-current="page">${n}</span></li>` : html`<li><a href="${hrefFor(n)}">${n}</a></li>`))}
    ${page < pages ? html`<li><a rel="next" href="${hrefFor(page + 1)}">${ctx.t('storefront.list.next')}</a></li>` : ''}
  </ul></nav>`;
}
