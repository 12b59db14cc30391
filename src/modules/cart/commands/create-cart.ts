import { eq, sql } from 'drizzle-orm';
import { query, type Db } from '../../../platform/db/database.js';
import { randomToken } from '../../../platform/ids/ids.js';
import type { AppDeps } from '../../../platform/http/types.js';
import { isCurrency } from '../../../platform/money/index.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { cartLines, carts } from '../db/cart.schema.js';
import { hashToken, openCartOfCustomer, type CartRow } from '../db/carts-repo.js';

export interface CreateCartInput {
  customerId: string | null;
  /** A guest cart token the browser already holds (merged into the customer's cart on login). */
  guestToken: string | null;
  currency: string;
  locale: string;
}

/**
 * Starts (or finds) the caller's cart. A guest gets a new cart and a token for the cookie. A
 * signed-in customer gets their one open cart; a guest cart held by the same browser is merged
 * into it (lines of the same SKU add up), which is how carts "merge on login".
 */
export async function createCart(deps: Pick<AppDeps, 'database' | 'ids' | 'clock'>, input: CreateCartInput): Promise<{ cart: CartRow; token: string | null }> {
  if (!isCurrency(input.currency)) {
    throw new AppError('validation_failed', `${input.currency} is not a currency code; use ISO 4217 (EUR, USD, JPY...).`, { errors: [{ field: 'body.currency', message: 'is not an ISO 4217 code' }] });
  }
  return deps.database.transaction(async (tx) => {
    const now = deps.clock.now();
    if (!input.customerId) {
      const token = randomToken();
      const [cart] = await tx
        .insert(carts)
        .values({ id: deps.ids.make('cart'), tokenHash: hashToken(token), status: 'open', currency: input.currency, locale: input.locale, createdAt: now, updatedAt: now })
        .returning();
      return { cart: cart!, token };
    }
    let cart = await openCartOfCustomer(tx, input.customerId);
    if (!cart) {
      await tx
        .insert(carts)
        .values({ id: deps.ids.make('cart'), customerId: input.customerId, status: 'open', currency: input.currency, locale: input.locale, createdAt: now, updatedAt: now })
        .onConflictDoNothing();
      cart = (await openCartOfCustomer(tx, input.customerId))!;
    }
    if (input.guestToken) cart = await mergeGuestCartTx(tx, deps, input.guestToken, cart, now);
    return { cart, token: null };
  });
}

/** Moves a guest cart's lines into the customer's open cart and closes the guest cart. */
export async function mergeGuestCartTx(tx: Db, deps: Pick<AppDeps, 'ids'>, guestToken: string, target: CartRow, now: Date): Promise<CartRow> {
  const [guest] = await tx.select().from(carts).where(eq(carts.tokenHash, hashToken(guestToken))).for('update');
  if (!guest || guest.id === target.id || guest.status !== 'open' || guest.customerId) return target;
  const lines = await tx.select().from(cartLines).where(eq(cartLines.cartId, guest.id));
  // One statement for all lines (guest lines are unique per SKU and note, so no row is hit twice).
  if (lines.length) {
    const values = sql.join(lines.map((l) => sql`(${deps.ids.make('cl')}, ${target.id}, ${l.skuId}, ${l.quantity}::int, ${l.note}, ${l.addedAt}::timestamptz)`), sql`, `);
    await query(
      tx,
      sql`INSERT INTO cart_lines (id, cart_id, sku_id, quantity, note, added_at) VALUES ${values}
          ON CONFLICT (cart_id, sku_id, note) DO UPDATE SET quantity = cart_lines.quantity + EXCLUDED.quantity`,
    );
  }
  await tx.update(carts).set({ status: 'merged', updatedAt: now }).where(eq(carts.id, guest.id));
  // Checkout details the guest already gave are kept where the customer's cart has none.
  const [merged] = await tx
    .update(carts)
    .set({
      email: target.email ?? guest.email,
      shipTo: target.shipTo ?? guest.shipTo,
      billTo: target.billTo ?? guest.billTo,
      vatNumber: target.vatNumber ?? guest.vatNumber,
      updatedAt: now,
      version: sql`${carts.version} + 1`,
    })
    .where(eq(carts.id, target.id))
    .returning();
  return merged!;
}
