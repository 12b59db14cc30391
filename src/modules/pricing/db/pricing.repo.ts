import { asc, eq, sql } from 'drizzle-orm';
import { query, type Db } from '../../../platform/db/database.js';
import { decToString, parseDec } from '../../../platform/money/index.js';
import type { PriceEntry, PriceListInfo } from '../domain/engine.js';
import type { CurrencyRule } from '../domain/rounding.js';
import { priceLists, priceTiers, pricingCurrencyRules } from './pricing.schema.js';
import { findVariantsForLines } from '../../catalog/index.js';

/** Until the owner sets tiers, a store has A, B and C. */
export const DEFAULT_TIERS = ['A', 'B', 'C'].map((code, i) => ({ code, name: `Tier ${code}`, position: i }));

export async function loadTiers(tx: Db): Promise<{ code: string; name: string; position: number }[]> {
  const rows = await tx.select().from(priceTiers).orderBy(asc(priceTiers.position), asc(priceTiers.code));
  return rows.length ? rows.map((r) => ({ code: r.code, name: r.name, position: r.position })) : DEFAULT_TIERS;
}

export async function loadRules(tx: Db): Promise<CurrencyRule[]> {
  const rows = await tx.select().from(pricingCurrencyRules);
  return rows.map((r) => ({
    currency: r.currency,
    bufferPercent: decToString(parseDec(r.bufferPercent)),
    rounding: { increment: r.roundIncrement, direction: r.roundDirection as 'nearest' | 'up', ending: r.roundEnding },
  }));
}

export async function findList(tx: Db, id: string, lock = false) {
  const q = tx.select().from(priceLists).where(eq(priceLists.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** Active lists valid on a day (price_lists is small: tiers × currencies + customer lists). */
export async function loadListsValidOn(tx: Db, date: string): Promise<PriceListInfo[]> {
  const rows = await query<{ id: string; name: string; kind: string; tier_code: string | null; customer_id: string | null; currency: string; valid_from: string | null; valid_to: string | null; priority: number }>(
    tx,
    sql`SELECT id, name, kind, tier_code, customer_id, currency, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to, priority
        FROM price_lists WHERE active AND (valid_from IS NULL OR valid_from <= ${date}::date) AND (valid_to IS NULL OR valid_to >= ${date}::date)`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind as PriceListInfo['kind'], tier: r.tier_code, customerId: r.customer_id, currency: r.currency, validFrom: r.valid_from, validTo: r.valid_to, priority: r.priority, active: true }));
}

/** The entries of a page of variants in the given lists: one statement, primary-key probes only. */
export async function loadPageEntries(tx: Db, variantIds: string[], listIds: string[]): Promise<PriceEntry[]> {
  if (!variantIds.length || !listIds.length) return [];
  const rows = await query<{ variant_id: string; list_id: string; min_qty: number; unit_amount: string | number }>(
    tx,
    sql`SELECT variant_id, list_id, min_qty, unit_amount FROM price_list_entries WHERE variant_id IN ${variantIds} AND list_id IN ${listIds}`,
  );
  return rows.map((r) => ({ listId: r.list_id, variantId: r.variant_id, minQty: r.min_qty, unitAmount: Number(r.unit_amount) }));
}

/** SKU ↔ variant id for price files, through the catalog's public lookup (variants are the catalog's). */
export async function variantIdsBySku(tx: Db, skus: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < skus.length; i += 5000) {
    for (const v of await findVariantsForLines(tx, 'en', { skus: skus.slice(i, i + 5000) })) out.set(v.sku, v.variantId);
  }
  return out;
}

export async function skusByVariantId(tx: Db, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 5000) {
    for (const v of await findVariantsForLines(tx, 'en', { variantIds: ids.slice(i, i + 5000) })) out.set(v.variantId, v.sku);
  }
  return out;
}
