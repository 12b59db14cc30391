import { randomBytes } from 'node:crypto';
import type { AppDeps } from '../../../platform/http/types.js';
import { cliActor } from '../../../platform/auth/principal.js';
import { adjustStock, createWarehouse, listStock } from '../../inventory/index.js';
import { applyOrderEvent } from '../../orders/index.js';
import { channels } from '../db/channels.schema.js';
import { mapAmazonOrder } from '../domain/amazon-mapper.js';
import { mapShopifyOrder } from '../domain/shopify-mapper.js';
import { mapErpOrder } from '../domain/erp-mapper.js';
import { mapOrderRows } from '../domain/tabular-orders.js';
import type { OrderHubPorts } from '../ports.js';
import { catalogSkuDirectory } from '../order-ports.js';
import { createChannel } from './manage-channels.js';
import { mapSku } from './map-sku.js';
import { importChannelOrder } from './import-channel-order.js';

const SHORT_SKU = 'LM-PL6060-36-30';
const OK_SKU = 'LM-PL6060-40-30';

/**
 * Demo order hub (first start with DEMO_DATA): four channels, stock for two catalogue SKUs, SKU
 * mappings, and orders that show each default rule at work — an Amazon order held for short stock
 * (purchasing gets a task), a small repeat ERP order to an address delivered to before approved
 * automatically, a first Alibaba.com order waiting for review beside the buyer's history, and the
 * Shopify order whose reported subtotal disagrees with its lines. All through the import path.
 */
