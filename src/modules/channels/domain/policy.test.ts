import { describe, expect, it } from 'vitest';
import { decideUpdate } from './update-policy.js';
import { indexMappings, quantitiesBySku, resolveLines } from './sku-mapping.js';
import { signShopifyBody, verifyShopifyHmac } from './shopify-hmac.js';
import { mapOrderRows, matchColumns } from './tabular-orders.js';
import type { UnifiedLine } from './unified-order.js';

const line = (over: Partial<UnifiedLine>): UnifiedLine => ({
  externalLineId: '1', sellerSku: null, asin: null, title: 't', quantity: 1, lineTotal: null, unitPrice: null, tax: null, shipping: null, discount: null, extras: [], ...over,
});

describe('update policy', () => {
  const have = { externalUpdatedAt: '2026-01-01T10:00:00Z', status: 'open' };
  it('applies newer, ignores older and duplicates, and never reopens a cancellation', () => {
    expect(decideUpdate(null, { updatedAt: '2026-01-01T09:00:00Z', status: 'open' })).toEqual({ action: 'create' });
    expect(decideUpdate(have, { updatedAt: '2026-01-01T11:00:00Z', status: 'open' })).toEqual({ action: 'update', cancel: false });
    expect(decideUpdate(have, { updatedAt: '2026-01-01T09:00:00Z', status: 'open' })).toEqual({ action: 'ignore', reason: 'older' });
    expect(decideUpdate(have, { updatedAt: '2026-01-01T10:00:00Z', status: 'open' })).toEqual({ action: 'ignore', reason: 'duplicate' });
    expect(decideUpdate(have, { updatedAt: '2026-01-01T10:00:00Z', status: 'cancelled' })).toEqual({ action: 'update', cancel: true });
    expect(decideUpdate({ ...have, status: 'cancelled' }, { updatedAt: '2026-02-01T00:00:00Z', status: 'open' })).toEqual({ action: 'ignore', reason: 'already_cancelled' });
  });
});

describe('SKU mapping', () => {
  it('maps by seller SKU, then ASIN, and leaves the rest for review', () => {
    const idx = indexMappings([
      { channelId: 'ch_a', kind: 'seller_sku', externalRef: 'cba_otf_1', sku: 'LED-100W' },
      { channelId: null, kind: 'asin', externalRef: 'BCTU1104UEFB', sku: 'LED-50W' },
    ]);
    const r = resolveLines('ch_a', [line({ sellerSku: 'CBA_OTF_1', quantity: 2 }), line({ sellerSku: 'X', asin: 'BCTU1104UEFB', quantity: 3 }), line({ sellerSku: 'NOPE' }), line({ sellerSku: 'CBA_OTF_1', quantity: 5 })], idx, { identity: false });
    expect(r.lines.map((l) => [l.sku, l.mappedBy])).toEqual([['LED-100W', 'seller_sku'], ['LED-50W', 'asin'], [null, null], ['LED-100W', 'seller_sku']]);
    expect(r.unmapped.map((l) => l.sellerSku)).toEqual(['NOPE']);
    expect([...quantitiesBySku(r.lines)]).toEqual([['LED-100W', 7], ['LED-50W', 3]]);
    // Another channel does not see ch_a's seller SKUs.
    expect(resolveLines('ch_b', [line({ sellerSku: 'CBA_OTF_1' })], idx, { identity: false }).unmapped).toHaveLength(1);
  });
  it('uses our own SKU verbatim on identity channels when the catalogue knows it', () => {
    const r = resolveLines('erp', [line({ sellerSku: 'LED-100W' }), line({ sellerSku: 'GHOST' })], new Map(), { identity: true, knownSkus: new Set(['LED-100W']) });
    expect(r.lines.map((l) => l.sku)).toEqual(['LED-100W', null]);
  });
});

