import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { query, type Db } from '../../../platform/db/database.js';
import { notFound } from '../../../platform/errors/app-error.js';
import { reservationsOfOrder } from '../../inventory/index.js';
import { allowedEvents, type OrderStatus } from '../domain/lifecycle.js';
import { orderEvents, orderLines, orders } from '../db/orders.schema.js';

export interface OrderListFilter {
  status?: string[];
  paymentStatus?: string[];
  channel?: string[];
  country?: string[];
  customerId?: string;
  /** placed_at >= from, < to (ISO). */
  from?: string;
  to?: string;
  /** Order number, external id, PO number, email, name or company. */
  q?: string;
  limit?: number;
  /** Opaque keyset cursor from the previous page. */
  cursor?: string;
}

const like = (s: string) => `%${s.replace(/[%_\\]/g, (c) => '\\' + c)}%`;

/** Newest first, keyset-paginated (placed_at, id) so deep pages stay as fast as the first. */
export async function listOrders(tx: Db, f: OrderListFilter) {
  const conds: SQL[] = [];
  if (f.status?.length) conds.push(sql`status IN (${sql.join(f.status.map((s) => sql`${s}`), sql`, `)})`);
  if (f.paymentStatus?.length) conds.push(sql`payment_status IN (${sql.join(f.paymentStatus.map((s) => sql`${s}`), sql`, `)})`);
  if (f.channel?.length) conds.push(sql`channel IN (${sql.join(f.channel.map((s) => sql`${s}`), sql`, `)})`);
  if (f.country?.length) conds.push(sql`ship_country IN (${sql.join(f.country.map((s) => sql`${s.toUpperCase()}`), sql`, `)})`);
  if (f.customerId) conds.push(sql`customer_id = ${f.customerId}`);
  if (f.from) conds.push(sql`placed_at >= ${new Date(f.from)}`);
  if (f.to) conds.push(sql`placed_at < ${new Date(f.to)}`);
  if (f.q?.trim()) {
    const q = f.q.trim();
    conds.push(
      sql`(number ILIKE ${like(q)} OR external_id = ${q} OR po_number ILIKE ${like(q)} OR customer_email ILIKE ${like(q)}
           OR customer_name ILIKE ${like(q)} OR company_name ILIKE ${like(q)})`,
    );
  }
  if (f.cursor) {
    const [at, id] = Buffer.from(f.cursor, 'base64url').toString().split('|');
    conds.push(sql`(placed_at, id) < (${new Date(at!)}, ${id})`);
  }
  const limit = Math.min(f.limit ?? 50, 200);
  const where = conds.length ? sql`WHERE ${sql.join(conds, sql` AND `)}` : sql``;
  const rows = await query<any>(
    tx,
    sql`SELECT id, number, channel, external_id, status, payment_status, fulfilment_status, customer_id, customer_email, customer_name,
               company_name, currency, grand_total, ship_country, incoterm, payment_method, totals_mismatch, tags, placed_at
        FROM orders ${where}
        ORDER BY placed_at DESC, id DESC
        LIMIT ${limit + 1}`,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id as string,
      number: r.number as string,
      channel: r.channel as string,
      externalId: (r.external_id as string | null) ?? null,
      status: r.status as string,
      paymentStatus: r.payment_status as string,
      fulfilmentStatus: r.fulfilment_status as string,
      customerId: r.customer_id ?? null,
      customerEmail: r.customer_email ?? null,
      customerName: r.customer_name ?? null,
      companyName: r.company_name ?? null,
      currency: r.currency as string,
      grandTotal: Number(r.grand_total),
      shipCountry: r.ship_country ?? null,
      incoterm: r.incoterm ?? null,
      paymentMethod: r.payment_method as string,
      totalsMismatch: !!r.totals_mismatch,
      tags: (r.tags as string[]) ?? [],
      placedAt: new Date(r.placed_at).toISOString(),
    })),
    nextCursor: rows.length > limit && last ? Buffer.from(`${new Date(last.placed_at).toISOString()}|${last.id}`).toString('base64url') : null,
  };
}

export type OrderDetail = Awaited<ReturnType<typeof getOrder>>;

/** The order page: frozen order, lines, timeline and reservations. Throws not_found. */
export async function getOrder(tx: Db, id: string, opts: { customerId?: string } = {}) {
  const [o] = await tx
    .select()
    .from(orders)
    .where(opts.customerId ? and(eq(orders.id, id), eq(orders.customerId, opts.customerId)) : eq(orders.id, id));
  if (!o) throw notFound('Order', id);
  const lines = await tx.select().from(orderLines).where(eq(orderLines.orderId, id)).orderBy(asc(orderLines.lineNo));
  const events = await tx.select().from(orderEvents).where(eq(orderEvents.orderId, id)).orderBy(asc(orderEvents.at), asc(orderEvents.id));
  const reservations = await reservationsOfOrder(tx, id);
  return {
    ...o,
    placedAt: o.placedAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
    cancelledAt: o.cancelledAt?.toISOString() ?? null,
    paymentDueAt: o.paymentDueAt?.toISOString() ?? null,
    externalUpdatedAt: o.externalUpdatedAt?.toISOString() ?? null,
    allowedEvents: allowedEvents(o.status as OrderStatus),
    lines,
    events: events.map((e) => ({ ...e, at: e.at.toISOString() })),
    reservations: reservations.map((r) => ({
      id: r.id,
      orderLineId: r.order_line_id,
      skuId: r.sku_id,
      warehouseId: r.warehouse_id,
      quantity: Number(r.quantity),
      status: r.status,
    })),
  };
}

/** Orders of one channel by the channel's own id (marketplace imports dedupe on it). */
export async function findOrderByExternalId(tx: Db, channel: string, externalId: string) {
  const [o] = await tx.select({ id: orders.id, number: orders.number, status: orders.status, externalUpdatedAt: orders.externalUpdatedAt }).from(orders).where(and(eq(orders.channel, channel), eq(orders.externalId, externalId)));
  return o ?? null;
}
