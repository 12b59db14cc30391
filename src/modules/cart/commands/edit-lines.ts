import { and, eq, sql } from 'drizzle-orm';
import { query } from '../../../platform/db/database.js';
import type { AppDeps } from '../../../platform/http/types.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { t } from '../../../platform/i18n/i18n.js';
import type { CheckoutServices } from '../services.js';
import { cartLines } from '../db/cart.schema.js';
import { touchOwnedCartWithLines, type CartCaller } from '../db/carts-repo.js';
import { quoteCart, type CartQuote } from '../queries/quote-cart.js';
import type { Principal } from '../../../platform/auth/principal.js';
import { checkQuantity } from '../domain/quantity-rules.js';

type Deps = Pick<AppDeps, 'database' | 'ids' | 'clock'>;

/** How the cart is shown back after a change: in the caller's locale, priced for the caller. */
export interface ViewOpts {
  locale?: string;
  principal?: Principal;
}

function quantityError(locale: string, field: string, q: NonNullable<ReturnType<typeof checkQuantity>>): AppError {
  const message = t(locale, q.key, q.params);
  return new AppError('validation_failed', message, { errors: [{ field, message, code: q.code }], extra: { suggestions: q.suggestions } });
}

/**
 * Adds a SKU to the cart (by id or code). The same SKU with the same note adds to the existing
 * line. MOQ and order multiples are checked on the resulting quantity; a price sent by the
 * client is not read at all.
 */
export async function addCartLine(
  deps: Deps,
  services: CheckoutServices,
  caller: CartCaller,
  cartId: string,
  input: { skuId?: string; sku?: string; quantity: number; note?: string },
  view: ViewOpts = {},
): Promise<CartQuote> {
  return deps.database.transaction(async (tx) => {
    const now = deps.clock.now();
    // Lock + version bump and the lines in one statement: the resulting lines are built from
    // them and the upsert's row, without reading the table again.
    const { cart, lines } = await touchOwnedCartWithLines(tx, cartId, caller, now);
    const locale = view.locale ?? cart.locale;
    let skuId = input.skuId;
    if (!skuId && input.sku) skuId = (await services.skuIdsByCode(tx, [input.sku])).get(input.sku);
    const s = skuId ? (await services.skus(tx, locale, [skuId])).get(skuId) : undefined;
    if (!s || !s.sellable) {
      const field = input.skuId ? 'body.skuId' : 'body.sku';
      const message = t(locale, 'cart.problem.notSellable', { sku: input.sku ?? input.skuId ?? '' });
      throw new AppError('validation_failed', message, { errors: [{ field, message }] });
    }
    const note = input.note?.trim() ?? '';
    const existing = lines.find((l) => l.skuId === s.skuId && l.note === note);
    const quantity = (existing?.quantity ?? 0) + input.quantity;
    const q = checkQuantity(quantity, s.moq, s.orderMultiple, s.sku);
    if (q) throw quantityError(locale, 'body.quantity', q);
    const [line] = await query<{ id: string; added_at: Date | string }>(
      tx,
      sql`INSERT INTO cart_lines (id, cart_id, sku_id, quantity, note, added_at) VALUES (${deps.ids.make('cl')}, ${cart.id}, ${s.skuId}, ${quantity}, ${note}, ${now})
          ON CONFLICT (cart_id, sku_id, note) DO UPDATE SET quantity = EXCLUDED.quantity RETURNING id, added_at`,
    );
    const after = existing
      ? lines.map((l) => (l === existing ? { ...l, quantity } : l))
      : [...lines, { id: line!.id, cartId: cart.id, skuId: s.skuId, quantity, note, addedAt: new Date(line!.added_at) }];
    const quote = await quoteCart(tx, services, cart, after, now, { locale, principal: view.principal });
    return { ...quote, addedLineId: line!.id };
  });
}

export async function changeCartLine(deps: Deps, services: CheckoutServices, caller: CartCaller, cartId: string, lineId: string, quantity: number, view: ViewOpts = {}): Promise<CartQuote> {
  return deps.database.transaction(async (tx) => {
    const now = deps.clock.now();
    const { cart, lines } = await touchOwnedCartWithLines(tx, cartId, caller, now);
    const locale = view.locale ?? cart.locale;
    const line = lines.find((l) => l.id === lineId);
    if (!line) throw new AppError('not_found', 'This line is no longer in the cart.');
    const s = (await services.skus(tx, locale, [line.skuId])).get(line.skuId);
    if (s) {
      const q = checkQuantity(quantity, s.moq, s.orderMultiple, s.sku);
      if (q) throw quantityError(locale, 'body.quantity', q);
    }
    await tx.update(cartLines).set({ quantity }).where(eq(cartLines.id, lineId));
    return quoteCart(tx, services, cart, lines.map((l) => (l === line ? { ...l, quantity } : l)), now, { locale, principal: view.principal });
  });
}

export async function removeCartLine(deps: Deps, services: CheckoutServices, caller: CartCaller, cartId: string, lineId: string, view: ViewOpts = {}): Promise<CartQuote> {
  return deps.database.transaction(async (tx) => {
    const now = deps.clock.now();
    const { cart, lines } = await touchOwnedCartWithLines(tx, cartId, caller, now);
    const gone = await tx.delete(cartLines).where(and(eq(cartLines.cartId, cart.id), eq(cartLines.id, lineId))).returning({ id: cartLines.id });
    if (!gone.length) throw new AppError('not_found', 'This line is no longer in the cart.');
    return quoteCart(tx, services, cart, lines.filter((l) => l.id !== lineId), now, { locale: view.locale ?? cart.locale, principal: view.principal });
  });
}
