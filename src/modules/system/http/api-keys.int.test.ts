import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DATABASE_UNDER_TEST, type TestContext } from '../../../platform/testing/harness.js';
import { ManualClock } from '../../../platform/clock/clock.js';
import { buildApp } from '../../../app.js';
import { MODULES } from '../../modules.js';
import { asStaff, testStaffModule } from '../testing.js';

describe(`API keys on ${DATABASE_UNDER_TEST}`, () => {
  let ctx: TestContext;
  const modules = [...MODULES, testStaffModule];
  beforeAll(async () => {
    ctx = await createTestContext({ clock: 'manual', modules });
  });
  afterAll(async () => ctx?.close());

  const create = (body: object, role: Parameters<typeof asStaff>[0] = 'owner') =>
    ctx.app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: asStaff(role), payload: body });
  const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

  it('creates a key shown once, lists it without the secret, and audits it', async () => {
    const res = await create({ name: 'erp', scopes: ['audit:read', 'orders:read'] });
    expect(res.statusCode).toBe(201);
    const { key, apiKey } = res.json();
    expect(key).toMatch(/^tl_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({ name: 'erp', scopes: ['audit:read', 'orders:read'], rateLimitPerHour: 1000, createdBy: 'owner@example.test', lastUsedAt: null, revokedAt: null });
    expect(key.startsWith(apiKey.prefix + '_')).toBe(true);

    const list = await ctx.app.inject({ method: 'GET', url: '/api/admin/api-keys', headers: asStaff() });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(key.slice(12));
    expect(list.json().items.map((k: { id: string }) => k.id)).toContain(apiKey.id);

    // the stored form is a keyed hash, not the key
    const stored = await ctx.database.exec('SELECT key_hash FROM api_keys WHERE id = $1', [apiKey.id]);
    expect(stored.rows[0].key_hash).not.toContain(key.slice(12));

    const audit = await ctx.app.inject({ method: 'GET', url: `/api/admin/audit?entityId=${apiKey.id}`, headers: asStaff() });
    expect(audit.json().items).toEqual([expect.objectContaining({ action: 'apikey.created', actorLabel: 'owner@example.test', entityType: 'api_key' })]);
  });

  it('refuses unknown scopes naming the field, and non-owners', async () => {
    const res = await create({ name: 'erp', scopes: ['orders:read', 'orders:nuke'] });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'scopes.1' })]);
    expect((await create({ name: 'x', scopes: ['*'] }, 'sales')).statusCode).toBe(403);
  });

  it('authenticates a bearer key within its scopes, with rate-limit headers', async () => {
    const { key } = (await create({ name: 'reader', scopes: ['audit:read'] })).json();
    const ok = await ctx.app.inject({ method: 'GET', url: '/api/admin/audit', headers: bearer(key) });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['ratelimit-limit']).toBe('1000');
    expect(ok.headers['ratelimit-remaining']).toBe('999');
    expect(ok.headers['ratelimit-reset']).toBe('3600');

    const noScope = await ctx.app.inject({ method: 'GET', url: '/api/admin/jobs', headers: bearer(key) });
    expect(noScope.statusCode).toBe(403);
    expect(noScope.headers['ratelimit-remaining']).toBe('998');
    // keys never manage keys, whatever their scopes
    const star = (await create({ name: 'all', scopes: ['*'] })).json().key;
    expect((await ctx.app.inject({ method: 'GET', url: '/api/admin/api-keys', headers: bearer(star) })).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/admin/jobs', headers: bearer(star) })).statusCode).toBe(200);
    // the contract other issues rely on: a `*` key may list staff
    const staff = await ctx.app.inject({ method: 'GET', url: '/api/admin/staff', headers: bearer(star) });
    expect(staff.statusCode).toBe(200);
  });

  it('answers malformed, unknown and revoked keys with 401 and never falls back to cookies', async () => {
    for (const token of ['nonsense', 'tl_abcdefgh_' + 'A'.repeat(43)]) {
      const res = await ctx.app.inject({ method: 'GET', url: '/api/admin/audit', headers: { ...bearer(token), ...asStaff() } });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.headers['www-authenticate']).toContain('Bearer');
    }
    const { key, apiKey } = (await create({ name: 'temp', scopes: ['audit:read'] })).json();
    expect((await ctx.app.inject({ method: 'GET', url: '/api/admin/audit', headers: bearer(key) })).statusCode).toBe(200);
    const del = await ctx.app.inject({ method: 'DELETE', url: `/api/admin/api-keys/${apiKey.id}`, headers: asStaff() });
    expect(del.statusCode).toBe(204);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/admin/audit', headers: bearer(key) })).statusCode).toBe(401);
    const listed = (await ctx.app.inject({ method: 'GET', url: '/api/admin/api-keys', headers: asStaff() })).json().items;
    const row = listed.find((k: { id: string }) => k.id === apiKey.id);
    expect(row.revokedAt).not.toBeNull();
    expect(row.lastUsedAt).not.toBeNull();
    const audit = (await ctx.app.inject({ method: 'GET', url: `/api/admin/audit?action=apikey.revoked`, headers: asStaff() })).json();
    expect(audit.items[0]).toMatchObject({ entityId: apiKey.id, actorType: 'staff' });
    expect((await ctx.app.inject({ method: 'DELETE', url: '/api/admin/api-keys/key_nope', headers: asStaff() })).statusCode).toBe(404);
  });

  it('limits each key per hour across server instances, with 429 and Retry-After', async () => {
    const { key } = (await create({ name: 'tight', scopes: ['audit:read'], rateLimitPerHour: 2 })).json();
    // a second app on the same database stands in for a second server process
    const other = await buildApp(ctx.deps, { modules });
    try {
      expect((await ctx.app.inject({ method: 'GET', url: '/api/admin/audit', headers: bearer(key) })).statusCode).toBe(200);
      (ctx.clock as ManualClock).advance(60_000);
      const second = await other.inject({ method: 'GET', url: '/api/admin/audit', headers: bearer(key) });
      expect(second.statusCode).toBe(200);
      expect(second.headers['ratelimit-remaining']).toBe('0');
      const third = await ctx.app.inject({ method: 'GET', url: '/api/admin/audit', headers: bearer(key) });
      expect(third.statusCode).toBe(429);
      expect(third.headers['retry-after']).toBe('3540');
      expect(third.headers['ratelimit-limit']).toBe('2');
      expect(third.headers['ratelimit-remaining']).toBe('0');
      expect(third.json()).toMatchObject({ status: 429, code: 'rate_limited' });
      (ctx.clock as ManualClock).advance(3540_000);
      const fresh = await other.inject({ method: 'GET', url: '/api/admin/audit', headers: bearer(key) });
      expect(fresh.statusCode).toBe(200);
      expect(fresh.headers['ratelimit-remaining']).toBe('1');
    } finally {
      await other.close();
    }
  });
});
