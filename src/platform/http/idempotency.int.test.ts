import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import { createTestContext, DATABASE_UNDER_TEST, type TestContext } from '../testing/harness.js';
import { MODULES } from '../../modules/modules.js';
import { query } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import type { AppModule } from './types.js';
import { runIdempotent, sendIdempotent } from './idempotency.js';

/** A module with one idempotent route that counts how often its use case really ran. */
const probe: AppModule = {
  name: 'idempotency-probe',
  async authenticate(req) {
    const who = req.headers['x-test-key'];
    return typeof who === 'string' ? { kind: 'apikey', keyId: who, name: who, scopes: ['*'] } : undefined;
  },
  routes(app, deps) {
    app.post(
      '/api/test/transfers',
      { config: { public: true }, schema: { body: z.object({ amount: z.number().int(), fail: z.boolean().optional() }) } },
      async (req, reply) => {
        const out = await runIdempotent(req, deps, {}, async (tx) => {
          await query(tx, sql`UPDATE idem_probe SET runs = runs + 1`);
          // Hold the transaction open a little so concurrent duplicates really overlap.
          if (deps.database.kind === 'postgresql') await query(tx, sql`SELECT pg_sleep(0.05)`);
          if (req.body.fail) throw new AppError('unprocessable', 'refused on purpose');
          const [row] = await query<{ runs: number }>(tx, sql`SELECT runs FROM idem_probe`);
          return { status: 201, body: { amount: req.body.amount, run: Number(row!.runs) } };
        });
        return sendIdempotent(reply, out);
      },
    );
  },
};

describe(`Idempotency-Key on ${DATABASE_UNDER_TEST}`, () => {
  let ctx: TestContext;
  const runs = async () => Number((await ctx.database.exec('SELECT runs FROM idem_probe')).rows[0].runs);
  const post = (key: string | undefined, body: object, who = 'k1') =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/test/transfers',
      headers: { ...(key ? { 'idempotency-key': key } : {}), 'x-test-key': who },
      payload: body,
    });

  beforeAll(async () => {
    ctx = await createTestContext({ modules: [...MODULES, probe] });
    await ctx.database.exec('CREATE TABLE idem_probe (runs int NOT NULL); INSERT INTO idem_probe VALUES (0);');
  });
  afterAll(async () => ctx?.close());

  it('returns the first response for a retry and does not run again', async () => {
    const first = await post('key-a', { amount: 10 });
    expect(first.statusCode).toBe(201);
    const retry = await post('key-a', { amount: 10 });
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual(first.json());
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await runs()).toBe(1);
  });

  it('treats the same JSON with keys in another order as the same request', async () => {
    const a = await post('key-order', { amount: 5, fail: false });
    const b = await ctx.app.inject({
      method: 'POST',
      url: '/api/test/transfers',
      headers: { 'idempotency-key': 'key-order', 'x-test-key': 'k1', 'content-type': 'application/json' },
      payload: '{"fail":false,"amount":5}',
    });
    expect(b.statusCode).toBe(201);
    expect(b.json()).toEqual(a.json());
  });

  it('refuses the same key with a different body with 422 idempotency_mismatch', async () => {
    await post('key-b', { amount: 10 });
    const before = await runs();
    const res = await post('key-b', { amount: 11 });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('idempotency_mismatch');
    expect(await runs()).toBe(before);
  });

  it('scopes keys per principal', async () => {
    const before = await runs();
    const a = await post('shared-key', { amount: 1 }, 'alice');
    const b = await post('shared-key', { amount: 2 }, 'bob');
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(b.json().amount).toBe(2);
    expect(await runs()).toBe(before + 2);
  });

  it('stores nothing for a failed request, so the retry runs', async () => {
    const before = await runs();
    const failed = await post('key-c', { amount: 3, fail: true });
    expect(failed.statusCode).toBe(422);
    expect(failed.json().code).toBe('unprocessable');
    expect(await runs()).toBe(before); // rolled back with the key
    const retry = await post('key-c', { amount: 3, fail: true });
    expect(retry.json().code).toBe('unprocessable');
  });

  it('runs concurrent duplicates exactly once, all getting the same answer', async () => {
    const before = await runs();
    const replies = await Promise.all(Array.from({ length: 12 }, () => post('key-concurrent', { amount: 7 })));
    expect(replies.map((r) => r.statusCode)).toEqual(Array(12).fill(201));
    const bodies = new Set(replies.map((r) => JSON.stringify(r.json(), Object.keys(r.json()).sort())));
    expect(bodies.size).toBe(1);
    expect(replies.filter((r) => r.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
    expect(await runs()).toBe(before + 1);
  });

  it('refuses a malformed key naming the header', async () => {
    const res = await post('bad key with spaces', { amount: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('header.idempotency-key');
  });
});
