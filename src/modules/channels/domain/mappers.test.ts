import { describe, expect, it } from 'vitest';
import { hasSharedData, readSharedJson, SHARED_DATA_SKIP_REASON } from '../../../platform/testing/shared-data.js';
import { mapAmazonOrder, nextWatermark, readOrderChange, type AmazonOrder, type AmazonOrderItem } from './amazon-mapper.js';
import { mapShopifyOrder, type ShopifyOrder } from './shopify-mapper.js';
import { computeTotals, parseChannelTime } from './unified-order.js';

const NOW = new Date('2026-11-22T00:00:00Z');
const d = hasSharedData ? describe : describe.skip;
if (!hasSharedData) console.warn(SHARED_DATA_SKIP_REASON);

const sandbox = <T>(f: string) => (readSharedJson<{ response: T }>(`amazon-sp-api/examples/${f}`)).response;

d('Amazon SP-API Orders v0 payloads', () => {
  it('maps the sandbox order with its items, keeping money verbatim and totals consistent', () => {
    const list = sandbox<{ payload: { Orders: AmazonOrder[]; CreatedBefore: string } }>('getOrders.200.sandbox0.json').payload;
    const items = sandbox<{ payload: { OrderItems: AmazonOrderItem[] } }>('getOrderItems.200.sandbox0.json').payload.OrderItems;
    const o = mapAmazonOrder(list.Orders[0]!, items, NOW);
    expect(o.externalId).toBe('902-1845936-5435065');
    expect(o.reported.total).toEqual({ amount: '11.01', currency: 'USD' });
    expect(o.lines[0]).toMatchObject({ sellerSku: 'NABetaASINB00551Q3CS', asin: 'B00551Q3CS', quantity: 1, lineTotal: { amount: '10.00', currency: 'USD' }, tax: { amount: '1.01', currency: 'USD' } });
    expect(computeTotals(o).total).toEqual({ USD: '11.01' });
    expect(o.flags).not.toContain('totals_mismatch');
    expect(o.status).toBe('open');
    // The sandbox's 1970 purchase date is kept as sent and flagged, not rejected.
    expect(o.placedAt).toBe('1970-01-19T03:58:30.000Z');
    expect(o.flags).toContain('implausible_date');
  });

  it('reads the epoch in scientific notation as the next watermark', () => {
    const list = sandbox<{ payload: { CreatedBefore: string } }>('getOrders.200.sandbox0.json').payload;
    expect(list.CreatedBefore).toBe('1.569521782042E9');
    expect(nextWatermark(list)).toBe('2019-09-26T18:16:22.042Z');
    expect(parseChannelTime('1.569521782042E9')).toBe('2019-09-26T18:16:22.042Z');
  });

  it('keeps an order mixing JPY and GBP as reported and flags it, never converting', () => {
    const items = readSharedJson<{ payload: { AmazonOrderId: string; OrderItems: AmazonOrderItem[] } }>('amazon-sp-api/examples/getOrderItems.200.example.json').payload;
    const o = mapAmazonOrder({ AmazonOrderId: items.AmazonOrderId, PurchaseDate: '2026-11-20T10:00:00Z', LastUpdateDate: '2026-11-20T10:05:00Z', OrderStatus: 'Unshipped' }, items.OrderItems, NOW);
    expect(o.flags).toContain('mixed_currency');
    const gift = o.lines[0]!.extras.find((e) => e.kind === 'gift_wrap')!;
    expect(gift.money).toEqual({ amount: '41.99', currency: 'GBP' });
    expect(o.lines[0]!.lineTotal).toEqual({ amount: '25.99', currency: 'JPY' });
    // JPY has no minor unit: "25.99" JPY is kept verbatim and flagged rather than rounded.
    expect(o.flags).toContain('amount_precision');
    const totals = computeTotals(o).total;
    expect(Object.keys(totals)).toEqual(['GBP', 'JPY']);
    expect(totals.GBP).toBe('41.99');
  });

  it('reads the ORDER_CHANGE notification', () => {
    const n = readSharedJson<any>('amazon-sp-api/examples/OrderChangeNotification.example0.json');
    expect(readOrderChange(n)).toMatchObject({ amazonOrderId: '903-8868176-2219830', changeType: 'BuyerRequestedChange', notificationId: 'd0e9e693-c3ad-4373-979f-ed4ec98dd746' });
  });
});

d('Shopify REST order bodies', () => {
  it('flags the official fixture whose subtotal disagrees with its lines, keeping the reported totals', () => {
    const body = readSharedJson<{ order: ShopifyOrder }>('shopify/python_api.order.json').order;
    const o = mapShopifyOrder(body, NOW);
    expect(o.reported.subtotal).toEqual({ amount: '398.00', currency: 'USD' });
    expect(o.reported.total).toEqual({ amount: '409.94', currency: 'USD' });
    expect(computeTotals(o).subtotal).toEqual({ USD: '597' });
    expect(o.flags).toContain('totals_mismatch');
    expect(o.anomalies.join(' ')).toMatch(/398\.00 USD but its lines add up to 597 USD/);
    expect(o.externalNumber).toBe('#1001');
    expect(o.shipTo).toMatchObject({ country: 'US', region: 'KY', postalCode: '40202' });
    expect(o.lines.map((l) => l.sellerSku)).toEqual(['IPOD2008GREEN', 'IPOD2008RED', 'IPOD2008BLACK']);
  });

  it('maps a consistent order without a mismatch flag', () => {
    const body = readSharedJson<{ order: ShopifyOrder }>('shopify/python_api.order.json').order;
    const fixed = { ...body, total_line_items_price: '597.00', subtotal_price: '597.00' };
    expect(mapShopifyOrder(fixed, NOW).flags).not.toContain('totals_mismatch');
  });

  it('treats cancelled_at as a cancellation', () => {
    const body = readSharedJson<{ order: ShopifyOrder }>('shopify/python_api.order.json').order;
    const o = mapShopifyOrder({ ...body, cancelled_at: '2008-01-11T11:00:00-05:00', cancel_reason: 'customer' }, NOW);
    expect(o.status).toBe('cancelled');
    expect(o.cancelledAt).toBe('2008-01-11T16:00:00.000Z');
  });
});
