import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../platform/db/database.js';
import { TEST_DATABASE_URL } from '../../platform/testing/harness.js';
import { reservationDrift } from '../inventory/index.js';
import { BULK_FIXTURE, createBulkContext } from './testing.js';
import { createUpload, validateUpload } from './commands/create-upload.js';
import { applyUpload, confirmUpload } from './commands/apply-upload.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const ROWS = 5000;
const KILLS = Number(process.env.BULK_KILLS ?? 6);

/** 5,000 rows for ~480 typed ship-to addresses, each order of 1 to 20 lines. */
function sheet(): string {
  const skus = ['LED-100W', 'LED-50W', 'STRIP-5M', '365275123456'];
  const lines = ['SKU,Quantity,Recipient name,Address line 1,City,Postal code,Country code'];
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  let row = 0;
  for (let g = 0; row < ROWS; g++) {
    const n = Math.min(ROWS - row, 1 + Math.floor(rnd() * 20));
    for (let i = 0; i < n; i++, row++) lines.push(`${skus[(row + g) % skus.length]},${1 + Math.floor(rnd() * 5)},Dealer ${g},${g} Rue du Port,Marseille,13002,FR`);
  }
  return lines.join('\n');
}

/**
 * kill -9 during the apply step, repeated at random points, on PostgreSQL: the apply runs in a
 * child process that is SIGKILLed while it places orders; after each kill and after the final
 * resume, every order is whole (all lines, totals = sum of lines), none is duplicated, and stock
 * reservations equal the orders created.
 */
describe.skipIf(!TEST_DATABASE_URL)('bulk apply survives kill -9 (PostgreSQL)', () => {
  let t: Awaited<ReturnType<typeof createBulkContext>>;
  let uploadId: string;
  beforeAll(async () => {
    t = await createBulkContext(BULK_FIXTURE);
    for (const s of ['LED-100W', 'LED-50W', 'STRIP-5M', '365275123456']) await t.stock(s, 100_000);
    uploadId = await createUpload(t.ctx.deps, t.services, { customerId: 'cus_1', userId: 'cus_1_u', actor: { type: 'customer', id: 'cus_1_u', label: 'cus_1_u', ip: null, requestId: null }, locale: 'en', currency: 'EUR' }, { kind: 'file', filename: 'big.csv', data: Buffer.from(sheet()) });
    await validateUpload(t.ctx.deps, t.services, uploadId);
    await confirmUpload(t.ctx.deps, uploadId, 'cus_1', { acceptBackorders: false, orderAgain: false });
  }, 600_000);
  afterAll(async () => t?.ctx.close());

  const db = () => t.ctx.deps.db;
  async function checkInvariants() {
    const broken = await query<any>(db(), sql`
      SELECT s.id, o.id AS order_id, jsonb_array_length(s.row_nos) AS want,
        (SELECT count(*)::int FROM order_lines l WHERE l.order_id = o.id) AS got,
        o.items_total, (SELECT coalesce(sum(l.line_total), 0)::bigint FROM order_lines l WHERE l.order_id = o.id) AS sum_lines
      FROM bulk_shipments s JOIN orders o ON o.external_id = s.id
      WHERE s.upload_id = ${uploadId}
        AND (jsonb_array_length(s.row_nos) <> (SELECT count(*) FROM order_lines l WHERE l.order_id = o.id)
             OR o.items_total <> (SELECT coalesce(sum(l.line_total), 0) FROM order_lines l WHERE l.order_id = o.id))`);
    expect(broken).toEqual([]);
    const [c] = await query<any>(db(), sql`
      SELECT (SELECT count(*)::int FROM orders WHERE external_id LIKE 'bship%') AS orders,
             (SELECT count(DISTINCT external_id)::int FROM orders WHERE external_id LIKE 'bship%') AS distinct_orders,
             (SELECT count(*)::int FROM bulk_shipments WHERE upload_id = ${uploadId} AND status = 'placed') AS placed,
             (SELECT count(*)::int FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.external_id LIKE 'bship%') AS lines,
             (SELECT coalesce(sum(l.quantity), 0)::int FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.external_id LIKE 'bship%') AS units,
             (SELECT coalesce(sum(quantity), 0)::int FROM inventory_reservations WHERE status = 'active') AS reserved`);
    expect(c.orders).toBe(c.distinct_orders);
    expect(c.placed).toBe(c.orders);
    expect(c.reserved).toBe(c.units);
    expect(await reservationDrift(db())).toEqual([]);
    return c as { orders: number; lines: number };
  }

  it(`${KILLS} kills at random points, then resume: no partial order, no duplicate, reservations = orders`, async () => {
    const [{ total }] = await query<any>(db(), sql`SELECT count(*)::int AS total FROM bulk_shipments WHERE upload_id = ${uploadId}`);
    expect(total).toBeGreaterThan(200);
    let kills = 0;
    let before = 0;
    for (let i = 0; i < KILLS; i++) {
      const child: ChildProcess = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(here, 'reliability-child.ts'), t.ctx.config.databaseUrl!, uploadId], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      await new Promise<void>((resolve) => child.stdout!.on('data', (d: Buffer) => d.toString().includes('applying') && resolve()));
      // Let it place some orders, then kill at a random moment (mid-transaction more often than not).
      await new Promise((r) => setTimeout(r, 300 + Math.random() * 1500));
      if (child.exitCode === null) {
        child.kill('SIGKILL');
        kills++;
      }
      await exited;
      const c = await checkInvariants();
      expect(c.orders).toBeGreaterThanOrEqual(before);
      before = c.orders;
      if (c.orders === total) break;
    }
    expect(kills).toBeGreaterThan(0);
    // Resume: places exactly what is left.
    await applyUpload(t.ctx.deps, t.services, uploadId);
    const c = await checkInvariants();
    expect(c.orders).toBe(total);
    expect(c.lines).toBe(ROWS);
    const [u] = await query<any>(db(), sql`SELECT status FROM bulk_uploads WHERE id = ${uploadId}`);
    expect(u.status).toBe('applied');
    console.log(`kill -9 test: ${kills} kills, ${c.orders} orders of ${ROWS} lines, all whole, none duplicated`);
  }, 900_000);
});
