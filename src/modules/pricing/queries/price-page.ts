import type { Db } from '../../../platform/db/database.js';
import type { AppDeps } from '../../../platform/http/types.js';
import { crossRate, getEnabledCurrencies, getRateSnapshot, isoDay, type RateSnapshot } from '../../fx/index.js';
import { listApplies, priceVariant, type Buyer, type PriceListInfo, type PriceResult } from '../domain/engine.js';
import type { CurrencyRule } from '../domain/rounding.js';
import { loadListsValidOn, loadPageEntries, loadRules } from '../db/pricing.repo.js';

interface PricingContext {
  at: number;
  day: string;
  baseCurrency: string;
  enabled: string[];
  snapshot: RateSnapshot;
  rules: CurrencyRule[];
  /** Every active list valid today (a few dozen rows): which ones apply is decided per buyer below. */
  lists: PriceListInfo[];
}

/**
 * Rates, rules and enabled currencies change a few times a day but are read on every page, so
 * each process keeps them for a few seconds (writes in this process clear it at once). Nothing
 * depends on one process: another server sees a change within CONTEXT_TTL_MS.
 */
const CONTEXT_TTL_MS = 5_000;
let cached: PricingContext | null = null;

export function invalidatePricingContext(): void {
  cached = null;
}

export async function pricingContext(tx: Db, now: Date): Promise<PricingContext> {
  const day = isoDay(now);
  if (cached && cached.day === day && Date.now() - cached.at < CONTEXT_TTL_MS) return cached;
  const [cur, snapshot, rules, lists] = await Promise.all([getEnabledCurrencies(tx), getRateSnapshot(tx, now), loadRules(tx), loadListsValidOn(tx, day)]);
  cached = { at: Date.now(), day, baseCurrency: cur.base, enabled: cur.enabled, snapshot, rules, lists };
  return cached;
}

export interface PagePriceRequest {
  variantIds: string[];
  buyer: Buyer;
  currency: string;
  /** Same quantity for every variant (1 on listings). */
  quantity?: number;
  now?: Date;
}

/** Prices a page of variants for one buyer: the entries arrive in one query, the engine does the rest. */
export async function priceVariants(deps: Pick<AppDeps, 'db' | 'clock'>, req: PagePriceRequest, tx: Db = deps.db): Promise<Map<string, PriceResult>> {
  const now = req.now ?? deps.clock.now();
  const ctx = await pricingContext(tx, now);
  const currency = ctx.enabled.includes(req.currency) ? req.currency : ctx.baseCurrency;
  let rate: { rate: string; source: string; asOf: string } | null = null;
  try {
    rate = crossRate(ctx.snapshot, ctx.baseCurrency, currency);
  } catch {
    rate = null; // derived prices become 'no_rate'; explicit prices in that currency still work
  }
  const ids = [...new Set(req.variantIds)];
  // The lists this buyer may use, decided here from the buyer (never from the client), then ONE
  // statement reads the page's entries of exactly those lists through the primary key.
  const lists = ctx.lists.filter((l) => listApplies(l, req.buyer, ctx.day) && (l.currency === currency || l.currency === ctx.baseCurrency));
  const entries = await loadPageEntries(tx, ids, lists.map((l) => l.id));
  const byVariant = new Map<string, typeof entries>();
  for (const e of entries) {
    const arr = byVariant.get(e.variantId) ?? [];
    arr.push(e);
    byVariant.set(e.variantId, arr);
  }
  const out = new Map<string, PriceResult>();
  for (const variantId of ids) {
    out.set(
      variantId,
      priceVariant({
        variantId, quantity: req.quantity ?? 1, buyer: req.buyer, currency, date: ctx.day, baseCurrency: ctx.baseCurrency,
        lists, entries: byVariant.get(variantId) ?? [], rate, rules: ctx.rules,
      }),
    );
  }
  return out;
}

/** The base and offered currencies from the same few-seconds cache (read on every storefront page). */
export async function offeredCurrencies(tx: Db, now: Date): Promise<{ base: string; enabled: string[] }> {
  const ctx = await pricingContext(tx, now);
  return { base: ctx.baseCurrency, enabled: ctx.enabled };
}
