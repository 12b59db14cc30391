import { and, eq, ne, sql } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { query } from '../../../platform/db/database.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { AppError, invalid, notFound } from '../../../platform/errors/app-error.js';
import { isActiveCurrency } from '../../../platform/money/index.js';
import { findList, loadTiers } from '../db/pricing.repo.js';
import { priceListEntries, priceLists, priceTiers } from '../db/pricing.schema.js';
import { invalidatePricingContext } from '../queries/price-page.js';

export interface ListInput {
  name: string;
  kind: 'retail' | 'tier' | 'customer';
  tierCode?: string | null;
  customerId?: string | null;
  currency: string;
  validFrom?: string | null;
  validTo?: string | null;
  priority?: number;
  active?: boolean;
}

async function checkList(deps: AppDeps, tx: Parameters<Parameters<AppDeps['database']['transaction']>[0]>[0], input: ListInput) {
  if (!isActiveCurrency(input.currency)) throw invalid('currency', `${input.currency} is not a current ISO 4217 currency.`);
  if (input.kind === 'tier') {
    const tiers = await loadTiers(tx);
    if (!input.tierCode || !tiers.some((t) => t.code === input.tierCode)) {
      throw invalid('tierCode', `A tier list needs one of the tiers ${tiers.map((t) => t.code).join(', ') || '(none defined yet)'}.`);
    }
  } else if (input.tierCode) throw invalid('tierCode', 'Only tier lists name a tier.');
  if (input.kind === 'customer' && !input.customerId) throw invalid('customerId', 'A customer list names the customer it is for.');
  if (input.kind !== 'customer' && input.customerId) throw invalid('customerId', 'Only customer lists name a customer.');
  if (input.validFrom && input.validTo && input.validTo < input.validFrom) throw invalid('validTo', 'The list must end on or after the day it starts.');
  void deps;
}

export async function createPriceList(deps: AppDeps, actor: Actor, input: ListInput) {
  const now = deps.clock.now();
  const id = deps.ids.make('prl');
  const row = await deps.database.transaction(async (tx) => {
    await checkList(deps, tx, input);
    const [row] = await tx
      .insert(priceLists)
      .values({
        id, name: input.name, kind: input.kind, tierCode: input.tierCode ?? null, customerId: input.customerId ?? null, currency: input.currency,
        validFrom: input.validFrom ?? null, validTo: input.validTo ?? null, priority: input.priority ?? 0, active: input.active ?? true, createdAt: now, updatedAt: now,
      })
      .returning();
    await recordAudit(tx, deps, actor, { action: 'pricing.list_created', entityType: 'price_list', entityId: id, details: { ...input } });
    return row!;
  });
  invalidatePricingContext();
  return row;
}

export async function updatePriceList(deps: AppDeps, actor: Actor, id: string, patch: Partial<ListInput>) {
  const now = deps.clock.now();
  const row = await deps.database.transaction(async (tx) => {
    const before = await findList(tx, id, true);
    if (!before) throw notFound('Price list', id);
    const next: ListInput = {
      name: patch.name ?? before.name, kind: (patch.kind ?? before.kind) as ListInput['kind'], tierCode: patch.tierCode !== undefined ? patch.tierCode : before.tierCode,
      customerId: patch.customerId !== undefined ? patch.customerId : before.customerId, currency: patch.currency ?? before.currency,
      validFrom: patch.validFrom !== undefined ? patch.validFrom : before.validFrom, validTo: patch.validTo !== undefined ? patch.validTo : before.validTo,
      priority: patch.priority ?? before.priority, active: patch.active ?? before.active,
    };
    if (next.currency !== before.currency) {
      const [{ n }] = await query<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM price_list_entries WHERE list_id = ${id}`);
      if (n > 0) throw invalid('currency', 'A list with prices cannot change currency; create a list in the new currency instead.');
    }
    await checkList(deps, tx, next);
    const [row] = await tx.update(priceLists).set({ ...next, updatedAt: now }).where(eq(priceLists.id, id)).returning();
    await recordAudit(tx, deps, actor, { action: 'pricing.list_updated', entityType: 'price_list', entityId: id, details: { patch } });
    return row!;
  });
  invalidatePricingContext();
  return row;
}

export async function deletePriceList(deps: AppDeps, actor: Actor, id: string) {
  await deps.database.transaction(async (tx) => {
    const before = await findList(tx, id, true);
    if (!before) throw notFound('Price list', id);
    await tx.delete(priceListEntries).where(eq(priceListEntries.listId, id));
    await tx.delete(priceLists).where(eq(priceLists.id, id));
    await recordAudit(tx, deps, actor, { action: 'pricing.list_deleted', entityType: 'price_list', entityId: id, details: { name: before.name, kind: before.kind } });
  });
  invalidatePricingContext();
}

/** Replaces the tier set. A tier still used by a list cannot be removed. */
export async function setTiers(deps: AppDeps, actor: Actor, tiers: { code: string; name: string }[]) {
  const now = deps.clock.now();
  const codes = tiers.map((t) => t.code);
  if (new Set(codes).size !== codes.length) throw invalid('tiers', 'Each tier code may appear once.');
  tiers.forEach((t, i) => {
    if (!/^[A-Z0-9]{1,8}$/.test(t.code)) throw invalid(`tiers.${i}.code`, 'A tier code is 1-8 capital letters or digits, e.g. A.');
  });
  return deps.database.transaction(async (tx) => {
    const used = await tx.select({ code: priceLists.tierCode }).from(priceLists).where(and(eq(priceLists.kind, 'tier'), ne(priceLists.tierCode, '')));
    const orphan = used.find((u) => u.code && !codes.includes(u.code));
    if (orphan) throw new AppError('conflict', `Tier ${orphan.code} still has price lists; move or delete them first.`);
    await tx.delete(priceTiers);
    if (tiers.length) await tx.insert(priceTiers).values(tiers.map((t, i) => ({ code: t.code, name: t.name, position: i, createdAt: now })));
    await recordAudit(tx, deps, actor, { action: 'pricing.tiers_set', entityType: 'settings', entityId: 'tiers', details: { tiers } });
    return loadTiers(tx);
  });
}
