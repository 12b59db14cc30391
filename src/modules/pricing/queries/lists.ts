import { eq, sql } from 'drizzle-orm';
import { query, type Db } from '../../../platform/db/database.js';
import { money, toDecimalString } from '../../../platform/money/index.js';
import { priceLists } from '../db/pricing.schema.js';

export async function listPriceLists(tx: Db, filter: { kind?: string; customerId?: string } = {}) {
  const rows = await query<any>(
    tx,
    sql`SELECT l.*, (SELECT count(DISTINCT variant_id)::int FROM price_list_entries e WHERE e.list_id = l.id) AS variants
        FROM price_lists l
        WHERE (${filter.kind ?? null}::text IS NULL OR l.kind = ${filter.kind ?? null})
          AND (${filter.customerId ?? null}::text IS NULL OR l.customer_id = ${filter.customerId ?? null})
        ORDER BY CASE l.kind WHEN 'customer' THEN 0 WHEN 'tier' THEN 1 ELSE 2 END, l.tier_code NULLS LAST, l.priority DESC, l.name`,
  );
  return rows.map((r) => ({
    id: r.id, name: r.name, kind: r.kind, tierCode: r.tier_code, customerId: r.customer_id, currency: r.currency,
    validFrom: r.valid_from ? String(r.valid_from).slice(0, 10) : null, validTo: r.valid_to ? String(r.valid_to).slice(0, 10) : null,
    priority: r.priority, active: r.active, variants: r.variants,
  }));
}

export async function getPriceList(tx: Db, id: string) {
  const [row] = await tx.select().from(priceLists).where(eq(priceLists.id, id));
  return row;
}

/** Entries of a list, grouped by variant, paged by variant id. */
export async function listEntries(tx: Db, listId: string, currency: string, p: { after?: string; variantId?: string; limit: number }) {
  const rows = await query<{ variant_id: string; min_qty: number; unit_amount: string | number }>(
    tx,
    sql`SELECT variant_id, min_qty, unit_amount FROM price_list_entries
        WHERE list_id = ${listId}
          AND variant_id IN (
            SELECT DISTINCT variant_id FROM price_list_entries WHERE list_id = ${listId}
              AND (${p.variantId ?? null}::text IS NULL OR variant_id = ${p.variantId ?? null})
              AND (${p.after ?? null}::text IS NULL OR variant_id > ${p.after ?? null})
            ORDER BY variant_id LIMIT ${p.limit})
        ORDER BY variant_id, min_qty`,
  );
  const items: { variantId: string; breaks: { minQty: number; unitAmount: number; unitPrice: string }[] }[] = [];
  for (const r of rows) {
    let it = items.at(-1);
    if (!it || it.variantId !== r.variant_id) items.push((it = { variantId: r.variant_id, breaks: [] }));
    const a = Number(r.unit_amount);
    it.breaks.push({ minQty: r.min_qty, unitAmount: a, unitPrice: toDecimalString(money(a, currency)) });
  }
  return { items, next: items.length === p.limit ? items.at(-1)!.variantId : null };
}

