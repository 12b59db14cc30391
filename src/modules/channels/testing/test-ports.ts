import type { Db } from '../../../platform/db/database.js';
import type { AppDeps } from '../../../platform/http/types.js';
import { cliActor } from '../../../platform/auth/principal.js';
import { isAppError } from '../../../platform/errors/app-error.js';
import { parseMoney } from '../../../platform/money/index.js';
import { adjustStock, createWarehouse, getAvailability, releaseReservations, reservationsOfOrder, reserveStock } from '../../inventory/index.js';
import type { ChannelOrderInput, OrderHubPorts, StockShortage } from '../ports.js';

/**
 * Ports for tests: stock is the real inventory module (reservations, ledger, row locks), orders
 * and customers are a small in-memory store that records every call, so a test can count how
 * many orders were created and what they hold. SKU ids are `sku:<SKU>`.
 */
export interface TestOrder {
  id: string;
  number: string;
  channelId: string;
  externalId: string;
  status: string;
  email: string | null;
  addressKey: string | null;
  input: ChannelOrderInput;
  updates: number;
}

export function createTestPorts(opts: { skus: string[]; baseCurrency?: string; rates?: Record<string, string>; previousCustomers?: { email: string; addressKey?: string }[] }) {
  const orders = new Map<string, TestOrder>();
  const known = new Set(opts.skus);
  let seq = 10000;
  const addressKey = (a: ChannelOrderInput['order']['shipTo']) => (a ? [a.line1, a.postalCode, a.country].map((x) => (x ?? '').toUpperCase().trim()).join('|') : null);
  const calls = { create: 0, update: 0, cancel: 0, reserve: 0, release: 0 };
  const ports: OrderHubPorts & { orders: Map<string, TestOrder>; calls: typeof calls } = {
    orders,
    calls,
    baseCurrency: opts.baseCurrency ?? 'USD',
    async createOrder(_tx, input) {
      calls.create++;
      const id = `ord_test_${++seq}`;
      orders.set(id, { id, number: `TL-${seq}`, channelId: input.channelId, externalId: input.order.externalId, status: input.order.status === 'cancelled' ? 'cancelled' : 'placed', email: input.order.buyer.email, addressKey: addressKey(input.order.shipTo), input, updates: 0 });
      return { orderId: id, number: `TL-${seq}`, shortages: null };
    },
    async updateOrder(_tx, orderId, input) {
      calls.update++;
      const o = orders.get(orderId)!;
      o.input = input;
      o.updates++;
      return { applied: true, changes: ['lines'] };
    },
    async cancelOrder(_tx, orderId) {
      calls.cancel++;
      orders.get(orderId)!.status = 'cancelled';
    },
    async reserve(tx: Db, orderId, lines, actor): Promise<StockShortage[]> {
      calls.reserve++;
      const active = (await reservationsOfOrder(tx, orderId)).filter((r) => r.status === 'active');
      if (active.length) return [];
      try {
        await reserveStock(tx, testDeps(), { orderId, actor, lines: lines.map((l) => ({ lineId: `${orderId}:${l.sku}`, skuId: `sku:${l.sku}`, sku: l.sku, productId: null, quantity: l.quantity })) });
        return [];
      } catch (e) {
        if (!isAppError(e) || e.code !== 'out_of_stock') throw e;
        const avail = await getAvailability(tx, lines.map((l) => ({ skuId: `sku:${l.sku}`, productId: null })));
        return lines
          .map((l) => {
            const a = avail.get(`sku:${l.sku}`)?.available ?? 0;
            return { sku: l.sku, ordered: l.quantity, available: a, short: Math.max(0, l.quantity - a) };
          })
          .filter((s) => s.short > 0);
      }
    },
    async release(tx, orderId, reason, actor) {
      calls.release++;
      await releaseReservations(tx, testDeps(), { orderId, reason, actor });
    },
    async orderNumber(_tx, orderId) {
      return orders.get(orderId)?.number ?? orderId;
    },
    async knownSkus(_tx, skus) {
      return new Set(skus.filter((s) => known.has(s)));
    },
    async customerHistory(_tx, q) {
      const key = addressKey(q.shipTo);
      const prev = [...orders.values()].filter((o) => o.id !== q.orderId && q.email && o.email === q.email);
      const seeded = (opts.previousCustomers ?? []).filter((c) => c.email === q.email);
      return {
        previousOrders: prev.length + seeded.length,
        knownAddress: !!key && (prev.some((o) => o.addressKey === key) || seeded.some((c) => c.addressKey === key)),
        tier: null,
      };
    },
    async toBase(_tx, m) {
      const base = opts.baseCurrency ?? 'USD';
      if (m.currency === base) return parseMoney(m.amount, base);
      return null;
    },
  };
  let deps: Pick<AppDeps, 'ids' | 'clock'> | undefined;
  const testDeps = () => deps!;
  return {
    ports,
    bind(d: Pick<AppDeps, 'ids' | 'clock'>) {
      deps = d;
    },
  };
}

/** One warehouse and on-hand stock per SKU, through the inventory module. */
export async function seedStock(deps: AppDeps, stock: Record<string, number>): Promise<string> {
  const wh = await createWarehouse(deps, cliActor(), { code: 'FAC', name: 'Factory', countryCode: 'CN' });
  for (const [sku, qty] of Object.entries(stock)) {
    await adjustStock(deps, cliActor(), { mode: 'delta', skuId: `sku:${sku}`, sku, warehouseId: wh.id, delta: qty, reason: 'test stock' });
  }
  return wh.id;
}
