import { sql } from 'drizzle-orm';
import { query, type Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/auth/principal.js';
import type { Ids } from '../../../platform/ids/ids.js';
import { formatOrderNumber, orderNumberPrefix } from '../domain/lifecycle.js';
import { orderEvents } from './orders.schema.js';
import { isSequencedChannel, orderNumberSequenceName } from './order-numbers.schema.js';

export const FIRST_ORDER_NUMBER = 10001;

/**
 * The next human number of a channel. The counter row stays locked until the placing
 * transaction ends, so numbers are handed out in commit order and a rolled-back checkout gives
 * its number back (no gaps). Callers take it as late as possible to keep that lock short.
 */
export async function nextOrderNumber(tx: Db, channel: string): Promise<string> {
  const prefix = orderNumberPrefix(channel);
  if (isSequencedChannel(channel)) return (await sequencedOrderNumbers(tx, channel, 1))[0]!;
  const [row] = await query<{ prefix: string; issued: number }>(
    tx,
    sql`INSERT INTO order_number_sequences (channel, prefix, next_value) VALUES (${channel}, ${prefix}, ${FIRST_ORDER_NUMBER + 1})
        ON CONFLICT (channel) DO UPDATE SET next_value = order_number_sequences.next_value + 1
        RETURNING prefix, next_value - 1 AS issued`,
  );
  return formatOrderNumber(row!.prefix, Number(row!.issued));
}

/** `n` numbers of a marketplace/ERP channel from its sequence: no lock held, gaps possible. */
export async function sequencedOrderNumbers(tx: Db, channel: string, n: number): Promise<string[]> {
  if (n <= 0) return [];
  const prefix = orderNumberPrefix(channel);
  const rows = await query<{ n: string }>(tx, sql`SELECT nextval(${orderNumberSequenceName(channel)}::regclass) AS n FROM generate_series(1, ${n})`);
  return rows.map((r) => Number(r.n)).sort((a, b) => a - b).map((v) => formatOrderNumber(prefix, v));
}

export async function addOrderEvent(
  tx: Db,
  ctx: { ids: Ids; now: Date; actor: Actor },
  e: { orderId: string; type: string; fromStatus?: string | null; toStatus?: string | null; message?: string | null; data?: Record<string, unknown> },
): Promise<void> {
  await tx.insert(orderEvents).values(orderEventRow(ctx, e));
}

/** The row addOrderEvent writes, for callers that insert it within a larger statement. */
export function orderEventRow(
  ctx: { ids: Ids; now: Date; actor: Actor },
  e: { orderId: string; type: string; fromStatus?: string | null; toStatus?: string | null; message?: string | null; data?: Record<string, unknown> },
): typeof orderEvents.$inferInsert {
  return {
    id: ctx.ids.make('oev'),
    orderId: e.orderId,
    at: ctx.now,
    type: e.type,
    fromStatus: e.fromStatus ?? null,
    toStatus: e.toStatus ?? null,
    actorType: ctx.actor.type,
    actorId: ctx.actor.id,
    actorLabel: ctx.actor.label,
    message: e.message ?? null,
    data: e.data ?? {},
  };
}
