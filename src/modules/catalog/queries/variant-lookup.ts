import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { query } from '../../../platform/db/database.js';

export interface VariantSummary {
  variantId: string;
  productId: string;
  sku: string;
  name: string;
  visibility: string;
  moq: number;
  orderMultiple: number;
  leadTimeDays: number | null;
  hsCode: string | null;
  originCountry: string | null;
  netWeightG: number | null;
  grossWeightG: number | null;
  dimensionsMm: { length: number | null; width: number | null; height: number | null };
  listPriceMinor: number | null;
  currency: string | null;
}

/**
 * What carts, inquiries and orders need to know about variants (by id or SKU), in one query.
 * Prices for display still go through displayPrices; this is the raw list price for engines.
 */
export async function findVariantsForLines(tx: Db, locale: string, ref: { variantIds?: string[]; skus?: string[] }): Promise<VariantSummary[]> {
  const ids = ref.variantIds ?? [];
  const skus = ref.skus ?? [];
  if (!ids.length && !skus.length) return [];
  const rows = await query<any>(
    tx,
    sql`SELECT v.id, v.product_id, v.sku, v.list_price_minor, v.currency, p.visibility, p.moq, p.order_multiple, p.lead_time_days, p.hs_code,
          p.origin_country, p.net_weight_g, p.gross_weight_g, p.length_mm, p.width_mm, p.height_mm,
          (SELECT name FROM catalog_product_texts t WHERE t.product_id = p.id ORDER BY (t.locale = ${locale}) DESC, (t.locale = 'en') DESC LIMIT 1) AS name
        FROM catalog_variants v JOIN catalog_products p ON p.id = v.product_id
        WHERE ${ids.length ? sql`v.id IN (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})` : sql`FALSE`}
           OR ${skus.length ? sql`v.sku IN (${sql.join(skus.map((k) => sql`${k}`), sql`, `)})` : sql`FALSE`}`,
  );
  return rows.map((r) => ({
    variantId: r.id, productId: r.product_id, sku: r.sku, name: r.name ?? r.sku, visibility: r.visibility, moq: r.moq, orderMultiple: r.order_multiple,
    leadTimeDays: r.lead_time_days, hsCode: r.hs_code, originCountry: r.origin_country, netWeightG: r.net_weight_g, grossWeightG: r.gross_weight_g,
    dimensionsMm: { length: r.length_mm, width: r.width_mm, height: r.height_mm },
    listPriceMinor: r.list_price_minor === null ? null : Number(r.list_price_minor), currency: r.currency,
  }));
}

/** Every variant's id and SKU (oldest first, at most `limit`): for other modules' demo data and reconciliations. */
export async function listVariantRefs(
  tx: Db, limit = 10_000,
): Promise<{ variantId: string; productId: string; sku: string; listPriceMinor: number | null; currency: string | null }[]> {
  const rows = await query<{ id: string; product_id: string; sku: string; list_price_minor: string | number | null; currency: string | null }>(
    tx, sql`SELECT id, product_id, sku, list_price_minor, currency FROM catalog_variants ORDER BY id LIMIT ${limit}`,
  );
  return rows.map((r) => ({
    variantId: r.id, productId: r.product_id, sku: r.sku,
    listPriceMinor: r.list_price_minor === null ? null : Number(r.list_price_minor), currency: r.currency,
  }));
}
