/**
 * Foundation scenarios (issue 2): start-up time, idle memory, GET /healthz, and an
 * authenticated admin GET (/api/admin/staff) with an API key — on PGlite and PostgreSQL.
 *
 *   npm run bench -- foundation [--db pglite|postgres|both] [--runs 3] [--seconds 10] [--connections 8]
 */
import { cli, ensureBuilt, fmt, freshDb, load, machineLine, median, rssMiB, startServer, writeSection, type DbKind } from './lib.js';

export async function foundation(flags: Record<string, string>): Promise<void> {
  const dbs: DbKind[] = flags.db === 'pglite' ? ['pglite'] : flags.db === 'postgres' ? ['postgres'] : ['pglite', 'postgres'];
  const runs = Number(flags.runs ?? 3);
  const seconds = Number(flags.seconds ?? 10);
  const connections = Number(flags.connections ?? 8);
  ensureBuilt();
  const rows: string[] = [];
  for (const kind of dbs) {
    const db = await freshDb(kind);
    try {
      // First start migrates and loads demo data; measure the start after that (the steady state).
      cli(['migrate'], db.env);
      const key = cli(['apikey', 'create', '--name', 'bench', '--scopes', '*', '--rate-limit', '10000000'], db.env).trim().split('\n').pop()!;
      const first = await startServer(db);
      await first.stop();
      const starts: number[] = [];
      const idle: number[] = [];
      const health: { rps: number; p50: number; p99: number }[] = [];
      const admin: { rps: number; p50: number; p99: number }[] = [];
      for (let r = 0; r < runs; r++) {
        const srv = await startServer(db);
        starts.push(srv.startupMs);
        await new Promise((res) => setTimeout(res, 5000));
        idle.push(rssMiB(srv.pid));
        const h = await load({ url: `${srv.url}/healthz`, connections, seconds });
        const a = await load({ url: `${srv.url}/api/admin/staff`, connections, seconds, headers: { authorization: `Bearer ${key}` } });
        if (h.non2xx || a.non2xx) throw new Error(`non-2xx replies during the run: healthz ${h.non2xx}, admin ${a.non2xx}`);
        health.push(h);
        admin.push(a);
        await srv.stop();
      }
      const m = (xs: { rps: number; p50: number; p99: number }[], k: 'rps' | 'p50' | 'p99') => median(xs.map((x) => x[k]));
      rows.push(
        `| ${kind === 'pglite' ? 'PGlite' : 'PostgreSQL 15'} | ${fmt(median(starts) / 1000, 2)} s | ${fmt(median(idle))} MiB | ` +
          `${fmt(m(health, 'rps'))} (p50 ${m(health, 'p50')} ms, p99 ${m(health, 'p99')} ms) | ` +
          `${fmt(m(admin, 'rps'))} (p50 ${m(admin, 'p50')} ms, p99 ${m(admin, 'p99')} ms) |`,
      );
      console.log(rows.at(-1));
    } finally {
      await db.drop();
    }
  }
  writeSection(
    `foundation`,
    `## Foundation: start-up, idle memory, health and an authenticated admin GET

Command: \`npm run bench -- foundation --runs ${runs} --seconds ${seconds} --connections ${connections}\`
(medians of ${runs} runs; each run starts the built server afresh on a migrated database with demo data, waits 5 s,
reads VmRSS of the server and its forked job worker, then loads each URL for ${seconds} s with ${connections} connections).
Start-up is spawn → first 200 from /healthz. The admin GET is \`GET /api/admin/staff\` with \`Authorization: Bearer\`
(key lookup + per-key rate-limit update + query). Machine: ${machineLine()}.

| database | start-up | idle RSS | GET /healthz req/s | GET /api/admin/staff req/s |
|---|---|---|---|---|
${rows.join('\n')}`,
  );
}
