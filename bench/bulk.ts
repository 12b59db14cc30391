/**
 * Bulk order scenario (issue 7, P4):
 *
 *   npm run bench -- bulk [--db pglite|postgres|both] [--runs 5] [--lines 10000]
 *
 * A 10,000-line order workbook (the template filled for 3 ship-to addresses, 30 SKUs) taken
 * from the bytes to the preview: checks before parsing, exceljs reading, header matching, row
 * validation (SKUs, MOQ, dates, stock), pricing through the checkout quote per ship-to, and the
 * upload stored with its issues and preview. Side by side in the same process and run, exceljs
 * alone loading the same bytes. Target: the first ≤ 2× the second. Runs alternate the two so
 * machine load hits both alike; medians are reported.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fmt, machineLine, median, writeSection, PG_BASE_URL, ROOT } from './lib.js';

interface Result { db: string; lines: number; runs: number; fullMs: number; exceljsMs: number; ratio: number; issues: number; groups: number }

async function child(kind: string, runs: number, lines: number): Promise<Result> {
  if (kind === 'postgres') process.env.TEST_DATABASE_URL = PG_BASE_URL;
  const ExcelJS = (await import('exceljs')).default;
  const { createBulkContext, BULK_FIXTURE, BOOK } = await import('../src/modules/bulk/testing.js');
  const { createUpload, validateUpload } = await import('../src/modules/bulk/commands/create-upload.js');
  const { COLUMN_KEYS } = await import('../src/modules/bulk/domain/types.js');
  const skus = Array.from({ length: 30 }, (_, i) => ({ skuId: `var_b${i}`, sku: `BENCH-${String(i).padStart(2, '0')}`, prices: { EUR: 1000 + i * 37 }, hsCode: '940540' }));
  const t = await createBulkContext({ ...BULK_FIXTURE, skus });
  for (const s of skus) await t.stock(s.sku, 1_000_000);
  // The file a dealer sends: our template, filled.
  const tpl = await t.as('GET', '/api/store/bulk/template?format=xlsx&locale=en');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(tpl.rawPayload as never);
  const ws = wb.worksheets[0]!;
  const col = (k: string) => COLUMN_KEYS.indexOf(k as never) + 1;
  for (let i = 0; i < lines; i++) {
    const r = ws.getRow(i + 2);
    r.getCell(col('sku')).value = skus[i % skus.length]!.sku;
    r.getCell(col('quantity')).value = 1 + (i % 7);
    r.getCell(col('shipTo')).value = BOOK[i % BOOK.length]!.label;
    r.getCell(col('poNumber')).value = `PO-${1000 + (i % 40)}`;
  }
  const file = Buffer.from(await wb.xlsx.writeBuffer());
  const who = { customerId: 'cus_1', userId: 'cus_1_u', actor: { type: 'customer' as const, id: 'cus_1_u', label: 'bench', ip: null, requestId: null }, locale: 'en', currency: 'EUR' };
  const full: number[] = [];
  const alone: number[] = [];
  let issues = 0;
  let groups = 0;
  for (let run = 0; run < runs + 1; run++) {
    let t0 = performance.now();
    const w = new ExcelJS.Workbook();
    await w.xlsx.load(file as never);
    const a = performance.now() - t0;
    t0 = performance.now();
    const id = await createUpload(t.ctx.deps, t.services, who, { kind: 'file', filename: 'bench.xlsx', data: file });
    await validateUpload(t.ctx.deps, t.services, id);
    const f = performance.now() - t0;
    const [u] = (await t.ctx.database.exec('SELECT status, jsonb_array_length(issues) AS issues, jsonb_array_length(preview->\'groups\') AS groups FROM bulk_uploads WHERE id = $1', [id])).rows as any[];
    if (u.status !== 'ready') throw new Error(`upload ${id} is ${u.status}`);
    issues = Number(u.issues);
    groups = Number(u.groups);
    if (run > 0) {
      alone.push(a);
      full.push(f);
    }
  }
  await t.ctx.close();
  const fullMs = median(full);
  const exceljsMs = median(alone);
  return { db: kind === 'postgres' ? 'PostgreSQL' : 'PGlite', lines, runs, fullMs, exceljsMs, ratio: fullMs / exceljsMs, issues, groups };
}

export async function bulk(flags: Record<string, string>): Promise<void> {
  const runs = Number(flags.runs ?? 5);
  const lines = Number(flags.lines ?? 10_000);
  if (flags.child) {
    const r = await child(flags.child, runs, lines);
    process.stdout.write(`RESULT ${JSON.stringify(r)}\n`);
    return;
  }
  const kinds = (flags.db ?? 'both') === 'both' ? ['pglite', 'postgres'] : [flags.db!];
  const results: Result[] = [];
  for (const kind of kinds) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/run.ts'), 'bulk', '--child', kind, '--runs', String(runs), '--lines', String(lines)], {
      encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, LOG_LEVEL: 'silent' },
    });
    if (r.status !== 0) throw new Error(`bulk bench on ${kind} failed (exit ${r.status})`);
    for (const line of r.stdout.split('\n')) if (line.startsWith('RESULT ')) results.push(JSON.parse(line.slice(7)));
  }
  for (const r of results) console.log(`${r.db}: full ${fmt(r.fullMs)} ms, exceljs alone ${fmt(r.exceljsMs)} ms, ratio ${fmt(r.ratio, 2)}`);
  writeSection(
    'bulk',
    [
      '## Bulk order upload (issue 7, P4): 10,000 lines from the bytes to the priced preview',
      '',
      `Command: \`npm run bench -- bulk --db ${flags.db ?? 'both'} --runs ${runs}\` · ${machineLine()} · taken under load (2 cores shared by ~8 sessions).`,
      '',
      `The template filled with ${fmt(lines)} lines (30 SKUs, 3 ship-to labels, PO numbers): size/zip-directory checks, exceljs read, header matching, row validation (SKU, MOQ/multiples, dates, ship-to, stock for the total per SKU), pricing through the checkout quote per ship-to (shipping, tax, duty, FX) and the upload row written with issues and preview. Beside it, in the same process and the same runs (alternating), exceljs alone loading the same bytes. Median of ${runs} runs after one warm-up.`,
      '',
      '| database | full path to preview | exceljs alone | ratio | target |',
      '|---|---|---|---|---|',
      ...results.map((r) => `| ${r.db} | ${fmt(r.fullMs)} ms | ${fmt(r.exceljsMs)} ms | ${fmt(r.ratio, 2)}× | ≤ 2× ${r.ratio <= 2 ? '(met)' : '(not met)'} |`),
    ].join('\n'),
  );
}
