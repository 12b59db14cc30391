import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../platform/db/database.js';
import { lockDataDir } from '../platform/db/lock.js';
import { TEST_DATABASE_URL, DATABASE_UNDER_TEST } from '../platform/testing/harness.js';

/**
 * The real `bin/tradelane.mjs`, spawned as an operator would run it: a temp DATA_DIR, and on
 * PostgreSQL runs (TEST_DATABASE_URL) a fresh database of its own as DATABASE_URL.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin', 'tradelane.mjs');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tradelane-cli-test-'));
const dropDbs: string[] = [];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...extra };
  if (!extra.DATABASE_URL) delete env.DATABASE_URL;
  delete env.TEST_DATABASE_URL;
  delete env.APP_SECRET; // the secret lives in DATA_DIR/secret.key, as on a fresh install
  return env;
}

function tl(args: string[], env: Record<string, string>, input?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: baseEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

async function freshPgUrl(): Promise<string> {
  const name = `tl_cli_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  dropDbs.push(name);
  const url = new URL(TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Where a command writes: the DATA_DIR, plus DATABASE_URL on PostgreSQL runs. */
async function target(name: string): Promise<Record<string, string>> {
  const env: Record<string, string> = { DATA_DIR: path.join(tmp, name) };
  if (TEST_DATABASE_URL) env.DATABASE_URL = await freshPgUrl();
  return env;
}

async function inspect<T>(env: Record<string, string>, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL, poolSize: 2 } : { dataDir: env.DATA_DIR, holder: 'cli test' });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