export async function seedOrderHubDemo(deps: AppDeps, ports: OrderHubPorts): Promise<void> {
  const [any] = await deps.db.select({ id: channels.id }).from(channels).limit(1);
  if (any) return;
  // The demo needs the catalogue's demo SKUs; without them (or without a working SKU lookup) it
  // says why in the log and leaves the order hub empty rather than stopping the server start.
  let known: Set<string>;
  try {
    known = await deps.database.transaction((tx) => ports.knownSkus(tx, [SHORT_SKU, OK_SKU]));
  } catch (e) {
    deps.log.warn({ err: e }, 'order hub demo skipped: catalogue SKU lookup failed');
    return;
  }
  if (!known.has(SHORT_SKU) || !known.has(OK_SKU)) {
    deps.log.warn({ skus: [SHORT_SKU, OK_SKU] }, 'order hub demo skipped: the demo catalogue SKUs are not there');
    return;
  }
  const actor = cliActor('demo');
  const hub = { ...deps, ports };
  const amazon = await createChannel(deps, actor, { kind: 'amazon', name: 'Amazon US', baseUrl: 'https://sandbox.sellingpartnerapi-na.amazon.com', settings: { marketplaceIds: ['ATVPDKIKX0DER'] } });
  const shopify = await createChannel(deps, actor, { kind: 'shopify', name: 'Shopify store', baseUrl: 'https://tradelane-demo.myshopify.com', credentials: { webhookSecret: randomBytes(24).toString('hex') } });
  const alibaba = await createChannel(deps, actor, { kind: 'alibaba', name: 'Alibaba.com' });
  const erp = await createChannel(deps, actor, { kind: 'erp', name: 'Dealer ERP' });

  const wh = await createWarehouse(deps, actor, { code: 'DEMO-SZ', name: 'Shenzhen factory', countryCode: 'CN' });
  const variant = async (sku: string) => {
    const [ref] = await deps.database.transaction((tx) => catalogSkuDirectory.resolve(tx, { skus: [sku] }));
    return ref!;
  };
  // The short-stock example needs exactly 80 panels on hand: what the inventory demo counted
  // for that SKU is moved out first (each step through the stock ledger).
  const stock = await deps.database.transaction((tx) => listStock(tx, { q: SHORT_SKU }));
  for (const r of stock.items) {
    if (r.sku === SHORT_SKU && r.onHand > 0) await adjustStock(deps, actor, { mode: 'delta', skuId: r.skuId, sku: r.sku, warehouseId: r.warehouseId, delta: -r.onHand, reason: 'demo: stock moved to the order hub example' });
  }
  for (const [sku, qty] of [[SHORT_SKU, 80], [OK_SKU, 500]] as const) {
    const v = await variant(sku);
    await adjustStock(deps, actor, { mode: 'delta', skuId: v.skuId, sku, warehouseId: wh.id, delta: qty, reason: 'demo opening stock' });
  }
  await mapSku(hub, actor, { channelId: amazon.id, kind: 'seller_sku', externalRef: 'AMZ-PANEL-36', sku: SHORT_SKU });
  await mapSku(hub, actor, { channelId: shopify.id, kind: 'seller_sku', externalRef: 'PANEL-40', sku: OK_SKU });
  await mapSku(hub, actor, { channelId: alibaba.id, kind: 'seller_sku', externalRef: 'ALI-6060-40', sku: OK_SKU });

  const now = deps.clock.now();
  const ago = (h: number) => new Date(now.getTime() - h * 3600_000).toISOString();
  const imp = (channelId: string, o: Parameters<typeof importChannelOrder>[3]) => deps.database.transaction((tx) => importChannelOrder(tx, hub, channelId, o, actor));
  const hamburg = { name: 'Nordlicht GmbH', line1: 'Hafenstraße 12', city: 'Hamburg', postalCode: '20457', country: 'DE' };

  // A dealer's earlier order, delivered: it makes the Hamburg address "known".
  const first = await imp(erp.id, mapErpOrder({ externalId: 'SO-2026-0412', placedAt: ago(24 * 30), updatedAt: ago(24 * 30), currency: 'USD', buyer: { name: 'Nordlicht GmbH', email: 'purchasing@nordlicht.example' }, shipTo: hamburg, lines: [{ sku: OK_SKU, quantity: 20, unitPrice: '15.90' }], totals: { total: '318.00' } }, now));
  if (first.orderId) {
    for (const e of [{ type: 'approve' }, { type: 'ship' }, { type: 'deliver' }] as const) await applyOrderEvent(deps, actor, first.orderId, e).catch(() => undefined);
  }
  // Small repeat order to the same address: approved by rule 2.
  await imp(erp.id, mapErpOrder({ externalId: 'SO-2026-0533', placedAt: ago(3), updatedAt: ago(3), currency: 'USD', buyer: { name: 'Nordlicht GmbH', email: 'purchasing@nordlicht.example' }, shipTo: hamburg, lines: [{ sku: OK_SKU, quantity: 10, unitPrice: '15.90' }], totals: { total: '159.00' } }, now));
  // Amazon: 200 panels with 80 in stock → held by rule 1, purchasing told.
  await imp(amazon.id, mapAmazonOrder(
    { AmazonOrderId: '114-3941689-8772232', PurchaseDate: ago(2), LastUpdateDate: ago(2), OrderStatus: 'Unshipped', OrderTotal: { CurrencyCode: 'USD', Amount: '3180.00' }, PaymentMethod: 'Other', MarketplaceId: 'ATVPDKIKX0DER', ShippingAddress: { Name: 'Bright Office Supply', AddressLine1: '400 Pine St', City: 'Seattle', StateOrRegion: 'WA', PostalCode: '98101', CountryCode: 'US' }, BuyerInfo: { BuyerEmail: 'x7k2m9@marketplace.amazon.com' } },
    [{ OrderItemId: '10362921358291', ASIN: 'B0DEMO3636', SellerSKU: 'AMZ-PANEL-36', Title: 'Slim LED panel 600×600 36W 3000K', QuantityOrdered: 200, ItemPrice: { CurrencyCode: 'USD', Amount: '3180.00' }, ItemTax: { CurrencyCode: 'USD', Amount: '0.00' } }],
    now,
  ));
  // Alibaba.com export row from a new buyer: first order → manual review with the history beside.
  const rows = mapOrderRows(
    [{ 订单号: '2026112200017', 下单时间: ago(1), 币种: 'USD', 型号: 'ALI-6060-40', 产品名称: 'LED panel 600×600 40W', 数量: '30', 单价: '16.20', 运费: '85', 订单金额: '571.00', 买家: 'Al Noor Trading', 国家: 'AE', 收货地址: 'Sheikh Zayed Rd 1', 城市: 'Dubai', 邮编: '00000' }],
    { channelKind: 'alibaba', now },
  );
  for (const o of rows.orders) await imp(alibaba.id, o);
  // Shopify: the subtotal (398.00) disagrees with the lines (3 × 199.00): kept and flagged.
  await imp(shopify.id, mapShopifyOrder({
    id: 5523091931211, name: '#1001', email: 'bob.norman@example.com', created_at: ago(5), updated_at: ago(5), currency: 'USD', financial_status: 'paid',
    subtotal_price: '398.00', total_line_items_price: '398.00', total_tax: '11.94', total_price: '409.94',
    line_items: [1, 2, 3].map((i) => ({ id: 466157049 + i, sku: 'PANEL-40', title: 'LED panel 600×600 40W', quantity: 1, price: '199.00' })),
    shipping_address: { name: 'Bob Norman', address1: 'Chestnut Street 92', city: 'Louisville', province_code: 'KY', zip: '40202', country_code: 'US' },
  }, now));
}
