/**
 * Checkout scenario (issue 5, P1):
 *
 *   npm run bench -- checkout [--db pglite|postgres|both] [--clients 1,8] [--seconds 15]
 *
 * The full checkout path as an API client over real HTTP on 127.0.0.1: create a cart, add 3
 * lines, set the address, read the shipping options, choose shipping, place the order with an
 * Idempotency-Key (8 requests, every one re-prices the cart on the server; placing locks and
 * reserves stock, freezes totals, numbers the order and enqueues the confirmation job in one
 * transaction). Each client runs orders back to back for `--seconds` after a 3 s warm-up.
 * The timed runs measure the server as deployed: the built server (`node dist/src/main.js`) in
 * its own process on a fresh database seeded with the demo data, the clients in this process;
 * server CPU comes from /proc (web process + its forked job worker), client CPU separately. On
 * PostgreSQL an extra row runs two web processes on the same database with the clients split.
 * Statements per order are counted in a separate short phase with the server in a child bench
 * process on a literal catalogue (cart/checkout-fixture.ts), where the driver can be counted.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { cli, ensureBuilt, fmt, freshDb, machineLine, median, startServer, writeSection, PG_BASE_URL, ROOT, type RunningServer } from './lib.js';
import pg from 'pg';
import type { FixtureOptions } from '../src/modules/cart/testing.js';
import type { Database } from '../src/platform/db/database.js';

const SKUS: FixtureOptions['skus'] = Array.from({ length: 30 }, (_, i) => ({
  skuId: `var_bench_${i}`,
  sku: `BENCH-${String(i).padStart(2, '0')}`,
  prices: { EUR: 1000 + i * 37 },
  hsCode: '940540',
}));
const FIXTURE: FixtureOptions = {
  skus: SKUS,
  shipping: [
    { id: 'dhl', name: 'DHL Express', price: { EUR: 2500 }, transitDays: { min: 2, max: 4 } },
    { id: 'sea', name: 'Sea freight LCL', price: { EUR: 900 }, transitDays: { min: 25, max: 35 } },
  ],
  baseCurrency: 'EUR',
  originCountry: 'CN',
};
const SHIP_TO = { name: 'Claire Martin', line1: '12 rue de la Paix', city: 'Paris', postalCode: '75002', countryCode: 'FR' };

interface Result {
  db: string;
  clients: number;
  orders: number;
  seconds: number;
  ordersPerSec: number;
  p50: number;
  p99: number;
  failures: number;
  /** CPU time of the server process(es) (with their forked job workers) per order, ms, from /proc. */
  cpuMsPerOrder: number;
  /** CPU time of the bench process (the HTTP clients only) per order, ms. */
  clientCpuMsPerOrder: number;
  servers: number;
  /** Statements per order, and per request of the path (sequential sample before the timed runs). */
  statements?: { perOrder: number; perStep: Record<string, number> };
}

/** SQL statements sent to the database (BEGIN/COMMIT included), per kind of request; `log` keeps the texts. */
interface StatementCounter {
  n: number;
  log: string[] | null;
}

/**
 * Counts every statement the server sends: on PostgreSQL at pg's Client.query (pool clients), on
 * PGlite at the instance's query/exec and inside its transactions (whose BEGIN/COMMIT are sent
 * by PGlite itself, so they are counted as two).
 */
function countStatements(database: Database): StatementCounter {
  const c: StatementCounter = { n: 0, log: null };
  const note = (q: unknown) => {
    c.n++;
    if (c.log) c.log.push(typeof q === 'string' ? q : String((q as { text?: string })?.text ?? q));
  };
  if (database.pglite) {
    const lite = database.pglite as any;
    for (const m of ['query', 'exec'] as const) {
      const orig = lite[m].bind(lite);
      lite[m] = (q: unknown, ...rest: unknown[]) => (note(q), orig(q, ...rest));
    }
    const origTx = lite.transaction.bind(lite);
    lite.transaction = (fn: (tx: any) => Promise<unknown>) =>
      origTx((tx: any) => {
        note('BEGIN');
        for (const m of ['query', 'exec'] as const) {
          const orig = tx[m];
          tx[m] = (q: unknown, ...rest: unknown[]) => (note(q), orig(q, ...rest));
        }
        return fn(tx).finally(() => note('COMMIT'));
      });
  } else {
    const orig = pg.Client.prototype.query as (...a: unknown[]) => unknown;
    (pg.Client.prototype as any).query = function (this: unknown, q: unknown, ...rest: unknown[]) {
      note(q);
      return orig.call(this, q, ...rest);
    };
  }
  return c;
}

