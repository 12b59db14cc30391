import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { actorOf } from '../../../platform/auth/principal.js';
import { runIdempotent, sendIdempotent } from '../../../platform/http/idempotency.js';
import { localeFromAcceptLanguage, STORE_LOCALES } from '../../../platform/i18n/i18n.js';
import { proformaToken } from '../../orders/index.js';
import type { CheckoutServices } from '../services.js';
import { createCart } from '../commands/create-cart.js';
import { addCartLine, changeCartLine, removeCartLine } from '../commands/edit-lines.js';
import { setCartAddresses, setCartShipping } from '../commands/set-checkout-details.js';
import { checkoutTx } from '../commands/checkout.js';
import { getCartLines, getOwnedCartWithLines, hashToken, openCartOfCustomer, type CartCaller } from '../db/carts-repo.js';
import { quoteCart, type CartQuote } from '../queries/quote-cart.js';

export const CART_COOKIE = 'tl_cart';
const tags = ['cart'];

const AddressBody = z.object({
  name: z.string().trim().min(1).max(200),
  company: z.string().trim().max(200).nullish(),
  line1: z.string().trim().min(1).max(300),
  line2: z.string().trim().max(300).nullish(),
  city: z.string().trim().min(1).max(200),
  region: z.string().trim().max(100).nullish(),
  postalCode: z.string().trim().max(20).nullish(),
  countryCode: z.string().trim().regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166 two-letter country code'),
  phone: z.string().trim().max(50).nullish(),
  email: z.string().trim().email().max(320).nullish(),
});
const Params = z.object({ id: z.string().min(1).max(64) });
const LineParams = Params.extend({ lineId: z.string().min(1).max(64) });

/** The caller: the signed-in customer and/or the guest cart token (cookie, or X-Cart-Token for API clients). */
export function cartCaller(req: FastifyRequest): CartCaller {
  const p = req.principal;
  const header = req.headers['x-cart-token'];
  const token = (typeof header === 'string' && header) || req.cookies?.[CART_COOKIE] || null;
  return { customerId: p?.kind === 'customer' ? p.customerId : null, token };
}

/** `?locale=` when it is a store locale. */
function localeParam(req: FastifyRequest): string | undefined {
  const q = (req.query as { locale?: string } | undefined)?.locale;
  return q && (STORE_LOCALES as readonly string[]).includes(q) ? q : undefined;
}

function localeOf(req: FastifyRequest, fallback?: string): string {
  return localeParam(req) ?? fallback ?? localeFromAcceptLanguage(req.headers['accept-language'], STORE_LOCALES);
}