afterAll(async () => {
  if (TEST_DATABASE_URL && dropDbs.length) {
    const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await c.connect();
    for (const n of dropDbs) await c.query(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`).catch(() => undefined);
    await c.end();
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

// Each spawn starts Node, tsx and (most) a database: minutes on a busy 2-core machine.
describe('tradelane CLI: usage', { timeout: 300_000 }, () => {
  it('lists its commands and answers mistakes with exit code 2', async () => {
    const help = await tl(['--help'], { DATA_DIR: path.join(tmp, 'unused') });
    expect(help.code).toBe(0);
    for (const c of ['migrate', 'seed', 'staff create', 'apikey create', 'backup', 'restore', 'security clear-allowlist', 'worker']) {
      expect(help.stdout).toContain(c);
    }
    const cases: [string[], RegExp][] = [
      [['frobnicate'], /Unknown command "frobnicate"/],
      [['apikey', 'create', '--name', 'erp'], /--scopes is required/],
      [['apikey', 'create', '--name', 'erp', '--scopes', '*', '--rate-limit', 'lots'], /--rate-limit must be a whole number/],
      [['staff', 'create', '--email', 'a@example.com', '--role', 'king'], /--role must be one of owner/],
      [['restore'], /Missing FILE/],
      [['seed'], /--demo/],
      [['backup', '--to'], /--to/],
    ];
    for (const [args, message] of cases) {
      const r = await tl(args, { DATA_DIR: path.join(tmp, 'unused') });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
    expect(fs.existsSync(path.join(tmp, 'unused', 'pglite'))).toBe(false); // nothing was opened
  });

  it('refuses to open a DATA_DIR another process holds, without touching it', async () => {
    const dataDir = path.join(tmp, 'locked');
    const lock = lockDataDir(dataDir, 'server on port 3000');
    try {
      for (const args of [['apikey', 'create', '--name', 'erp', '--scopes', '*'], ['backup', '--to', path.join(tmp, 'x.tlbackup')], ['migrate']]) {
        const r = await tl(args, { DATA_DIR: dataDir });
        expect(r.code).toBe(1);
        expect(r.stderr).toContain(`is in use by another Tradelane process (pid ${process.pid}, server on port 3000)`);
        expect(r.stdout).toBe('');
      }
      expect(fs.existsSync(path.join(dataDir, 'pglite'))).toBe(false);
      expect(fs.existsSync(path.join(tmp, 'x.tlbackup'))).toBe(false);
    } finally {
      lock.release();
    }
  });
});

describe(`tradelane CLI on ${DATABASE_UNDER_TEST}`, { timeout: 600_000 }, () => {
  let env: Record<string, string>;
  beforeAll(async () => {
    env = await target('main');
  });

  it('migrates, creates an owner and an API key that the server accepts', async () => {
    const m = await tl(['migrate'], env);
    expect(m.stderr).toContain('is migrated');
    expect(m.code).toBe(0);

    const owner = await tl(['staff', 'create', '--email', 'Owner@Example.com', '--role', 'owner', '--name', 'Olga', '--password', 'correct horse battery staple 42'], env);
    expect(owner.stderr).toContain('Created owner@example.com as owner');
    expect(owner.code).toBe(0);
    expect(owner.stdout.trim()).toMatch(/^stf_/);

    const weak = await tl(['staff', 'create', '--email', 'weak@example.com', '--role', 'sales', '--password', 'password'], env);
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/password/i);
    expect(weak.stdout).toBe('');

    const invite = await tl(['staff', 'create', '--email', 'sam@example.com', '--role', 'sales'], env);
    expect(invite.code).toBe(0);
    expect(invite.stdout.trim()).toMatch(/^https?:\/\/\S+$/);

    const key = await tl(['apikey', 'create', '--name', 'erp', '--scopes', 'orders:read,staff:read', '--rate-limit', '500'], env);
    expect(key.code).toBe(0);
    const lines = key.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^tl_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect(key.stderr).toContain('500 requests/hour');

    const bad = await tl(['apikey', 'create', '--name', 'erp', '--scopes', 'orders:read,orders:obliterate'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('scopes.1');

    const cleared = await tl(['security', 'clear-allowlist'], env);
    expect(cleared.code).toBe(0);
    expect(cleared.stderr).toMatch(/allowlist/);

    // what the commands wrote, checked with the app's own code: the key authenticates
    const { createDeps } = await import('../platform/deps.js');
    const { loadConfig } = await import('../platform/config/config.js');
    const { authenticateApiKey } = await import('../modules/system/http/authenticate.js');
    await inspect(env, async (db) => {
      const staff = await db.exec(`SELECT email, role, status FROM staff_users ORDER BY email`);
      expect(staff.rows).toEqual([
        { email: 'owner@example.com', role: 'owner', status: 'active' },
        { email: 'sam@example.com', role: 'sales', status: 'invited' },
      ]);
      const audit = await db.exec(`SELECT action, actor_type FROM audit_log WHERE actor_type = 'cli' ORDER BY action`);
      expect(audit.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['apikey.created', 'security.allowlist_cleared', 'staff.created', 'staff.invited']));
      const deps = createDeps(loadConfig({ ...env, LOG_LEVEL: 'silent' }), db, []);
      const headers: Record<string, string> = {};
      const principal = await authenticateApiKey(
        { headers: { authorization: `Bearer ${lines.at(-1)}` } } as never,
        { header: (k: string, v: string) => (headers[k] = v) } as never,
        deps,
      );
      expect(principal).toMatchObject({ kind: 'apikey', name: 'erp', scopes: ['orders:read', 'staff:read'] });
      expect(headers['RateLimit-Limit']).toBe('500');
    });
  });

  // util-linux `script` gives the command a real terminal (Debian ships it in bsdutils)
  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)('asks for the password twice without echo on a terminal', async () => {
    const password = 'Tr0ub4dor & 3 purple elephants';
    const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} staff create --email tty@example.com --role finance`;
    const child = spawn('script', ['-qec', cmd, '/dev/null'], { cwd: ROOT, env: baseEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
    let screen = '';
    const answered = new Set<string>();
    const done = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.stdout.on('data', (d) => {
      screen += d;
      for (const prompt of ['Password: ', 'Repeat password: ']) {
        const count = screen.split(prompt).length - 1;
        const key = `${prompt}${count}`;
        if (count > 0 && !answered.has(key) && (prompt !== 'Password: ' || !screen.includes('Repeat password: '))) {
          answered.add(key);
          child.stdin.write(`${password}\r`);
        }
      }
    });
    const code = await done;
    expect(screen).toContain('Repeat password: ');
    expect(screen).not.toContain(password);
    expect(screen).toContain('Created tty@example.com as finance');
    expect(code).toBe(0);
  });

  it('seeds demo data, backs up and restores into a fresh database of each kind', async () => {
    const seeded = await tl(['seed', '--demo'], env);
    expect(seeded.stderr).toContain('Demo data loaded');
    expect(seeded.code).toBe(0);

    const file = path.join(tmp, 'main.tlbackup');
    const b = await tl(['backup', '--to', file], env);
    expect(b.code).toBe(0);
    expect(b.stdout.trim()).toBe(file);
    expect(b.stderr).toMatch(/Backed up \d+ rows/);

    const countRows = (db: Database) =>
      db.exec(`SELECT (SELECT count(*) FROM staff_users)::int AS staff, (SELECT count(*) FROM api_keys)::int AS keys,
                      (SELECT count(*) FROM audit_log)::int AS audit, (SELECT count(*) FROM system_state)::int AS state`);
    const expected = (await inspect(env, countRows)).rows[0];
    expect(expected.staff).toBeGreaterThanOrEqual(3);

    // embedded → embedded always; with PostgreSQL available, into PostgreSQL too (the way to production)
    const targets: Record<string, string>[] = [{ DATA_DIR: path.join(tmp, 'restored-embedded') }];
    if (TEST_DATABASE_URL) targets.push({ DATA_DIR: path.join(tmp, 'restored-pg'), DATABASE_URL: await freshPgUrl() });
    // the embedded target gets the source's secret.key (as a move to a new machine should); the
    // PostgreSQL one does not, and is told that keys and encrypted values need the old secret
    fs.mkdirSync(targets[0]!.DATA_DIR!, { recursive: true });
    fs.copyFileSync(path.join(env.DATA_DIR!, 'secret.key'), path.join(targets[0]!.DATA_DIR!, 'secret.key'));
    for (const t of targets) {
      const r = await tl(['restore', file], t);
      expect(r.stderr).toContain('Restored');
      expect(r.code).toBe(0);
      if (t.DATABASE_URL) expect(r.stderr).toContain('different APP_SECRET');
      else expect(r.stderr).not.toContain('Warning');
      expect((await inspect(t, countRows)).rows[0]).toEqual(expected);
      if (t.DATABASE_URL) continue; // refusal and --force are the same code on both kinds; once is enough here
      const again = await tl(['restore', file], t);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('--force');
      const forced = await tl(['restore', file, '--force'], t);
      expect(forced.code).toBe(0);
      expect((await inspect(t, countRows)).rows[0]).toEqual(expected);
    }
    const broken = path.join(tmp, 'broken.tlbackup');
    fs.writeFileSync(broken, 'not a backup');
    const refused = await tl(['restore', broken], { DATA_DIR: path.join(tmp, 'restored-broken') });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Not a usable Tradelane backup|incorrect header check/);
  });
});
