import type { Db } from '../../platform/db/database.js';
import type { AppDeps } from '../../platform/http/types.js';
import type { Actor } from '../../platform/auth/principal.js';
import { isAppError } from '../../platform/errors/app-error.js';
import { parseMoney, type Money } from '../../platform/money/index.js';
import { addressKey, applyOrderEventTx, applyReviewEventsBatchTx, getOrder, isSequencedChannel, orderHistoryOfBuyers, placeOrdersBatchTx, placeOrderTx, reviseOrderTx, type OrderDraft, type ReviewEvent } from '../orders/index.js';
import { customersByEmail } from '../customers/index.js';
import { reserveStock, type SkuDirectory } from '../inventory/index.js';
import { findVariantsForLines } from '../catalog/index.js';
import { convertAt } from '../fx/index.js';
import type { ChannelOrderInput, CustomerHistory, OrderHubPorts, StockShortage } from './ports.js';
import { orderAddress, priceChannelOrder } from './domain/channel-draft.js';
import type { UnifiedAddress } from './domain/unified-order.js';

/**
 * The order hub's ports built from the orders, inventory, catalog and fx modules' index.ts.
 * A channel order becomes a normal order (channel = the channel kind, external id = the
 * channel's id), priced from the channel's reported lines in its currency; the reported totals
 * are stored verbatim beside ours with the mismatch flag. Stock is reserved separately so that a
 * short order is still recorded (and held) instead of refused.
 */
/** SKU lookup through the catalog's index (the composition root may pass its own directory). */
export const catalogSkuDirectory: SkuDirectory = {
  async resolve(tx, q) {
    const found = await findVariantsForLines(tx, 'en', { skus: q.skus, variantIds: q.skuIds });
    return found.map((v) => ({ skuId: v.variantId, sku: v.sku, productId: v.productId }));
  },
};

