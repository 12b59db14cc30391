import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { STORE_LOCALES, t as translate } from '../../../platform/i18n/i18n.js';
import { isAppError } from '../../../platform/errors/app-error.js';
import { csrfHiddenInput } from '../../../platform/http/csrf.js';
import { formatMoney, money } from '../../../platform/money/index.js';
import { html, raw, renderStorePage, type Html, type PageCtx, type StorePageOptions } from '../../storefront/index.js';
import { getOrder, listOrders } from '../../orders/index.js';
import { chooseDisplayCurrency, CURRENCY_COOKIE, listAddresses, visitorCountry } from '../../customers/index.js';
import { getEnabledCurrencies } from '../../fx/index.js';
import type { CheckoutServices } from '../services.js';
import { createCart } from '../commands/create-cart.js';
import { addCartLine } from '../commands/edit-lines.js';
import { getOwnedCartWithLines, hashToken, openCartOfCustomer } from '../db/carts-repo.js';
import { quoteCart, type CartQuote } from '../queries/quote-cart.js';
import { CART_COOKIE, cartCaller } from './cart.routes.js';
import { CHECKOUT_JS } from './checkout-island.js';
import { regionsOf, REGION_REQUIRED } from '../domain/address.js';

const hidden = { config: { public: true }, schema: { hide: true } } as const;

/** The visitor's open cart id (customer's, else the guest cookie's), or null. */
export async function currentCartId(deps: AppDeps, req: FastifyRequest): Promise<string | null> {
  const caller = cartCaller(req);
  if (caller.customerId) {
    // Signed in while this browser still holds an open guest cart: merge it into the account's
    // cart now (once; the guest cart is closed as merged), so nothing added before login is lost.
    if (caller.token) {
      const g = await deps.database.exec('SELECT currency, locale FROM carts WHERE token_hash = $1 AND status = $2 AND customer_id IS NULL', [hashToken(caller.token), 'open']);
      const guest = g.rows[0] as { currency: string; locale: string } | undefined;
      if (guest) return (await createCart(deps, { customerId: caller.customerId, guestToken: caller.token, currency: guest.currency, locale: guest.locale })).cart.id;
    }
    const c = await openCartOfCustomer(deps.db, caller.customerId);
    if (c) return c.id;
  }
  if (!caller.token) return null;
  const r = await deps.database.exec('SELECT id FROM carts WHERE token_hash = $1 AND status = $2', [hashToken(caller.token), 'open']);
  return r.rows[0]?.id ?? null;
}

/** Items in the visitor's cart, for the storefront header (deps.providers.storefrontCartCount). */
export async function cartItemCount(req: FastifyRequest, deps: AppDeps): Promise<number> {
  const id = await currentCartId(deps, req);
  if (!id) return 0;
  const r = await deps.database.exec('SELECT coalesce(sum(quantity), 0)::int AS n FROM cart_lines WHERE cart_id = $1', [id]);
  return Number(r.rows[0]?.n ?? 0);
}

/** The page's language, or null for a path that is not a store language (404). */
function pageLang(req: FastifyRequest): string | null {
  const lang = (req.params as { lang?: string }).lang;
  return lang && (STORE_LOCALES as readonly string[]).includes(lang) ? lang : null;
}

/** Carts, checkout and orders are per visitor: never cached by a browser or a proxy. */
function page(req: FastifyRequest, reply: FastifyReply, deps: AppDeps, opts: StorePageOptions, body: (ctx: PageCtx) => Html | Promise<Html>) {
  reply.header('cache-control', 'private, no-store');
  return renderStorePage(req, reply, deps, { noindex: true, ...opts }, body);
}

/** The currency the product page showed (chosen, else the visitor's country's, else the base): the cart's currency. */
async function displayCurrencyOf(deps: AppDeps, req: FastifyRequest, posted: string | undefined): Promise<string> {
  const cur = await getEnabledCurrencies(deps.db);
  return chooseDisplayCurrency({ chosen: posted || req.cookies?.[CURRENCY_COOKIE], country: visitorCountry(req), enabled: cur.enabled, base: cur.base });
}

interface BookEntry { id: string; label: string; isDefault: boolean; address: Record<string, string | null> }

