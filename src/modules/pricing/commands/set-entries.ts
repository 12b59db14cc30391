import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import type { Db } from '../../../platform/db/database.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { AppError, notFound, type FieldError } from '../../../platform/errors/app-error.js';
import { checkBreaks } from '../domain/engine.js';
import { findList } from '../db/pricing.repo.js';
import { priceListEntries } from '../db/pricing.schema.js';
import { invalidatePricingContext } from '../queries/price-page.js';

export interface VariantBreaks {
  variantId: string;
  /** Unit prices in the list currency's minor units. */
  breaks: { minQty: number; unitAmount: number }[];
}

/** Checks every variant's breaks; returns field errors naming the row. */
export function checkVariantBreaks(items: VariantBreaks[], fieldOf: (i: number) => string = (i) => `items.${i}`): FieldError[] {
  const errors: FieldError[] = [];
  items.forEach((it, i) => {
    const msg = it.breaks.length === 0 ? 'Give at least one price.' : checkBreaks(it.breaks);
    if (msg) errors.push({ field: fieldOf(i), message: `${it.variantId}: ${msg}` });
  });
  return errors;
}

/** Writes the breaks of each variant, replacing what the list had for those variants. */
export async function writeBreaks(tx: Db, listId: string, items: VariantBreaks[], now: Date): Promise<void> {
  for (let i = 0; i < items.length; i += 2000) {
    const chunk = items.slice(i, i + 2000);
    await tx.delete(priceListEntries).where(and(eq(priceListEntries.listId, listId), inArray(priceListEntries.variantId, chunk.map((c) => c.variantId))));
    const rows = chunk.flatMap((c) => c.breaks.map((b) => ({ d: c.variantId, q: b.minQty, a: b.unitAmount })));
    if (!rows.length) continue;
    await tx.execute(sql`
      INSERT INTO price_list_entries (variant_id, list_id, min_qty, unit_amount, updated_at)
      SELECT x.d, ${listId}, x.q, x.a, ${now.toISOString()}::timestamptz
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(d text, q int, a bigint)`);
  }
}

export async function setEntries(deps: AppDeps, actor: Actor, listId: string, items: VariantBreaks[]) {
  const errors = checkVariantBreaks(items);
  if (errors.length) throw new AppError('validation_failed', errors[0]!.message, { errors });
  const now = deps.clock.now();
  await deps.database.transaction(async (tx) => {
    const list = await findList(tx, listId, true);
    if (!list) throw notFound('Price list', listId);
    await writeBreaks(tx, listId, items, now);
    await recordAudit(tx, deps, actor, {
      action: 'pricing.entries_set', entityType: 'price_list', entityId: listId,
      details: { variants: items.length, sample: items.slice(0, 20) },
    });
  });
  invalidatePricingContext();
}

export async function deleteEntries(deps: AppDeps, actor: Actor, listId: string, variantIds: string[]) {
  await deps.database.transaction(async (tx) => {
    const list = await findList(tx, listId, true);
    if (!list) throw notFound('Price list', listId);
    await tx.delete(priceListEntries).where(and(eq(priceListEntries.listId, listId), inArray(priceListEntries.variantId, variantIds)));
    await recordAudit(tx, deps, actor, { action: 'pricing.entries_deleted', entityType: 'price_list', entityId: listId, details: { variantIds } });
  });
  invalidatePricingContext();
}
