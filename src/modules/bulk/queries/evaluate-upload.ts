import type { Db } from '../../../platform/db/database.js';
import type { Principal } from '../../../platform/auth/principal.js';
import { t } from '../../../platform/i18n/i18n.js';
import { getAvailability } from '../../inventory/index.js';
import { quoteCart, validateAddress, type CartQuote } from '../../cart/index.js';
import type { Address } from '../../orders/index.js';
import type { BulkServices } from '../services.js';
import type { BulkIssue, BulkRow, ResolvedLine } from '../domain/types.js';
import { validateRows, type SkuInfo, type ValidationContext } from '../domain/validate.js';
import { normaliseCode } from '../domain/did-you-mean.js';

export interface PreviewLine {
  rowNo: number;
  sku: string;
  name: string;
  quantity: number;
  unitPrice: number | null;
  lineTotal: number | null;
  availability: string;
  backordered: number;
  deliveryDate: string | null;
  poNumber: string | null;
  note: string;
}

export interface PreviewGroup {
  key: string;
  label: string;
  shipTo: Address;
  lines: PreviewLine[];
  shipping: { id: string; name: string; price: number } | null;
  totals: { items: number; shipping: number; tax: number; duty: number; grandTotal: number };
  /** What stops this order beyond its lines (no shipping to the country, credit...). */
  problems: string[];
}

export interface BulkPreview {
  currency: string;
  groups: PreviewGroup[];
  lineCount: number;
  errorCount: number;
  warningCount: number;
  grandTotal: number;
}

export interface BuyerRef {
  customerId: string;
  userId: string | null;
  email: string | null;
  currency: string;
  locale: string;
}

/** The principal pricing runs as: the buyer's own user (dealer tier), whoever entered the order. */
export function buyerPrincipal(b: BuyerRef): Principal | undefined {
  return b.userId ? { kind: 'customer', customerUserId: b.userId, customerId: b.customerId, sessionId: 'bulk', csrfToken: '', mfaPassed: true } : undefined;
}

/** Loads what the validator needs for these rows: SKUs by normalised code, stock, address book, today. */
export async function loadValidationContext(tx: Db, services: BulkServices, buyer: BuyerRef, rows: BulkRow[], now: Date): Promise<ValidationContext> {
  const knownCodes = await services.skuCodes(tx);
  const byNorm = new Map(knownCodes.map((c) => [normaliseCode(c), c]));
  const wanted = [...new Set(rows.map((r) => byNorm.get(normaliseCode(r.cells.sku ?? ''))).filter((c): c is string => !!c))];
  const ids = await services.checkout.skuIdsByCode(tx, wanted);
  const infos = await services.checkout.skus(tx, buyer.locale, [...ids.values()]);
  const skus = new Map<string, SkuInfo>();
  for (const s of infos.values()) skus.set(normaliseCode(s.sku), { skuId: s.skuId, sku: s.sku, moq: s.moq, orderMultiple: s.orderMultiple, sellable: s.sellable });
  const avail = await getAvailability(tx, [...infos.values()].map((s) => ({ skuId: s.skuId, productId: s.productId })));
  const stock = new Map([...avail].map(([id, a]) => [id, { available: a.available, backorderAllowed: a.policy.policy === 'allow', leadTimeDays: a.policy.leadTimeDays }]));
  return {
    skus,
    knownCodes,
    book: await services.addressBook(tx, buyer.customerId),
    today: now.toISOString().slice(0, 10),
    stock,
    checkAddress: (a) => validateAddress(a, 'shipTo'),
  };
}

/** One order's in-memory cart: the checkout quotes it exactly as it would a stored cart. */
export function virtualCart(buyer: BuyerRef, key: string, shipTo: Address, lines: ResolvedLine[], opts: { shippingMethodId: string | null; now: Date }) {
  const pos = [...new Set(lines.map((l) => l.poNumber).filter(Boolean))];
  const cart = {
    id: `bulkcart_${key}`,
    tokenHash: null,
    customerId: buyer.customerId,
    status: 'open' as const,
    currency: buyer.currency,
    locale: buyer.locale,
    email: buyer.email,
    shipTo,
    billTo: null,
    vatNumber: null,
    shippingMethodId: opts.shippingMethodId,
    incoterm: null,
    paymentMethod: 'manual',
    poNumber: pos.join(', ').slice(0, 200) || null,
    note: null,
    orderId: null,
    version: 0,
    createdAt: opts.now,
    updatedAt: opts.now,
  };
  const rows = lines.map((l) => ({
    id: `row${l.rowNo}`,
    cartId: cart.id,
    skuId: l.skuId,
    quantity: l.quantity,
    note: [pos.length > 1 && l.poNumber ? `PO ${l.poNumber}` : '', l.deliveryDate ? `deliver by ${l.deliveryDate}` : '', l.note].filter(Boolean).join('; '),
    addedAt: opts.now,
  }));
  return { cart, rows };
}