/** The signed-in buyer's saved addresses (customers module), as checkout address fields. */
async function addressBook(deps: AppDeps, req: FastifyRequest): Promise<{ ship: BookEntry[]; bill: BookEntry[] }> {
  const p = req.principal;
  if (!p || p.kind !== 'customer') return { ship: [], bill: [] };
  const rows = await listAddresses(deps.db, p.customerId);
  const entry = (a: (typeof rows)[number]): BookEntry => ({
    id: a.id,
    isDefault: a.isDefault,
    label: [a.label, a.name, a.company, a.line1, a.city, a.country].filter(Boolean).join(' · '),
    address: { name: a.name, company: a.company, line1: a.line1, line2: a.line2, city: a.city, region: a.region, postalCode: a.postcode, countryCode: a.country, phone: a.phone },
  });
  return { ship: rows.filter((a) => a.kind === 'shipping').map(entry), bill: rows.filter((a) => a.kind === 'billing').map(entry) };
}

/** A select that fills the address fields below it (checkout.js); nothing when the book is empty. */
function bookPicker(entries: BookEntry[], prefix: string, label: string, none: string): Html | string {
  if (!entries.length) return '';
  return html`<label class="option">${label} <select data-address-book="${prefix}"><option value="">${none}</option>${entries.map(
    (e) => html`<option value="${e.id}" data-address="${JSON.stringify(e.address)}">${e.label}</option>`,
  )}</select></label>`;
}

const checkoutScript = raw('<script src="/assets/cart/checkout.js" defer></script>');

const i18nBlob = (locale: string) => {
  const keys = ['problems', 'placed', 'proforma', 'payNow', 'delivery', 'incoterm.DAP', 'incoterm.DDP', 'incoterm.EXW'];
  // Placeholders stay as {name} for the script to fill in.
  const keep = { number: '{number}', from: '{from}', to: '{to}', email: '{email}' };
  const obj = Object.fromEntries(keys.map((k) => [k, translate(locale, `cart.checkout.${k}`, keep)]));
  obj.problems = translate(locale, 'cart.checkout.problems');
  return raw(`<script type="application/json" id="cart-i18n">${JSON.stringify(obj).replace(/</g, '\\u003c')}</script>`);
};

function linesTable(q: CartQuote, locale: string, editable: boolean): Html {
  const T = (k: string, p?: Record<string, unknown>) => translate(locale, k, p);
  const m = (n: number | null) => (n === null ? '—' : formatMoney(money(n, q.currency), locale));
  return html`<table class="cart-lines" id="cart-lines">
  <thead><tr><th>${T('cart.page.product')}</th><th>${T('cart.page.sku')}</th><th>${T('cart.page.unitPrice')}</th><th>${T('cart.page.quantity')}</th><th>${T('cart.page.lineTotal')}</th><th>${T('cart.page.availability')}</th>${editable ? html`<th></th>` : ''}</tr></thead>
  <tbody>${q.lines.map(
    (l) => html`<tr data-line="${l.id}"><td>${l.name}${l.note ? html`<br><small>${l.note}</small>` : ''}<div class="line-problem error">${l.problems.map((p) => p.message).join(' ')}</div></td>
      <td class="mono">${l.sku}</td><td>${m(l.unitPrice)}</td>
      <td>${editable ? html`<input type="number" min="${l.moq}" step="${l.orderMultiple}" value="${l.quantity}" data-qty="${l.id}" aria-label="${T('cart.page.quantity')}">` : l.quantity}</td>
      <td class="line-total">${m(l.lineTotal)}</td><td class="availability">${l.availability.message}</td>
      ${editable ? html`<td><button type="button" data-remove="${l.id}">${T('cart.page.remove')}</button></td>` : ''}</tr>`,
  )}</tbody></table>`;
}

function totalsTable(q: CartQuote, locale: string): Html {
  const m = (n: number) => formatMoney(money(n, q.currency), locale);
  return html`<table class="totals"><tbody id="cart-totals">${q.totals.explanations.map(
    (e) => html`<tr class="${e.kind === 'grand_total' ? 'grand' : e.included ? '' : 'info'}"><th scope="row">${e.label}</th><td>${e.kind === 'note' && !e.amount ? '' : e.included ? m(e.amount) : `(${m(e.amount)})`}</td></tr>`,
  )}</tbody></table>`;
}

