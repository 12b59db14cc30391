/**
 * Catalog scenario (issue 3): a category page with 2 active filters and facet counts over a
 * generated catalogue of 100,000 SKUs with 8 attributes, 8 connections, PGlite and PostgreSQL.
 *
 *   npm run bench -- catalog [--db pglite|postgres|both] [--seconds 10] [--connections 8]
 *
 * Two load shapes: "distinct" requests never repeat a filter combination within the run (every
 * request computes its facets: the cold path), "repeated" cycles through 40 combinations (the
 * per-process listing cache serves facets; cards and prices are still built per request).
 */
import os from 'node:os';
import type autocannon from 'autocannon';
import { ensureBuilt, fmt, freshDb, load, machineLine, startServer, writeSection, type DbKind, type LoadResult } from './lib.js';
import { BENCH_SKUS, generateBenchCatalog } from './catalog-data.js';

function urlFor(i: number): string {
  const cat = 1 + (i % 10);
  const a = i % 8;
  const b = (i * 3 + 1) % 8;
  const lo = 10 + ((i * 7) % 120);
  const hi = lo + 40 + ((i * 11) % 140);
  return `/api/store/products?lang=en&category=bench-${cat}&f.a1=o${a},o${b}&f.power=${lo}-${hi}&page=${1 + (i % 3)}`;
}

function requests(distinct: boolean): autocannon.Request[] {
  let n = 0;
  return [{ method: 'GET', setupRequest: (req: any) => ({ ...req, path: urlFor(distinct ? n++ : n++ % 40) }) }];
}

export async function catalog(flags: Record<string, string>): Promise<void> {
  const dbs: DbKind[] = flags.db === 'pglite' ? ['pglite'] : flags.db === 'postgres' ? ['postgres'] : ['pglite', 'postgres'];
  const seconds = Number(flags.seconds ?? 10);
  const connections = Number(flags.connections ?? 8);
  ensureBuilt();
  const rows: string[] = [];
  const loads: string[] = [];
  for (const kind of dbs) {
    const db = await freshDb(kind);
    try {
      const t0 = performance.now();
      await generateBenchCatalog({ url: db.env.DATABASE_URL, dataDir: db.env.DATABASE_URL ? undefined : db.env.DATA_DIR });
      const genS = (performance.now() - t0) / 1000;
      const srv = await startServer(db, { DEMO_DATA: 'false' });
      try {
        // Warm-up: JIT, connection pool, PostgreSQL caches.
        await load({ url: srv.url, connections, seconds: 3, requests: requests(true) });
        loads.push(`${kind}: ${os.loadavg()[0]!.toFixed(1)}`);
        const cold: LoadResult = await load({ url: srv.url, connections, seconds, requests: requests(true) });
        // The repeated shape measures cache hits: fill the cache with its 40 combinations first.
        for (let i = 0; i < 40; i++) await fetch(`${srv.url}${urlFor(i)}`).then((r) => r.arrayBuffer());
        const warm: LoadResult = await load({ url: srv.url, connections, seconds, requests: requests(false) });
        for (const r of [cold, warm]) if (r.non2xx) throw new Error(`non-2xx replies during the run: ${JSON.stringify(r)}`);
        const cell = (r: LoadResult) => (r.rps === 0 && r.p50 === 0 ? `0 (no reply within autocannon's 10 s timeout; ${r.errors} timeouts)` : fmt(r.rps, r.rps < 10 ? 1 : 0));
        const name = kind === 'pglite' ? 'PGlite' : 'PostgreSQL 15';
        rows.push(`| ${name} | distinct filters (facets computed) | ${cell(cold)} | ${cold.p50} | ${cold.p99} |`);
        rows.push(`| ${name} | 40 repeating filter sets (listing cache, filled before the run) | ${cell(warm)} | ${warm.p50} | ${warm.p99} |`);
        console.log(`${name}: generated in ${fmt(genS, 1)} s`);
        console.log(rows.slice(-2).join('\n'));
      } finally {
        await srv.stop();
      }
    } finally {
      await db.drop();
    }
  }
  writeSection(
    'catalog',
    `## Catalog: category page with 2 active filters and facet counts

Command: \`npm run bench -- catalog --seconds ${seconds} --connections ${connections}\`. ${fmt(BENCH_SKUS)} SKUs (25,000 products × 4 variants),
8 attributes (6 single-choice with 8 values, 2 numeric), 10 leaf categories of 10,000 SKUs. Each request is
\`GET /api/store/products?category=…&f.a1=<2 values>&f.power=<range>&page=…\` as a guest: one SQL statement for the
result set, the facet passes (all facets without a filter in one pass, one pass per active filter) and the page, then the
product cards with their prices. "Distinct" never repeats a combination (every request computes its facets); "repeated"
cycles through 40 combinations, so the per-process listing cache answers the facets (cards and prices are still read per
request). ${seconds} s per shape after a 3 s warm-up, autocannon on 127.0.0.1 in the same 2-core machine.
Machine: ${machineLine()}. 1-minute load average when each run started (other work on the machine at the time): ${loads.join(', ')}.

| database | load shape | req/s | p50 ms | p99 ms |
|---|---|---|---|---|
${rows.join('\n')}

Target (issue 3, PostgreSQL): p99 ≤ 50 ms and ≥ 500 req/s.`,
  );
}
