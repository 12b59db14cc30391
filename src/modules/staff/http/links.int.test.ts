import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DATABASE_UNDER_TEST, type TestContext } from '../../../platform/testing/harness.js';
import type { ManualClock } from '../../../platform/clock/clock.js';
import { totpCodeAt } from '../../../platform/auth/totp.js';
import { query, sql } from '../../../platform/db/database.js';
import { addStaff, call, enrolTotp, lastMailTo, login, newBrowser, signIn, tokenIn, STAFF_COOKIE } from '../testing.js';

const NEW_PASSWORD = 'a brand new passphrase 77';

describe(`password reset and invitations on ${DATABASE_UNDER_TEST}`, () => {
  let ctx: TestContext;
  let clock: ManualClock;
  beforeAll(async () => {
    ctx = await createTestContext({ clock: 'manual' });
    clock = ctx.clock as ManualClock;
  });
  afterAll(async () => ctx?.close());

  it('resets a password by emailed link without ever skipping the second factor', async () => {
    await addStaff(ctx, 'rita@example.com', 'finance');
    const old = await signIn(ctx, newBrowser(), 'rita@example.com');
    const { secret } = await enrolTotp(ctx, old);

    const anon = newBrowser();
    for (const email of ['rita@example.com', 'nobody@example.com']) {
      const res = await call(ctx, anon, 'POST', '/api/admin/auth/password-reset/request', { email });
      expect(res.statusCode).toBe(202);
    }
    expect(await lastMailTo(ctx, 'nobody@example.com')).toBeUndefined();
    const mail = (await lastMailTo(ctx, 'rita@example.com'))!;
    expect(mail.subject).toBe('Reset your Tradelane password');
    expect(mail.html).toContain(`${ctx.config.publicUrl}/admin/reset#token=`);
    const token = tokenIn(mail.text!);

    const common = await call(ctx, anon, 'POST', '/api/admin/auth/password-reset/confirm', { token, password: 'qwertyuiop' });
    expect(common.statusCode).toBe(400);
    const done = await call(ctx, anon, 'POST', '/api/admin/auth/password-reset/confirm', { token, password: NEW_PASSWORD });
    expect(done.statusCode).toBe(204);
    expect(done.cookies.find((c) => c.name === STAFF_COOKIE)).toBeUndefined(); // not signed in
    expect((await call(ctx, anon, 'POST', '/api/admin/auth/password-reset/confirm', { token, password: NEW_PASSWORD + 'x' })).statusCode).toBe(400);

    // Every earlier session is gone; signing in with the new password still owes the TOTP code.
    expect((await call(ctx, old, 'GET', '/api/admin/session')).statusCode).toBe(401);
    const b = newBrowser();
    const res = await login(ctx, b, 'rita@example.com', NEW_PASSWORD);
    expect(res.json().mfaRequired).toBe(true);
    expect((await call(ctx, b, 'GET', '/api/admin/session')).json().mfaPassed).toBe(false);
    clock.advance(30_000);
    expect((await call(ctx, b, 'POST', '/api/admin/auth/login/totp', { code: await totpCodeAt(secret, clock.now()) })).statusCode).toBe(200);
  });

  it('expires a reset link after an hour', async () => {
    await call(ctx, newBrowser(), 'POST', '/api/admin/auth/password-reset/request', { email: 'rita@example.com' });
    const token = tokenIn((await lastMailTo(ctx, 'rita@example.com'))!.text!);
    clock.advance(3600_000 + 1);
    const res = await call(ctx, newBrowser(), 'POST', '/api/admin/auth/password-reset/confirm', { token, password: NEW_PASSWORD + '!' });
    expect(res.statusCode).toBe(400);
  });

  it('sends at most three reset emails an hour to one person', async () => {
    await addStaff(ctx, 'flo@example.com', 'sales');
    for (let i = 0; i < 5; i++) {
      expect((await call(ctx, newBrowser(), 'POST', '/api/admin/auth/password-reset/request', { email: 'FLO@example.com' })).statusCode).toBe(202);
    }
    await lastMailTo(ctx, 'flo@example.com');
    const [{ n }] = await query<{ n: number }>(ctx.deps.db, sql`SELECT count(*)::int AS n FROM mail_messages WHERE 'flo@example.com' = ANY("to")`);
    expect(n).toBe(3);
  });

  it('invites a person by email in their language; they choose a password and sign in', async () => {
    await addStaff(ctx, 'owen@example.com', 'owner');
    const owner = await signIn(ctx, newBrowser(), 'owen@example.com');
    const res = await call(ctx, owner, 'POST', '/api/admin/staff', { email: 'Li@Example.com', name: '李雷', role: 'warehouse', locale: 'zh-CN' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email: 'li@example.com', role: 'warehouse', status: 'invited', totpEnabled: false });
    const dup = await call(ctx, owner, 'POST', '/api/admin/staff', { email: 'li@example.com', name: 'Li', role: 'sales' });
    expect(dup.statusCode).toBe(409);

    const mail = (await lastMailTo(ctx, 'li@example.com'))!;
    expect(mail.locale).toBe('zh-CN');
    expect(mail.subject).toContain('邀请您加入 Tradelane 后台');
    expect(mail.html).toContain('仓库');
    expect(mail.html).toContain(`${ctx.config.publicUrl}/admin/invite#token=`);
    const token = tokenIn(mail.text!);

    // Invited people cannot sign in before accepting, nor be switched on by hand.
    expect((await login(ctx, newBrowser(), 'li@example.com', NEW_PASSWORD)).statusCode).toBe(401);
    const activate = await call(ctx, owner, 'PATCH', `/api/admin/staff/${res.json().id}`, { status: 'active' });
    expect(activate.statusCode).toBe(409);

    const anon = newBrowser();
    expect((await ctx.app.inject({ method: 'GET', url: `/api/admin/auth/invite/${token}` })).json()).toEqual({ valid: true });
    const weak = await call(ctx, anon, 'POST', '/api/admin/auth/invite/accept', { token, password: 'iloveyou2024' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].field).toBe('body.password');
    expect((await call(ctx, anon, 'POST', '/api/admin/auth/invite/accept', { token, password: NEW_PASSWORD })).statusCode).toBe(204);
    expect((await call(ctx, anon, 'POST', '/api/admin/auth/invite/accept', { token, password: NEW_PASSWORD })).statusCode).toBe(400);
    const li = newBrowser();
    expect((await login(ctx, li, 'li@example.com', NEW_PASSWORD)).statusCode).toBe(200);
    expect((await call(ctx, li, 'GET', '/api/admin/session')).json().staff).toMatchObject({ locale: 'zh-CN', role: 'warehouse' });
    const list = await call(ctx, owner, 'GET', '/api/admin/staff');
    expect(list.json().items.find((i: { email: string }) => i.email === 'li@example.com')).toMatchObject({
      status: 'active',
      lastLoginAt: expect.any(String),
    });
  });

  it('expires an invitation after 72 hours', async () => {
    const owner = await signIn(ctx, newBrowser(), 'owen@example.com');
    await call(ctx, owner, 'POST', '/api/admin/staff', { email: 'late@example.com', name: 'Late', role: 'sales' });
    const token = tokenIn((await lastMailTo(ctx, 'late@example.com'))!.text!);
    clock.advance(72 * 3600_000 + 1000);
    expect((await call(ctx, newBrowser(), 'POST', '/api/admin/auth/invite/accept', { token, password: NEW_PASSWORD })).statusCode).toBe(400);

    // The owner sends a fresh link, which works.
    const again = await signIn(ctx, newBrowser(), 'owen@example.com');
    const late = (await call(ctx, again, 'GET', '/api/admin/staff')).json().items.find((i: { email: string }) => i.email === 'late@example.com');
    expect((await call(ctx, again, 'POST', `/api/admin/staff/${late.id}/resend-invite`)).statusCode).toBe(204);
    const fresh = tokenIn((await lastMailTo(ctx, 'late@example.com'))!.text!);
    expect(fresh).not.toBe(token);
    expect((await call(ctx, newBrowser(), 'POST', '/api/admin/auth/invite/accept', { token: fresh, password: NEW_PASSWORD })).statusCode).toBe(204);
    expect((await call(ctx, again, 'POST', `/api/admin/staff/${late.id}/resend-invite`)).statusCode).toBe(409);
  });
});
