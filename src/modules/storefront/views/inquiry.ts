import { countryOptions } from '../domain/countries.js';
import { localePath } from '../domain/seo.js';
import { html, type Html } from './html.js';
import type { PageCtx } from './context.js';

export interface InquiryFormState {
  values: Record<string, string>;
  lines: { productId?: string; sku?: string; name: string; quantity: number }[];
  errors: Record<string, string>;
  formError?: string;
  formToken: string;
}

export function inquiryBody(ctx: PageCtx, s: InquiryFormState): Html {
  const { t, locale } = ctx;
  const v = (k: string) => s.values[k] ?? '';
  const field = (name: string, label: string, input: Html, required = true) => html`<div class="field ${s.errors[name] ? 'has-error' : ''}">
    <label for="inq-${name}">${label}${required ? html` <span aria-hidden="true">*</span>` : html` <small>(${t('storefront.form.optional')})</small>`}</label>
    ${input}
    ${s.errors[name] ? html`<p class="error" id="inq-${name}-error">${s.errors[name]}</p>` : ''}
  </div>`;
  const attrs = (name: string) => html`id="inq-${name}" name="${name}" ${s.errors[name] ? html`aria-invalid="true" aria-describedby="inq-${name}-error"` : ''}`;
  return html`<h1>${t('storefront.inquiry.title')}</h1>
<p>${t('storefront.inquiry.intro')}</p>
${s.formError ? html`<div class="alert" role="alert" id="inquiry-error">${s.formError}</div>` : ''}
<form method="post" action="${localePath(locale, '/inquiry')}" id="inquiry-form" class="inquiry" novalidate data-inquiry-form>
  <input type="hidden" name="formToken" value="${s.formToken}">
  <div class="hp" aria-hidden="true"><label>Website <input type="text" name="website" tabindex="-1" autocomplete="off"></label></div>
  ${s.lines.length ? html`<fieldset id="inquiry-lines"><legend>${t('storefront.inquiry.products')}</legend>
    ${s.lines.map((l, i) => html`<div class="line">
      <input type="hidden" name="lines.${i}.productId" value="${l.productId ?? ''}">
      <input type="hidden" name="lines.${i}.sku" value="${l.sku ?? ''}">
      <label for="inq-line-${i}">${l.name}${l.sku ? ` (${l.sku})` : ''} — ${t('storefront.product.quantity')}</label>
      <input id="inq-line-${i}" type="number" min="1" name="lines.${i}.quantity" value="${l.quantity}" inputmode="numeric">
    </div>`)}
  </fieldset>` : ''}
  ${field('name', t('storefront.inquiry.name'), html`<input ${attrs('name')} type="text" autocomplete="name" required value="${v('name')}">`)}
  ${field('company', t('storefront.inquiry.company'), html`<input ${attrs('company')} type="text" autocomplete="organization" required value="${v('company')}">`)}
  ${field('email', t('storefront.inquiry.email'), html`<input ${attrs('email')} type="email" autocomplete="email" required value="${v('email')}">`)}
  ${field('country', t('storefront.inquiry.country'), html`<select ${attrs('country')} autocomplete="country" required>
      <option value="">${t('storefront.inquiry.chooseCountry')}</option>
      ${countryOptions(locale).map((c) => html`<option value="${c.code}" ${c.code === v('country') ? html`selected` : ''}>${c.name}</option>`)}
    </select>`)}
  ${field('phone', t('storefront.inquiry.phone'), html`<input ${attrs('phone')} type="tel" autocomplete="tel" value="${v('phone')}">`, false)}
  ${field('message', t('storefront.inquiry.message'), html`<textarea ${attrs('message')} rows="6" required>${v('message')}</textarea>`)}
  <input type="hidden" name="sourceUrl" value="${v('sourceUrl')}">
  <button type="submit" id="inquiry-submit">${t('storefront.inquiry.submit')}</button>
</form>`;
}

export function inquirySentBody(ctx: PageCtx): Html {
  return html`<h1 id="inquiry-sent">${ctx.t('storefront.inquiry.sentTitle')}</h1>
<p>${ctx.t('storefront.inquiry.sentText')}</p>
<p><a href="${localePath(ctx.locale, '/')}">${ctx.t('storefront.nav.home')}</a></p>`;
}
