import { createHash } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
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
