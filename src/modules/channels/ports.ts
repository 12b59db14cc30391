import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/auth/principal.js';
import type { AppDeps } from '../../platform/http/types.js';
import type { ResolvedLine } from './domain/sku-mapping.js';
import type { UnifiedOrder } from './domain/unified-order.js';

/**
 * What the order hub needs from the modules that own orders, stock and customers, reached only
 * through their index.ts. Every method runs inside the caller's transaction. The composition
 * root (modules.ts) passes the implementation built from those modules' public functions; tests
 * pass one of their own.
 */
export interface ChannelOrderInput {
  channelId: string;
  channelName: string;
  order: UnifiedOrder;
  lines: ResolvedLine[];
  /** Our computed totals per currency (exact decimal strings) beside the reported ones. */
  computed: { subtotal: Record<string, string>; total: Record<string, string> };
  actor: Actor;
}

export interface StockShortage {
  sku: string;
  ordered: number;
  available: number;
  short: number;
}

export interface CustomerHistory {
  /** Orders this buyer placed before this one, on any channel. */
  previousOrders: number;
  /** Whether the ship-to address was delivered to before. */
  knownAddress: boolean;
  tier: string | null;
}

export interface OrderHubPorts {
  /** Given the deps bag once it exists (the module calls it from routes() and jobs()). */
  bind?(deps: AppDeps): void;
  /** Moves the order to the review outcome (approved / on hold / in review), when it can. */
  applyReview?(tx: Db, orderId: string, outcome: 'approved' | 'held' | 'review', reason: string, actor: Actor): Promise<void>;
  /** The human order number (purchasing's email names it). */
  orderNumber?(tx: Db, orderId: string): Promise<string>;
  /** The store's base currency (review thresholds are in it). */
  baseCurrency: string;
  /**
   * Creates the order in the orders module (channel + external id unique there too). With
   * `reserve`, it may reserve the stock as part of placing (cheaper than a separate step) and
   * then returns the shortages it found ([] = reserved, null = not attempted: `reserve()` follows).
   */
  createOrder(tx: Db, input: ChannelOrderInput, opts: { reserve: boolean }): Promise<{ orderId: string; number: string; shortages: StockShortage[] | null }>;
  /**
   * Many orders of one channel at once (a poller page, a file, an ERP call): the same as
   * `createOrder` per item, in a constant number of statements. Optional: without it the hub
   * calls `createOrder` per order.
   */
  createOrders?(tx: Db, items: { input: ChannelOrderInput; reserve: boolean }[]): Promise<{ orderId: string; number: string; shortages: StockShortage[] | null }[]>;
  /**
   * Applies a newer channel version in place: lines, quantities, prices, ship-to, reported
   * totals and flags, with a timeline entry naming what changed. Releases the order's stock
   * (the caller reserves again for the new lines and re-runs the rules). Returns whether it
   * applied: an order already in picking, shipped or closed keeps its lines and says so.
   */
  updateOrder(tx: Db, orderId: string, input: ChannelOrderInput): Promise<{ applied: boolean; changes: string[] }>;
  /** Review outcomes of many orders at once (optional; else `applyReview` per order). */
  applyReviews?(tx: Db, items: { orderId: string; outcome: 'approved' | 'held' | 'review'; reason: string }[], actor: Actor): Promise<void>;
  /** `customerHistory` for many buyers at once (optional; else one call per order). */
  customerHistories?(tx: Db, qs: { orderId: string; email: string | null; shipTo: UnifiedOrder['shipTo'] }[]): Promise<CustomerHistory[]>;
  /** Cancels the order; the channel cancelled it. */
  cancelOrder(tx: Db, orderId: string, reason: string, actor: Actor): Promise<void>;
  /**
   * Reserves stock for every mapped line if all of it is available and returns []; otherwise
   * reserves nothing and returns the shortages. Idempotent per order: reserving an order that
   * already holds its reservations reserves nothing more.
   */
  reserve(tx: Db, orderId: string, lines: { sku: string; quantity: number }[], actor: Actor): Promise<StockShortage[]>;
  release(tx: Db, orderId: string, reason: string, actor: Actor): Promise<void>;
  /** Known SKUs among `skus` (channels that send our own SKUs verbatim). */
  knownSkus(tx: Db, skus: string[]): Promise<Set<string>>;
  customerHistory(tx: Db, q: { orderId: string; email: string | null; shipTo: UnifiedOrder['shipTo'] }): Promise<CustomerHistory>;
  /** The amount in the base currency (minor units), or null without a rate. */
  toBase(tx: Db, amount: { amount: string; currency: string }): Promise<{ amount: number; currency: string } | null>;
}