describe('Shopify HMAC', () => {
  const body = Buffer.from('{"id":1,"note":"héllo"}');
  const sig = signShopifyBody(body, 'new-secret');
  it('accepts the exact bytes under either secret during rotation', () => {
    expect(verifyShopifyHmac(body, sig, ['new-secret'])).toBe(true);
    expect(verifyShopifyHmac(body, signShopifyBody(body, 'old-secret'), ['new-secret', 'old-secret'])).toBe(true);
  });
  it('refuses a changed byte, a re-serialised body, a hex digest, a missing header and an unknown secret', () => {
    const changed = Buffer.from(body);
    changed[5] = changed[5]! ^ 1;
    expect(verifyShopifyHmac(changed, sig, ['new-secret'])).toBe(false);
    expect(verifyShopifyHmac(Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 1)), sig, ['new-secret'])).toBe(false);
    const hex = Buffer.from(sig, 'base64').toString('hex');
    expect(verifyShopifyHmac(body, hex, ['new-secret'])).toBe(false);
    expect(verifyShopifyHmac(body, undefined, ['new-secret'])).toBe(false);
    expect(verifyShopifyHmac(body, sig, ['other'])).toBe(false);
  });
});

describe('order files (Alibaba.com export, ERP CSV)', () => {
  const now = new Date('2026-11-22T00:00:00Z');
  it('matches English and Chinese headers', () => {
    expect(matchColumns(['订单号', '币种', 'SKU', '数量', '单价', '国家']).missing).toEqual([]);
    expect(matchColumns(['Order No.', 'Currency', 'Product Name', 'Qty', 'Amount']).missing).toEqual([]);
  });
  it('groups rows into orders, flags a total that disagrees and refuses bad rows with their row number', () => {
    const rows = [
      { 'Order No.': 'A1', Currency: 'USD', SKU: 'LED-100W', Quantity: '200', 'Unit Price': '12.50', 'Shipping Fee': '40', 'Order Amount': '2,540.00', Country: 'de' },
      { 'Order No.': 'A1', Currency: 'USD', SKU: 'LED-50W', Quantity: '10', 'Unit Price': '5', 'Shipping Fee': '', 'Order Amount': '', Country: '' },
      { 'Order No.': 'A2', Currency: 'USD', SKU: 'LED-100W', Quantity: '1', 'Unit Price': '12.50', 'Shipping Fee': '', 'Order Amount': '99.00', Country: 'FR' },
      { 'Order No.': 'A3', Currency: 'USD', SKU: 'LED-100W', Quantity: '1.5', 'Unit Price': '12.50', 'Shipping Fee': '', 'Order Amount': '', Country: 'FR' },
      { 'Order No.': 'A4', Currency: 'XYZ', SKU: 'LED-100W', Quantity: '1', 'Unit Price': '3', 'Shipping Fee': '', 'Order Amount': '', Country: 'FR' },
    ];
    const r = mapOrderRows(rows, { channelKind: 'alibaba', now });
    expect(r.orders.map((o) => o.externalId)).toEqual(['A1', 'A2']);
    const a1 = r.orders[0]!;
    expect(a1.lines.map((l) => [l.sellerSku, l.quantity, l.lineTotal?.amount])).toEqual([['LED-100W', 200, '2500.00'], ['LED-50W', 10, '50']]);
    expect(a1.reported.total).toEqual({ amount: '2540.00', currency: 'USD' });
    expect(a1.shipTo?.country).toBe('DE');
    expect(a1.flags).toContain('totals_mismatch'); // 2500 + 50 + 40 = 2590, not 2540
    expect(r.orders[1]!.flags).toContain('totals_mismatch');
    expect(r.errors).toEqual([
      { row: 5, field: 'quantity', message: 'Quantity "1.5" must be a whole number above 0' },
      { row: 6, field: 'currency', message: '"XYZ" is not an ISO 4217 currency code' },
    ]);
  });
  it('names the missing columns', () => {
    const r = mapOrderRows([{ Foo: '1' }], { channelKind: 'erp', now });
    expect(r.errors.map((e) => e.field)).toEqual(['externalId', 'quantity', 'currency', 'sku', 'unitPrice']);
  });
});
