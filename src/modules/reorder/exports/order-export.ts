import ExcelJS from 'exceljs';
import type { Db } from '../../../platform/db/database.js';
import { hasMessage, t } from '../../../platform/i18n/i18n.js';
import { currencyExponent } from '../../../platform/money/index.js';
import { toCsv, toXlsxText } from '../../../platform/files/spreadsheet-safe.js';
import { listOrders, ordersWithLines, type OrderListFilter, type OrderWithLines } from '../../orders/index.js';

/** An order as exported, with its lines. */
export type ExportOrder = OrderWithLines;

export interface ExportData {
  orders: ExportOrder[];
  truncated: boolean;
}

export const EXPORT_MAX_ORDERS = 5000;



/**
 * The orders the filter selects (a buyer's export always carries their customer id), each with
 * its lines, newest first, up to EXPORT_MAX_ORDERS.
 */
export async function loadExport(tx: Db, filter: OrderListFilter): Promise<ExportData> {
  const orders: ExportOrder[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await listOrders(tx, { ...filter, limit: 200, cursor });
    const room = EXPORT_MAX_ORDERS - orders.length;
    orders.push(...(await ordersWithLines(tx, page.items.slice(0, room).map((o) => o.id))));
    if (page.items.length > room) return { orders, truncated: true };
    if (!page.nextCursor) return { orders, truncated: false };
    cursor = page.nextCursor;
  }
}

/** Minor units as a number in major units (12345 EUR cents → 123.45): exact for any real amount. */
function major(amount: number, currency: string): number {
  const e = currencyExponent(currency);
  return e === 0 ? amount : Number((amount / 10 ** e).toFixed(e));
}

type Cell = string | number | null;
interface Column { key: string; header: (locale: string) => string; width: number }

/**
 * Line columns the bulk upload reads back by header (SKU, quantity, ship-to address, PO number,
 * line note): named with the bulk template's own headers where its catalog has them, so
 * re-importing an export fills a new bulk order with the same values. The others are extra
 * columns the upload ignores.
 */
const bulkHeader = (key: string, fallback: string) => (locale: string) => (hasMessage(locale, `bulk.col.${key}`) ? t(locale, `bulk.col.${key}`) : hasMessage(locale, `reorder.col.${key}`) ? t(locale, `reorder.col.${key}`) : fallback);
const ownHeader = (key: string) => (locale: string) => t(locale, `reorder.col.${key}`);

const ORDER_COLUMNS: Column[] = [
  { key: 'number', header: ownHeader('orderNumber'), width: 14 },
  { key: 'placedAt', header: ownHeader('orderDate'), width: 20 },
  { key: 'status', header: ownHeader('status'), width: 14 },
  { key: 'paymentStatus', header: ownHeader('paymentStatus'), width: 14 },
  { key: 'customer', header: ownHeader('customer'), width: 24 },
  { key: 'poNumber', header: bulkHeader('poNumber', 'PO number'), width: 16 },
  { key: 'currency', header: ownHeader('currency'), width: 9 },
  { key: 'itemsTotal', header: ownHeader('itemsTotal'), width: 12 },
  { key: 'shippingTotal', header: ownHeader('shippingTotal'), width: 12 },
  { key: 'taxTotal', header: ownHeader('taxTotal'), width: 12 },
  { key: 'grandTotal', header: ownHeader('grandTotal'), width: 12 },
  { key: 'shipCountry', header: bulkHeader('country', 'Country'), width: 9 },
  { key: 'placedBy', header: ownHeader('placedBy'), width: 24 },
  { key: 'note', header: ownHeader('orderNote'), width: 30 },
];

