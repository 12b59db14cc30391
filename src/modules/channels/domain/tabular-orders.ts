import { isCurrency, isDecimalString } from '../../../platform/money/index.js';
import {
  emptyAddress,
  flagOrder,
  parseChannelTime,
  reported,
  type ChannelKind,
  type UnifiedLine,
  type UnifiedOrder,
  type UnifiedStatus,
} from './unified-order.js';

/**
 * Order files people bring: the Alibaba.com seller-centre order export and ERP CSV/xlsx files.
 * One row per order line; rows with the same order number form one order. Column headers are
 * matched through an alias table (case, spaces and punctuation ignored), so the English and
 * Chinese seller-centre headers and our own template all work; a channel may override the map.
 *
 * The Alibaba.com export's exact column list is not published in any source reachable here, so
 * the aliases below cover the field names Alibaba.com uses in its order pages and open-platform
 * order API (trade id, buyer, ship-to country, product, quantity, unit price, currency, amount,
 * Incoterm) in English and Chinese, and `settings.columns` lets a seller map anything else.
 */
export type OrderColumn =
  | 'externalId'
  | 'placedAt'
  | 'updatedAt'
  | 'status'
  | 'currency'
  | 'sku'
  | 'title'
  | 'quantity'
  | 'unitPrice'
  | 'lineAmount'
  | 'shippingFee'
  | 'orderTotal'
  | 'buyerName'
  | 'buyerCompany'
  | 'buyerEmail'
  | 'buyerPhone'
  | 'shipName'
  | 'shipLine1'
  | 'shipLine2'
  | 'shipCity'
  | 'shipRegion'
  | 'shipPostalCode'
  | 'shipCountry'
  | 'paymentMethod'
  | 'paymentTerms';

export const COLUMN_ALIASES: Record<OrderColumn, string[]> = {
  externalId: ['external_id', 'order_id', 'order no', 'order number', 'trade id', 'trade_id', 'e_trade_id', '订单号', '订单编号'],
  placedAt: ['placed_at', 'order date', 'order time', 'create time', 'created', 'create_date', '下单时间', '创建时间'],
  updatedAt: ['updated_at', 'modified', 'modify time', 'last updated', 'update time', '修改时间', '更新时间'],
  status: ['status', 'order status', 'trade status', '订单状态'],
  currency: ['currency', 'currency code', '币种', '币别'],
  sku: ['sku', 'seller sku', 'sku code', 'product code', 'model number', '商品编码', 'sku编码', '型号'],
  title: ['title', 'product name', 'product', 'item', '产品名称', '商品名称'],
  quantity: ['quantity', 'qty', 'product quantity', '数量', '购买数量'],
  unitPrice: ['unit_price', 'unit price', 'price', '单价'],
  lineAmount: ['line_amount', 'amount', 'product amount', 'subtotal', '产品金额', '小计'],
  shippingFee: ['shipping_fee', 'shipping fee', 'shipping cost', 'freight', '运费'],
  orderTotal: ['order_total', 'order amount', 'total amount', 'total', '订单金额', '订单总额'],
  buyerName: ['buyer_name', 'buyer', 'buyer name', 'contact name', '买家', '买家姓名', '联系人'],
  buyerCompany: ['buyer_company', 'company', 'buyer company', '买家公司', '公司名称'],
  buyerEmail: ['buyer_email', 'email', 'buyer email', '邮箱'],
  buyerPhone: ['buyer_phone', 'phone', 'telephone', '电话', '联系电话'],
  shipName: ['ship_name', 'receiver', 'consignee', 'recipient', '收货人'],
  shipLine1: ['ship_line1', 'address', 'street', 'shipping address', '收货地址', '详细地址'],
  shipLine2: ['ship_line2', 'address 2', 'address line 2'],
  shipCity: ['ship_city', 'city', '城市'],
  shipRegion: ['ship_region', 'state', 'province', 'region', '省份', '州'],
  shipPostalCode: ['ship_postal_code', 'postcode', 'postal code', 'zip', 'zip code', '邮编'],
  shipCountry: ['ship_country', 'country', 'destination country', 'ship to country', '国家', '收货国家', '目的国'],
  paymentMethod: ['payment_method', 'payment method', 'payment', '支付方式', '付款方式'],
  paymentTerms: ['payment_terms', 'trade terms', 'incoterm', 'terms', '贸易术语', '付款条件'],
};

