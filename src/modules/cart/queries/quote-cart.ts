import type { Db } from '../../../platform/db/database.js';
import type { Principal } from '../../../platform/auth/principal.js';
import { t } from '../../../platform/i18n/i18n.js';
import { availabilityFor, getAvailability, type AvailabilityStatus } from '../../inventory/index.js';
import type { Address, ExplainedAmount, FrozenTotals } from '../../orders/index.js';
import type { CartBuyer, CartSku, CheckoutServices, DutyQuote, FxQuote, ShippingOptionQuote, TaxQuote } from '../services.js';
import type { CartLineRow, CartRow } from '../db/carts-repo.js';
import { checkQuantity } from '../domain/quantity-rules.js';
import { buildTotals } from '../domain/totals.js';
import { validateAddress } from '../domain/address.js';
import { formatMoney, money } from '../../../platform/money/index.js';

export interface CartProblem {
  field: string;
  code: string;
  message: string;
  suggestions?: number[];
}

export interface QuotedLine {
  id: string;
  skuId: string;
  sku: string;
  productId: string | null;
  name: string;
  quantity: number;
  note: string;
  unitPrice: number | null;
  lineTotal: number | null;
  taxAmount: number;
  taxRate: string | null;
  dutyAmount: number;
  moq: number;
  orderMultiple: number;
  hsCode: string | null;
  weightGrams: number | null;
  availability: { status: AvailabilityStatus; available: number; backordered: number; leadTimeDays: number | null; message: string };
  problems: CartProblem[];
}

export interface CartQuote {
  id: string;
  status: string;
  version: number;
  currency: string;
  locale: string;
  email: string | null;
  customerId: string | null;
  shipTo: Address | null;
  billTo: Address | null;
  vatNumber: string | null;
  poNumber: string | null;
  lines: QuotedLine[];
  itemCount: number;
  shippingOptions: ShippingOptionQuote[] | null;
  shipping: ShippingOptionQuote | null;
  incoterms: { offered: string[]; selected: string | null };
  /** `fee`: what the method adds on top of the total (cash on delivery), minor units; 0 for most. */
  paymentMethods: { id: string; label: string; fee: number }[];
  paymentMethod: string;
  totals: FrozenTotals;
  fx: FxQuote['rate'] & { baseCurrency: string };
  grandTotalBase: number;
  problems: CartProblem[];
  canCheckout: boolean;
  /** For placing: the buyer as the services see them. */
  buyer: CartBuyer;
}

/**
 * Prices the cart from scratch on the server: SKU rules (sellable, MOQ, multiples), stock per
 * line, prices for this buyer and currency, shipping options for the address, tax, duty by
 * Incoterm, FX, and the explained totals. Nothing the client sent about prices is used. Runs
 * inside the checkout transaction too, so the order is placed on exactly these numbers.
 */