function addressFields(locale: string, prefix: string, a: Record<string, string | null | undefined> | null): Html {
  const T = (k: string) => translate(locale, `cart.checkout.${k}`);
  const field = (name: string, label: string, opts: { required?: boolean; auto?: string; list?: string } = {}) =>
    html`<label>${T(label)} <input name="${prefix}${name}" value="${a?.[name] ?? ''}" ${opts.required ? raw('required') : ''} autocomplete="${opts.auto ?? 'on'}" ${opts.list ? raw(`list="${opts.list}"`) : ''}><span class="field-error error" data-error-for="${prefix}${name}"></span></label>`;
  return html`${field('name', 'name', { required: true, auto: 'name' })}${field('company', 'company', { auto: 'organization' })}
    ${field('line1', 'line1', { required: true, auto: 'address-line1' })}${field('line2', 'line2', { auto: 'address-line2' })}
    ${field('postalCode', 'postalCode', { auto: 'postal-code' })}${field('city', 'city', { required: true, auto: 'address-level2' })}
    ${field('region', 'region', { auto: 'address-level1', list: 'regions' })}${field('countryCode', 'country', { required: true, auto: 'country' })}
    ${field('phone', 'phone', { auto: 'tel' })}`;
}

export function storePages(app: App, deps: AppDeps, services: CheckoutServices): void {
  // The storefront header shows the cart count through this hook (see storefront/views/context.ts).
  deps.providers.storefrontCartCount = cartItemCount;

  app.get('/assets/cart/checkout.js', hidden, async (_req, reply) =>
    reply.header('content-type', 'text/javascript; charset=utf-8').header('cache-control', 'public, max-age=300').send(CHECKOUT_JS),
  );

  const quoteFor = async (req: FastifyRequest, id: string, locale: string) => {
    const { cart, lines } = await getOwnedCartWithLines(deps.db, id, cartCaller(req));
    return quoteCart(deps.db, services, cart, lines, deps.clock.now(), { locale, principal: req.principal });
  };

  void app.register(async (scope) => {
    // Hand-written like the storefront's: only these forms post urlencoded bodies.
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });

    // The product page's "add to cart" form (works without JavaScript).
    scope.post('/:lang/cart/add', hidden, async (req, reply) => {
      const locale = pageLang(req);
      if (!locale) return reply.status(404).send();
      const b = (req.body ?? {}) as Record<string, string>;
      let id = await currentCartId(deps, req);
      let token = cartCaller(req).token;
      if (!id) {
        const created = await createCart(deps, { customerId: cartCaller(req).customerId, guestToken: null, currency: await displayCurrencyOf(deps, req, b.currency), locale });
        id = created.cart.id;
        if (created.token) {
          token = created.token;
          reply.setCookie(CART_COOKIE, created.token, { path: '/', httpOnly: true, sameSite: 'lax', secure: deps.config.publicUrl.startsWith('https://'), maxAge: 60 * 60 * 24 * 60 });
        }
      }
      try {
        await addCartLine(deps, services, { customerId: cartCaller(req).customerId, token }, id, { skuId: b.variantId, sku: b.sku, quantity: Math.trunc(Number(b.quantity)) || 0 }, { locale, principal: req.principal });
      } catch (e) {
        if (!isAppError(e)) throw e;
        return reply.redirect(`/${locale}/cart?error=${encodeURIComponent(e.details.errors?.[0]?.message ?? e.message)}`, 303);
      }
      return reply.redirect(`/${locale}/cart`, 303);
    });
  });

  app.get('/:lang/cart', hidden, async (req, reply) => {
    const locale = pageLang(req);
    if (!locale) return reply.status(404).send();
    const T = (k: string, p?: Record<string, unknown>) => translate(locale, k, p);
    const id = await currentCartId(deps, req);
    const error = (req.query as { error?: string }).error;
    const q = id ? await quoteFor(req, id, locale) : null;
    const body = !q || !q.lines.length
      ? html`<h1>${T('cart.page.title')}</h1>${error ? html`<p class="notice error" id="cart-message">${error}</p>` : ''}<p id="cart-empty">${T('cart.page.empty')}</p><p><a href="/${locale}/">${T('cart.page.continue')}</a></p>`
      : html`<section data-cart="${q.id}" data-currency="${q.currency}" data-grand-total="${q.totals.grandTotal}">
          <h1>${T('cart.page.title')}</h1>${i18nBlob(locale)}
          <p class="notice ${error ? 'error' : ''}" id="cart-message" ${error ? '' : raw('hidden')}>${error ?? ''}</p>
          ${linesTable(q, locale, true)}${totalsTable(q, locale)}
          <p><a href="/${locale}/">${T('cart.page.continue')}</a> <a class="button" id="go-checkout" href="/${locale}/checkout">${T('cart.page.checkout')}</a></p></section>`;
    return page(req, reply, deps, { title: T('cart.page.title') }, () => html`${body}${q?.lines.length ? checkoutScript : ''}`);
  });

  app.get('/:lang/checkout', hidden, async (req, reply) => {
    const locale = pageLang(req);
    if (!locale) return reply.status(404).send();
    const T = (k: string, p?: Record<string, unknown>) => translate(locale, k, p);
    const id = await currentCartId(deps, req);
    if (!id) return reply.redirect(`/${locale}/cart`, 303);
    const q = await quoteFor(req, id, locale);
    if (!q.lines.length) return reply.redirect(`/${locale}/cart`, 303);
    // A separate billing address only when one was given; otherwise its (required) fields stay out of the form.
    const sameBilling = !q.billTo || JSON.stringify(q.billTo) === JSON.stringify(q.shipTo);
    // A signed-in buyer picks from the address book; the default ship-to fills an empty form.
    const book = await addressBook(deps, req);
    const shipTo = (q.shipTo as Record<string, string | null> | null) ?? book.ship.find((a) => a.isDefault)?.address ?? null;
    const regions = [...REGION_REQUIRED].flatMap((c) => regionsOf(c).map((r) => ({ c, ...r })));
    const body = html`<section data-cart="${q.id}" data-currency="${q.currency}" data-grand-total="${q.totals.grandTotal}" class="checkout">
      <h1>${T('cart.checkout.title')}</h1>${i18nBlob(locale)}
      <p class="notice" id="cart-message" hidden></p>
      <div class="checkout-grid">
      <div>
        <form id="address-form" data-step="1">
          <h2>${T('cart.checkout.step1')}</h2>
          <label>${T('cart.checkout.email')} <input type="email" name="email" value="${q.email ?? ''}" required autocomplete="email"><span class="field-error error" data-error-for="email"></span></label>
          <fieldset><legend>${T('cart.checkout.shipTo')}</legend>${bookPicker(book.ship, 'ship.', T('cart.checkout.fromBook'), T('cart.checkout.newAddress'))}${addressFields(locale, 'ship.', shipTo)}</fieldset>
          <label><input type="checkbox" name="sameAsShipping" ${sameBilling ? raw('checked') : ''}> ${T('cart.checkout.sameAsShipping')}</label>
          <fieldset id="bill-to" ${sameBilling ? raw('disabled hidden') : ''}><legend>${T('cart.checkout.billTo')}</legend>${bookPicker(book.bill, 'bill.', T('cart.checkout.fromBook'), T('cart.checkout.newAddress'))}${addressFields(locale, 'bill.', q.billTo as Record<string, string | null> | null)}</fieldset>
          <label>${T('cart.checkout.vatNumber')} <input name="vatNumber" value="${q.vatNumber ?? ''}"><span class="field-error error" data-error-for="vatNumber"></span></label>
          <label>${T('cart.checkout.poNumber')} <input name="poNumber" value="${q.poNumber ?? ''}"></label>
          <datalist id="regions">${regions.map((r) => html`<option value="${r.code}">${r.c} · ${r.name}</option>`)}</datalist>
          <h3>${T('orders.account.lines')}</h3>${linesTable(q, locale, false)}
          <button type="submit" id="to-shipping">${T('cart.checkout.next')}</button>
        </form>
        <form id="shipping-form" data-step="2" hidden>
          <h2>${T('cart.checkout.step2')}</h2>
          <fieldset><legend>${T('cart.checkout.shippingMethod')}</legend><div id="shipping-options"></div></fieldset>
          <fieldset><legend>${T('cart.checkout.incoterm')}</legend><div id="incoterm-options"></div></fieldset>
          <fieldset><legend>${T('cart.checkout.payment')}</legend><div id="payment-options"></div></fieldset>
          <button type="button" data-back="1">${T('cart.checkout.back')}</button> <button type="submit" id="to-confirm">${T('cart.checkout.next')}</button>
        </form>
        <div data-step="3" hidden>
          <h2>${T('cart.checkout.step3')}</h2>
          <div id="cart-problems"></div>
          <button type="button" data-back="2">${T('cart.checkout.back')}</button> <button type="button" id="place-order" class="button">${T('cart.checkout.placeOrder')}</button>
        </div>
        <div data-step="4" hidden id="order-placed"></div>
      </div>
      <aside><h2>${T('orders.account.totals')}</h2>${totalsTable(q, locale)}</aside>
      </div></section>`;
    return page(req, reply, deps, { title: T('cart.checkout.title') }, () => html`${body}${checkoutScript}`);
  });

  // The buyer's account: orders, one order, proforma.
  app.get('/:lang/account/orders', hidden, async (req, reply) => {
    const locale = pageLang(req);
    if (!locale) return reply.status(404).send();
    const T = (k: string, p?: Record<string, unknown>) => translate(locale, k, p);
    const p = req.principal;
    if (!p || p.kind !== 'customer') return reply.redirect(`/${locale}/account/sign-in?next=${encodeURIComponent(`/${locale}/account/orders`)}`, 303);
    const { items } = await listOrders(deps.db, { customerId: p.customerId, limit: 100 });
    const body = html`<h1>${T('orders.account.title')}</h1>${items.length
      ? html`<table class="orders" id="account-orders"><thead><tr><th>${T('orders.account.number')}</th><th>${T('orders.account.date')}</th><th>${T('orders.account.status')}</th><th>${T('orders.account.total')}</th></tr></thead><tbody>
        ${items.map((o) => html`<tr><td><a href="/${locale}/account/orders/${o.id}">${o.number}</a></td><td>${new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(o.placedAt))}</td><td>${T(`orders.status.${o.status}`)}</td><td>${formatMoney(money(o.grandTotal, o.currency), locale)}</td></tr>`)}</tbody></table>`
      : html`<p>${T('orders.account.empty')}</p>`}`;
    return page(req, reply, deps, { title: T('orders.account.title'), accountSection: 'orders' }, () => body);
  });

  app.get('/:lang/account/orders/:id', hidden, async (req, reply) => {
    const locale = pageLang(req);
    if (!locale) return reply.status(404).send();
    const T = (k: string, p?: Record<string, unknown>) => translate(locale, k, p);
    const p = req.principal;
    if (!p || p.kind !== 'customer') return reply.redirect(`/${locale}/account/sign-in`, 303);
    const o = await getOrder(deps.db, (req.params as { id: string }).id, { customerId: p.customerId });
    const m = (n: number) => formatMoney(money(n, o.currency), locale);
    const body = html`<p><a href="/${locale}/account/orders">${T('orders.account.back')}</a></p>
      <h1>${T('orders.account.number')} ${o.number}</h1>
      <p>${T(`orders.status.${o.status}`)} · ${T(`orders.paymentStatus.${o.paymentStatus}`)} · ${o.incoterm ?? ''}</p>
      <p><a class="button" id="account-proforma" href="/api/store/account/orders/${o.id}/proforma.pdf">${T('orders.account.proforma')}</a></p>
      <form method="post" action="/${locale}/account/orders/${o.id}/reorder">${raw(csrfHiddenInput(req))}<button type="submit" class="button" id="account-reorder">${T('reorder.button.reorder')}</button></form>
      <form method="post" action="/${locale}/account/orders/${o.id}/save-list">${raw(csrfHiddenInput(req))}<button type="submit" class="button-secondary" id="account-save-list">${T('reorder.button.saveAsList')}</button></form>
      <div class="order-addresses">${[['shipTo', o.shipTo], ['billTo', o.billTo ?? o.shipTo]].map(([k, a]) =>
        a && typeof a === 'object' ? html`<section id="order-${k as string}"><h2>${T(`orders.proforma.${k as string}`)}</h2><address>${[a.name, a.company, a.line1, a.line2, [a.postalCode, a.city].filter(Boolean).join(' '), a.region, a.countryCode].filter(Boolean).map((l) => html`${l}<br>`)}</address></section>` : '',
      )}</div>
      <h2>${T('orders.account.lines')}</h2>
      <table><tbody>${o.lines.map((l) => html`<tr><td class="mono">${l.sku}</td><td>${l.name}</td><td>${l.quantity}</td><td>${m(l.unitPrice)}</td><td>${m(l.lineTotal)}</td></tr>`)}</tbody></table>
      <h2>${T('orders.account.totals')}</h2>
      <table class="totals"><tbody>${o.totals.explanations.map((e) => html`<tr class="${e.kind === 'grand_total' ? 'grand' : e.included ? '' : 'info'}"><th scope="row">${e.label}</th><td>${e.kind === 'note' && !e.amount ? '' : e.included ? m(e.amount) : `(${m(e.amount)})`}</td></tr>`)}</tbody></table>`;
    return page(req, reply, deps, { title: `${T('orders.account.number')} ${o.number}`, accountSection: 'orders' }, () => body);
  });
}
