import type { Db } from '../../../platform/db/database.js';
import type { Principal } from '../../../platform/auth/principal.js';
import type { AppDeps } from '../../../platform/http/types.js';
import { AppError, isAppError } from '../../../platform/errors/app-error.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { addCartLine, createCart, type CartQuote, type CheckoutServices } from '../../cart/index.js';
import { cachedCustomerSettings, getBuyerView } from '../../customers/index.js';
import { compareWithQuote, planReorder, type ReorderDifference, type SkuToday, type WantedLine } from '../domain/differences.js';
import { reorderRuns } from '../db/reorder.schema.js';

/** Who is putting lines in whose cart: the buyer themself, or staff on the buyer's behalf. */
export interface OnBehalf {
  customerId: string;
  /** A customer principal of the company, for today's prices (their tier) and their right to order. */
  buyer: Extract<Principal, { kind: 'customer' }>;
  entrant: { type: 'customer' | 'staff' | 'apikey'; id: string; label: string; ip?: string | null; requestId?: string | null };
  locale: string;
}

export interface PutInCartResult {
  runId: string;
  cartId: string;
  linesAdded: number;
  differences: ReorderDifference[];
  quote: Omit<CartQuote, 'buyer'> | null;
}

/**
 * The cart module's commands each open their own transaction; given these deps they run inside
 * ours instead (and reads through `db` see it too), so putting N lines in the cart is one all-or-nothing change that goes through the
 * cart's own rules (SKU sellable, MOQ, multiples, pricing on the server).
 */
export function inside(tx: Db, deps: AppDeps): AppDeps {
  return { ...deps, db: tx, database: { ...deps.database, transaction: <T>(fn: (t: Db) => Promise<T>) => fn(tx) } };
}

/** A viewer (or a company that may not order yet) is refused before anything is changed. */
export async function assertMayOrder(tx: Db, who: OnBehalf): Promise<void> {
  const view = await getBuyerView(tx, who.buyer, await cachedCustomerSettings(tx));
  if (view.customerId !== who.customerId || !view.canOrder) {
    throw new AppError('forbidden', 'This account may not order (a viewer, or a company not yet allowed to order). Ask your company admin.', { key: 'reorder.error.mayNotOrder' });
  }
}

/**
 * Puts the wanted lines in the customer's open cart (started in `currency` when there is none) at
 * today's prices and availability, and records the run with every difference found.
 */
export async function putLinesInCart(
  deps: AppDeps,
  services: CheckoutServices,
  who: OnBehalf,
  input: { wanted: WantedLine[]; currency: string; source: { type: 'order' | 'history' | 'list'; ids: string[] } },
): Promise<PutInCartResult> {
  if (!input.wanted.length) throw new AppError('validation_failed', 'Choose at least one line.', { errors: [{ field: 'body.lines', message: 'choose at least one line' }], key: 'reorder.error.noLines' });
  return deps.database.transaction(async (tx) => {
    await assertMayOrder(tx, who);
    const d = inside(tx, deps);
    const { cart } = await createCart(d, { customerId: who.customerId, guestToken: null, currency: input.currency, locale: who.locale });
    const skuIds = [...new Set(input.wanted.map((w) => w.skuId).filter((x): x is string => !!x))];
    const today = new Map<string, SkuToday>();
    for (const [id, s] of await services.skus(tx, who.locale, skuIds)) today.set(id, s);
    const plan = planReorder(input.wanted, today);
    const differences = [...plan.differences];
    const caller = { customerId: who.customerId, token: null };
    let quote: CartQuote | null = null;
    const added = [];
    for (const l of plan.lines) {
      try {
        quote = await addCartLine(d, services, caller, cart.id, { skuId: l.skuId, quantity: l.quantity, note: l.note }, { locale: who.locale, principal: who.buyer });
        added.push(l);
      } catch (e) {
        // Refused by the cart's rules before it wrote anything (e.g. the line already in the cart
        // has a quantity the new MOQ refuses): reported, the other lines still go in.
        if (!isAppError(e) || e.code !== 'validation_failed') throw e;
        differences.push({ kind: 'not_added', sku: l.sku, name: l.name, message: e.details.errors?.[0]?.message ?? e.message });
      }
    }
    if (quote) differences.push(...compareWithQuote(added, quote.lines, quote.currency));
    const now = deps.clock.now();
    const runId = deps.ids.make('rord');
    await tx.insert(reorderRuns).values({
      id: runId,
      customerId: who.customerId,
      cartId: cart.id,
      sourceType: input.source.type,
      sourceIds: input.source.ids,
      enteredByType: who.entrant.type,
      enteredById: who.entrant.id,
      enteredByLabel: who.entrant.label,
      linesAdded: added.length,
      differences,
      createdAt: now,
    });
    if (who.entrant.type !== 'customer') {
      await recordAudit(tx, deps, { type: who.entrant.type, id: who.entrant.id, label: who.entrant.label, ip: who.entrant.ip ?? null, requestId: who.entrant.requestId ?? null }, {
        action: 'reorder.cart_filled_for_customer',
        entityType: 'customer',
        entityId: who.customerId,
        details: { source: input.source, linesAdded: added.length, cartId: cart.id },
      });
    }
    let shown: PutInCartResult['quote'] = null;
    if (quote) {
      const { buyer: _b, ...rest } = quote;
      shown = rest;
    }
    return { runId, cartId: cart.id, linesAdded: added.length, differences, quote: shown };
  });
}
