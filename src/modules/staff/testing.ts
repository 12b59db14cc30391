import { desc } from 'drizzle-orm';
import type { TestContext } from '../../platform/testing/harness.js';
import { cliActor } from '../../platform/auth/principal.js';
import { mailMessages } from '../../platform/mail/mail.schema.js';
import { totpCodeAt } from '../../platform/auth/totp.js';
import { createStaff } from './commands/create-staff.js';
import type { StaffRole } from './domain/roles.js';
import { STAFF_COOKIE, STAFF_DEVICE_COOKIE } from './http/request.js';

/** Helpers for staff integration tests (and other modules' tests that need a signed-in person). */
export const GOOD_PASSWORD = 'correct horse battery staple 42';

export async function addStaff(ctx: TestContext, email: string, role: StaffRole = 'owner', password = GOOD_PASSWORD) {
  return (await createStaff(ctx.deps, cliActor('test'), { email, name: email.split('@')[0]!, role, password })).staff;
}

export interface Browser {
  cookies: Record<string, string>;
  csrf?: string;
  ip: string;
}

export const newBrowser = (ip = '127.0.0.1'): Browser => ({ cookies: {}, ip });

type InjectRes = Awaited<ReturnType<TestContext['app']['inject']>>;

/** Stores Set-Cookie replies in the browser the way a browser would (Max-Age=0 or empty deletes). */
export function keepCookies(b: Browser, res: InjectRes): void {
  for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
    if (!c.value || c.maxAge === 0 || (c.expires && c.expires.getTime() <= Date.now())) {
      delete b.cookies[c.name];
    } else b.cookies[c.name] = c.value;
  }
}

/** A request from this browser: its cookies, its CSRF token on changes, its address. */
export async function call(
  ctx: TestContext,
  b: Browser,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
  opts: { csrf?: boolean } = {},
): Promise<InjectRes> {
  const headers: Record<string, string> = {};
  if (method !== 'GET' && b.csrf && opts.csrf !== false) headers['x-csrf-token'] = b.csrf;
  const res = await ctx.app.inject({
    method,
    url,
    cookies: b.cookies,
    headers,
    remoteAddress: b.ip,
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
  keepCookies(b, res);
  return res;
}

export async function login(ctx: TestContext, b: Browser, email: string, password = GOOD_PASSWORD) {
  const res = await call(ctx, b, 'POST', '/api/admin/auth/login', { email, password });
  if (res.statusCode === 200) b.csrf = res.json().csrfToken;
  return res;
}

/** Signs in fully (password, then the current TOTP code when 2FA is on). */
export async function signIn(ctx: TestContext, b: Browser, email: string, opts: { totpSecret?: string; password?: string } = {}) {
  const res = await login(ctx, b, email, opts.password);
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  if (res.json().mfaRequired) {
    const code = await totpCodeAt(opts.totpSecret!, ctx.deps.clock.now());
    const r2 = await call(ctx, b, 'POST', '/api/admin/auth/login/totp', { code });
    if (r2.statusCode !== 200) throw new Error(`totp failed: ${r2.statusCode} ${r2.body}`);
  }
  return b;
}

/** Enrols 2FA for the signed-in browser; returns the secret and the recovery codes. */
export async function enrolTotp(ctx: TestContext, b: Browser) {
  const setup = await call(ctx, b, 'POST', '/api/admin/account/totp/setup');
  if (setup.statusCode !== 200) throw new Error(`totp setup: ${setup.statusCode} ${setup.body}`);
  const { secret } = setup.json();
  const code = await totpCodeAt(secret, ctx.deps.clock.now());
  const en = await call(ctx, b, 'POST', '/api/admin/account/totp/enable', { code });
  if (en.statusCode !== 200) throw new Error(`totp enable: ${en.statusCode} ${en.body}`);
  return { secret: secret as string, recoveryCodes: en.json().recoveryCodes as string[] };
}

/** The newest email to an address, from the outbox table. */
export async function lastMailTo(ctx: TestContext, email: string) {
  await ctx.deps.jobs.drain(); // mail that a job writes (password reset) lands first
  const rows = await ctx.deps.db.select().from(mailMessages).orderBy(desc(mailMessages.createdAt), desc(mailMessages.id));
  return rows.find((m) => m.to.includes(email));
}

/** The token in an emailed or printed link (…#token=XYZ). */
export function tokenIn(text: string): string {
  const m = /#token=([A-Za-z0-9_-]+)/.exec(text);
  if (!m) throw new Error(`no token link in: ${text.slice(0, 200)}`);
  return m[1]!;
}

export { STAFF_COOKIE, STAFF_DEVICE_COOKIE };
