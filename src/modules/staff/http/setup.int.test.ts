import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestContext, DATABASE_UNDER_TEST, type TestContext } from '../../../platform/testing/harness.js';
import type { ManualClock } from '../../../platform/clock/clock.js';
import { auditLog } from '../../../platform/audit/audit.schema.js';
import { ensureSetupLink, firstOwnerHint } from '../index.js';
import { addStaff, call, newBrowser, tokenIn, GOOD_PASSWORD, STAFF_DEVICE_COOKIE } from '../testing.js';

describe(`first owner on ${DATABASE_UNDER_TEST}`, () => {
  let ctx: TestContext;
  let clock: ManualClock;
  beforeAll(async () => {
    ctx = await createTestContext({ clock: 'manual' });
    clock = ctx.clock as ManualClock;
  });
  afterAll(async () => ctx?.close());

  const valid = async (token: string) =>
    (await ctx.app.inject({ method: 'GET', url: `/api/admin/auth/setup/${token}` })).json().valid as boolean;

  it('prints a one-time setup link and the CLI alternative while there is no owner', async () => {
    const lines = await firstOwnerHint(ctx.deps);
    expect(lines.join('\n')).toContain(`${ctx.config.publicUrl}/admin/setup#token=`);
    expect(lines.join('\n')).toContain('npx tradelane staff create --email');
    const token = tokenIn(lines.join('\n'));
    expect(await valid(token)).toBe(true);
    // A new start issues a fresh link and the older one stops working.
    const again = await ensureSetupLink(ctx.deps);
    expect(await valid(token)).toBe(false);
    expect(await valid(tokenIn(again!.url))).toBe(true);
  });

  it('expires after an hour', async () => {
    const link = await ensureSetupLink(ctx.deps);
    const token = tokenIn(link!.url);
    clock.advance(3600_000 + 1000);
    expect(await valid(token)).toBe(false);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/admin/auth/setup',
      payload: { token, email: 'late@example.com', name: 'Late', password: GOOD_PASSWORD },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('body.token');
  });

  it('creates the owner once, signs them in, and refuses a common password without spending the link', async () => {
    const token = tokenIn((await ensureSetupLink(ctx.deps))!.url);
    const b = newBrowser();
    const weak = await call(ctx, b, 'POST', '/api/admin/auth/setup', { token, email: 'olga@example.com', name: 'Olga', password: 'password123' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors).toEqual([expect.objectContaining({ field: 'body.password' })]);
    expect(weak.json().detail).toMatch(/most commonly used/);
    const short = await call(ctx, b, 'POST', '/api/admin/auth/setup', { token, email: 'olga@example.com', name: 'Olga', password: 'xK9#a' });
    expect(short.statusCode).toBe(400);
    expect(short.json().detail).toMatch(/at least 10 characters/);

    const res = await call(ctx, b, 'POST', '/api/admin/auth/setup', { token, email: 'Olga@Example.com', name: 'Olga', password: GOOD_PASSWORD });
    expect(res.statusCode).toBe(201);
    expect(b.cookies[STAFF_DEVICE_COOKIE]).toBeTruthy(); // this browser now counts as known for the owner
    b.csrf = res.json().csrfToken;
    expect(res.json()).toMatchObject({ mfaRequired: false, mustEnrollMfa: false });
    const session = await call(ctx, b, 'GET', '/api/admin/session');
    expect(session.json()).toMatchObject({ staff: { email: 'olga@example.com', role: 'owner' }, mfaPassed: true });
    expect((await call(ctx, b, 'GET', '/api/admin/staff')).statusCode).toBe(200);

    // Used once: the same link (or any setup link) no longer works, and nothing is printed any more.
    const reuse = await ctx.app.inject({
      method: 'POST',
      url: '/api/admin/auth/setup',
      payload: { token, email: 'eve@example.com', name: 'Eve', password: GOOD_PASSWORD },
    });
    expect(reuse.statusCode).toBe(409);
    expect(await valid(token)).toBe(false);
    expect(await firstOwnerHint(ctx.deps)).toEqual([]);
    expect(await ensureSetupLink(ctx.deps)).toBeNull();
    const audit = await ctx.deps.db.select().from(auditLog).where(eq(auditLog.action, 'staff.created'));
    expect(audit[0]).toMatchObject({ actorLabel: 'olga@example.com', details: expect.objectContaining({ via: 'setup_link' }) });
  });

  it('records an owner made with the CLI as the CLI’s doing', async () => {
    const created = await addStaff(ctx, 'cli@example.com', 'owner');
    expect(created).toMatchObject({ role: 'owner', status: 'active' });
    const rows = await ctx.deps.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(rows).toEqual([expect.objectContaining({ action: 'staff.created', actorType: 'cli' })]);
    expect(await firstOwnerHint(ctx.deps)).toEqual([]);
  });
});
