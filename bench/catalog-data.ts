/**
 * Generates the benchmark catalogue straight in SQL (the same statements on PGlite and
 * PostgreSQL): 25,000 products × 4 variants = 100,000 SKUs with 8 attributes (6 choice
 * attributes of 8 values, power and luminous flux as numbers) in 10 leaf categories under
 * 2 parents. Values are spread with multiplicative hashing so filters hit realistic fractions.
 */
import { openDatabase, type Database } from '../src/platform/db/database.js';

export const BENCH_SKUS = 100_000;
const PRODUCTS = BENCH_SKUS / 4;

export async function generateBenchCatalog(opts: { url?: string; dataDir?: string }): Promise<void> {
  const db: Database = await openDatabase({ url: opts.url, dataDir: opts.dataDir, holder: 'bench generator' });
  try {
    await db.migrate();
    const stmts: string[] = [];
    const now = `'2026-01-01T00:00:00Z'::timestamptz`;
    const attrs = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];
    stmts.push(`INSERT INTO catalog_attributes (id, code, kind, unit, filterable, position, labels, created_at, updated_at) VALUES
      ${attrs.map((a, i) => `('batr_${a}', '${a}', 'single', NULL, true, ${i}, '{"en":"Attribute ${a}"}', ${now}, ${now})`).join(',')},
      ('batr_power', 'power', 'number', 'W', true, 6, '{"en":"Power"}', ${now}, ${now}),
      ('batr_lumens', 'lumens', 'number', 'lm', true, 7, '{"en":"Luminous flux"}', ${now}, ${now})`);
    stmts.push(`INSERT INTO catalog_attribute_options (id, attribute_id, code, position, labels)
      SELECT 'bo_' || a || '_' || o, 'batr_' || a, 'o' || o, o, jsonb_build_object('en', 'Value ' || o)
      FROM unnest(ARRAY['${attrs.join("','")}']) a, generate_series(0, 7) o`);
    stmts.push(`INSERT INTO catalog_categories (id, parent_id, position, featured, created_at, updated_at)
      SELECT 'bc_p' || g, NULL, g, true, ${now}, ${now} FROM generate_series(1, 2) g
      UNION ALL SELECT 'bc_' || g, 'bc_p' || (1 + g % 2), g, false, ${now}, ${now} FROM generate_series(1, 10) g`);
    stmts.push(`INSERT INTO catalog_category_texts (category_id, locale, name, slug, description, updated_at)
      SELECT id, 'en', 'Bench category ' || substr(id, 4), 'bench-' || substr(id, 4), '', ${now} FROM catalog_categories WHERE id LIKE 'bc_%'`);
    stmts.push(`INSERT INTO catalog_products (id, category_id, visibility, featured, moq, order_multiple, position, created_at, updated_at)
      SELECT 'bp_' || g, 'bc_' || (1 + g % 10), CASE WHEN g % 50 = 0 THEN 'dealers' ELSE 'public' END, g % 100 = 0, 10, 1, g % 97,
        ${now} + (g || ' seconds')::interval, ${now} FROM generate_series(0, ${PRODUCTS - 1}) g`);
    stmts.push(`INSERT INTO catalog_product_texts (product_id, locale, name, slug, summary, description_html, specs, search, updated_at)
      SELECT 'bp_' || g, 'en', 'Bench luminaire ' || g, 'bench-luminaire-' || g, 'Generated product ' || g, '', '[]'::jsonb,
        to_tsvector('english', 'Bench luminaire ' || g), ${now} FROM generate_series(0, ${PRODUCTS - 1}) g`);
    stmts.push(`INSERT INTO catalog_variants (id, product_id, sku, sku_norm, sku_grams, list_price_minor, currency, in_stock, position, attributes, option_ids, num_values,
        category_path, visibility, product_position, product_created_at, created_at, updated_at)
      SELECT 'bv_' || v, 'bp_' || p, 'BN-' || v, 'BN' || v, '{}'::text[], 500 + (v * 7919) % 20000, 'USD', (v * 31) % 7 <> 0, v % 4,
        '{}'::jsonb,
        ARRAY[${attrs.map((a, i) => `'bo_${a}_' || ((p * ${[7, 13, 17, 19, 23, 29][i]} + v % ${i + 2}) % 8)`).join(', ')}]::text[],
        jsonb_build_object('power', 5 + (v * 37) % 296, 'lumens', 500 + (v * 53) % 40000),
        ARRAY['bc_' || (1 + p % 10), 'bc_p' || (1 + (1 + p % 10) % 2)]::text[],
        CASE WHEN p % 50 = 0 THEN 'dealers' ELSE 'public' END, p % 97, ${now} + (p || ' seconds')::interval, ${now}, ${now}
      FROM (SELECT v, v / 4 AS p FROM generate_series(0, ${BENCH_SKUS - 1}) v) s`);
    stmts.push(`INSERT INTO catalog_state (key, version, updated_at) VALUES ('listing', 1, ${now}) ON CONFLICT (key) DO UPDATE SET version = catalog_state.version + 1`);
    stmts.push('ANALYZE');
    for (const s of stmts) await db.exec(s);
  } finally {
    await db.close();
  }
}
