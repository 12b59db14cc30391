import { asc } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import type { AttributeDef, AttributeKind } from '../domain/facets.js';
import { catalogAttributeOptions, catalogAttributes } from './catalog.schema.js';

/** All attribute definitions with their options, in display order (two queries, no N+1). */
export async function loadAttributeDefs(tx: Db): Promise<AttributeDef[]> {
  const attrs = await tx.select().from(catalogAttributes).orderBy(asc(catalogAttributes.position), asc(catalogAttributes.code));
  const opts = await tx.select().from(catalogAttributeOptions).orderBy(asc(catalogAttributeOptions.position), asc(catalogAttributeOptions.code));
  const byAttr = new Map<string, AttributeDef['options']>();
  for (const o of opts) {
    const list = byAttr.get(o.attributeId) ?? [];
    list.push({ id: o.id, code: o.code, position: o.position, labels: o.labels });
    byAttr.set(o.attributeId, list);
  }
  return attrs.map((a) => ({
    id: a.id,
    code: a.code,
    kind: a.kind as AttributeKind,
    unit: a.unit,
    filterable: a.filterable,
    position: a.position,
    labels: a.labels,
    options: byAttr.get(a.id) ?? [],
  }));
}
