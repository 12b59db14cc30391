import type { StoreProduct } from '../../catalog/index.js';
import { localePath } from '../domain/seo.js';
import { html, raw, type Html } from './html.js';
import type { PageCtx } from './context.js';
import { breadcrumb, priceTag, productGrid } from './components.js';

const kb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

export function productBody(ctx: PageCtx, p: StoreProduct): Html {
  const { t, locale } = ctx;
  const nf = new Intl.NumberFormat(locale);
  const crumbs = [...p.breadcrumb.map((c) => ({ name: c.name, href: localePath(locale, `/c/${c.slug}`) })), { name: p.name }];
  const logistics: [string, string][] = [];
  if (p.hsCode) logistics.push([t('storefront.product.hsCode'), p.hsCode]);
  if (p.originCountry) logistics.push([t('storefront.product.origin'), new Intl.DisplayNames([locale], { type: 'region' }).of(p.originCountry) ?? p.originCountry]);
  if (p.weights.netG !== null) logistics.push([t('storefront.product.netWeight'), `${nf.format(p.weights.netG / 1000)} kg`]);
  if (p.weights.grossG !== null) logistics.push([t('storefront.product.grossWeight'), `${nf.format(p.weights.grossG / 1000)} kg`]);
  if (p.dimensionsMm.length !== null) logistics.push([t('storefront.product.dimensions'), `${[p.dimensionsMm.length, p.dimensionsMm.width, p.dimensionsMm.height].map((x) => nf.format(x ?? 0)).join(' × ')} mm`]);
  const moqLine = t('storefront.product.moq', { moq: p.moq });
  const multiple = p.orderMultiple > 1 ? t('storefront.product.multiple', { multiple: p.orderMultiple }) : null;
  const lead = p.leadTimeDays !== null ? t('storefront.product.leadTime', { days: p.leadTimeDays }) : null;
  const inquiryHref = `${localePath(locale, '/inquiry')}?product=${encodeURIComponent(p.id)}&qty=${p.moq}`;
  return html`${breadcrumb(ctx, crumbs)}
<article class="product" itemscope data-product-id="${p.id}">
  <div class="product-top">
    <section class="gallery" aria-label="${t('storefront.product.gallery')}" data-gallery>
      ${p.images[0] ? html`<img id="gallery-main" src="${p.images[0].url}" alt="${p.images[0].alt}" width="640" height="480">` : html`<div class="img-placeholder big" aria-hidden="true"></div>`}
      ${p.images.length > 1 ? html`<ul class="thumbs">${p.images.map((im, i) => html`<li><button type="button" data-gallery-src="${im.url}" data-gallery-alt="${im.alt}" aria-label="${t('storefront.product.showImage', { n: i + 1 })}"><img src="${im.url}" alt="" width="80" height="60" loading="lazy"></button></li>`)}</ul>` : ''}
      ${p.video ? (p.video.kind === 'file' ? html`<video id="product-video" controls preload="metadata" src="${p.video.url}">${t('storefront.product.video')}</video>` : html`<p><a id="product-video-link" href="${p.video.url}" rel="noopener" target="_blank">${t('storefront.product.watchVideo')}</a></p>`) : ''}
    </section>
    <section class="buy">
      <h1 ${p.contentLocale !== locale ? html`lang="${p.contentLocale}"` : ''}>${p.name}</h1>
      ${p.summary ? html`<p class="summary">${p.summary}</p>` : ''}
      <ul class="facts">
        <li id="product-moq">${moqLine}</li>
        ${multiple ? html`<li>${multiple}</li>` : ''}
        ${lead ? html`<li id="product-lead-time">${lead}</li>` : ''}
      </ul>
${ctx.ordering.canOrder ? html`      <form class="add-to-cart" id="add-to-cart" method="post" action="${localePath(locale, '/cart/add')}" data-cart-form>
        ${ctx.csrfToken ? html`<input type="hidden" name="_csrf" value="${ctx.csrfToken}">` : ''}
        <label for="variant-select">${t('storefront.product.variant')}</label>
        <select id="variant-select" name="variantId">
          ${p.variants.map((v) => html`<option value="${v.id}">${v.sku}${v.attributes.length ? ` — ${v.attributes.map((a) => a.value).join(', ')}` : ''}</option>`)}
        </select>
        <label for="quantity">${t('storefront.product.quantity')}</label>
        <input id="quantity" name="quantity" type="number" inputmode="numeric" min="${p.moq}" step="${p.orderMultiple}" value="${p.moq}" required>
        <button type="submit" id="add-to-cart-button">${t('storefront.product.addToCart')}</button>
      </form>` : html`<p class="login-wall-note" id="order-wall">${ctx.ordering.message ?? ctx.t('storefront.product.cannotOrder')}${ctx.ordering.signInPath ? html` <a class="button" id="order-wall-sign-in" href="${ctx.ordering.signInPath}">${ctx.t('storefront.account.signIn')}</a>` : ''}</p>`}
      <p><a class="button secondary" id="send-inquiry" href="${inquiryHref}">${t('storefront.product.sendInquiry')}</a></p>
    </section>
  </div>

  <section aria-labelledby="variants-h">
    <h2 id="variants-h">${t('storefront.product.variantsTitle')}</h2>
    <table class="variants" id="variants-table">
      <thead><tr><th scope="col">SKU</th>${(p.variants[0]?.attributes ?? []).map((a) => html`<th scope="col">${a.label}</th>`)}<th scope="col">${t('storefront.product.price')}</th><th scope="col">${t('storefront.product.availability')}</th></tr></thead>
      <tbody>${p.variants.map((v) => html`<tr><th scope="row">${v.sku}${v.model ? html`<br><small>${v.model}</small>` : ''}</th>${(p.variants[0]?.attributes ?? []).map((a0) => html`<td>${v.attributes.find((a) => a.code === a0.code)?.value ?? '—'}</td>`)}<td>${priceTag(ctx, v.price)}</td><td>${v.inStock ? t('storefront.stock.in') : t('storefront.stock.out')}</td></tr>`)}</tbody>
    </table>
  </section>

  ${p.specs.length ? html`<section aria-labelledby="specs-h"><h2 id="specs-h">${t('storefront.product.specs')}</h2>
    <table class="specs" id="specs-table"><tbody>${p.specs.map((s) => html`<tr><th scope="row">${s.label}</th><td>${s.value}</td></tr>`)}</tbody></table></section>` : ''}

  ${p.descriptionHtml ? html`<section aria-labelledby="desc-h" class="rich"><h2 id="desc-h">${t('storefront.product.description')}</h2>${raw(p.descriptionHtml)}</section>` : ''}

  ${logistics.length ? html`<section aria-labelledby="log-h"><h2 id="log-h">${t('storefront.product.logistics')}</h2>
    <dl class="logistics">${logistics.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl></section>` : ''}

  ${p.documents.length ? html`<section aria-labelledby="docs-h"><h2 id="docs-h">${t('storefront.product.downloads')}</h2>
    <ul class="downloads" id="downloads">${p.documents.map((d) => html`<li><a href="${d.url}" download="${d.filename}" data-doc-kind="${d.kind}">${d.title}</a> <small>(${t(`storefront.doc.${d.kind}`)}, ${kb(d.sizeBytes)}${d.locale ? `, ${d.locale}` : ''})</small></li>`)}</ul></section>` : ''}

  ${p.certificates.length ? html`<section aria-labelledby="certs-h"><h2 id="certs-h">${t('storefront.product.certificates')}</h2>
    <ul class="certs" id="certificates">${p.certificates.map((c) => html`<li><strong>${c.name}</strong> — ${c.issuer}${c.number ? ` · ${c.number}` : ''}${c.expiresOn ? html` · ${t('storefront.product.validUntil', { date: new Date(`${c.expiresOn}T00:00:00Z`) })}` : ''}${c.url ? html` · <a href="${c.url}">${t('storefront.product.viewCertificate')}</a>` : ''}</li>`)}</ul></section>` : ''}

  ${p.related.length ? html`<section aria-labelledby="rel-h"><h2 id="rel-h">${t('storefront.product.related')}</h2>${productGrid(ctx, p.related, 'related-products')}</section>` : ''}
</article>`;
}