const LINE_COLUMNS: Column[] = [
  { key: 'number', header: ownHeader('orderNumber'), width: 14 },
  { key: 'placedAt', header: ownHeader('orderDate'), width: 20 },
  { key: 'sku', header: bulkHeader('sku', 'SKU'), width: 16 },
  { key: 'product', header: ownHeader('product'), width: 30 },
  { key: 'quantity', header: bulkHeader('quantity', 'Quantity'), width: 10 },
  { key: 'currency', header: ownHeader('currency'), width: 9 },
  { key: 'unitPrice', header: ownHeader('unitPrice'), width: 12 },
  { key: 'lineTotal', header: ownHeader('lineTotal'), width: 12 },
  { key: 'name', header: bulkHeader('name', 'Name'), width: 20 },
  { key: 'company', header: bulkHeader('company', 'Company'), width: 20 },
  { key: 'line1', header: bulkHeader('line1', 'Address line 1'), width: 24 },
  { key: 'line2', header: bulkHeader('line2', 'Address line 2'), width: 16 },
  { key: 'city', header: bulkHeader('city', 'City'), width: 14 },
  { key: 'region', header: bulkHeader('region', 'Region'), width: 9 },
  { key: 'postalCode', header: bulkHeader('postalCode', 'Postal code'), width: 10 },
  { key: 'country', header: bulkHeader('country', 'Country'), width: 9 },
  { key: 'phone', header: bulkHeader('phone', 'Phone'), width: 16 },
  { key: 'poNumber', header: bulkHeader('poNumber', 'PO number'), width: 16 },
  { key: 'note', header: bulkHeader('note', 'Line note'), width: 30 },
];

function orderRow(o: ExportOrder, locale: string): Record<string, Cell> {
  const m = (n: number) => major(n, o.currency);
  return {
    number: o.number, placedAt: o.placedAt, status: t(locale, `orders.status.${o.status}`), paymentStatus: t(locale, `orders.paymentStatus.${o.paymentStatus}`),
    customer: o.companyName ?? o.customerName ?? o.customerEmail ?? '', poNumber: o.poNumber ?? '', currency: o.currency,
    itemsTotal: m(o.itemsTotal), shippingTotal: m(o.shippingTotal), taxTotal: m(o.taxTotal), grandTotal: m(o.grandTotal),
    shipCountry: o.shipCountry ?? '', placedBy: o.placedByLabel, note: o.note ?? '',
  };
}

function lineRows(o: ExportOrder): Record<string, Cell>[] {
  const a = o.shipTo;
  return o.lines.map((l) => ({
    number: o.number, placedAt: o.placedAt, sku: l.sku, product: l.name, quantity: l.quantity, currency: o.currency,
    unitPrice: major(l.unitPrice, o.currency), lineTotal: major(l.lineTotal, o.currency),
    name: a?.name ?? '', company: a?.company ?? '', line1: a?.line1 ?? '', line2: a?.line2 ?? '', city: a?.city ?? '', region: a?.region ?? '',
    postalCode: a?.postalCode ?? '', country: a?.countryCode ?? '', phone: a?.phone ?? '', poNumber: o.poNumber ?? '', note: l.note ?? '',
  }));
}

export type ExportKind = 'orders' | 'lines';

function table(data: ExportData, kind: ExportKind, locale: string): { columns: Column[]; rows: Record<string, Cell>[] } {
  return kind === 'orders'
    ? { columns: ORDER_COLUMNS, rows: data.orders.map((o) => orderRow(o, locale)) }
    : { columns: LINE_COLUMNS, rows: data.orders.flatMap(lineRows) };
}

/** CSV of orders or of order lines: UTF-8 with BOM, every text cell escaped against formulas. */
export function exportCsv(data: ExportData, kind: ExportKind, locale: string): Buffer {
  const { columns, rows } = table(data, kind, locale);
  return Buffer.from(toCsv([columns.map((c) => c.header(locale)), ...rows.map((r) => columns.map((c) => r[c.key] ?? ''))]), 'utf8');
}

/**
 * One workbook with an Orders sheet and an Order lines sheet (frozen, filterable headers), every
 * text cell escaped against formulas; numbers stay numbers.
 */
export async function exportXlsx(data: ExportData, locale: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tradelane';
  for (const kind of ['orders', 'lines'] as const) {
    const { columns, rows } = table(data, kind, locale);
    const ws = wb.addWorksheet(t(locale, kind === 'orders' ? 'reorder.export.sheetOrders' : 'reorder.export.sheetLines'), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map((c) => ({ header: c.header(locale), key: c.key, width: c.width }));
    ws.getRow(1).font = { bold: true };
    for (const r of rows) {
      ws.addRow(columns.map((c) => {
        const v = r[c.key];
        return typeof v === 'string' ? toXlsxText(v) : v;
      }));
    }
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
