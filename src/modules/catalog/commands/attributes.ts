import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.js';
import { bumpListingVersion } from '../db/listing-version.js';
import { query } from '../../../platform/db/database.js';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { AppError, notFound } from '../../../platform/errors/app-error.js';
import { catalogAttributeOptions, catalogAttributes } from '../db/catalog.schema.js';
import { labelsSchema } from '../domain/product-input.js';

const code = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'Use lower-case letters, digits and _ (e.g. power_w).');

export const attributeInputSchema = z.object({
  code,
  kind: z.enum(['text', 'number', 'single', 'multi']),
  unit: z.string().max(20).nullish(),
  filterable: z.boolean().default(true),
  position: z.number().int().default(0),
  labels: labelsSchema.refine((l) => Object.keys(l).length > 0, 'Give the attribute a label in at least one language.'),
  options: z.array(z.object({ code: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'Use lower-case letters, digits, - and _.'), labels: labelsSchema })).max(500).default([]),
});
export type AttributeInput = z.input<typeof attributeInputSchema>;
type Ctx = Pick<AppDeps, 'clock' | 'ids'>;

/** Create or replace an attribute definition; options are matched by code so their ids survive. */
export async function saveAttribute(tx: Db, ctx: Ctx, actor: Actor, id: string | undefined, raw: AttributeInput): Promise<{ id: string }> {
  const input = attributeInputSchema.parse(raw);
  const now = ctx.clock.now();
  let existing: typeof catalogAttributes.$inferSelect | undefined;
  if (id) {
    [existing] = await tx.select().from(catalogAttributes).where(eq(catalogAttributes.id, id)).for('update');
    if (!existing) throw notFound('Attribute', id);
    if (existing.code !== input.code || existing.kind !== input.kind) {
      const [used] = await query<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM catalog_variants WHERE attributes ? ${existing.code}`);
      if (used!.n > 0) {
        throw new AppError('conflict', `${used!.n} variants use ${existing.code}; its code and kind cannot change. Create a new attribute instead.`);
      }
    }
  }
  const [clash] = await tx.select({ id: catalogAttributes.id }).from(catalogAttributes).where(eq(catalogAttributes.code, input.code));
  if (clash && clash.id !== id) throw new AppError('conflict', `An attribute with code ${input.code} already exists.`, { errors: [{ field: 'code', message: 'Choose another code.' }] });
  const attributeId = id ?? ctx.ids.make('atr');
  const isChoice = input.kind === 'single' || input.kind === 'multi';
  if (isChoice && !input.options.length) {
    throw new AppError('validation_failed', 'A choice attribute needs at least one value.', { errors: [{ field: 'options', message: 'Add values.' }] });
  }
  const row = {
    id: attributeId, code: input.code, kind: input.kind, unit: input.unit ?? null, filterable: input.filterable,
    position: input.position, labels: input.labels as Record<string, string>, createdAt: existing?.createdAt ?? now, updatedAt: now,
  };
  if (existing) await tx.update(catalogAttributes).set(row).where(eq(catalogAttributes.id, attributeId));
  else await tx.insert(catalogAttributes).values(row);

  const codes = isChoice ? input.options.map((o) => o.code) : [];
  const removed = await tx
    .select({ id: catalogAttributeOptions.id, code: catalogAttributeOptions.code })
    .from(catalogAttributeOptions)
    .where(codes.length ? and(eq(catalogAttributeOptions.attributeId, attributeId), notInArray(catalogAttributeOptions.code, codes)) : eq(catalogAttributeOptions.attributeId, attributeId));
  if (removed.length) {
    const [used] = await query<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM catalog_variants WHERE option_ids && ${sql`ARRAY[${sql.join(removed.map((r) => sql`${r.id}`), sql`, `)}]::text[]`}`);
    if (used!.n > 0) throw new AppError('conflict', `Values ${removed.map((r) => r.code).join(', ')} are used by ${used!.n} variants; change those variants first.`);
    await tx.delete(catalogAttributeOptions).where(inArray(catalogAttributeOptions.id, removed.map((r) => r.id)));
  }
  for (const [i, o] of (isChoice ? input.options : []).entries()) {
    await tx
      .insert(catalogAttributeOptions)
      .values({ id: ctx.ids.make('opt'), attributeId, code: o.code, position: i, labels: o.labels as Record<string, string> })
      .onConflictDoUpdate({ target: [catalogAttributeOptions.attributeId, catalogAttributeOptions.code], set: { position: i, labels: o.labels as Record<string, string> } });
  }
  await bumpListingVersion(tx, now);
  await recordAudit(tx, ctx, actor, {
    action: existing ? 'catalog.attribute.updated' : 'catalog.attribute.created',
    entityType: 'attribute', entityId: attributeId, details: { code: input.code, kind: input.kind, options: codes },
  });
  return { id: attributeId };
}

export async function deleteAttribute(tx: Db, ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const [attr] = await tx.select().from(catalogAttributes).where(eq(catalogAttributes.id, id)).for('update');
  if (!attr) throw notFound('Attribute', id);
  const [used] = await query<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM catalog_variants WHERE attributes ? ${attr.code}`);
  if (used!.n > 0) throw new AppError('conflict', `${used!.n} variants use ${attr.code}. Remove it from them first.`);
  await tx.delete(catalogAttributeOptions).where(eq(catalogAttributeOptions.attributeId, id));
  await tx.delete(catalogAttributes).where(eq(catalogAttributes.id, id));
  await bumpListingVersion(tx, ctx.clock.now());
  await recordAudit(tx, ctx, actor, { action: 'catalog.attribute.deleted', entityType: 'attribute', entityId: id, details: { code: attr.code } });
}
