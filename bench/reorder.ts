/**
 * Order export scenario (issue 7, exports):
 *
 *   npm run bench -- reorder [--db pglite|postgres|both] [--orders 2000] [--lines 5] [--runs 3]
 *
 * `--orders` orders of one customer with `--lines` lines each, generated straight into the orders
 * tables with generate_series (a bench shortcut: the export reads placed orders, how they were
 * placed is not measured), then the buyer's export timed in process, no HTTP: loading the orders
 * with their lines (`loadExport`: the orders module's list query for the ids, two reads a page), then writing the xlsx (both sheets)
 * and the order-lines CSV with every text cell escaped. Median of `--runs`.
 */
import os from 'node:os';
import { openDatabase, sql, query } from '../src/platform/db/database.js';
import { exportCsv, exportXlsx, loadExport } from '../src/modules/reorder/exports/order-export.js';
import { fmt, freshDb, machineLine, median, writeSection, type DbKind } from './lib.js';

interface Figures {
  kind: DbKind;
  orders: number;
  lines: number;
  loadMs: number;
  xlsxMs: number;
  csvMs: number;
  xlsxKiB: number;
  load: string;
}

async function measure(kind: DbKind, flags: Record<string, string>): Promise<Figures> {
  const orders = Number(flags.orders ?? 2000);
  const lines = Number(flags.lines ?? 5);
  const runs = Number(flags.runs ?? 3);
  const db = await freshDb(kind);
  const database = await openDatabase(kind === 'postgres' ? { url: db.env.DATABASE_URL, poolSize: 10 } : { dataDir: db.env.DATA_DIR!, holder: 'bench' });
  try {
    await database.migrate();
    const tx = database.db;
    await query(
      tx,
      sql`INSERT INTO orders (id, number, channel, status, customer_id, customer_email, company_name, locale, currency, items_total, shipping_total, tax_total, duty_total,
                              grand_total, base_currency, grand_total_base, totals, ship_to, ship_country, payment_method, po_number, placed_by_type, placed_by_label, placed_at, updated_at)
          SELECT 'ord_b' || lpad(g::text, 7, '0'), 'TL-' || (100000 + g), 'storefront', 'approved', 'cus_bench', 'buyer@example.com', 'Bench GmbH', 'en', 'EUR',
                 ${lines} * 2500, 1500, 0, 0, ${lines} * 2500 + 1500, 'EUR', ${lines} * 2500 + 1500, '{"explanations":[]}'::jsonb,
                 '{"name":"Anna","company":"Bench GmbH","line1":"Hafenstr. 1","city":"Hamburg","postalCode":"20457","countryCode":"DE"}'::jsonb, 'DE', 'manual',
                 CASE WHEN g % 10 = 0 THEN '=PO-' || g ELSE 'PO-' || g END, 'customer', 'buyer@example.com',
                 timestamptz '2026-01-01' + g * interval '1 minute', now()
          FROM generate_series(1, ${orders}) g`,
    );
    await query(
      tx,
      sql`INSERT INTO order_lines (id, order_id, line_no, sku_id, sku, name, quantity, unit_price, line_total, note)
          SELECT 'ol_b' || lpad(g::text, 7, '0') || '_' || l, 'ord_b' || lpad(g::text, 7, '0'), l, 'var_' || l, 'BENCH-' || l, 'Bench lamp ' || l, 10, 250, 2500,
                 CASE WHEN l = 1 THEN '-5 spare' ELSE '' END
          FROM generate_series(1, ${orders}) g, generate_series(1, ${lines}) l`,
    );
    const loadMs: number[] = [];
    const xlsxMs: number[] = [];
    const csvMs: number[] = [];
    let size = 0;
    for (let r = 0; r < runs; r++) {
      let t = performance.now();
      const data = await loadExport(tx, { customerId: 'cus_bench' });
      loadMs.push(performance.now() - t);
      if (data.orders.length !== orders) throw new Error(`loaded ${data.orders.length} orders, expected ${orders}`);
      t = performance.now();
      size = (await exportXlsx(data, 'en')).length;
      xlsxMs.push(performance.now() - t);
      t = performance.now();
      exportCsv(data, 'lines', 'en');
      csvMs.push(performance.now() - t);
    }
    return { kind, orders, lines: orders * lines, loadMs: median(loadMs), xlsxMs: median(xlsxMs), csvMs: median(csvMs), xlsxKiB: size / 1024, load: os.loadavg().map((x) => x.toFixed(1)).join(' ') };
  } finally {
    await database.close();
    await db.drop();
  }
}

export async function reorder(flags: Record<string, string>): Promise<void> {
  const which = flags.db ?? 'both';
  const kinds: DbKind[] = which === 'both' ? ['pglite', 'postgres'] : [which as DbKind];
  const figures: Figures[] = [];
  for (const k of kinds) {
    const f = await measure(k, flags);
    console.log(`${k}: ${f.orders} orders / ${f.lines} lines: load ${fmt(f.loadMs)} ms, xlsx ${fmt(f.xlsxMs)} ms (${fmt(f.xlsxKiB)} KiB), csv ${fmt(f.csvMs)} ms (load avg ${f.load})`);
    figures.push(f);
  }
  const name = (k: DbKind) => (k === 'postgres' ? 'PostgreSQL 15' : 'PGlite');
  writeSection(
    'reorder',
    [
      '## Order export (issue 7): a buyer’s orders and lines to xlsx and CSV',
      '',
      `Command: \`npm run bench -- reorder --db ${which} --orders ${flags.orders ?? 2000} --lines ${flags.lines ?? 5} --runs ${flags.runs ?? 3}\`, in process (no HTTP), median of the runs.`,
      'Orders of one customer generated with generate_series; "load" is `loadExport` (the orders module’s list query page by page,',
      'then the orders and lines of each page of 200 ids in two reads), then the xlsx (Orders + Order lines sheets) and the lines CSV,',
      'every text cell escaped against formulas. Taken on a shared 2-core machine under load from other sessions (load average shown).',
      machineLine(),
      '',
      '| database | orders | lines | load (ms) | xlsx (ms) | xlsx size (KiB) | CSV (ms) | load average |',
      '|---|---:|---:|---:|---:|---:|---:|---|',
      ...figures.map((f) => `| ${name(f.kind)} | ${fmt(f.orders)} | ${fmt(f.lines)} | ${fmt(f.loadMs)} | ${fmt(f.xlsxMs)} | ${fmt(f.xlsxKiB)} | ${fmt(f.csvMs)} | ${f.load} |`),
      '',
      'No target is set for exports. Before: one `getOrder` per order (four queries each): 200 orders took 3.8 s on PGlite and 1.2 s',
      'on PostgreSQL under the same load; reading a page of orders and their lines in two queries replaced it.',
    ].join('\n'),
  );
}