export function createOrderPorts(opts: { baseCurrency?: string; skus?: SkuDirectory } = {}): OrderHubPorts {
  const directory = opts.skus ?? catalogSkuDirectory;
  let deps: AppDeps | undefined;
  const d = () => {
    if (!deps) throw new Error('order hub ports used before bind(deps)');
    return deps;
  };
  const channelKey = (input: ChannelOrderInput) => input.order.channelKind;
  // A batch reads the buyers' accounts for the history and again for the drafts: once per transaction.
  const accountMemo = new WeakMap<Db, Map<string, Awaited<ReturnType<typeof customersByEmail>> extends Map<string, infer V> ? V | null : never>>();
  async function accountsOf(tx: Db, emails: string[]) {
    const memo = accountMemo.get(tx) ?? new Map();
    accountMemo.set(tx, memo);
    const wanted = [...new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
    const missing = wanted.filter((e) => !memo.has(e));
    if (missing.length) {
      const found = await customersByEmail(tx, missing);
      for (const e of missing) memo.set(e, found.get(e) ?? null);
    }
    return { get: (email: string) => memo.get(email.trim().toLowerCase()) ?? undefined };
  }

  // Known SKUs are asked for while mapping lines and again for the drafts: once per transaction.
  const skuMemo = new WeakMap<Db, Map<string, { skuId: string; sku: string; productId: string | null } | null>>();
  async function resolveSkus(tx: Db, skus: string[]) {
    const memo = skuMemo.get(tx) ?? new Map();
    skuMemo.set(tx, memo);
    const missing = [...new Set(skus)].filter((s) => !memo.has(s));
    if (missing.length) {
      const found = await directory.resolve(tx, { skus: missing });
      for (const s of missing) memo.set(s, null);
      for (const f of found) memo.set(f.sku, { skuId: f.skuId, sku: f.sku, productId: f.productId ?? null });
    }
    return skus.map((s) => memo.get(s)).filter((x): x is { skuId: string; sku: string; productId: string | null } => !!x);
  }

  const ports: OrderHubPorts = {
    bind(x) {
      deps = x;
    },
    baseCurrency: opts.baseCurrency ?? 'USD',
    async createOrder(tx, input, o2) {
      const [draft] = await draftsOf(tx, [input]);
      if (!o2.reserve) {
        const placed = await placeOrderTx(tx, d(), input.actor, { ...draft!, reserve: false });
        return { orderId: placed.id, number: placed.number, shortages: null };
      }
      // A short order is recorded unreserved (held by the rules), not refused: a savepoint
      // undoes the failed reservation.
      try {
        const placed = await tx.transaction((sp) => placeOrderTx(sp as unknown as Db, d(), input.actor, { ...draft!, reserve: true }));
        return { orderId: placed.id, number: placed.number, shortages: [] };
      } catch (e) {
        if (!isAppError(e) || e.code !== 'out_of_stock') throw e;
        const list = (e.details.extra?.shortages ?? []) as { sku: string; requested: number; available: number }[];
        const placed = await placeOrderTx(tx, d(), input.actor, { ...draft!, reserve: false });
        return { orderId: placed.id, number: placed.number, shortages: shortagesOf(list) };
      }
    },
    async createOrders(tx, items) {
      const kind = items[0]?.input.order.channelKind;
      if (!kind || !isSequencedChannel(kind) || items.some((i) => i.input.order.channelKind !== kind)) {
        const out = [];
        for (const it of items) out.push(await ports.createOrder(tx, it.input, { reserve: it.reserve }));
        return out;
      }
      const drafts = await draftsOf(tx, items.map((i) => i.input));
      const placed = await placeOrdersBatchTx(tx, d(), items[0]!.input.actor, kind, drafts.map((draft, k) => ({ draft: { ...draft, reserve: items[k]!.reserve } })));
      return placed.map((p) => ({ orderId: p.id, number: p.number, shortages: p.shortages && shortagesOf(p.shortages) }));
    },
    async updateOrder(tx, orderId, input) {
      const [draft] = await draftsOf(tx, [input]);
      const r = await reviseOrderTx(tx, d(), input.actor, orderId, draft!);
      return { applied: r.applied, changes: r.changes };
    },
    async cancelOrder(tx, orderId, reason, actor) {
      await applyQuietly(tx, actor, orderId, { type: 'cancel', reason });
    },
    async reserve(tx, orderId, _lines, actor): Promise<StockShortage[]> {
      const o = await getOrder(tx, orderId);
      if (o.reservations.some((r) => r.status === 'active')) return [];
      const need = o.lines.filter((l) => l.skuId).map((l) => ({ lineId: l.id, skuId: l.skuId!, sku: l.sku, productId: l.productId, quantity: l.quantity }));
      if (!need.length) return [];
      try {
        await reserveStock(tx, d(), { orderId, actor, lines: need });
        return [];
      } catch (e) {
        if (!isAppError(e) || e.code !== 'out_of_stock') throw e;
        const list = (e.details.extra?.shortages ?? []) as { sku: string; requested: number; available: number }[];
        return list.map((s) => ({ sku: s.sku, ordered: s.requested, available: s.available, short: s.requested - s.available }));
      }
    },
    async orderNumber(tx, orderId) {
      return (await getOrder(tx, orderId)).number;
    },
    async release() {
      // Cancelling through the orders lifecycle already released the order's reservations.
    },
    async knownSkus(tx, skus) {
      const found = await resolveSkus(tx, skus);
      return new Set(found.map((v) => v.sku));
    },
    async customerHistory(tx, q) {
      return (await histories(tx, [q]))[0]!;
    },
    async customerHistories(tx, qs) {
      return histories(tx, qs);
    },
    async toBase(tx, m) {
      return toBaseMoney(tx, parseMoney(m.amount, m.currency));
    },
    async applyReview(tx, orderId, outcome, reason, actor) {
      await applyQuietly(tx, actor, orderId, reviewEvent(outcome, reason));
    },
    async applyReviews(tx, items, actor) {
      await applyReviewEventsBatchTx(tx, d(), actor, items.map((i) => ({ orderId: i.orderId, event: reviewEvent(i.outcome, i.reason) })));
    },
  };

  const reviewEvent = (outcome: 'approved' | 'held' | 'review', reason: string): ReviewEvent =>
    outcome === 'approved' ? { type: 'approve', reason } : outcome === 'held' ? { type: 'hold', reason } : { type: 'review', reason };
  const shortagesOf = (list: { sku: string; requested: number; available: number }[]): StockShortage[] =>
    list.map((x) => ({ sku: x.sku, ordered: x.requested, available: x.available, short: x.requested - x.available }));

  /** Orders drafts for channel orders: SKUs and buyer accounts looked up once for all. */
  async function draftsOf(tx: Db, inputs: ChannelOrderInput[]): Promise<OrderDraft[]> {
    const skus = [...new Set(inputs.flatMap((i) => i.lines.map((l) => l.sku)).filter((s): s is string => !!s))];
    const found = skus.length ? await resolveSkus(tx, skus) : [];
    const variants = new Map(found.map((v) => [v.sku, { variantId: v.skuId, productId: v.productId ?? '' }]));
    const accounts = await accountsOf(tx, inputs.map((i) => i.order.buyer.email ?? ''));
    const rates = new Map<string, Money | null>();
    const out: OrderDraft[] = [];
    for (const input of inputs) {
      const { currency, lines, totals } = priceChannelOrder(input, variants, ports.baseCurrency);
      const base = await toBaseMoney(tx, { amount: totals.grandTotal, currency }, rates);
      const o = input.order;
      const account = o.buyer.email ? accounts.get(o.buyer.email.trim().toLowerCase()) : undefined;
      const reportedTotal = o.reported.total ?? { amount: '0', currency };
      out.push({
        channel: channelKey(input),
        externalId: o.externalId,
        externalUpdatedAt: new Date(o.updatedAt),
        customerId: account?.customerId ?? null,
        customerEmail: o.buyer.email,
        customerName: o.buyer.name,
        companyName: o.buyer.company ?? account?.companyName ?? null,
        locale: 'en',
        currency,
        baseCurrency: ports.baseCurrency,
        grandTotalBase: base?.amount ?? 0,
        fx: null,
        totals,
        incoterm: null,
        shipTo: orderAddress(o.shipTo, o.buyer.email),
        billTo: orderAddress(o.billTo, o.buyer.email),
        shipping: null,
        paymentMethod: o.paymentMethod ?? `${o.channelKind}`,
        reportedTotals: {
          currency: reportedTotal.currency,
          items: o.reported.linesTotal?.amount ?? o.reported.subtotal?.amount ?? null,
          shipping: o.reported.shipping?.amount ?? null,
          tax: o.reported.tax?.amount ?? null,
          discount: o.reported.discount?.amount ?? null,
          grandTotal: reportedTotal.amount,
          otherCurrencies: [...new Set(o.lines.flatMap((l) => [l.lineTotal, l.tax, l.shipping, ...l.extras.map((e) => e.money)]).filter((m) => m && m.currency !== currency).map((m) => m!.currency))],
          raw: { computed: input.computed, flags: o.flags },
        },
        totalsMismatch: o.flags.includes('totals_mismatch'),
        poNumber: o.externalNumber,
        note: o.anomalies.join('\n') || null,
        tags: o.flags,
        lines,
      });
    }
    return out;
  }

  /**
   * Earlier orders of these buyers (by account when the email belongs to one, else by email):
   * how many, and whether the ship-to was delivered to before; the dealer tier of an account.
   */
  async function histories(tx: Db, qs: { orderId: string; email: string | null; shipTo: UnifiedAddress | null }[]): Promise<CustomerHistory[]> {
    const emails = qs.map((q) => q.email?.trim().toLowerCase() ?? '').filter(Boolean);
    if (!emails.length) return qs.map(() => ({ previousOrders: 0, knownAddress: false, tier: null }));
    const accounts = await accountsOf(tx, emails);
    const buyers = qs.map((q) => {
      const email = q.email?.trim().toLowerCase() || null;
      return { email, customerId: (email && accounts.get(email)?.customerId) || null };
    });
    const h = await orderHistoryOfBuyers(tx, buyers, qs.map((q) => q.orderId).filter(Boolean));
    return qs.map((q, k) => {
      const b = buyers[k]!;
      const byEmail = b.email ? h.byEmail.get(b.email) : undefined;
      const byCustomer = b.customerId ? h.byCustomer.get(b.customerId) : undefined;
      const want = q.shipTo ? addressKey({ line1: q.shipTo.line1, postalCode: q.shipTo.postalCode, countryCode: q.shipTo.country }) : null;
      const delivered = new Set([...(byEmail?.deliveredTo ?? []), ...(byCustomer?.deliveredTo ?? [])]);
      return {
        previousOrders: Math.max(byEmail?.orders ?? 0, byCustomer?.orders ?? 0),
        knownAddress: !!want && delivered.has(want),
        tier: (b.email && accounts.get(b.email)?.tier) || null,
      };
    });
  }

  async function toBaseMoney(tx: Db, m: Money, memo?: Map<string, Money | null>): Promise<Money | null> {
    if (m.currency === ports.baseCurrency) return m;
    const key = `${m.currency}:${m.amount}`;
    if (memo?.has(key)) return memo.get(key)!;
    let out: Money | null;
    try {
      out = (await convertAt(tx, d().clock.now(), m, ports.baseCurrency)).amount;
    } catch {
      out = null;
    }
    memo?.set(key, out);
    return out;
  }

  /** Lifecycle events that do not apply to the order's present state (already shipped) are skipped. */
  async function applyQuietly(tx: Db, actor: Actor, orderId: string, event: Parameters<typeof applyOrderEventTx>[4]) {
    try {
      await applyOrderEventTx(tx, d(), actor, orderId, event);
    } catch (e) {
      if (isAppError(e) && e.code === 'conflict') return;
      throw e;
    }
  }

  return ports;
}
