import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The ECB daily reference-rate endpoint, faked on 127.0.0.1 with a real daily file from
 * ../shared/data/ecb; its date is moved to today so the rates count as current (the server
 * refuses rates older than a few days). Point FX_SOURCE_URL at `url`.
 */
export async function startFakeEcb(file: string): Promise<{ url: string; close: () => Promise<void> }> {
  const today = new Date().toISOString().slice(0, 10);
  const xml = fs.readFileSync(file, 'utf8').replace(/time=(['"])\d{4}-\d{2}-\d{2}\1/, `time='${today}'`);
  const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/xml' }).end(xml));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/stats/eurofxref/eurofxref-daily.xml`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
