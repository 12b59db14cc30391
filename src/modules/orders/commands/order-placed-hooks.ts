import type { Db } from '../../../platform/db/database.js';
import type { AppDeps } from '../../../platform/http/types.js';

/** What a hook learns about an order `placeOrderTx` just wrote (inside the same transaction). */
export interface OrderPlacedInfo {
  orderId: string;
  number: string;
  channel: string;
  tags: string[];
}

/**
 * Runs inside the placing transaction, so whatever it writes or enqueues exists iff the order
 * does. Registered at module load by modules that must react to every new order (the order hub
 * reviews storefront, bulk and staff-entered orders) without the orders module importing them.
 */
export type OrderPlacedHook = (tx: Db, deps: Pick<AppDeps, 'jobs'>, order: OrderPlacedInfo) => Promise<void>;

const hooks: OrderPlacedHook[] = [];

export function registerOrderPlacedHook(fn: OrderPlacedHook): void {
  if (!hooks.includes(fn)) hooks.push(fn);
}

export async function runOrderPlacedHooks(tx: Db, deps: Pick<AppDeps, 'jobs'>, order: OrderPlacedInfo): Promise<void> {
  for (const fn of hooks) await fn(tx, deps, order);
}
