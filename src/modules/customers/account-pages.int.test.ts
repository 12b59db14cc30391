import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DATABASE_UNDER_TEST, type TestContext } from '../../platform/testing/harness.js';
import { totpCodeAt } from '../../platform/auth/totp.js';
import type { ManualClock } from '../../platform/clock/clock.js';
import { multipart, PDF, PNG, type Browser } from './testing.js';
import { cliActor } from '../../platform/auth/principal.js';
import { updateCustomerSettings } from './commands/settings.js';
import { orderingFor } from './index.js';

/**
 * The buyer's account pages as a browser without JavaScript uses them: urlencoded and multipart
 * forms carrying the hidden `_csrf` field, errors re-rendered beside the fields, 303 redirects.
 */
describe(`storefront account pages (plain HTML forms) on ${DATABASE_UNDER_TEST}`, () => {
  let ctx: TestContext;
  const anna: Browser = { cookies: {} };
  const form = (o: Record<string, string>) => new URLSearchParams(o).toString();
  const urlencoded = { 'content-type': 'application/x-www-form-urlencoded' };
  const call = async (b: Browser, method: string, url: string, payload?: string | Buffer, headers: Record<string, string> = {}) => {
    const res = await ctx.app.inject({ method: method as 'GET', url, payload, headers: { ...headers, ...(Object.keys(b.cookies).length ? { cookie: Object.entries(b.cookies).map(([k, v]) => `${k}=${v}`).join('; ') } : {}) } });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number }[]) {
      if (c.value === '' || c.maxAge === 0) delete b.cookies[c.name];
      else b.cookies[c.name] = c.value;
    }
    return res;
  };
  const csrfIn = (page: string) => /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
  const lastMailText = async (to: string) =>
    (await ctx.deps.database.exec(`SELECT text FROM mail_messages WHERE $1 = ANY("to") ORDER BY created_at DESC, id DESC LIMIT 1`, [to])).rows[0].text as string;

  beforeAll(async () => {
    ctx = await createTestContext({ clock: 'manual' });
    (ctx.clock as ManualClock).set('2026-03-09T09:00:00Z');
  });
  afterAll(async () => ctx?.close());

  it('signs up in German, confirms the emailed link in the page language and signs in', async () => {
    const page = await call(anna, 'GET', '/de/account/sign-up');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Konto anlegen');
    const weak = await call(anna, 'POST', '/de/account/sign-up', form({ kind: 'b2b', name: 'Anna', email: 'anna@licht.de', password: 'short', companyName: 'Licht GmbH', country: 'de' }), urlencoded);
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toContain('data-error-for="password"');
    expect(weak.body).toContain('value="anna@licht.de"');
    const ok = await call(anna, 'POST', '/de/account/sign-up', form({ kind: 'b2b', name: 'Anna', email: 'anna@licht.de', password: 'a long unusual passphrase 7', companyName: 'Licht GmbH', country: 'de' }), urlencoded);
    expect(ok.statusCode).toBe(303);
    const link = /https?:\/\/[^\s]+\/de\/account\/verify\?token=([\w-]+)/.exec(await lastMailText('anna@licht.de'));
    expect(link).toBeTruthy();
    expect((await call(anna, 'GET', `/de/account/verify?token=${link![1]}`)).body).toContain('id="verify-form"');
    const verified = await call(anna, 'POST', '/de/account/verify', form({ token: link![1]! }), urlencoded);
    expect(verified.statusCode).toBe(200);
    expect(verified.body).toContain('E-Mail-Adresse bestätigt');

    const wrong = await call(anna, 'POST', '/de/account/sign-in', form({ email: 'anna@licht.de', password: 'nope nope nope', next: '/de/account' }), urlencoded);
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('E-Mail-Adresse oder Passwort stimmt nicht.');
    const signIn = await call(anna, 'POST', '/de/account/sign-in', form({ email: 'anna@licht.de', password: 'a long unusual passphrase 7', next: 'https://evil.example/' }), urlencoded);
    expect(signIn.statusCode).toBe(303);
    expect(signIn.headers.location).toBe('/de/account');
    const home = await call(anna, 'GET', '/de/account');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Licht GmbH');
    expect(home.body).toContain('data-status="none"');
    expect(home.body).toMatch(/data-section="addresses"/);
    anna.csrf = csrfIn(home.body);
    expect(anna.csrf).toBeTruthy();
  });

  it('keeps labelled ship-to addresses through a plain form, which needs the hidden _csrf field', async () => {
    const address = { kind: 'shipping', label: 'Lager Hamburg', name: 'Anna', line1: 'Hafenstr. 1', city: 'Hamburg', postcode: '20457', country: 'de', isDefault: '1' };
    const forged = await call(anna, 'POST', '/de/account/addresses', form(address), urlencoded);
    expect(forged.statusCode).toBe(403);
    expect(forged.json().code).toBe('csrf_failed');
    const missing = await call(anna, 'POST', '/de/account/addresses', form({ ...address, city: '', _csrf: anna.csrf! }), urlencoded);
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('data-error-for="city"');
    const saved = await call(anna, 'POST', '/de/account/addresses', form({ ...address, _csrf: anna.csrf! }), urlencoded);
    expect(saved.statusCode).toBe(303);
    const list = await call(anna, 'GET', '/de/account/addresses');
    expect(list.body).toContain('data-address="Lager Hamburg"');
    // The JSON API sees the same address book.
    const api = await call(anna, 'GET', '/api/store/account/addresses');
    expect(api.json().items.map((a: { label: string; country: string }) => [a.label, a.country])).toEqual([['Lager Hamburg', 'DE']]);
    // A retried API call with the same Idempotency-Key adds the address once.
    const body = JSON.stringify({ kind: 'shipping', label: 'Shop Köln', name: 'Anna', line1: 'Markt 2', city: 'Köln', country: 'DE' });
    const headers = { 'content-type': 'application/json', 'x-csrf-token': anna.csrf!, 'idempotency-key': 'addr-koeln-1' };
    const first = await call(anna, 'POST', '/api/store/account/addresses', body, headers);
    const retry = await call(anna, 'POST', '/api/store/account/addresses', body, headers);
    expect([first.statusCode, retry.statusCode]).toEqual([201, 201]);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().id).toBe(first.json().id);
    expect((await call(anna, 'GET', '/api/store/account/addresses')).json().items).toHaveLength(2);
  });

  it('applies as a dealer with a multipart form: a renamed text file is refused, then real documents are accepted', async () => {
    const page = await call(anna, 'GET', '/de/account/application');
    expect(page.body).toContain('enctype="multipart/form-data"');
    const fields = { _csrf: anna.csrf!, legalName: 'Licht GmbH', country: 'DE', line1: 'Hauptstr. 3', city: 'Berlin', vatId: 'DE136695976', contactName: 'Anna', contactEmail: 'anna@licht.de', expectedVolume: '250000', volumeCurrency: 'EUR' };
    const noToken = multipart({ ...fields, _csrf: 'wrong' }, { licence: { filename: 'l.pdf', data: PDF }, taxRegistration: { filename: 't.png', data: PNG } });
    expect((await call(anna, 'POST', '/de/account/application', noToken.payload, noToken.headers)).statusCode).toBe(403);
    const renamed = multipart(fields, { licence: { filename: 'licence.pdf', data: Buffer.from('plain text, not a PDF') }, taxRegistration: { filename: 't.png', data: PNG } });
    const r1 = await call(anna, 'POST', '/de/account/application', renamed.payload, renamed.headers);
    expect(r1.statusCode).toBe(415);
    expect(r1.body).toContain('data-error-for="licence"');
    expect(r1.body).toContain('Gewerbeerlaubnis als PDF, JPG oder PNG');
    expect(r1.body).toContain('value="Hauptstr. 3"');
    const good = multipart(fields, { licence: { filename: 'Gewerbeschein.pdf', data: PDF }, taxRegistration: { filename: 'steuer.png', data: PNG } });
    const r2 = await call(anna, 'POST', '/de/account/application', good.payload, good.headers);
    expect(r2.statusCode).toBe(303);
    const home = await call(anna, 'GET', '/de/account');
    expect(home.body).toContain('data-status="submitted"');
  });

  it('turns 2FA on from the profile page; the next sign-in asks for the code, and a reset never skips it', async () => {
    const start = await call(anna, 'POST', '/de/account/profile/2fa/start', form({ _csrf: anna.csrf! }), urlencoded);
    const secret = /id="totp-secret">([A-Z2-7]+)</.exec(start.body)![1]!;
    expect(start.body).toContain('data:image/png;base64');
    const on = await call(anna, 'POST', '/de/account/profile/2fa/enable', form({ _csrf: anna.csrf!, code: await totpCodeAt(secret, ctx.clock.now()) }), urlencoded);
    expect(on.statusCode).toBe(303);
    expect((await call(anna, 'GET', '/de/account/profile')).body).toContain('data-on="true"');

    await call(anna, 'POST', '/de/account/sign-out', form({ _csrf: anna.csrf! }), urlencoded);
    expect((await call(anna, 'GET', '/de/account')).headers.location).toMatch(/^\/de\/account\/sign-in\?next=/);
    await call(anna, 'POST', '/de/account/reset', form({ email: 'anna@licht.de' }), urlencoded);
    const token = /\/de\/account\/reset\?token=([\w-]+)/.exec(await lastMailText('anna@licht.de'))![1]!;
    const reset = await call(anna, 'POST', '/de/account/reset', form({ token, password: 'another unusual passphrase 8' }), urlencoded);
    expect(reset.statusCode).toBe(200);
    expect(anna.cookies.tl_customer).toBeUndefined();
    const pw = await call(anna, 'POST', '/de/account/sign-in', form({ email: 'anna@licht.de', password: 'another unusual passphrase 8', next: '/de/account/addresses' }), urlencoded);
    expect(pw.headers.location).toMatch(/^\/de\/account\/sign-in\/code/);
    // Half signed in: account pages still send to the sign-in page.
    expect((await call(anna, 'GET', '/de/account')).statusCode).toBe(303);
    const codePage = await call(anna, 'GET', pw.headers.location as string);
    const csrf = csrfIn(codePage.body)!;
    (ctx.clock as ManualClock).advance(60_000);
    const done = await call(anna, 'POST', '/de/account/sign-in/code', form({ _csrf: csrf, code: await totpCodeAt(secret, ctx.clock.now()), next: '/de/account/addresses' }), urlencoded);
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/de/account/addresses');
    expect((await call(anna, 'GET', '/de/account/addresses')).statusCode).toBe(200);
  });

  it('renders every account page in all eight store languages, Arabic right to left', async () => {
    for (const lang of ['en', 'zh-CN', 'es', 'fr', 'de', 'ru', 'pt', 'ar']) {
      for (const path of ['/account', '/account/addresses', '/account/users', '/account/profile', '/account/application']) {
        const r = await call(anna, 'GET', `/${lang}${path}`);
        expect(r.statusCode, `${lang}${path}`).toBe(200);
        expect(r.body, `${lang}${path}`).not.toMatch(/>account\.[a-zA-Z.]+</);
      }
      const guest = await ctx.app.inject({ method: 'GET', url: `/${lang}/account/sign-in` });
      expect(guest.body).toContain(`lang="${lang}"`);
      expect(guest.body).not.toMatch(/account\.(signIn|field)\./);
      if (lang === 'ar') expect(guest.body).toContain('dir="rtl"');
    }
  });

  it('refuses adding to a cart on the server when the buyer may not order (login wall on, applicant not approved)', async () => {
    const walled = await updateCustomerSettings(ctx.deps, cliActor(), { hidePricesForGuests: true });
    expect(await orderingFor(ctx.deps.db, undefined, walled, 'fr')).toEqual({ seesPrices: false, canOrder: false, message: 'Connectez-vous pour voir les prix', signInPath: '/fr/account/sign-in' });
    const guestForm = await ctx.app.inject({ method: 'POST', url: '/fr/cart/add', payload: form({ variantId: 'x', quantity: '1' }), headers: urlencoded });
    expect(guestForm.statusCode).toBe(303);
    expect(guestForm.headers.location).toBe('/fr/account/sign-in?next=%2Ffr%2Fcart');
    const guestApi = await ctx.app.inject({ method: 'POST', url: '/api/store/carts/crt_x/lines', payload: { skuId: 'x', quantity: 1 }, headers: { 'accept-language': 'zh-CN' } });
    expect(guestApi.statusCode).toBe(401);
    expect(guestApi.json().detail).toBe('请登录后下单。');
    // Anna's company applied but is not approved yet: still no ordering.
    const anna2 = await call(anna, 'POST', '/api/store/carts/crt_x/lines', JSON.stringify({ skuId: 'x', quantity: 1 }), { 'content-type': 'application/json', 'x-csrf-token': csrfIn((await call(anna, 'GET', '/de/account')).body)! });
    expect(anna2.statusCode).toBe(403);
    await updateCustomerSettings(ctx.deps, cliActor(), { hidePricesForGuests: false });
  });

  it('limits sign-up and reset mails per address and per IP in the database (every process counts together)', async () => {
    const reset = () => ctx.app.inject({ method: 'POST', url: '/api/store/account/password-reset', payload: { email: 'someone@example.org' }, remoteAddress: '203.0.113.9' });
    for (let i = 0; i < 5; i++) expect((await reset()).statusCode).toBe(202);
    const sixth = await reset();
    expect(sixth.statusCode).toBe(429);
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
    const rows = await ctx.deps.database.exec(`SELECT count(*)::int AS n FROM auth_throttle_events WHERE bucket = 'customer:reset:email:someone@example.org'`);
    expect(rows.rows[0].n).toBe(5);
    (ctx.clock as ManualClock).advance(3_601_000);
    expect((await reset()).statusCode).toBe(202);
    // Sign-up through the page: the same limit, shown on the form.
    let last = 0;
    for (let i = 0; i < 6; i++) {
      last = (await ctx.app.inject({ method: 'POST', url: '/en/account/sign-up', remoteAddress: '203.0.113.10', headers: urlencoded, payload: form({ kind: 'b2c', name: 'Sam', email: 'sam@example.org', password: 'a long unusual passphrase 9' }) })).statusCode;
    }
    expect(last).toBe(429);
  });
});
