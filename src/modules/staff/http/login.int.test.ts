import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestContext, DATABASE_UNDER_TEST, type TestContext } from '../../../platform/testing/harness.js';
import { buildApp } from '../../../app.js';
import type { ManualClock } from '../../../platform/clock/clock.js';
import { auditLog } from '../../../platform/audit/audit.schema.js';
import { totpCodeAt } from '../../../platform/auth/totp.js';
import { query, sql } from '../../../platform/db/database.js';
import { authHousekeepingJob } from '../jobs/housekeeping.js';
import { addStaff, call, enrolTotp, GOOD_PASSWORD, login, newBrowser, signIn, STAFF_COOKIE } from '../testing.js';

describe(`staff sign-in on ${DATABASE_UNDER_TEST}`, () => {
  let ctx: TestContext;
  let clock: ManualClock;
  beforeAll(async () => {
    ctx = await createTestContext({ clock: 'manual' });
    clock = ctx.clock as ManualClock;
  });
  afterAll(async () => ctx?.close());

  it('signs in with email and password and sets a locked-down cookie', async () => {
    await addStaff(ctx, 'ana@example.com', 'sales');
    const b = newBrowser();
    const res = await login(ctx, b, '  Ana@Example.com ');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ mfaRequired: false, mustEnrollMfa: false, csrfToken: expect.any(String) });
    const cookie = String(res.headers['set-cookie']).split(/,(?=\s*tl_)/).find((c) => c.includes(`${STAFF_COOKIE}=`))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/i); // plain HTTP here

    const session = await call(ctx, b, 'GET', '/api/admin/session');
    expect(session.statusCode).toBe(200);
    expect(session.headers['cache-control']).toBe('no-store');
    expect(session.json()).toMatchObject({
      staff: { email: 'ana@example.com', role: 'sales', totpEnabled: false },
      mfaPassed: true,
      mustEnrollMfa: false,
    });
    expect(session.json().permissions).toContain('orders:write');
    expect(session.json().permissions).not.toContain('staff:write');
  });

  it('marks the cookie Secure behind an HTTPS proxy when TRUST_PROXY is on', async () => {
    // The same deps behind a proxy: X-Forwarded-Proto is believed only with TRUST_PROXY=true.
    const proxied = await buildApp({ ...ctx.deps, config: { ...ctx.config, trustProxy: true } });
    try {
      await addStaff(ctx, 'sec@example.com', 'sales');
      for (const [app, secure] of [[proxied, true], [ctx.app, false]] as const) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/admin/auth/login',
          headers: { 'x-forwarded-proto': 'https' },
          payload: { email: 'sec@example.com', password: GOOD_PASSWORD },
        });
        expect(res.statusCode).toBe(200);
        const cookie = res.cookies.find((c) => c.name === STAFF_COOKIE)!;
        expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
        expect(!!cookie.secure).toBe(secure);
      }
    } finally {
      await proxied.close();
    }
  });

  it('gives the same generic 401 for a wrong password, an unknown email and a disabled account', async () => {
    const owner = newBrowser();
    await addStaff(ctx, 'boss@example.com', 'owner');
    await signIn(ctx, owner, 'boss@example.com');
    const gone = await addStaff(ctx, 'gone@example.com', 'warehouse');
    expect((await call(ctx, owner, 'PATCH', `/api/admin/staff/${gone.id}`, { status: 'disabled' })).statusCode).toBe(200);

    const replies = [];
    for (const [email, password] of [
      ['ana@example.com', 'wrong password 123'],
      ['nobody@example.com', GOOD_PASSWORD],
      ['gone@example.com', GOOD_PASSWORD],
    ] as const) {
      const res = await login(ctx, newBrowser(`10.9.0.${replies.length + 1}`), email, password);
      expect(res.statusCode).toBe(401);
      replies.push(res.json().detail);
    }
    expect(new Set(replies)).toEqual(new Set(['Email or password is incorrect.']));
    const failures = await ctx.deps.db.select().from(auditLog).where(eq(auditLog.action, 'staff.login_failed'));
    expect(failures.map((f) => [f.details.email, f.ip])).toEqual(
      expect.arrayContaining([
        ['ana@example.com', '10.9.0.1'],
        ['nobody@example.com', '10.9.0.2'],
        ['gone@example.com', '10.9.0.3'],
      ]),
    );
  });

  it('refuses a cookie-authenticated change without the CSRF header', async () => {
    const b = await signIn(ctx, newBrowser(), 'ana@example.com');
    const without = await call(ctx, b, 'PUT', '/api/admin/account/locale', { locale: 'zh-CN' }, { csrf: false });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('csrf_failed');
    const wrong = await ctx.app.inject({
      method: 'PUT',
      url: '/api/admin/account/locale',
      cookies: b.cookies,
      headers: { 'x-csrf-token': 'not-the-token' },
      payload: { locale: 'zh-CN' },
    });
    expect(wrong.statusCode).toBe(403);
    const ok = await call(ctx, b, 'PUT', '/api/admin/account/locale', { locale: 'zh-CN' });
    expect(ok.statusCode).toBe(204);
    // The error texts now follow the person's language.
    const bad = await call(ctx, b, 'PUT', '/api/admin/account/password', { currentPassword: 'nope nope nope', newPassword: 'whatever whatever 9' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toBe('当前密码不正确。');
  });

  it('requires the TOTP code after the password, accepts it once, and accepts each recovery code once', async () => {
    await addStaff(ctx, 'tom@example.com', 'finance');
    const first = await signIn(ctx, newBrowser(), 'tom@example.com');
    const { secret, recoveryCodes } = await enrolTotp(ctx, first);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);

    clock.advance(60_000);
    const b = newBrowser();
    const res = await login(ctx, b, 'tom@example.com');
    expect(res.json()).toMatchObject({ mfaRequired: true });
    // Password alone reaches nothing but the session and the code step.
    expect((await call(ctx, b, 'GET', '/api/admin/session')).json().mfaPassed).toBe(false);
    const blocked = await call(ctx, b, 'GET', '/api/admin/staff');
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json().code).toBe('mfa_required');

    const wrong = await call(ctx, b, 'POST', '/api/admin/auth/login/totp', { code: '000000' === (await totpCodeAt(secret, clock.now())) ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('body.code');

    const code = await totpCodeAt(secret, clock.now());
    expect((await call(ctx, b, 'POST', '/api/admin/auth/login/totp', { code })).statusCode).toBe(200);
    expect((await call(ctx, b, 'GET', '/api/admin/session')).json().mfaPassed).toBe(true);
    // Signed in fully: now only the role limits (finance may not manage staff).
    expect((await call(ctx, b, 'GET', '/api/admin/staff')).statusCode).toBe(403);

    // The same code cannot be used again, even within its 30-second window.
    const again = newBrowser();
    await login(ctx, again, 'tom@example.com');
    expect((await call(ctx, again, 'POST', '/api/admin/auth/login/totp', { code })).statusCode).toBe(400);

    // A recovery code works once (in any case, with or without the dash).
    const rc = recoveryCodes[0]!;
    const viaRecovery = await call(ctx, again, 'POST', '/api/admin/auth/login/totp', { recoveryCode: rc.toUpperCase().replace('-', '') });
    expect(viaRecovery.statusCode).toBe(200);
    const third = newBrowser();
    await login(ctx, third, 'tom@example.com');
    const reused = await call(ctx, third, 'POST', '/api/admin/auth/login/totp', { recoveryCode: rc });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().errors[0].field).toBe('body.recoveryCode');
    const used = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'staff.login'), eq(auditLog.actorLabel, 'tom@example.com')));
    expect(used.map((u) => u.details.secondFactor)).toEqual(expect.arrayContaining(['none', 'totp', 'recovery_code']));
  });

  it('ends a session after the idle timeout and after the absolute lifetime', async () => {
    const b = await signIn(ctx, newBrowser(), 'ana@example.com');
    const idle = ctx.config.sessionIdleMs;
    clock.advance(idle - 60_000);
    expect((await call(ctx, b, 'GET', '/api/admin/session')).statusCode).toBe(200); // activity moves the idle end
    clock.advance(idle - 60_000);
    expect((await call(ctx, b, 'GET', '/api/admin/session')).statusCode).toBe(200);
    clock.advance(idle + 1000);
    expect((await call(ctx, b, 'GET', '/api/admin/session')).statusCode).toBe(401);

    const c = await signIn(ctx, newBrowser(), 'ana@example.com');
    const step = Math.floor(idle / 2);
    let elapsed = 0;
    while (elapsed + step < ctx.config.sessionTtlMs) {
      clock.advance(step);
      elapsed += step;
      expect((await call(ctx, c, 'GET', '/api/admin/session')).statusCode).toBe(200);
    }
    clock.advance(ctx.config.sessionTtlMs - elapsed);
    expect((await call(ctx, c, 'GET', '/api/admin/session')).statusCode).toBe(401);
  });

  it('logs out one session, or every session of the person', async () => {
    const a = await signIn(ctx, newBrowser(), 'ana@example.com');
    const b = await signIn(ctx, newBrowser(), 'ana@example.com');
    const c = await signIn(ctx, newBrowser(), 'ana@example.com');
    expect((await call(ctx, a, 'POST', '/api/admin/auth/logout')).statusCode).toBe(204);
    expect((await call(ctx, a, 'GET', '/api/admin/session')).statusCode).toBe(401);
    expect((await call(ctx, b, 'GET', '/api/admin/session')).statusCode).toBe(200);

    expect((await call(ctx, b, 'POST', '/api/admin/auth/logout-everywhere')).statusCode).toBe(204);
    expect((await call(ctx, b, 'GET', '/api/admin/session')).statusCode).toBe(401);
    expect((await call(ctx, c, 'GET', '/api/admin/session')).statusCode).toBe(401);
  });

  it('changes the password with the current one, ending the other sessions', async () => {
    await addStaff(ctx, 'cara@example.com', 'sales');
    const here = await signIn(ctx, newBrowser(), 'cara@example.com');
    const there = await signIn(ctx, newBrowser(), 'cara@example.com');
    const wrong = await call(ctx, here, 'PUT', '/api/admin/account/password', { currentPassword: 'not it at all', newPassword: 'fresh new words 88' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('body.currentPassword');
    const common = await call(ctx, here, 'PUT', '/api/admin/account/password', { currentPassword: GOOD_PASSWORD, newPassword: 'baseball123' });
    expect(common.json().errors[0].field).toBe('body.newPassword');
    const ok = await call(ctx, here, 'PUT', '/api/admin/account/password', { currentPassword: GOOD_PASSWORD, newPassword: 'fresh new words 88' });
    expect(ok.statusCode).toBe(204);
    expect((await call(ctx, here, 'GET', '/api/admin/session')).statusCode).toBe(200);
    expect((await call(ctx, there, 'GET', '/api/admin/session')).statusCode).toBe(401);
    expect((await login(ctx, newBrowser(), 'cara@example.com')).statusCode).toBe(401);
    expect((await login(ctx, newBrowser(), 'cara@example.com', 'fresh new words 88')).statusCode).toBe(200);
  });

  it('replaces recovery codes only for a current TOTP code', async () => {
    await addStaff(ctx, 'rex@example.com', 'sales');
    const b = await signIn(ctx, newBrowser(), 'rex@example.com');
    const { secret, recoveryCodes } = await enrolTotp(ctx, b);
    clock.advance(30_000);
    expect((await call(ctx, b, 'POST', '/api/admin/account/recovery-codes', { code: '12345' })).statusCode).toBe(400);
    const res = await call(ctx, b, 'POST', '/api/admin/account/recovery-codes', { code: await totpCodeAt(secret, clock.now()) });
    expect(res.statusCode).toBe(200);
    const fresh: string[] = res.json().recoveryCodes;
    expect(fresh).toHaveLength(10);
    const c = newBrowser();
    await login(ctx, c, 'rex@example.com');
    expect((await call(ctx, c, 'POST', '/api/admin/auth/login/totp', { recoveryCode: recoveryCodes[1] })).statusCode).toBe(400);
    expect((await call(ctx, c, 'POST', '/api/admin/auth/login/totp', { recoveryCode: fresh[1] })).statusCode).toBe(200);
  });

  it('clears out expired sessions and stale throttle rows in the hourly housekeeping job', async () => {
    await login(ctx, newBrowser('10.77.0.1'), 'ana@example.com', 'wrong wrong wrong');
    await signIn(ctx, newBrowser(), 'ana@example.com');
    clock.advance(ctx.config.sessionTtlMs + 1000);
    await authHousekeepingJob(ctx.deps).handler({}, { id: 'test', retryCount: 0 });
    const [{ n: sessions }] = await query<{ n: number }>(ctx.deps.db, sql`SELECT count(*)::int AS n FROM auth_sessions`);
    const [{ n: attempts }] = await query<{ n: number }>(ctx.deps.db, sql`SELECT count(*)::int AS n FROM auth_throttle_events`);
    expect({ sessions, attempts }).toEqual({ sessions: 0, attempts: 0 });
  });
});
