import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { query } from '../../../platform/db/database.js';

/**
 * One language's product content for a translator: a row per product field with the source
 * text beside the current translation (empty when missing). Specs are rows too.
 */
export async function translationRows(tx: Db, locale: string, source = 'en'): Promise<(string | null)[][]> {
  const rows = await query<{ id: string; src: any; dst: any }>(
    tx,
    sql`SELECT p.id,
          (SELECT row_to_json(s) FROM catalog_product_texts s WHERE s.product_id = p.id AND s.locale = ${source}) AS src,
          (SELECT row_to_json(d) FROM catalog_product_texts d WHERE d.product_id = p.id AND d.locale = ${locale}) AS dst
        FROM catalog_products p ORDER BY p.created_at, p.id`,
  );
  const out: (string | null)[][] = [['product_id', 'field', `source (${source})`, `translation (${locale})`]];
  for (const r of rows) {
    if (!r.src) continue;
    const fields: [string, string, string | null][] = [
      ['name', r.src.name, r.dst?.name ?? null],
      ['summary', r.src.summary, r.dst?.summary ?? null],
      ['description', r.src.description_html, r.dst?.description_html ?? null],
      ['seo_title', r.src.seo_title ?? '', r.dst?.seo_title ?? null],
      ['seo_description', r.src.seo_description ?? '', r.dst?.seo_description ?? null],
    ];
    (r.src.specs as { label: string; value: string }[]).forEach((s, i) => {
      fields.push([`spec.${i}.label`, s.label, r.dst?.specs?.[i]?.label ?? null]);
      fields.push([`spec.${i}.value`, s.value, r.dst?.specs?.[i]?.value ?? null]);
    });
    for (const [f, s, d] of fields) if (s) out.push([r.id, f, s, d]);
  }
  return out;
}
