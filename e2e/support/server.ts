import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSmtp, type SmtpCapture } from './smtp.js';
import { createFreshPostgresDatabase } from '../../src/platform/testing/fresh-postgres.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface RunningServer {
  baseUrl: string;
  /** The one-time first-owner link the server printed at start. */
  setupUrl: string;
  smtp: SmtpCapture;
  output: () => string;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts the BUILT server (`node dist/src/main.js`, built first if its sources changed) the way a
 * person would, on a free port with a temporary DATA_DIR (or a fresh PostgreSQL database when
 * TEST_DATABASE_URL is set) and a local SMTP server as SMTP_URL. Resolves once the server has
 * printed its setup link and answers /healthz.
 */
export async function startServer(opts: {
  env?: Record<string, string>;
  timeoutMs?: number;
  /** Runs with the server's environment before it starts (e.g. the CLI creating staff on its database). */
  beforeStart?: (env: Record<string, string>) => void | Promise<void>;
} = {}): Promise<RunningServer> {
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--if-stale'], { cwd: root, stdio: 'inherit' });

  const smtp = await startSmtp();
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradelane-e2e-'));
  const pgDb = process.env.TEST_DATABASE_URL ? await createFreshPostgresDatabase(process.env.TEST_DATABASE_URL, 'tl_e2e') : undefined;
  const baseUrl = `http://127.0.0.1:${port}`;

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? os.tmpdir(),
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: baseUrl,
    DATA_DIR: dataDir,
    SMTP_URL: smtp.url,
    APP_SECRET: crypto.randomBytes(32).toString('hex'),
    DEMO_DATA: 'false',
    LOG_LEVEL: 'warn',
    ...(pgDb ? { DATABASE_URL: pgDb.url } : {}),
    ...opts.env,
  };

  if (opts.beforeStart) {
    try {
      await opts.beforeStart(env);
    } catch (e) {
      await smtp.close();
      await pgDb?.drop().catch(() => undefined);
      fs.rmSync(dataDir, { recursive: true, force: true });
      throw e;
    }
  }

  let out = '';
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'dist/src/main.js')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await smtp.close();
    await pgDb?.drop().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    // Generous: a first start migrates a fresh database, slow on a busy 2-core machine.
    const deadline = Date.now() + (opts.timeoutMs ?? 240_000);
    let setupUrl: string | undefined;
    while (!setupUrl) {
      setupUrl = /(https?:\/\/\S+\/admin\/setup#token=[A-Za-z0-9_-]+)/.exec(out)?.[1];
      if (setupUrl) break;
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${out}`);
      if (Date.now() > deadline) throw new Error(`server printed no setup link in time:\n${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const health = await fetch(`${baseUrl}/healthz`);
    if (!health.ok) throw new Error(`/healthz answered ${health.status}`);
    return { baseUrl, setupUrl, smtp, output: () => out, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
