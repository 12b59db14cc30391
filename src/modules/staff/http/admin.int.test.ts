import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestContext, DATABASE_UNDER_TEST, type TestContext } from '../../../platform/testing/harness.js';
import type { ManualClock } from '../../../platform/clock/clock.js';
import { auditLog } from '../../../platform/audit/audit.schema.js';
import { cliActor } from '../../../platform/auth/principal.js';
import { totpCodeAt } from '../../../platform/auth/totp.js';
import { clearAllowlist } from '../index.js';
import { createApiKey } from '../../system/index.js';
import { addStaff, call, enrolTotp, login, newBrowser, signIn, type Browser } from '../testing.js';

describe(`staff management and security settings on ${DATABASE_UNDER_TEST}`, () => {
  let ctx: TestContext;
  let clock: ManualClock;
  let owner: Browser;
  let ownerId: string;
  beforeAll(async () => {
    ctx = await createTestContext({ clock: 'manual' });
    clock = ctx.clock as ManualClock;
    ownerId = (await addStaff(ctx, 'owner@example.com', 'owner')).id;
    owner = await signIn(ctx, newBrowser(), 'owner@example.com');
  });
  afterAll(async () => ctx?.close());

  it('checks permissions on the server: a warehouse person cannot manage staff or security', async () => {
    await addStaff(ctx, 'wanda@example.com', 'warehouse');
    const w = await signIn(ctx, newBrowser(), 'wanda@example.com');
    const create = await call(ctx, w, 'POST', '/api/admin/staff', { email: 'x@example.com', name: 'X', role: 'owner' });
    expect(create.statusCode).toBe(403);
    expect(create.json()).toMatchObject({ code: 'forbidden', detail: expect.stringContaining('staff:write') });
    expect((await call(ctx, w, 'GET', '/api/admin/staff')).statusCode).toBe(403);
    expect((await call(ctx, w, 'GET', '/api/admin/security')).statusCode).toBe(403);
    expect((await call(ctx, w, 'PATCH', `/api/admin/staff/${ownerId}`, { role: 'sales' })).statusCode).toBe(403);
    expect((await call(ctx, newBrowser(), 'GET', '/api/admin/staff')).statusCode).toBe(401);
  });

  it('never lets the last active owner be demoted or disabled, and disabling ends sessions', async () => {
    const demote = await call(ctx, owner, 'PATCH', `/api/admin/staff/${ownerId}`, { role: 'sales' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().detail).toMatch(/last active owner/);
    const self = await call(ctx, owner, 'PATCH', `/api/admin/staff/${ownerId}`, { status: 'disabled' });
    expect(self.statusCode).toBe(409);

    const sam = await addStaff(ctx, 'sam@example.com', 'sales');
    const samBrowser = await signIn(ctx, newBrowser(), 'sam@example.com');
    const renamed = await call(ctx, owner, 'PATCH', `/api/admin/staff/${sam.id}`, { name: 'Samuel', role: 'finance' });
    expect(renamed.json()).toMatchObject({ name: 'Samuel', role: 'finance' });
    // The new role applies to the running session at once.
    expect((await call(ctx, samBrowser, 'GET', '/api/admin/session')).json().staff.role).toBe('finance');
    const disabled = await call(ctx, owner, 'PATCH', `/api/admin/staff/${sam.id}`, { status: 'disabled' });
    expect(disabled.json().status).toBe('disabled');
    expect((await call(ctx, samBrowser, 'GET', '/api/admin/session')).statusCode).toBe(401);
    expect((await call(ctx, owner, 'PATCH', '/api/admin/staff/stf_nope', { name: 'N' })).statusCode).toBe(404);

    // With a second owner, the first may step down.
    const o2 = await addStaff(ctx, 'owner2@example.com', 'owner');
    expect((await call(ctx, owner, 'PATCH', `/api/admin/staff/${o2.id}`, { role: 'sales' })).statusCode).toBe(200);
    expect((await call(ctx, owner, 'PATCH', `/api/admin/staff/${o2.id}`, { role: 'owner' })).statusCode).toBe(200);

    const changes = await ctx.deps.db.select().from(auditLog).where(eq(auditLog.entityId, sam.id));
    expect(changes.map((c) => c.action)).toEqual(expect.arrayContaining(['staff.created', 'staff.updated']));
    expect(changes.find((c) => c.details.sessionsRevoked)).toBeTruthy();
  });

  it('signs a person out everywhere on an owner’s request', async () => {
    const p = await addStaff(ctx, 'pia@example.com', 'purchasing');
    const a = await signIn(ctx, newBrowser(), 'pia@example.com');
    const res = await call(ctx, owner, 'POST', `/api/admin/staff/${p.id}/revoke-sessions`);
    expect(res.json()).toEqual({ revoked: 1 });
    expect((await call(ctx, a, 'GET', '/api/admin/session')).statusCode).toBe(401);
  });

  it('makes people of a role enrol 2FA before anything else, and keeps it on', async () => {
    await addStaff(ctx, 'fay@example.com', 'finance');
    const fay = await signIn(ctx, newBrowser(), 'fay@example.com');
    const put = await call(ctx, owner, 'PUT', '/api/admin/security', { require2faRoles: ['finance', 'owner'], ipAllowlist: [] });
    expect(put.statusCode).toBe(200);

    const s = await call(ctx, fay, 'GET', '/api/admin/session');
    expect(s.json()).toMatchObject({ mfaPassed: true, mustEnrollMfa: true });
    // The owner also lacks 2FA now: only enrolment is open to her too.
    const blocked = await call(ctx, owner, 'GET', '/api/admin/staff');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().mustEnrollMfa).toBe(true);
    const { secret: ownerSecret } = await enrolTotp(ctx, owner);
    expect((await call(ctx, owner, 'GET', '/api/admin/staff')).statusCode).toBe(200);

    const { secret } = await enrolTotp(ctx, fay);
    expect((await call(ctx, fay, 'GET', '/api/admin/session')).json().mustEnrollMfa).toBe(false);
    clock.advance(30_000);
    const off = await call(ctx, fay, 'POST', '/api/admin/account/totp/disable', {
      password: 'correct horse battery staple 42',
      code: await totpCodeAt(secret, clock.now()),
    });
    expect(off.statusCode).toBe(403);
    expect(off.json().detail).toMatch(/requires two-factor/);

    // Sign-in now asks fay for her code.
    const again = newBrowser();
    expect((await login(ctx, again, 'fay@example.com')).json()).toMatchObject({ mfaRequired: true, mustEnrollMfa: false });

    // Lifting the rule lets people switch 2FA off again (password and code required).
    clock.advance(30_000);
    await call(ctx, owner, 'PUT', '/api/admin/security', { require2faRoles: ['owner'], ipAllowlist: [] });
    const wrongPw = await call(ctx, fay, 'POST', '/api/admin/account/totp/disable', { password: 'not my password', code: await totpCodeAt(secret, clock.now()) });
    expect(wrongPw.statusCode).toBe(400);
    expect(wrongPw.json().errors[0].field).toBe('body.password');
    const ok = await call(ctx, fay, 'POST', '/api/admin/account/totp/disable', {
      password: 'correct horse battery staple 42',
      code: await totpCodeAt(secret, clock.now()),
    });
    expect(ok.statusCode).toBe(204);
    expect((await login(ctx, newBrowser(), 'fay@example.com')).json().mfaRequired).toBe(false);
    void ownerSecret;
  });

  it('guards /admin and /api/admin with the IP allowlist and refuses a list that shuts the owner out', async () => {
    const self = await call(ctx, owner, 'PUT', '/api/admin/security', { require2faRoles: ['owner'], ipAllowlist: ['203.0.113.0/24'] });
    expect(self.statusCode).toBe(400);
    expect(self.json().detail).toContain('127.0.0.1');
    expect(self.json().errors[0].field).toBe('body.ipAllowlist');

    const bad = await call(ctx, owner, 'PUT', '/api/admin/security', {
      require2faRoles: ['owner', 'janitor'],
      ipAllowlist: ['127.0.0.1', '2001:db8::/32', '10.0.0', '10.0.0.0/33', ''],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'body.require2faRoles.1',
      'body.ipAllowlist.2',
      'body.ipAllowlist.3',
      'body.ipAllowlist.4',
    ]);

    const good = await call(ctx, owner, 'PUT', '/api/admin/security', {
      require2faRoles: ['owner'],
      ipAllowlist: ['127.0.0.1', '2001:DB8::1/32', '192.0.2.0/24'],
    });
    expect(good.statusCode).toBe(200);
    expect(good.json()).toEqual({
      require2faRoles: ['owner'],
      ipAllowlist: ['127.0.0.1', '2001:db8::/32', '192.0.2.0/24'],
      yourIp: '127.0.0.1',
    });

    const from = (ip: string, url: string) => ctx.app.inject({ method: 'GET', url, remoteAddress: ip });
    for (const url of ['/api/admin/session', '/admin', '/admin/staff', '/api/admin/auth/setup/x', '/%61dmin']) {
      const res = await from('198.51.100.9', url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().code).toBe('ip_not_allowed');
    }
    expect((await from('198.51.100.9', '/healthz')).statusCode).toBe(200);
    expect((await from('192.0.2.77', '/api/admin/session')).statusCode).toBe(401); // allowed, just not signed in
    expect((await from('2001:db8:1::5', '/api/admin/session')).statusCode).toBe(401);
    expect((await from('::ffff:192.0.2.8', '/api/admin/session')).statusCode).toBe(401);
    expect((await from('2001:db9::5', '/api/admin/session')).statusCode).toBe(403);

    // The CLI's way back in.
    const { cleared } = await clearAllowlist(ctx.deps, cliActor('security clear-allowlist'));
    expect(cleared).toHaveLength(3);
    expect((await from('198.51.100.9', '/api/admin/session')).statusCode).toBe(401);
    const audit = await ctx.deps.db.select().from(auditLog).where(eq(auditLog.action, 'security.allowlist_cleared'));
    expect(audit).toHaveLength(1);
  });

  it('sees an allowlist saved by another process within a few seconds', async () => {
    // Another server process writes the settings row; this one notices once its cache ages out.
    const { lockSecuritySettings, writeSecuritySettings } = await import('../db/staff-repo.js');
    await ctx.deps.database.transaction(async (tx) => {
      await lockSecuritySettings(tx, clock.now());
      await writeSecuritySettings(tx, { require2faRoles: ['owner'], ipAllowlist: ['127.0.0.1'] }, clock.now(), null);
    });
    await ctx.app.inject({ method: 'GET', url: '/api/admin/session', remoteAddress: '198.51.100.9' }); // may use the cached list
    clock.advance(6000);
    const res = await ctx.app.inject({ method: 'GET', url: '/api/admin/session', remoteAddress: '198.51.100.9' });
    expect(res.statusCode).toBe(403);
    await clearAllowlist(ctx.deps, cliActor());
  });

  it('refuses security settings to staff without the permission', async () => {
    await addStaff(ctx, 'sue@example.com', 'sales');
    const sue = await signIn(ctx, newBrowser(), 'sue@example.com');
    expect((await call(ctx, sue, 'PUT', '/api/admin/security', { require2faRoles: [], ipAllowlist: [] })).statusCode).toBe(403);
  });

  it('lets an API key with scope * list staff, but never change security settings', async () => {
    const { key } = await createApiKey(ctx.deps, cliActor(), { name: 'erp', scopes: ['*'] });
    const auth = { authorization: `Bearer ${key}` };
    const list = await ctx.app.inject({ method: 'GET', url: '/api/admin/staff', headers: auth });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { email: string }) => i.email)).toContain('owner@example.com');
    expect(list.json().items[0]).not.toHaveProperty('passwordHash');
    const sec = await ctx.app.inject({ method: 'GET', url: '/api/admin/security', headers: auth });
    expect(sec.statusCode).toBe(403);
    const { key: narrow } = await createApiKey(ctx.deps, cliActor(), { name: 'orders', scopes: ['orders:read'] });
    const res = await ctx.app.inject({ method: 'GET', url: '/api/admin/staff', headers: { authorization: `Bearer ${narrow}` } });
    expect(res.statusCode).toBe(403);
  });
});