export async function quoteCart(
  tx: Db,
  services: CheckoutServices,
  cart: CartRow,
  rows: CartLineRow[],
  now: Date,
  opts: { locale?: string; withShippingOptions?: boolean; principal?: Principal } = {},
): Promise<CartQuote> {
  const locale = opts.locale ?? cart.locale;
  const problems: CartProblem[] = [];
  const skus = await services.skus(tx, locale, [...new Set(rows.map((r) => r.skuId))]);
  const buyer = await services.buyer(tx, { customerId: cart.customerId, principal: opts.principal }, { email: cart.email, vatNumber: cart.vatNumber, billTo: cart.billTo });
  const avail = await getAvailability(tx, rows.map((r) => ({ skuId: r.skuId, productId: skus.get(r.skuId)?.productId ?? null })));
  const prices = await services.prices(tx, { buyer, currency: cart.currency, now, lines: rows.map((r) => ({ key: r.id, skuId: r.skuId, quantity: r.quantity })) });

  // Stock is judged on the total asked for per SKU (several lines may draw on one SKU).
  const askedPerSku = new Map<string, number>();
  for (const r of rows) askedPerSku.set(r.skuId, (askedPerSku.get(r.skuId) ?? 0) + r.quantity);

  const lines: QuotedLine[] = rows.map((r, i) => {
    const s: CartSku | undefined = skus.get(r.skuId);
    const lp: QuotedLine['problems'] = [];
    const field = `lines.${i}`;
    if (!s || !s.sellable) lp.push({ field, code: 'not_sellable', message: t(locale, 'cart.problem.notSellable', { sku: s?.sku ?? r.skuId }) });
    if (s) {
      const q = checkQuantity(r.quantity, s.moq, s.orderMultiple, s.sku);
      if (q) lp.push({ field: `${field}.quantity`, code: q.code, message: t(locale, q.key, q.params), suggestions: q.suggestions });
    }
    const a = avail.get(r.skuId)!;
    const asked = askedPerSku.get(r.skuId)!;
    const av = availabilityFor(asked, a.available, a.policy);
    if (av.status === 'short' || av.status === 'out_of_stock') {
      lp.push({
        field: `${field}.quantity`,
        code: 'out_of_stock',
        message: t(locale, 'inventory.error.outOfStock', { sku: s?.sku ?? r.skuId, available: a.available, requested: asked }),
        suggestions: a.available > 0 ? [a.available] : [],
      });
    }
    const price = prices.get(r.id);
    if (!price?.ok) lp.push({ field, code: 'no_price', message: t(locale, 'cart.problem.noPrice', { sku: s?.sku ?? r.skuId, currency: cart.currency }) });
    const unit = price?.ok ? price.unitPrice : null;
    problems.push(...lp);
    return {
      id: r.id,
      skuId: r.skuId,
      sku: s?.sku ?? r.skuId,
      productId: s?.productId ?? null,
      name: s?.name ?? r.skuId,
      quantity: r.quantity,
      note: r.note,
      unitPrice: unit,
      lineTotal: unit === null ? null : unit * r.quantity,
      taxAmount: 0,
      taxRate: null,
      dutyAmount: 0,
      moq: s?.moq ?? 1,
      orderMultiple: s?.orderMultiple ?? 1,
      hsCode: s?.hsCode ?? null,
      weightGrams: s?.weightGrams ?? null,
      availability: {
        ...av,
        message: t(locale, `inventory.availability.${av.status}`, { available: a.available, backordered: av.backordered, days: av.leadTimeDays ?? s?.leadTimeDays ?? 0 }),
      },
      problems: lp,
    };
  });
  if (!rows.length) problems.push({ field: 'lines', code: 'empty', message: t(locale, 'cart.problem.empty') });

  const priced = lines.filter((l) => l.lineTotal !== null);
  const itemsTotal = priced.reduce((a, l) => a + l.lineTotal!, 0);
  const shipTo = cart.shipTo;
  if (!shipTo) problems.push({ field: 'shipTo', code: 'address_missing', message: t(locale, 'cart.problem.addressMissing') });
  else for (const p of validateAddress(shipTo, 'shipTo')) problems.push({ ...p, code: 'address_invalid' });
  if (!cart.email && !buyer.email) problems.push({ field: 'email', code: 'email_missing', message: t(locale, 'cart.problem.emailMissing') });

  // Shipping: options for the address; the chosen one must still be offered.
  let options: ShippingOptionQuote[] | null = null;
  let shipping: ShippingOptionQuote | null = null;
  if (shipTo && lines.length) {
    options = await services.shippingOptions(tx, {
      now,
      currency: cart.currency,
      buyer,
      shipTo,
      itemsTotal,
      lines: lines.map((l) => {
        const s = skus.get(l.skuId);
        const ready = l.availability.backordered > 0 ? l.availability.leadTimeDays ?? s?.leadTimeDays ?? 0 : 0;
        return { skuId: l.skuId, quantity: l.quantity, weightGrams: s?.weightGrams ?? null, dimensionsMm: s?.dimensionsMm ?? { length: null, width: null, height: null }, readyInDays: ready };
      }),
    });
    shipping = options.find((o) => o.id === cart.shippingMethodId) ?? null;
    if (!options.length) problems.push({ field: 'shipTo.countryCode', code: 'no_shipping', message: t(locale, 'cart.problem.noShipping', { country: shipTo.countryCode }) });
    else if (!shipping) problems.push({ field: 'shippingMethodId', code: cart.shippingMethodId ? 'shipping_unavailable' : 'shipping_missing', message: t(locale, cart.shippingMethodId ? 'cart.problem.shippingUnavailable' : 'cart.problem.shippingMissing') });
  }

  const origin = await services.originCountry(tx);
  const offered = services.incoterms(shipTo, origin);
  const incoterm = cart.incoterm && offered.includes(cart.incoterm) ? cart.incoterm : offered[0] ?? null;
  if (cart.incoterm && !offered.includes(cart.incoterm)) problems.push({ field: 'incoterm', code: 'incoterm_unavailable', message: t(locale, 'cart.problem.incotermUnavailable', { incoterm: cart.incoterm }) });

  let tax: TaxQuote | null = null;
  let duty: DutyQuote | null = null;
  if (shipTo && priced.length && !problems.some((p) => p.code === 'address_invalid')) {
    const shippingPrice = shipping?.price ?? 0;
    tax = await services.tax(tx, { now, currency: cart.currency, buyer, shipTo, lines: priced.map((l) => ({ id: l.id, amount: l.lineTotal! })), shipping: shippingPrice }, locale);
    for (const l of priced) {
      const lt = tax.lineTax.get(l.id);
      if (lt) {
        l.taxAmount = lt.tax;
        l.taxRate = lt.rate;
      }
    }
    if (incoterm && shipTo.countryCode !== origin) {
      duty = await services.duty(
        tx,
        { now, currency: cart.currency, incoterm, shipTo, lines: priced.map((l) => ({ id: l.id, hsCode: l.hsCode, value: l.lineTotal! })), freight: shippingPrice, importTax: tax.importTax },
        locale,
      );
      if (duty) for (const l of priced) l.dutyAmount = duty.dutyByLine.get(l.id) ?? 0;
    }
  }

  const totals = buildTotals({
    currency: cart.currency,
    lines: priced.map((l) => ({ id: l.id, unitPrice: l.unitPrice!, quantity: l.quantity })),
    itemCount: priced.reduce((a, l) => a + l.quantity, 0),
    shipping: shipping ? { name: shipping.name, price: shipping.price } : null,
    tax: tax ? { pricesIncludeTax: tax.pricesIncludeTax, total: tax.total, taxLines: tax.taxLines, notes: tax.notes } : null,
    duty: duty && incoterm ? { payableBy: duty.payableBy, total: duty.total, addToOrderTotal: duty.addToOrderTotal, lines: duty.lines, incoterm } : null,
  });
  totals.explanations = totals.explanations.map((e) => localise(e, locale));

  const fx = await services.fx(tx, now, cart.currency);
  const methods = await services.paymentMethods(buyer, cart.currency, shipTo, { tx, amount: totals.grandTotal, locale });
  const paymentMethod = methods.includes(cart.paymentMethod) ? cart.paymentMethod : methods[0] ?? cart.paymentMethod;
  if (!methods.length) problems.push({ field: 'paymentMethod', code: 'no_payment_method', message: t(locale, 'cart.problem.noPaymentMethod') });
  if (buyer.blockedReason) problems.push({ field: 'customer', code: 'customer_blocked', message: buyer.blockedReason });
  const fees = await Promise.all(methods.map((id) => services.paymentMethodFee?.(tx, id, cart.currency) ?? 0));

  return {
    id: cart.id,
    status: cart.status,
    version: cart.version,
    currency: cart.currency,
    locale,
    email: cart.email ?? buyer.email,
    customerId: cart.customerId,
    shipTo,
    billTo: cart.billTo,
    vatNumber: cart.vatNumber,
    poNumber: cart.poNumber,
    lines,
    itemCount: lines.reduce((a, l) => a + l.quantity, 0),
    shippingOptions: opts.withShippingOptions === false ? null : options,
    shipping,
    incoterms: { offered, selected: incoterm },
    paymentMethods: methods.map((id, i) => {
      const label = t(locale, `orders.paymentMethod.${id}`);
      const fee = fees[i] ?? 0;
      return { id, fee, label: fee ? t(locale, 'cart.paymentMethod.withFee', { method: label, fee: formatMoney(money(fee, cart.currency), locale) }) : label };
    }),
    paymentMethod,
    totals,
    fx: { baseCurrency: fx.baseCurrency, ...(fx.rate ?? { rate: '1', source: 'identity', asOf: now.toISOString().slice(0, 10) }) },
    grandTotalBase: fx.toBase(totals.grandTotal),
    problems,
    canCheckout: problems.length === 0,
    buyer,
  };
}

function localise(e: ExplainedAmount, locale: string): ExplainedAmount {
  if (!e.key) return e;
  const text = t(locale, e.key, e.params);
  return text === e.key ? e : { ...e, label: text };
}