/**
 * Quotes one ship-to's lines through the checkout with its first offered shipping method. The
 * offered methods are found on the lines summed per SKU (same weights, same stock per SKU, a few
 * dozen lines instead of thousands); the full quote then checks that the method is still offered
 * for the real lines, and if not, looks again on the real lines.
 */
export async function quoteGroup(tx: Db, services: BulkServices, buyer: BuyerRef, key: string, shipTo: Address, lines: ResolvedLine[], now: Date, shippingMethodId?: string | null): Promise<CartQuote> {
  const principal = buyerPrincipal(buyer);
  const quote = (ls: ResolvedLine[], method: string | null, withOptions: boolean) => {
    const v = virtualCart(buyer, key, shipTo, ls, { shippingMethodId: method, now });
    return quoteCart(tx, services.checkout, v.cart as never, v.rows, now, { locale: buyer.locale, withShippingOptions: withOptions, principal });
  };
  const firstOption = async (ls: ResolvedLine[]) => (await quote(ls, null, true)).shippingOptions?.[0]?.id ?? null;
  let method = shippingMethodId ?? null;
  if (!method) {
    const perSku = new Map<string, ResolvedLine>();
    for (const l of lines) {
      const p = perSku.get(l.skuId);
      perSku.set(l.skuId, p ? { ...p, quantity: p.quantity + l.quantity } : { ...l, note: '' });
    }
    method = await firstOption([...perSku.values()]);
  }
  let q = await quote(lines, method, false);
  if (!shippingMethodId && q.problems.some((p) => p.code === 'shipping_unavailable' || p.code === 'shipping_missing')) {
    const again = await firstOption(lines);
    if (again && again !== method) q = await quote(lines, again, false);
  }
  return q;
}

export function groupLines(lines: ResolvedLine[]): Map<string, ResolvedLine[]> {
  const groups = new Map<string, ResolvedLine[]>();
  for (const l of lines) groups.set(l.groupKey, [...(groups.get(l.groupKey) ?? []), l]);
  return groups;
}

/**
 * Validates the rows and prices what passed, grouped by ship-to: the preview the buyer confirms.
 * `progress` is called after each step (0..1) for the job's progress bar.
 */
export async function evaluateRows(
  tx: Db, services: BulkServices, buyer: BuyerRef, rows: BulkRow[], now: Date, progress: (done: number) => Promise<void> | void = () => undefined,
): Promise<{ issues: BulkIssue[]; preview: BulkPreview; lines: ResolvedLine[] }> {
  const ctx = await loadValidationContext(tx, services, buyer, rows, now);
  const { issues, lines } = validateRows(rows, ctx);
  await progress(0.3);
  const groups = groupLines(lines);
  const out: PreviewGroup[] = [];
  let i = 0;
  for (const [key, gl] of groups) {
    const q = await quoteGroup(tx, services, buyer, key, gl[0]!.shipTo, gl, now);
    const byRow = new Map(q.lines.map((l) => [Number(l.id.slice(3)), l]));
    for (const l of q.lines) {
      if (l.unitPrice === null) issues.push({ rowNo: Number(l.id.slice(3)), column: 'sku', code: 'no_price', severity: 'error', key: 'bulk.issue.no_price', params: { sku: l.sku, currency: buyer.currency } });
    }
    const lineProblems = new Set(['not_sellable', 'below_moq', 'not_multiple', 'invalid_quantity', 'out_of_stock', 'no_price']);
    out.push({
      key,
      label: gl[0]!.groupLabel,
      shipTo: gl[0]!.shipTo,
      lines: gl.map((l) => {
        const ql = byRow.get(l.rowNo);
        return {
          rowNo: l.rowNo, sku: l.sku, name: ql?.name ?? l.sku, quantity: l.quantity, unitPrice: ql?.unitPrice ?? null, lineTotal: ql?.lineTotal ?? null,
          availability: ql?.availability.status ?? 'in_stock', backordered: ql?.availability.backordered ?? 0, deliveryDate: l.deliveryDate, poNumber: l.poNumber, note: l.note,
        };
      }),
      shipping: q.shipping ? { id: q.shipping.id, name: q.shipping.name, price: q.shipping.price } : null,
      totals: { items: q.totals.items, shipping: q.totals.shipping, tax: q.totals.tax, duty: q.totals.duty, grandTotal: q.totals.grandTotal },
      problems: q.problems.filter((p) => !p.field.startsWith('lines') && !lineProblems.has(p.code)).map((p) => p.message),
    });
    await progress(0.3 + (0.7 * ++i) / groups.size);
  }
  issues.sort((a, b) => a.rowNo - b.rowNo || a.column.localeCompare(b.column));
  const errorCount = issues.filter((x) => x.severity === 'error').length;
  return {
    issues,
    lines,
    preview: {
      currency: buyer.currency,
      groups: out,
      lineCount: lines.length,
      errorCount,
      warningCount: issues.length - errorCount,
      grandTotal: out.reduce((a, g) => a + g.totals.grandTotal, 0),
    },
  };
}

/** The message of an issue in a locale. */
export function issueMessage(locale: string, i: BulkIssue): string {
  return t(locale, i.key, i.params);
}