const norm = (h: string) => h.toLowerCase().replace(/[\s_\-./()（）:：#]+/g, '');

/** Header → canonical column. Unknown headers are ignored (reported back so people can map them). */
export function matchColumns(
  headers: string[],
  overrides: Partial<Record<OrderColumn, string>> = {},
): { columns: Map<string, OrderColumn>; unknown: string[]; missing: OrderColumn[] } {
  const byAlias = new Map<string, OrderColumn>();
  for (const [col, aliases] of Object.entries(COLUMN_ALIASES) as [OrderColumn, string[]][]) {
    for (const a of aliases) if (!byAlias.has(norm(a))) byAlias.set(norm(a), col);
  }
  for (const [col, header] of Object.entries(overrides) as [OrderColumn, string][]) byAlias.set(norm(header), col);
  const columns = new Map<string, OrderColumn>();
  const unknown: string[] = [];
  for (const h of headers) {
    const c = byAlias.get(norm(h));
    if (c && ![...columns.values()].includes(c)) columns.set(h, c);
    else if (!c) unknown.push(h);
  }
  const have = new Set(columns.values());
  const missing = (['externalId', 'quantity', 'currency'] as OrderColumn[]).filter((c) => !have.has(c));
  if (!have.has('sku') && !have.has('title')) missing.push('sku');
  if (!have.has('unitPrice') && !have.has('lineAmount')) missing.push('unitPrice');
  return { columns, unknown, missing };
}

export interface RowError {
  row: number;
  field: OrderColumn | 'row';
  message: string;
}

const STATUS_WORDS: [RegExp, UnifiedStatus][] = [
  [/cancel|closed|取消|关闭/i, 'cancelled'],
  [/ship|deliver|complete|finish|发货|完成|收货/i, 'shipped'],
  [/wait.*pay|unpaid|pending|待付款|待支付/i, 'pending'],
];

function statusOf(s: string | undefined): UnifiedStatus {
  if (!s) return 'open';
  for (const [re, st] of STATUS_WORDS) if (re.test(s)) return st;
  return 'open';
}

/** Strips thousands separators and currency signs people leave in spreadsheet cells. */
function cleanAmount(v: string): string {
  return v.replace(/[,\s]/g, '').replace(/^[^\d+-]+/, '');
}

/**
 * Rows (header → cell text) → unified orders. A row with a bad cell is refused with its row
 * number and field; the other rows of the same order are refused with it (a half order is
 * worse than none), and every other order is still imported.
 */
export function mapOrderRows(
  rows: Record<string, string>[],
  opts: { channelKind: ChannelKind; columns?: Partial<Record<OrderColumn, string>>; now: Date; firstDataRow?: number },
): { orders: UnifiedOrder[]; errors: RowError[]; unknownColumns: string[] } {
  const headers = rows.length ? Object.keys(rows[0]!) : [];
  const { columns, unknown, missing } = matchColumns(headers, opts.columns);
  const errors: RowError[] = [];
  if (rows.length && missing.length) {
    return {
      orders: [],
      errors: missing.map((f) => ({ row: 1, field: f, message: `No column for ${f}: add one or map it in the channel settings` })),
      unknownColumns: unknown,
    };
  }
  const first = opts.firstDataRow ?? 2;
  const groups = new Map<string, { rowNo: number; cells: Partial<Record<OrderColumn, string>> }[]>();
  rows.forEach((raw, i) => {
    const cells: Partial<Record<OrderColumn, string>> = {};
    for (const [h, col] of columns) {
      const v = raw[h];
      if (v !== undefined && v !== null && String(v).trim() !== '') cells[col] = String(v).trim();
    }
    if (Object.keys(cells).length === 0) return; // blank line
    const id = cells.externalId;
    if (!id) {
      errors.push({ row: first + i, field: 'externalId', message: 'Order number is empty' });
      return;
    }
    const g = groups.get(id) ?? [];
    g.push({ rowNo: first + i, cells });
    groups.set(id, g);
  });

  const orders: UnifiedOrder[] = [];
  for (const [externalId, group] of groups) {
    const groupErrors: RowError[] = [];
    const head = group[0]!.cells;
    const currency = (head.currency ?? '').toUpperCase();
    if (!isCurrency(currency)) groupErrors.push({ row: group[0]!.rowNo, field: 'currency', message: `"${head.currency ?? ''}" is not an ISO 4217 currency code` });
    const placedAt = parseChannelTime(head.placedAt ?? null);
    if (head.placedAt && !placedAt) groupErrors.push({ row: group[0]!.rowNo, field: 'placedAt', message: `"${head.placedAt}" is not a date (use ISO 8601, e.g. 2026-03-01T10:00:00Z)` });
    const updatedAt = parseChannelTime(head.updatedAt ?? null) ?? placedAt ?? opts.now.toISOString();
    const lines: UnifiedLine[] = [];
    group.forEach(({ rowNo, cells }, idx) => {
      const qty = Number(cells.quantity);
      if (!cells.quantity || !Number.isInteger(qty) || qty <= 0) {
        groupErrors.push({ row: rowNo, field: 'quantity', message: `Quantity "${cells.quantity ?? ''}" must be a whole number above 0` });
        return;
      }
      const unit = cells.unitPrice ? cleanAmount(cells.unitPrice) : undefined;
      const amount = cells.lineAmount ? cleanAmount(cells.lineAmount) : undefined;
      for (const [f, v] of [['unitPrice', unit], ['lineAmount', amount]] as const) {
        if (v !== undefined && !isDecimalString(v)) groupErrors.push({ row: rowNo, field: f, message: `"${cells[f]}" is not an amount (use digits and a decimal point)` });
      }
      if (groupErrors.length || !isCurrency(currency)) return;
      const lineTotal = amount ?? (unit ? mulString(unit, qty) : undefined);
      lines.push({
        externalLineId: `${externalId}:${idx + 1}`,
        sellerSku: cells.sku ?? null,
        asin: null,
        title: cells.title ?? cells.sku ?? `line ${idx + 1}`,
        quantity: qty,
        unitPrice: unit ? reported(unit, currency) : null,
        lineTotal: lineTotal ? reported(lineTotal, currency) : null,
        tax: null,
        shipping: null,
        discount: null,
        extras: [],
      });
    });
    if (groupErrors.length) {
      errors.push(...groupErrors);
      continue;
    }
    const shipFee = head.shippingFee ? cleanAmount(head.shippingFee) : undefined;
    const total = head.orderTotal ? cleanAmount(head.orderTotal) : undefined;
    const status = statusOf(head.status);
    const base: Omit<UnifiedOrder, 'flags'> = {
      channelKind: opts.channelKind,
      externalId,
      externalNumber: null,
      status,
      channelStatus: head.status ?? 'open',
      placedAt,
      updatedAt,
      cancelledAt: status === 'cancelled' ? updatedAt : null,
      cancelReason: status === 'cancelled' ? (head.status ?? null) : null,
      currency,
      reported: {
        linesTotal: null,
        subtotal: null,
        shipping: shipFee && isDecimalString(shipFee) ? reported(shipFee, currency) : null,
        tax: null,
        discount: null,
        total: total && isDecimalString(total) ? reported(total, currency) : null,
      },
      buyer: { externalId: head.buyerEmail ?? null, name: head.buyerName ?? null, email: head.buyerEmail ?? null, phone: head.buyerPhone ?? null, company: head.buyerCompany ?? null },
      shipTo: {
        ...emptyAddress(),
        name: head.shipName ?? head.buyerName ?? null,
        company: head.buyerCompany ?? null,
        line1: head.shipLine1 ?? null,
        line2: head.shipLine2 ?? null,
        city: head.shipCity ?? null,
        region: head.shipRegion ?? null,
        postalCode: head.shipPostalCode ?? null,
        country: head.shipCountry ? head.shipCountry.toUpperCase().slice(0, 2) : null,
        phone: head.buyerPhone ?? null,
      },
      billTo: null,
      lines,
      paymentMethod: head.paymentMethod ?? null,
      paymentTerms: head.paymentTerms ?? null,
      paid: false,
      anomalies: [],
    };
    // A file's order total includes its shipping fee: lines plus shipping must equal it.
    orders.push({ ...base, flags: flagOrder(withShippingOnLines(base)) });
  }
  return { orders, errors, unknownColumns: unknown };
}

/** For comparison only: order-level shipping counts toward the lines' total. */
function withShippingOnLines(o: Omit<UnifiedOrder, 'flags'>): Omit<UnifiedOrder, 'flags'> {
  if (!o.reported.shipping || o.lines.length === 0) return o;
  const [first, ...rest] = o.lines;
  return { ...o, lines: [{ ...first!, shipping: o.reported.shipping }, ...rest] };
}

function mulString(unit: string, qty: number): string {
  const [i, f = ''] = unit.split('.');
  const m = BigInt((i ?? '0') + f) * BigInt(qty);
  const s = (m < 0n ? -m : m).toString().padStart(f.length + 1, '0');
  const out = f.length ? `${s.slice(0, s.length - f.length)}.${s.slice(s.length - f.length)}` : s;
  return (m < 0n ? '-' : '') + out;
}
