import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSharedData, readSharedData } from '../../platform/testing/shared-data.js';

/** `tradelane fx refresh` as an operator runs it, against a local stand-in for the ECB (embedded database). */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const BIN = path.join(ROOT, 'bin', 'tradelane.mjs');

function tl(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const e: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env };
    delete e.DATABASE_URL;
    delete e.TEST_DATABASE_URL;
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: e, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.skipIf(!hasSharedData)('tradelane fx', () => {
  let server: http.Server;
  let url: string;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradelane-fx-cli-'));
  beforeAll(async () => {
    server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/xml' }).end(readSharedData('ecb/eurofxref-daily.xpt-nl.xml')));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/eurofxref-daily.xml`;
  });
  afterAll(() => {
    server?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a missing file before opening anything', async () => {
    const r = await tl(['fx', 'import', path.join(dataDir, 'nope.xml')], { DATA_DIR: dataDir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('does not exist');
  });

  it('fetches FX_SOURCE_URL and prints the publication date', async () => {
    const r = await tl(['fx', 'refresh'], { DATA_DIR: dataDir, FX_SOURCE_URL: url });
    expect(r.stderr).toContain('Stored 30 rates for 1 day(s)');
    expect(r.stdout.trim()).toBe('2025-05-09');
    expect(r.code).toBe(0);
  }, 180_000);
});
