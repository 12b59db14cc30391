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
import fs from 'node:fs';
import os from 'node:os';
import type autocannon from 'autocannon';
import { ensureBuilt, fmt, freshDb, load, machineLine, startServer, writeSection, type DbKind, type LoadResult } from './lib.js';
import { BENCH_SKUS, generateBenchCatalog } from './catalog-data.js';

/** CPU seconds (user + system) a process has used so far, from /proc (clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}

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
  const firsts: string[] = [];
  const verdicts: string[] = [];
  for (const kind of dbs) {
    const db = await freshDb(kind);
    try {
      const t0 = performance.now();
      await generateBenchCatalog({ url: db.env.DATABASE_URL, dataDir: db.env.DATABASE_URL ? undefined : db.env.DATA_DIR });
      const genS = (performance.now() - t0) / 1000;
      const srv = await startServer(db, { DEMO_DATA: 'false' });
      try {
        // The first listing after start builds the facet index: how long a visitor waits then.
        const f0 = performance.now();
        await fetch(`${srv.url}${urlFor(0)}`).then((r) => r.arrayBuffer());
        firsts.push(`${kind === 'pglite' ? 'PGlite' : 'PostgreSQL'} ${fmt(performance.now() - f0)} ms`);
        // Warm-up: JIT, connection pool, PostgreSQL caches.
        await load({ url: srv.url, connections, seconds: 3, requests: requests(true) });
        loads.push(`${kind}: ${os.loadavg()[0]!.toFixed(1)}`);
        let c0 = cpuSeconds(srv.pid);
        const cold: LoadResult = await load({ url: srv.url, connections, seconds, requests: requests(true) });
        const coldCpu = (cpuSeconds(srv.pid) - c0) * 1000 / Math.max(1, cold.rps * seconds);
        // The repeated shape measures cache hits: fill the cache with its 40 combinations first.
        for (let i = 0; i < 40; i++) await fetch(`${srv.url}${urlFor(i)}`).then((r) => r.arrayBuffer());
        c0 = cpuSeconds(srv.pid);
        const warm: LoadResult = await load({ url: srv.url, connections, seconds, requests: requests(false) });
        const warmCpu = (cpuSeconds(srv.pid) - c0) * 1000 / Math.max(1, warm.rps * seconds);
        for (const r of [cold, warm]) if (r.non2xx) throw new Error(`non-2xx replies during the run: ${JSON.stringify(r)}`);
        const cell = (r: LoadResult) => (r.rps === 0 && r.p50 === 0 ? `0 (no reply within autocannon's 10 s timeout; ${r.errors} timeouts)` : fmt(r.rps, r.rps < 10 ? 1 : 0));
        const name = kind === 'pglite' ? 'PGlite' : 'PostgreSQL 15';
        rows.push(`| ${name} | distinct filters (facets computed) | ${cell(cold)} | ${cold.p50} | ${cold.p99} | ${fmt(coldCpu, 2)} |`);
        if (kind === 'postgres') {
          for (const [label, r] of [['distinct', cold], ['repeated', warm]] as const) {
            verdicts.push(`${label}: ${r.rps >= 500 && r.p99 <= 50 ? '**met**' : '**not met**'} (${fmt(r.rps)} req/s, p99 ${r.p99} ms)`);
          }
        }
        rows.push(`| ${name} | 40 repeating filter sets (listing cache, filled before the run) | ${cell(warm)} | ${warm.p50} | ${warm.p99} | ${fmt(warmCpu, 2)} |`);
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
\`GET /api/store/products?category=…&f.a1=<2 values>&f.power=<range>&page=…\` as a guest, over HTTP. Filters, facet
counts (distinct products, each facet without its own filter), sorting and the page come from the server's in-memory
facet index (typed arrays built from \`catalog_variants\` in one query, rebuilt when the catalog version moves; see
docs/catalog.md), then the product cards (cached per product and catalog version) and their prices through the price
viewer, per request. "Distinct" never repeats a combination, so every request computes its facets; "repeated" cycles
through 40 combinations that were requested once before the run, so the per-process listing cache answers the facets.
${seconds} s per shape after a 3 s warm-up (which also builds the index), autocannon on 127.0.0.1 in the same 2-core machine.
Machine: ${machineLine()}. 1-minute load average when each run started (other work on the machine at the time): ${loads.join(', ')}.

| database | load shape | req/s | p50 ms | p99 ms | server CPU ms/req |
|---|---|---|---|---|---|
${rows.join('\n')}

"Server CPU ms/req" is the CPU time the server process used during the run divided by the requests it answered: it
does not depend on how busy the machine was. On PGlite it includes the database (it runs inside the process); on
PostgreSQL the database's own CPU comes on top.

First listing after a start (builds the facet index from 100,000 rows): ${firsts.join(', ')}.

Target (issue 3, PostgreSQL): p99 ≤ 50 ms and ≥ 500 req/s. On this run: ${verdicts.join('; ') || 'PostgreSQL not measured'}.`,
  );
}