export function cartRoutes(app: App, deps: AppDeps, services: CheckoutServices): void {
  const view = async (req: FastifyRequest, cartId: string, opts: { withShippingOptions?: boolean; caller?: CartCaller } = {}) => {
    const caller = opts.caller ?? cartCaller(req);
    const { cart, lines } = await getOwnedCartWithLines(deps.db, cartId, caller);
    const quote = await quoteCart(deps.db, services, cart, lines, deps.clock.now(), { locale: localeOf(req, cart.locale), withShippingOptions: opts.withShippingOptions, principal: req.principal });
    const { buyer: _b, ...rest } = quote;
    return rest;
  };
  const localeQuery = z.object({ locale: z.string().optional() });
  /** The buyer's view after a change: the locale asked for (else the cart's), without internals. */
  const viewOpts = (req: FastifyRequest) => ({ locale: localeParam(req), principal: req.principal });
  const shape = ({ buyer: _b, ...rest }: CartQuote & { addedLineId?: string }) => rest;

  app.post(
    '/api/store/carts',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Start a cart (or get the signed-in buyer’s; a guest cart in this browser is merged into it)',
        description: 'A guest receives the cart token in the tl_cart cookie and in the body (`token`) for API clients, who send it back as X-Cart-Token.',
        body: z.object({ currency: z.string().regex(/^[A-Z]{3}$/, 'use an ISO 4217 code such as EUR').default('EUR'), locale: z.string().max(10).optional() }).default({ currency: 'EUR' }),
      },
    },
    async (req, reply) => {
      const caller = cartCaller(req);
      const locale = req.body.locale && (STORE_LOCALES as readonly string[]).includes(req.body.locale) ? req.body.locale : localeOf(req);
      const { cart, token } = await createCart(deps, { customerId: caller.customerId, guestToken: caller.token, currency: req.body.currency, locale });
      if (token) setCartCookie(reply, deps, token);
      // A new guest cart has no lines; a customer's (possibly merged) cart is read once.
      const lines = token ? [] : await getCartLines(deps.db, cart.id);
      const { buyer: _b, ...body } = await quoteCart(deps.db, services, cart, lines, deps.clock.now(), { locale: localeOf(req, cart.locale), principal: req.principal });
      return reply.status(201).send({ ...body, ...(token ? { token } : {}) });
    },
  );

  app.get(
    '/api/store/cart',
    { config: { public: true }, schema: { tags, summary: 'The caller’s current open cart, if any (mini-cart)', querystring: localeQuery } },
    async (req, reply) => {
      const caller = cartCaller(req);
      let id: string | undefined;
      if (caller.customerId) id = (await openCartOfCustomer(deps.db, caller.customerId))?.id;
      if (!id && caller.token) {
        const rows = await deps.database.exec('SELECT id FROM carts WHERE token_hash = $1 AND status = $2', [hashToken(caller.token), 'open']);
        id = rows.rows[0]?.id;
      }
      if (!id) return reply.status(200).send({ cart: null });
      return { cart: await view(req, id, { withShippingOptions: false }) };
    },
  );

  app.get(
    '/api/store/carts/:id',
    { config: { public: true }, schema: { tags, summary: 'The cart re-priced on the server, with availability per line and the full totals breakdown', params: Params, querystring: localeQuery } },
    async (req) => view(req, req.params.id),
  );

  app.post(
    '/api/store/carts/:id/lines',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Add a SKU (by id or code); the same SKU adds to its line. Any price in the body is ignored.',
        params: Params,
        querystring: localeQuery,
        body: z
          .object({ skuId: z.string().max(64).optional(), sku: z.string().max(100).optional(), quantity: z.number().int().min(1).max(1_000_000), note: z.string().max(500).optional() })
          .refine((b) => b.skuId || b.sku, { message: 'give skuId or sku', path: ['sku'] }),
      },
    },
    async (req, reply) => reply.status(201).send(shape(await addCartLine(deps, services, cartCaller(req), req.params.id, req.body, viewOpts(req)))),
  );

  app.patch(
    '/api/store/carts/:id/lines/:lineId',
    { config: { public: true }, schema: { tags, summary: 'Change a line’s quantity (MOQ and multiples enforced)', params: LineParams, querystring: localeQuery, body: z.object({ quantity: z.number().int().min(1).max(1_000_000) }) } },
    async (req) => shape(await changeCartLine(deps, services, cartCaller(req), req.params.id, req.params.lineId, req.body.quantity, viewOpts(req))),
  );

  app.delete(
    '/api/store/carts/:id/lines/:lineId',
    { config: { public: true }, schema: { tags, summary: 'Remove a line', params: LineParams, querystring: localeQuery } },
    async (req) => shape(await removeCartLine(deps, services, cartCaller(req), req.params.id, req.params.lineId, viewOpts(req))),
  );

  app.put(
    '/api/store/carts/:id/addresses',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Checkout step 1: ship-to, bill-to (null = same), email, B2B VAT number, PO number',
        description: 'Postcodes are checked against the country’s format; US, CA and AU need a state/province code.',
        params: Params,
        querystring: localeQuery,
        body: z.object({
          email: z.string().trim().email().max(320).nullish(),
          shipTo: AddressBody,
          billTo: AddressBody.nullish(),
          vatNumber: z.string().trim().max(20).nullish(),
          poNumber: z.string().trim().max(100).nullish(),
        }),
      },
    },
    async (req) => shape(await setCartAddresses(deps, services, cartCaller(req), req.params.id, req.body, viewOpts(req))),
  );

  app.get(
    '/api/store/carts/:id/shipping-options',
    { config: { public: true }, schema: { tags, summary: 'Checkout step 2: shipping methods with price and delivery estimate, Incoterms and payment methods', params: Params, querystring: localeQuery } },
    async (req) => {
      const q = await view(req, req.params.id);
      return { options: q.shippingOptions ?? [], selected: q.shipping?.id ?? null, incoterms: q.incoterms, paymentMethods: q.paymentMethods, paymentMethod: q.paymentMethod, problems: q.problems };
    },
  );

  app.put(
    '/api/store/carts/:id/shipping',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Checkout step 2: choose shipping method, Incoterm and payment method',
        params: Params,
        querystring: localeQuery,
        body: z.object({
          shippingMethodId: z.string().max(64).nullish(),
          incoterm: z.enum(['EXW', 'FCA', 'FOB', 'CIF', 'DAP', 'DDP', 'DDU']).nullish(),
          paymentMethod: z.string().max(40).optional(),
        }),
      },
    },
    async (req) => shape(await setCartShipping(deps, services, cartCaller(req), req.params.id, req.body, viewOpts(req))),
  );

  app.post(
    '/api/store/carts/:id/checkout',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Checkout step 3: place the order (requires Idempotency-Key)',
        description:
          'Re-prices on the server and places the order in one transaction. A retry with the same Idempotency-Key returns the same order; ' +
          'out of stock → 409 out_of_stock naming the lines; anything missing → 422 with every problem; a changed total (expectedGrandTotal) → 409.',
        params: Params,
        querystring: localeQuery,
        headers: z.object({ 'idempotency-key': z.string() }).passthrough(),
        body: z.object({ expectedGrandTotal: z.number().int().optional(), note: z.string().max(2000).nullish() }).default({}),
      },
    },
    async (req, reply) => {
      const caller = cartCaller(req);
      const scope = caller.token ? `guest:${hashToken(caller.token)}` : undefined;
      const actor = actorOf(req.principal, req.ip, String(req.id));
      const out = await runIdempotent(req, deps, { scope, required: true }, async (tx) => {
        const placed = await checkoutTx(tx, deps, services, caller, actor, req.params.id, req.body, viewOpts(req));
        const proformaUrl = caller.customerId
          ? `/api/store/account/orders/${placed.id}/proforma.pdf`
          : `/api/store/orders/${placed.id}/proforma.pdf?token=${proformaToken(deps, placed.id)}`;
        return { status: 201, body: { order: { ...placed, proformaUrl } } };
      });
      if (!out.replayed) reply.clearCookie(CART_COOKIE, { path: '/' });
      return sendIdempotent(reply, out);
    },
  );
}

function setCartCookie(reply: FastifyReply, deps: AppDeps, token: string) {
  reply.setCookie(CART_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.publicUrl.startsWith('https://'),
    maxAge: 60 * 60 * 24 * 60,
  });
}
