import { createHash } from 'node:crypto';
import { asc, eq, getTableColumns, sql } from 'drizzle-orm';
import { query, type Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { cartLines, carts } from './cart.schema.js';

export type CartRow = typeof carts.$inferSelect;
export type CartLineRow = typeof cartLines.$inferSelect;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Who is asking for a cart: a signed-in customer and/or the holder of a guest cart token. */
export interface CartCaller {
  customerId: string | null;
  token: string | null;
}

/**
 * Loads a cart the caller may use (its customer, or the holder of its token), optionally
 * locking it. Anything else is "not found", so cart ids cannot be probed.
 */
export async function getOwnedCart(tx: Db, id: string, caller: CartCaller, opts: { lock?: boolean } = {}): Promise<CartRow> {
  const rows = opts.lock
    ? await tx.select().from(carts).where(eq(carts.id, id)).for('update')
    : await tx.select().from(carts).where(eq(carts.id, id));
  return ownedOrThrow(rows[0], caller);
}

function ownedOrThrow(cart: CartRow | undefined, caller: CartCaller): CartRow {
  const owns =
    !!cart &&
    ((cart.customerId !== null && cart.customerId === caller.customerId) ||
      (cart.tokenHash !== null && caller.token !== null && cart.tokenHash === hashToken(caller.token)));
  if (!owns) throw new AppError('not_found', 'This cart was not found. It may belong to another browser or have expired.');
  return cart!;
}

/**
 * Locks the caller's open cart, marks the change (version + 1) and applies `set`, in ONE
 * statement (UPDATE takes the row lock a SELECT ... FOR UPDATE would). Undefined fields are left
 * as they are. When the cart is not the caller's or not open this throws, and the caller's
 * transaction rolls the statement back, so nothing changes.
 */
export async function touchOwnedCart(tx: Db, id: string, caller: CartCaller, now: Date, set: Partial<typeof carts.$inferInsert> = {}): Promise<CartRow> {
  const rows = await tx.update(carts).set({ ...set, updatedAt: now, version: sql`${carts.version} + 1` }).where(eq(carts.id, id)).returning();
  const cart = ownedOrThrow(rows[0], caller);
  assertOpen(cart);
  return cart;
}

/**
 * The cart's lines read in the same statement as the cart row, with the version that
 * statement's snapshot saw. A statement that waited for the row lock returns the newest row
 * but its sub-selects still see the snapshot taken before the wait, so the lines are only
 * trusted when no change committed in between (version unchanged, or + 1 for our own bump);
 * otherwise they are read again (every line change bumps the version under the row lock).
 */
const withLines = (id: string) => ({
  ...getTableColumns(carts),
  lineRows: sql<{ id: string; skuId: string; quantity: number; note: string; addedAt: string }[]>`(SELECT coalesce(json_agg(json_build_object('id', l.id, 'skuId', l.sku_id, 'quantity', l.quantity, 'note', l.note, 'addedAt', l.added_at) ORDER BY l.added_at, l.id), '[]'::json) FROM cart_lines l WHERE l.cart_id = ${id})`,
  seenVersion: sql<number | null>`(SELECT c2.version FROM carts c2 WHERE c2.id = ${id})`,
});

async function splitLines(tx: Db, row: (CartRow & { lineRows: unknown; seenVersion: number | null }) | undefined, bumped: boolean): Promise<{ cart: CartRow | undefined; lines: CartLineRow[] }> {
  if (!row) return { cart: undefined, lines: [] };
  const { lineRows, seenVersion, ...cart } = row;
  const rows = (typeof lineRows === 'string' ? JSON.parse(lineRows) : lineRows) as { id: string; skuId: string; quantity: number; note: string; addedAt: string }[];
  if (seenVersion === null || cart.version !== seenVersion + (bumped ? 1 : 0)) return { cart, lines: await getCartLines(tx, cart.id) };
  return { cart, lines: rows.map((l) => ({ id: l.id, cartId: cart.id, skuId: l.skuId, quantity: l.quantity, note: l.note, addedAt: new Date(l.addedAt) })) };
}

/** touchOwnedCart and the cart's lines in one round trip (see withLines). */
export async function touchOwnedCartWithLines(tx: Db, id: string, caller: CartCaller, now: Date, set: Partial<typeof carts.$inferInsert> = {}): Promise<{ cart: CartRow; lines: CartLineRow[] }> {
  const rows = await tx.update(carts).set({ ...set, updatedAt: now, version: sql`${carts.version} + 1` }).where(eq(carts.id, id)).returning(withLines(id));
  const owned = ownedOrThrow(rows[0], caller);
  assertOpen(owned);
  return (await splitLines(tx, rows[0], true)) as { cart: CartRow; lines: CartLineRow[] };
}

/** getOwnedCart and the cart's lines in one round trip (see withLines). */
export async function getOwnedCartWithLines(tx: Db, id: string, caller: CartCaller, opts: { lock?: boolean } = {}): Promise<{ cart: CartRow; lines: CartLineRow[] }> {
  const q = tx.select(withLines(id)).from(carts).where(eq(carts.id, id));
  const rows = opts.lock ? await q.for('update') : await q;
  ownedOrThrow(rows[0], caller);
  return (await splitLines(tx, rows[0], false)) as { cart: CartRow; lines: CartLineRow[] };
}

export async function getCartLines(tx: Db, cartId: string): Promise<CartLineRow[]> {
  return tx.select().from(cartLines).where(eq(cartLines.cartId, cartId)).orderBy(asc(cartLines.addedAt), asc(cartLines.id));
}

export function assertOpen(cart: CartRow): void {
  if (cart.status === 'ordered') {
    throw new AppError('conflict', 'This cart has already been ordered. Start a new cart to order again.', { extra: { orderId: cart.orderId } });
  }
  if (cart.status !== 'open') throw new AppError('conflict', 'This cart is no longer open (it was merged into your account’s cart).');
}

/** Marks a change so concurrent readers can tell a quote is stale. */
export async function touchCart(tx: Db, cartId: string, now: Date, set: Partial<typeof carts.$inferInsert> = {}): Promise<CartRow> {
  const [row] = await tx.update(carts).set({ ...set, updatedAt: now, version: sql`${carts.version} + 1` }).where(eq(carts.id, cartId)).returning();
  return row!;
}

export async function openCartOfCustomer(tx: Db, customerId: string): Promise<CartRow | undefined> {
  const [c] = await query<{ id: string }>(tx, sql`SELECT id FROM carts WHERE customer_id = ${customerId} AND status = 'open' LIMIT 1`);
  if (!c) return undefined;
  const [row] = await tx.select().from(carts).where(eq(carts.id, c.id));
  return row;
}