const STEPS = ['create', 'add line', 'add line', 'add line', 'address', 'shipping options', 'choose shipping', 'place'] as const;

function percentile(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

/** Demo SKUs (at their minimum order quantity) the clients buy from the built server; unset for the in-process statement sample. */
let PICKS: { sku: string; quantity: number }[] | null = null;

/** CPU seconds (user + system) a process and its children (the forked job worker) have used so far, from /proc (ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  let pids = [pid];
  try {
    pids = pids.concat(fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
  } catch {
    /* no children file */
  }
  let t = 0;
  for (const p of pids) {
    const f = fs.readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
    t += (Number(f[11]) + Number(f[12])) / 100;
  }
  return t;
}

/** One order through the API; `perStep` (sequential runs only) adds the statements each request made. */
async function oneOrder(base: string, n: number, perStep?: { counter: StatementCounter; counts: number[] }): Promise<void> {
  let step = 0;
  let before = perStep?.counter.n ?? 0;
  const json = async (r: Response) => {
    if (!r.ok) throw new Error(`${r.status} ${await r.text()}`);
    const body = (await r.json()) as any;
    if (perStep) {
      perStep.counts[step] = (perStep.counts[step] ?? 0) + perStep.counter.n - before;
      before = perStep.counter.n;
      if (perStep.counter.log) {
        console.error(`--- ${STEPS[step]}`);
        for (const q of perStep.counter.log.splice(0)) console.error('   ', q.replace(/\s+/g, ' ').slice(0, 220));
      }
    }
    step++;
    return body;
  };
  const cart = await json(await fetch(`${base}/api/store/carts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"currency":"EUR"}' }));
  const h = { 'content-type': 'application/json', 'x-cart-token': cart.token as string };
  for (let k = 0; k < 3; k++) {
    const pick = PICKS ? PICKS[(n * 3 + k) % PICKS.length]! : { sku: SKUS[(n * 3 + k) % SKUS.length]!.sku, quantity: 1 + (k % 3) };
    await json(await fetch(`${base}/api/store/carts/${cart.id}/lines`, { method: 'POST', headers: h, body: JSON.stringify(pick) }));
  }
  await json(await fetch(`${base}/api/store/carts/${cart.id}/addresses`, { method: 'PUT', headers: h, body: JSON.stringify({ email: `b${n}@example.com`, shipTo: SHIP_TO }) }));
  const opts = await json(await fetch(`${base}/api/store/carts/${cart.id}/shipping-options`, { headers: h }));
  await json(await fetch(`${base}/api/store/carts/${cart.id}/shipping`, { method: 'PUT', headers: h, body: JSON.stringify({ shippingMethodId: opts.options[0].id }) }));
  const placed = await json(
    await fetch(`${base}/api/store/carts/${cart.id}/checkout`, { method: 'POST', headers: { ...h, 'idempotency-key': `bench-${n}-${cart.id}` }, body: '{}' }),
  );
  if (!placed.order?.number) throw new Error('no order number');
}

async function drive(bases: string[], clients: number, seconds: number, counter: { n: number }): Promise<{ latencies: number[]; failures: number; elapsed: number }> {
  const latencies: number[] = [];
  let failures = 0;
  const t0 = performance.now();
  const until = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, i) => {
      const base = bases[i % bases.length]!;
      while (performance.now() < until) {
        const s = performance.now();
        try {
          await oneOrder(base, counter.n++);
          latencies.push(performance.now() - s);
        } catch (e) {
          failures++;
          if (failures < 3) console.error((e as Error).message);
        }
      }
    }),
  );
  return { latencies, failures, elapsed: (performance.now() - t0) / 1000 };
}

/**
 * Statements per order, taken in a separate short phase: the server runs in this process (the
 * in-process fixture) so that the driver can be counted; no timed runs here.
 */
async function statementsOn(kind: 'pglite' | 'postgres'): Promise<void> {
  // The test harness picks its database from TEST_DATABASE_URL when first imported, so each
  // database runs in its own process (see `checkout` below).
  if (kind === 'postgres') process.env.TEST_DATABASE_URL = PG_BASE_URL;
  else delete process.env.TEST_DATABASE_URL;
  const { createCheckoutContext } = await import('../src/modules/cart/checkout-fixture.js');
  const t = await createCheckoutContext(FIXTURE);
  try {
    for (const s of SKUS) await t.api.stock(s.sku, 10_000_000);
    await t.ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = t.ctx.app.server.address() as { port: number };
    const base = `http://127.0.0.1:${addr.port}`;
    const counter = { n: 0 };
    // A sequential sample after a warm-up (caches filled, as in a running store).
    const stmts = countStatements(t.ctx.deps.database);
    for (let i = 0; i < 5; i++) await oneOrder(base, counter.n++);
    const sample = 20;
    const perStep = { counter: stmts, counts: [] as number[] };
    const n0 = stmts.n;
    for (let i = 0; i < sample; i++) {
      if (process.env.BENCH_SQL_TRACE && i === sample - 1) stmts.log = [];
      await oneOrder(base, counter.n++, perStep);
      stmts.log = null;
    }
    const statements = { perOrder: (stmts.n - n0) / sample, perStep: {} as Record<string, number> };
    STEPS.forEach((name, i) => (statements.perStep[name] = (statements.perStep[name] ?? 0) + perStep.counts[i]! / sample / (name === 'add line' ? 3 : 1)));
    console.log(`STATEMENTS ${JSON.stringify(statements)}`);
  } finally {
    await t.ctx.close();
  }
}

/**
 * The timed runs: a fresh database with the demo data (`tradelane seed --demo`), an API key for
 * the stock top-up, then the built server (`node dist/src/main.js`) in its own process; the
 * clients run in this process over HTTP on 127.0.0.1. `servers` > 1 starts more web processes on
 * the same database (PostgreSQL only) and spreads the clients over them.
 */
async function timedOn(kind: 'pglite' | 'postgres', clientCounts: number[], seconds: number, servers: number, counter: { n: number }): Promise<Result[]> {
  const db = await freshDb(kind);
  const srvs: RunningServer[] = [];
  const out: Result[] = [];
  try {
    cli(['seed', '--demo'], db.env);
    const key = cli(['apikey', 'create', '--name', 'bench', '--scopes', '*', '--rate-limit', '10000000'], db.env).trim().split('\n').pop()!;
    for (let i = 0; i < servers; i++) srvs.push(await startServer(db, { DEMO_DATA: 'false' }));
    const bases = srvs.map((s) => s.url);
    const list = (await (await fetch(`${bases[0]}/api/store/products?lang=en&currency=EUR`)).json()) as { items: { skus: string[]; moq: number | null; inStock: boolean }[] };
    PICKS = list.items.filter((p) => p.inStock && (p.moq ?? 1) <= 50).slice(0, 10).map((p) => ({ sku: p.skus[0]!, quantity: p.moq ?? 1 }));
    if (PICKS.length < 3) throw new Error('the demo catalogue has too few products in stock');
    for (const p of PICKS) {
      const r = await fetch(`${bases[0]}/api/admin/stock/adjustments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ mode: 'delta', sku: p.sku, warehouseId: 'wh_demo_szx', delta: 10_000_000, reason: 'bench stock' }),
      });
      if (!r.ok) throw new Error(`stock top-up: ${r.status} ${await r.text()}`);
    }
    for (let i = 0; i < 5; i++) await oneOrder(bases[i % bases.length]!, counter.n++);
    for (const clients of clientCounts) {
      await drive(bases, clients, 3, counter); // warm-up
      const s0 = srvs.reduce((t, s) => t + cpuSeconds(s.pid), 0);
      const c0 = process.cpuUsage();
      const r = await drive(bases, clients, seconds, counter);
      const c = process.cpuUsage(c0);
      const serverCpu = srvs.reduce((t, s) => t + cpuSeconds(s.pid), 0) - s0;
      const orders = Math.max(1, r.latencies.length);
      const res: Result = {
        db: kind === 'postgres' ? 'PostgreSQL 15' : 'PGlite (in the server process)',
        clients,
        servers,
        orders: r.latencies.length,
        seconds: r.elapsed,
        ordersPerSec: r.latencies.length / r.elapsed,
        p50: median(r.latencies),
        p99: percentile(r.latencies, 99),
        failures: r.failures,
        cpuMsPerOrder: (serverCpu * 1000) / orders,
        clientCpuMsPerOrder: (c.user + c.system) / 1000 / orders,
      };
      console.error(`checkout ${JSON.stringify(res)}`);
      out.push(res);
    }
  } finally {
    PICKS = null;
    for (const s of srvs) await s.stop();
    await db.drop();
  }
  return out;
}

export async function checkout(flags: Record<string, string>): Promise<void> {
  const which = flags.db ?? 'both';
  const clients = (flags.clients ?? '1,8').split(',').map(Number);
  const seconds = Number(flags.seconds ?? 15);
  if (flags.child) {
    await statementsOn(flags.child as 'pglite' | 'postgres');
    return;
  }
  ensureBuilt();
  const results: Result[] = [];
  const statementsBy: Record<string, Result['statements']> = {};
  const loadBefore = os.loadavg()[0];
  const counter = { n: 0 };
  for (const kind of (which === 'both' ? ['pglite', 'postgres'] : [which]) as ('pglite' | 'postgres')[]) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/run.ts'), 'checkout', '--child', kind], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, LOG_LEVEL: 'silent' },
    });
    if (r.status !== 0) throw new Error(`checkout statement count on ${kind} failed (exit ${r.status})`);
    for (const line of r.stdout.split('\n')) if (line.startsWith('STATEMENTS ')) statementsBy[kind] = JSON.parse(line.slice(11));
    const rows = await timedOn(kind, clients, seconds, 1, counter);
    rows.forEach((x) => (x.statements = statementsBy[kind]));
    results.push(...rows);
    if (kind === 'postgres') results.push(...(await timedOn(kind, [Math.max(...clients)], seconds, 2, counter)));
  }
  const pg8 = results.find((r) => r.db.startsWith('PostgreSQL') && r.clients === 8 && r.servers === 1);
  const pg8x2 = results.find((r) => r.db.startsWith('PostgreSQL') && r.clients === 8 && r.servers > 1);
  writeSection(
    'checkout',
    [
      '## Checkout (issue 5, P1): the full checkout path as an API client',
      '',
      `Command: \`npm run bench -- checkout --db ${which} --clients ${clients.join(',')} --seconds ${seconds}\`. One order = 8 HTTP requests on 127.0.0.1`,
      '(create cart, 3 × add line, address, shipping options, choose shipping, place with Idempotency-Key); every request re-prices the',
      'cart on the server, placing reserves stock under row locks, freezes the totals, numbers the order and enqueues the confirmation job',
      'in one transaction. The server is the built one (`node dist/src/main.js`, NODE_ENV=production) in its own process on a fresh database',
      'with the demo data (`tradelane seed --demo`; 10 demo SKUs at their minimum order quantity, stock topped up through',
      '`POST /api/admin/stock/adjustments`), ship-to France (VAT from the tax engine, demo shipping table); the HTTP clients run in the bench',
      'process. The forked job worker runs as in production, so confirmation e-mails are worked during the run and counted in the server CPU.',
      'Server and clients share this 2-core machine.',
      `Machine: ${machineLine()}. Load average (1 min) when the run started: ${fmt(loadBefore, 1)}, when it ended: ${fmt(os.loadavg()[0], 1)} (2 cores).`,
      '',
      '| database | web processes | clients | orders | orders/s | p50 ms (whole path) | p99 ms | failures | server CPU ms per order (/proc, web + worker) | client CPU ms per order (bench process) |',
      '|---|---|---|---|---|---|---|---|---|---|',
      ...results.map(
        (r) =>
          `| ${r.db}${r.servers > 1 ? ` — **extra: ${r.servers} web processes, clients split across them**` : ''} | ${r.servers} | ${r.clients} | ${r.orders} | ${fmt(r.ordersPerSec)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${r.failures} | ${fmt(r.cpuMsPerOrder, 1)} | ${fmt(r.clientCpuMsPerOrder, 1)} |`,
      ),
      '',
      `Target (issue 5): ≥ 120 orders/s at 8 clients on PostgreSQL${pg8 ? ` — measured ${fmt(pg8.ordersPerSec)} orders/s with one web process${pg8.ordersPerSec >= 120 ? '' : ', not met'}` : ''}${pg8x2 ? `; ${fmt(pg8x2.ordersPerSec)} orders/s with ${pg8x2.servers} web processes (extra row)` : ''}.`,
      ...results.filter((r) => r.clients === clients[0] && r.statements).map((r) => {
        const st = r.statements!;
        return `Statements per order on ${r.db} (BEGIN/COMMIT included, counted at the driver over ${20} sequential orders in a separate short phase with the server in the bench process on a literal catalogue, cart/checkout-fixture.ts): ${fmt(st.perOrder, 1)} — ${Object.entries(st.perStep).map(([k, v]) => `${k} ${fmt(v, 1)}`).join(', ')}.`;
      }),
      'Figures were taken while other sessions loaded the same 2 cores (load averages above).',
      'The extra two-process row ran right after the one-process rows on the same machine; with only 2 cores for clients, two servers, their workers and PostgreSQL it is a check that several web processes work, not a scaling figure.',
      '',
      '**Round-trip cuts (2026-11-22, issue 5 performance pass).** Before: 63 statements per order (BEGIN/COMMIT included; create 4, add line 7,',
      'address 6, shipping options 4, choose shipping 6, place 22). Now 42 (43 since the order-hub review job, added the same hour, enqueues a second job when placing). What went: the payment method settings, read on every quote (8 per order),',
      'come from a per-process reference-data cache (`src/platform/db/ref-cache.ts`) that every edit empties in every process through',
      '`NOTIFY` sent in the editing transaction (delivered on commit; web and worker processes on PostgreSQL each LISTEN on a dedicated',
      'connection and cache only while it is up; PGlite uses its own listener; tested across two connections in `ref-cache.int.test.ts`);',
      'the cart lines come back in the statement that locks or loads the cart (re-read only when another change committed meanwhile);',
      'the stock lock brings the backorder policies along; the reserved counters, reservation rows and ledger rows are one statement; the',
      'order, its lines and its first event are one statement. Correctness is unchanged: one transaction, stock rows locked in SKU order,',
      'ledger after-figures checked against the UPDATE, idempotency row first, credit check, tax and duty from the same engines.',
      '',
      'Same-hour A/B against the previous code (commit f9aa0e0, a separate worktree, same bench), load 4-5:',
      'PGlite 1 / 8 clients CPU ms per order 39.0 / 33.8 before, 35.0 / 29.9 after; PostgreSQL 8 clients, three pairs run back to back',
      '(orders/s @ CPU ms): before 59 @ 12.7, 27 @ 22.8, 32 @ 20.6; after 51 @ 13.1, 61 @ 12.7, 26 @ 19.6. Medians: before 32 orders/s @ 20.6 ms,',
      'after 51 @ 13.1 ms, but the pairs swing by 2x with the other sessions, so read this as "about a third fewer round trips and somewhat',
      'less CPU", not as a precise ratio. (Earlier figures on this page were taken at load 16-20: 7 orders/s; the load, not the code, made most of that.)',
      '',
      '**What remains, and why 120 orders/s at 8 clients is still missed.** 120 orders/s is 960 HTTP requests/s and about 5,000 SQL',
      'statements/s, with the HTTP clients, the server and PostgreSQL all on the same 2 shared cores. A CPU profile of this process at 8',
      'clients on PostgreSQL (`node --cpu-prof --import tsx bench/run.ts checkout --child postgres --clients 8 --seconds 8`) splits it as: pg driver',
      '38 % (30 % is the socket write of each statement: writev/writeBuffer, one per statement), the bench\'s own fetch clients 13 %, Fastify',
      '10 %, drizzle building queries 9 %, cart, tax and pricing code about 5 %. At about 13 ms of this single Node process per order, the process',
      'itself tops out near 75 orders/s even with PostgreSQL idle. Next levers, in order of gain: run the clients in their own process (they share',
      'the server\'s event loop here); run two server processes on PostgreSQL (the cache above is already correct across processes); cut the',
      'statements still made: the availability read on every quote (7 per order; inventory would have to offer it as part of the cart-lines',
      'statement), the payment account insert + re-read (2, payments module), the idempotency claim + store (2, needed: the claim must commit',
      'with the order); prepared statements would save PostgreSQL parse time but not the per-statement socket writes.',
    ].join('\n'),
  );
}
