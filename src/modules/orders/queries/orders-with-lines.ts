import { query, sql, type Db } from '../../../platform/db/database.js';
import type { Address } from '../domain/order-types.js';

/** An order with its lines, as exports and reports read it. */
export interface OrderWithLines {
  id: string;
  number: string;
  placedAt: string;
  status: string;
  paymentStatus: string;
  customerName: string | null;
  customerEmail: string | null;
  companyName: string | null;
  poNumber: string | null;
  currency: string;
  itemsTotal: number;
  shippingTotal: number;
  taxTotal: number;
  grandTotal: number;
  shipCountry: string | null;
  shipTo: Address | null;
  placedByLabel: string;
  note: string | null;
  lines: { sku: string; name: string; quantity: number; unitPrice: number; lineTotal: number; note: string | null }[];
}

const inList = (ids: string[]) => sql.join(ids.map((id) => sql`${id}`), sql`, `);

/**
 * The orders and lines of a page of order ids (as listOrders returns them), in two reads, in the
 * order of `ids`. One `getOrder` per order (four queries each) made a 2,000-order export take most
 * of a minute (bench/reorder.ts). The caller has already decided which orders the reader may see.
 */
export async function ordersWithLines(tx: Db, ids: string[]): Promise<OrderWithLines[]> {
  if (!ids.length) return [];
  const heads = await query<Record<string, any>>(
    tx,
    sql`SELECT id, number, placed_at, status, payment_status, customer_name, customer_email, company_name, po_number, currency, items_total, shipping_total,
               tax_total, grand_total, ship_country, ship_to, placed_by_label, note
        FROM orders WHERE id IN (${inList(ids)})`,
  );
  const lines = await query<Record<string, any>>(
    tx,
    sql`SELECT order_id, sku, name, quantity, unit_price, line_total, note FROM order_lines WHERE order_id IN (${inList(ids)}) ORDER BY order_id, line_no`,
  );
  const byOrder = new Map<string, OrderWithLines['lines']>();
  for (const l of lines) {
    const list = byOrder.get(l.order_id) ?? [];
    list.push({ sku: l.sku, name: l.name, quantity: Number(l.quantity), unitPrice: Number(l.unit_price), lineTotal: Number(l.line_total), note: l.note ?? null });
    byOrder.set(l.order_id, list);
  }
  const byId = new Map(heads.map((o) => [o.id as string, o]));
  // In the list's order (newest first).
  return ids.filter((id) => byId.has(id)).map((id) => {
    const o = byId.get(id)!;
    return {
      id, number: o.number, placedAt: new Date(o.placed_at).toISOString(), status: o.status, paymentStatus: o.payment_status,
      customerName: o.customer_name ?? null, customerEmail: o.customer_email ?? null, companyName: o.company_name ?? null, poNumber: o.po_number ?? null,
      currency: o.currency, itemsTotal: Number(o.items_total), shippingTotal: Number(o.shipping_total), taxTotal: Number(o.tax_total), grandTotal: Number(o.grand_total),
      shipCountry: o.ship_country ?? null, shipTo: (typeof o.ship_to === 'string' ? JSON.parse(o.ship_to) : o.ship_to) ?? null, placedByLabel: o.placed_by_label, note: o.note ?? null,
      lines: byOrder.get(id) ?? [],
    };
  });
}
