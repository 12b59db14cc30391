import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../platform/testing/harness.js';
import { query } from '../../platform/db/database.js';
import type { ManualClock } from '../../platform/clock/clock.js';
import { adminKey } from '../catalog/testing/fixtures.js';
import { linkInquiriesByEmail } from './index.js';

let ctx: TestContext;
let auth: Record<string, string>;
beforeAll(async () => {
  ctx = await createTestContext({ clock: 'manual', providers: { customerDirectory: { findCustomerIdByEmail: async (e: string) => (e === 'known@buyer.example' ? 'cus_KNOWN' : null) } } });
  auth = await adminKey(ctx);
});
afterAll(async () => ctx?.close());

async function send(email: string, ip = '198.51.100.1') {
  const { formToken } = (await ctx.app.inject({ method: 'GET', url: '/api/store/inquiries/form-token' })).json();
  (ctx.clock as ManualClock).advance(4_000);
  return ctx.app.inject({
    method: 'POST', url: '/api/store/inquiries', remoteAddress: ip,
    payload: { name: 'Wang Lei', company: 'Shenzhen Import Co.', email, country: 'CN', message: '请报价', locale: 'zh-CN', formToken },
  });
}

describe('inquiry inbox', () => {
  it('links a known customer by email, and offers a hook for customers created later', async () => {
    const r = await send('known@buyer.example');
    expect(r.statusCode, r.body).toBe(201);
    const inq = (await ctx.app.inject({ method: 'GET', url: `/api/admin/inquiries/${r.json().id}`, headers: auth })).json();
    expect(inq.customerId).toBe('cus_KNOWN');
    const later = await send('later@buyer.example');
    const n = await ctx.database.transaction((tx) => linkInquiriesByEmail(tx, 'Later@Buyer.example', 'cus_LATER'));
    expect(n).toBe(1);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/admin/inquiries/${later.json().id}`, headers: auth })).json().customerId).toBe('cus_LATER');
  });

  it('without a directory hook, finds the customer record through the customers module', async () => {
    const plain = await createTestContext({ clock: 'manual', app: true });
    try {
      await plain.deps.db.execute(sql`INSERT INTO customers (id, kind, status, created_at, updated_at) VALUES ('cus_REAL', 'b2b', 'active', now(), now())`);
      await plain.deps.db.execute(sql`INSERT INTO customer_users (id, customer_id, email, name, role, status, created_at, updated_at)
        VALUES ('cu_REAL', 'cus_REAL', 'real@buyer.example', 'Real Buyer', 'admin', 'active', now(), now())`);
      const { formToken } = (await plain.app.inject({ method: 'GET', url: '/api/store/inquiries/form-token' })).json();
      (plain.clock as ManualClock).advance(4_000);
      const r = await plain.app.inject({
        method: 'POST', url: '/api/store/inquiries',
        payload: { name: 'Real Buyer', company: 'Real Co.', email: 'Real@Buyer.example', country: 'DE', message: 'Preis?', locale: 'de', formToken },
      });
      expect(r.statusCode, r.body).toBe(201);
      const [row] = await query<{ customer_id: string | null }>(plain.deps.db, sql`SELECT customer_id FROM inquiries WHERE id = ${r.json().id}`);
      expect(row!.customer_id).toBe('cus_REAL');
    } finally {
      await plain.close();
    }
  });

  it('moves new → replied by email → quoted → won, and refuses skipping back', async () => {
    const { id } = (await send('flow@buyer.example', '198.51.100.2')).json();
    const reply = await ctx.app.inject({ method: 'POST', url: `/api/admin/inquiries/${id}/reply`, headers: auth, payload: { body: '您好，报价单见附件。' } });
    expect(reply.json().status).toBe('replied');
    const mails = await query<{ to: string[]; tag: string }>(ctx.deps.db, sql`SELECT "to", tag FROM mail_messages WHERE tag = 'inquiry.reply'`);
    expect(mails).toEqual([{ to: ['flow@buyer.example'], tag: 'inquiry.reply' }]);
    const quoted = await ctx.app.inject({ method: 'PATCH', url: `/api/admin/inquiries/${id}`, headers: auth, payload: { status: 'quoted', note: 'Sent PI 2026-118' } });
    expect(quoted.json().status).toBe('quoted');
    const won = await ctx.app.inject({ method: 'PATCH', url: `/api/admin/inquiries/${id}`, headers: auth, payload: { status: 'won' } });
    expect(won.json().events.map((e: any) => e.kind)).toEqual(['received', 'reply', 'status', 'note', 'status']);
    const back = await ctx.app.inject({ method: 'PATCH', url: `/api/admin/inquiries/${id}`, headers: auth, payload: { status: 'new' } });
    expect(back.statusCode).toBe(409);
  });

  it('rate-limits one address to 5 inquiries an hour', async () => {
    for (let i = 0; i < 5; i++) expect((await send(`r${i}@b.example`, '198.51.100.9')).statusCode).toBe(201);
    const sixth = await send('r6@b.example', '198.51.100.9');
    expect(sixth.statusCode).toBe(429);
    expect(sixth.headers['retry-after']).toBe('3600');
  });
});
