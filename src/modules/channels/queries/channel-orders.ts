import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { channelOrders } from '../db/channels.schema.js';
import { computeTotals } from '../domain/unified-order.js';

export async function listChannelOrders(db: Db, q: { channelId?: string; orderId?: string; unmapped?: boolean; flag?: string; limit?: number; before?: string }) {
  const where: SQL[] = [];
  if (q.channelId) where.push(eq(channelOrders.channelId, q.channelId));
  if (q.orderId) where.push(eq(channelOrders.orderId, q.orderId));
  if (q.unmapped) where.push(sql`jsonb_array_length(${channelOrders.unmapped}) > 0`);
  if (q.flag) where.push(sql`${q.flag} = ANY(${channelOrders.flags})`);
  if (q.before) where.push(lt(channelOrders.id, q.before));
  const rows = await db.select().from(channelOrders).where(where.length ? and(...where) : undefined).orderBy(desc(channelOrders.id)).limit(Math.min(q.limit ?? 50, 200));
  return rows.map((r) => ({
    id: r.id,
    channelId: r.channelId,
    externalId: r.externalId,
    externalNumber: r.unified.externalNumber,
    orderId: r.orderId,
    status: r.status,
    externalUpdatedAt: r.externalUpdatedAt.toISOString(),
    flags: r.flags,
    unmapped: r.unmapped,
    versions: r.versions,
    reported: r.unified.reported,
    computed: computeTotals(r.unified),
    anomalies: r.unified.anomalies,
    buyer: r.unified.buyer,
    shipTo: r.unified.shipTo,
    lines: r.unified.lines.map((l) => ({ sellerSku: l.sellerSku, asin: l.asin, title: l.title, quantity: l.quantity, lineTotal: l.lineTotal })),
  }));
}
