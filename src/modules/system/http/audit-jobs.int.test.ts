import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DATABASE_UNDER_TEST, type TestContext } from '../../../platform/testing/harness.js';
import { ManualClock } from '../../../platform/clock/clock.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { SYSTEM_ACTOR, type Actor } from '../../../platform/auth/principal.js';
import type { AppModule } from '../../../platform/http/types.js';
import { MODULES } from '../../modules.js';
import { asStaff, testStaffModule } from '../testing.js';

const flakyJobs: AppModule = {
  name: 'test-jobs',
  jobs: () => [
    {
      name: 'test.flaky',
      retryLimit: 0,
      handler: async (data: { fail?: boolean }) => {
        if (data.fail) throw new Error('carrier said no');
      },
    },
  ],
};

describe(`audit log and jobs APIs on ${DATABASE_UNDER_TEST}`, () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ clock: 'manual', modules: [...MODULES, testStaffModule, flakyJobs] });
  });
  afterAll(async () => ctx?.close());

  const get = (url: string, role: Parameters<typeof asStaff>[0] = 'owner') => ctx.app.inject({ method: 'GET', url, headers: asStaff(role) });

  it('filters the audit log and pages through it newest first without gaps or repeats', async () => {
    const clock = ctx.clock as ManualClock;
    clock.set('2026-03-01T08:00:00Z');
    const alice: Actor = { type: 'staff', id: 'stf_alice', label: 'alice@example.com', ip: '203.0.113.9', requestId: 'req_1' };
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      await ctx.database.transaction((tx) =>
        recordAudit(tx, ctx.deps, i % 2 ? alice : SYSTEM_ACTOR, {
          action: i < 5 ? 'order.updated' : 'staff.created',
          entityType: i < 5 ? 'order' : 'staff',
          entityId: `ent_${i}`,
          details: { n: i },
        }),
      );
      clock.advance(60_000);
      ids.push(`ent_${i}`);
    }
    // several entries in the same instant must still page cleanly
    for (let i = 7; i < 10; i++) {
      await ctx.database.transaction((tx) => recordAudit(tx, ctx.deps, alice, { action: 'order.updated', entityType: 'order', entityId: `ent_${i}` }));
    }

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(`/api/admin/audit?limit=3&entityType=order${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      seen.push(...body.items.map((i: { entityId: string }) => i.entityId));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
    expect(seen.slice(-5)).toEqual(['ent_4', 'ent_3', 'ent_2', 'ent_1', 'ent_0']);

    const byActorText = (await get('/api/admin/audit?actor=ALICE@example')).json().items;
    expect(byActorText.every((i: { actorLabel: string }) => i.actorLabel === 'alice@example.com')).toBe(true);
    expect(byActorText[0]).toMatchObject({ actorId: 'stf_alice', ip: '203.0.113.9', actorType: 'staff' });
    expect((await get('/api/admin/audit?actor=stf_alice')).json().items).toHaveLength(byActorText.length);

    const staffOnly = (await get('/api/admin/audit?action=staff.')).json().items;
    expect(staffOnly.map((i: { entityId: string }) => i.entityId)).toEqual(['ent_6', 'ent_5']);
    expect(staffOnly[1].details).toEqual({ n: 5 });

    const window = (await get('/api/admin/audit?from=2026-03-01T08:01:00Z&to=2026-03-01T08:03:00Z')).json().items;
    expect(window.map((i: { entityId: string }) => i.entityId)).toEqual(['ent_2', 'ent_1']);
    // a literal % in the prefix matches nothing rather than everything
    expect((await get('/api/admin/audit?action=%25')).json().items).toEqual([]);
  });

  it('names bad filters and needs audit:read', async () => {
    const bad = await get('/api/admin/audit?from=yesterday&limit=500');
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['querystring.from', 'querystring.limit']));
    const cursor = await get('/api/admin/audit?cursor=aud_missing');
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().errors[0].field).toBe('cursor');
    expect((await get('/api/admin/audit', 'warehouse')).statusCode).toBe(403);
  });

  it('lists failed jobs with their error, masks secrets, and retries them with an audit entry', async () => {
    await ctx.database.transaction(async (tx) => {
      await ctx.deps.jobs.enqueue(tx, 'test.flaky', { fail: true, orderId: 'ord_1', apiToken: 'sk_live_very_secret', carrier: { password: 'pw' } });
      await ctx.deps.jobs.enqueue(tx, 'test.flaky', { fail: false });
    });
    await ctx.deps.jobs.drain(['test.flaky']);

    const res = await get('/api/admin/jobs?name=test.flaky');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.counts).toMatchObject({ failed: 1, completed: 1, created: 0, retry: 0, active: 0, cancelled: 0 });
    expect(res.body).not.toContain('sk_live_very_secret');
    const failed = (await get('/api/admin/jobs?name=test.flaky&state=failed')).json().items;
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      name: 'test.flaky',
      state: 'failed',
      data: { orderId: 'ord_1', apiToken: '[redacted]', carrier: { password: '[redacted]' } },
      output: expect.objectContaining({ message: 'carrier said no' }),
      retryLimit: 0,
    });

    const url = `/api/admin/jobs/test.flaky/${failed[0].id}/retry`;
    expect((await ctx.app.inject({ method: 'POST', url, headers: asStaff('sales') })).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'POST', url, headers: { 'x-test-role': 'owner' } })).statusCode).toBe(403); // no CSRF token
    const retried = await ctx.app.inject({ method: 'POST', url, headers: asStaff() });
    expect(retried.statusCode).toBe(204);
    expect((await get('/api/admin/jobs?name=test.flaky&state=retry')).json().items.map((j: { id: string }) => j.id)).toEqual([failed[0].id]);
    const again = await ctx.app.inject({ method: 'POST', url, headers: asStaff() });
    expect(again.statusCode).toBe(409);
    expect((await ctx.app.inject({ method: 'POST', url: '/api/admin/jobs/test.flaky/not-a-uuid/retry', headers: asStaff() })).statusCode).toBe(404);
    const audit = (await get(`/api/admin/audit?action=job.retried&entityId=${failed[0].id}`)).json().items;
    expect(audit).toEqual([expect.objectContaining({ actorLabel: 'owner@example.test', details: { name: 'test.flaky' } })]);
  });
});
