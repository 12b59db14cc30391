import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DATABASE_UNDER_TEST, type TestContext } from '../../platform/testing/harness.js';
import { cliActor } from '../../platform/auth/principal.js';
import { totpCodeAt } from '../../platform/auth/totp.js';
import type { ManualClock } from '../../platform/clock/clock.js';
import { createApiKey } from '../system/index.js';
import { saveProduct } from '../catalog/index.js';
import { importRates, setEnabledCurrencies } from '../fx/index.js';
import { createPriceList, setEntries } from '../pricing/index.js';
import { variantIdsBySku } from '../pricing/db/pricing.repo.js';
import { multipart, PDF, PNG, type Browser } from './testing.js';

const ECB = `<?xml version="1.0"?><gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref"><Cube><Cube time='2026-03-06'><Cube currency='JPY' rate='160.00'/><Cube currency='USD' rate='1.1'/></Cube></Cube></gesmes:Envelope>`;
describe(`buyer accounts and dealer applications on ${DATABASE_UNDER_TEST}`, () => {
  let ctx: TestContext;
  let staffKey: string;
  let viewerKey: string;
  let variant: string;
  let dealerProduct: string;
  const dealer: Browser = { cookies: {} };

  const call = async (b: Browser | null, method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) => {
    const res = await ctx.app.inject({
      method: method as any, url, payload: payload as any,
      headers: { ...headers, ...(b && Object.keys(b.cookies).length ? { cookie: Object.entries(b.cookies).map(([k, v]) => `${k}=${v}`).join('; ') } : {}), ...(b?.csrf && method !== 'GET' ? { 'x-csrf-token': b.csrf } : {}) },
    });
    if (b) for (const c of res.cookies as { name: string; value: string }[]) b.cookies[c.name] = c.value;
    return res;
  };
  const lastMail = async (to: string) => {
    const r = await ctx.deps.database.exec(`SELECT subject, text, locale FROM mail_messages WHERE $1 = ANY("to") ORDER BY created_at DESC, id DESC LIMIT 1`, [to]);
    return r.rows[0] as { subject: string; text: string; locale: string };
  };
  const tokenIn = (text: string) => /token=([A-Za-z0-9_-]+)/.exec(text)![1]!;
  const staff = (method: string, url: string, payload?: unknown) => call(null, method, url, payload, { authorization: `Bearer ${staffKey}` });

  beforeAll(async () => {
    ctx = await createTestContext({ clock: 'manual' });
    (ctx.clock as ManualClock).set('2026-03-09T09:00:00Z');
    staffKey = (await createApiKey(ctx.deps, cliActor(), { name: 'kyc', scopes: ['customers:read', 'customers:kyc', 'settings:write'] })).key;
    viewerKey = (await createApiKey(ctx.deps, cliActor(), { name: 'read', scopes: ['customers:read'] })).key;
    await ctx.deps.database.transaction((tx) => saveProduct(tx, ctx.deps, cliActor(), undefined, { texts: { en: { name: 'Lamp' } }, variants: [{ sku: 'LAMP-1' }] }));
    variant = (await variantIdsBySku(ctx.deps.db, ['LAMP-1'])).get('LAMP-1')!;
    await ctx.deps.database.transaction((tx) => saveProduct(tx, ctx.deps, cliActor(), undefined, { visibility: 'dealers', texts: { en: { name: 'Dealer kit' } }, variants: [{ sku: 'DLR-1' }] }));
    dealerProduct = (await ctx.deps.database.exec(`SELECT product_id FROM catalog_variants WHERE sku = 'DLR-1'`)).rows[0].product_id;
    await importRates(ctx.deps, { text: ECB, origin: 'test', actor: cliActor() });
    await setEnabledCurrencies(ctx.deps, cliActor(), { base: 'EUR', enabled: ['EUR', 'JPY'] });
    for (const [tier, price] of [['A', 311], ['B', 422], ['C', 533], [null, 999]] as const) {
      const l = await createPriceList(ctx.deps, cliActor(), { name: `L${tier ?? 'retail'}`, kind: tier ? 'tier' : 'retail', tierCode: tier, currency: 'EUR' });
      await setEntries(ctx.deps, cliActor(), l.id, [{ variantId: variant, breaks: [{ minQty: 1, unitAmount: price }] }]);
    }
    await staff('PUT', '/api/admin/customers/settings', { hidePricesForGuests: true, tierRules: [{ countries: ['DE'], minVolumeEurMinor: 10_000_000, tier: 'B' }], defaultTier: 'C' });
  });
  afterAll(async () => ctx?.close());

  it('signs up a company, verifies the email, and signs in with the tl_customer cookie', async () => {
    const weak = await call(null, 'POST', '/api/store/account/signup', { kind: 'b2b', email: 'buyer@dealer.de', password: 'password', name: 'Anna', companyName: 'Licht GmbH', country: 'DE', locale: 'de' });
    expect(weak.statusCode).toBe(400);
    const ok = await call(null, 'POST', '/api/store/account/signup', { kind: 'b2b', email: 'buyer@dealer.de', password: 'a long unusual passphrase 7', name: 'Anna', companyName: 'Licht GmbH', country: 'DE', locale: 'de' });
    expect(ok.statusCode).toBe(202);
    const early = await call(dealer, 'POST', '/api/store/account/login', { email: 'buyer@dealer.de', password: 'a long unusual passphrase 7' });
    expect(early.statusCode).toBe(403);
    expect((await call(null, 'POST', '/api/store/account/verify', { token: tokenIn((await lastMail('buyer@dealer.de')).text) })).statusCode).toBe(204);
    const login = await call(dealer, 'POST', '/api/store/account/login', { email: 'buyer@dealer.de', password: 'a long unusual passphrase 7' });
    expect(login.statusCode).toBe(200);
    expect(dealer.cookies.tl_customer).toBeTruthy();
    dealer.csrf = login.json().csrfToken;
    const me = await call(dealer, 'GET', '/api/store/account');
    expect(me.json()).toMatchObject({ user: { email: 'buyer@dealer.de', role: 'admin', emailVerified: true }, customer: { kind: 'b2b', companyName: 'Licht GmbH', tier: null } });
    // The staff API does not accept a buyer cookie.
    expect((await call(dealer, 'GET', '/api/admin/customers')).statusCode).toBe(401);
  });

  it('keeps an address book and company users with roles', async () => {
    const ship = await call(dealer, 'POST', '/api/store/account/addresses', { kind: 'shipping', name: 'Lager', line1: 'Hafenstr. 1', city: 'Hamburg', postcode: '20457', country: 'DE', isDefault: true });
    expect(ship.statusCode).toBe(201);
    await call(dealer, 'POST', '/api/store/account/addresses', { kind: 'shipping', name: 'Shop', line1: 'Markt 2', city: 'Köln', country: 'DE' });
    await call(dealer, 'POST', '/api/store/account/addresses', { kind: 'billing', name: 'Licht GmbH', line1: 'Hauptstr. 3', city: 'Berlin', country: 'DE' });
    const book = (await call(dealer, 'GET', '/api/store/account/addresses')).json().items;
    expect(book.map((a: any) => [a.kind, a.city, a.isDefault])).toEqual([['billing', 'Berlin', true], ['shipping', 'Hamburg', true], ['shipping', 'Köln', false]]);
    const inv = await call(dealer, 'POST', '/api/store/account/users', { email: 'viewer@dealer.de', name: 'Ben', role: 'viewer' });
    expect(inv.statusCode).toBe(201);
    const invite = await lastMail('viewer@dealer.de');
    expect((await call(null, 'POST', '/api/store/account/invite/accept', { token: tokenIn(invite.text), password: 'another long passphrase 9' })).statusCode).toBe(204);
    const ben: Browser = { cookies: {} };
    ben.csrf = (await call(ben, 'POST', '/api/store/account/login', { email: 'viewer@dealer.de', password: 'another long passphrase 9' })).json().csrfToken;
    const denied = await call(ben, 'POST', '/api/store/account/users', { email: 'x@dealer.de', name: 'X', role: 'admin' });
    expect(denied.statusCode).toBe(403);
    // A change without the CSRF token is refused.
    expect((await call({ cookies: dealer.cookies }, 'POST', '/api/store/account/addresses', { kind: 'shipping', name: 'X', line1: 'Y', city: 'Z', country: 'DE' })).statusCode).toBe(403);
  });

  it('refuses a renamed non-PDF and an oversized file with clear messages', async () => {
    const application = JSON.stringify({ legalName: 'Licht GmbH', country: 'DE', address: { line1: 'Hauptstr. 3', city: 'Berlin' }, vatId: 'DE136695976', contact: { name: 'Anna', email: 'buyer@dealer.de' }, expectedVolume: '250000', volumeCurrency: 'EUR' });
    const fake = multipart({ application }, { licence: { filename: 'licence.pdf', data: Buffer.from('just some text pretending to be a PDF') }, taxRegistration: { filename: 'tax.png', data: PNG } });
    const r1 = await call(dealer, 'POST', '/api/store/account/application', fake.payload, fake.headers);
    expect(r1.statusCode).toBe(415);
    expect(r1.json().errors[0]).toMatchObject({ field: 'licence', message: expect.stringContaining('pdf, jpg, jpeg, png') });
    const big = multipart({ application }, { licence: { filename: 'licence.pdf', data: Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024)]) }, taxRegistration: { filename: 'tax.png', data: PNG } });
    const r2 = await call(dealer, 'POST', '/api/store/account/application', big.payload, big.headers);
    expect(r2.statusCode).toBe(413);
    expect(r2.json().detail).toContain('10 MB');
    const badVat = multipart({ application: application.replace('DE136695976', 'DE136695977') }, { licence: { filename: 'l.pdf', data: PDF }, taxRegistration: { filename: 't.png', data: PNG } });
    const r3 = await call(dealer, 'POST', '/api/store/account/application', badVat.payload, badVat.headers);
    expect(r3.statusCode).toBe(400);
    expect(r3.json().errors[0].field).toBe('vatId');
  });

  let appId: string;
  it('applies as a dealer; staff see the queue with age and proposed tier, ask for info, then approve as tier B', async () => {
    const application = JSON.stringify({ legalName: 'Licht GmbH', country: 'DE', address: { line1: 'Hauptstr. 3', city: 'Berlin' }, vatId: 'DE 136 695 976', contact: { name: 'Anna', email: 'buyer@dealer.de' }, expectedVolume: '250000', volumeCurrency: 'EUR' });
    const form = multipart({ application }, { licence: { filename: 'Gewerbeschein.pdf', data: PDF }, taxRegistration: { filename: 'steuer.png', data: PNG } });
    const r = await call(dealer, 'POST', '/api/store/account/application', form.payload, form.headers);
    expect(r.statusCode).toBe(201);
    appId = r.json().id;
    expect((await lastMail('buyer@dealer.de')).subject).toBe('Wir haben Ihren Händlerantrag erhalten');
    (ctx.clock as ManualClock).advance(50 * 3600_000);
    // two days later the buyer's session has expired: sign in again
    dealer.cookies = {};
    dealer.csrf = (await call(dealer, 'POST', '/api/store/account/login', { email: 'buyer@dealer.de', password: 'a long unusual passphrase 7' })).json().csrfToken;
    const queue = (await staff('GET', '/api/admin/kyc/applications?status=submitted')).json();
    expect(queue.items[0]).toMatchObject({ id: appId, proposedTier: 'B', vatId: 'DE136695976', age: { ageHours: 50, targetHours: 48, overdue: true } });
    // Documents: only with customers:kyc, and never to API keys.
    expect((await call(null, 'GET', `/api/admin/kyc/applications/${appId}/documents/licence`, undefined, { authorization: `Bearer ${viewerKey}` })).statusCode).toBe(403);
    expect((await staff('GET', `/api/admin/kyc/applications/${appId}/documents/licence`)).statusCode).toBe(403);

    const ask = await staff('POST', `/api/admin/kyc/applications/${appId}/decision`, { event: 'request_info', message: 'Bitte senden Sie die Handelsregisternummer.' });
    expect(ask.json()).toMatchObject({ status: 'info_requested' });
    const mail = await lastMail('buyer@dealer.de');
    expect(mail).toMatchObject({ locale: 'de', subject: 'Wir benötigen weitere Angaben zu Ihrem Händlerantrag' });
    expect(mail.text).toContain('Handelsregisternummer');
    const me = (await call(dealer, 'GET', '/api/store/account')).json();
    expect(me.application).toMatchObject({ status: 'info_requested', infoRequest: 'Bitte senden Sie die Handelsregisternummer.' });
    expect((await call(dealer, 'POST', `/api/store/account/application/${appId}/answer`, { answer: 'HRB 12345' })).statusCode).toBe(204);

    const badTier = await staff('POST', `/api/admin/kyc/applications/${appId}/decision`, { event: 'approve', tier: 'Z', paymentTermsDays: 30, creditLimit: { amount: '50000', currency: 'EUR' } });
    expect(badTier.statusCode).toBe(400);
    const ok = await staff('POST', `/api/admin/kyc/applications/${appId}/decision`, { event: 'approve', tier: 'B', paymentTermsDays: 30, creditLimit: { amount: '50000', currency: 'EUR' } });
    expect(ok.json()).toMatchObject({ status: 'approved' });
    expect((await lastMail('buyer@dealer.de')).text).toContain('Ihre Preisstufe ist B, Zahlungsziel 30 Tage, Kreditlimit 50000.00 EUR');
    const again = await staff('POST', `/api/admin/kyc/applications/${appId}/decision`, { event: 'reject', reason: 'x' });
    expect(again.statusCode).toBe(409);
    const audit = await ctx.deps.database.exec(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY at, id`, [appId]);
    expect(audit.rows.map((x) => x.action)).toEqual(['kyc.submitted', 'kyc.info_requested', 'kyc.info_answered', 'kyc.approved']);
  });

  it('the approved dealer sees tier-B prices in EUR and JPY; a guest sees none; a price list id in the query is ignored', async () => {
    const eur = await call(dealer, 'GET', `/api/store/prices?variants=${variant}&currency=EUR`);
    expect(eur.json()).toMatchObject({ currency: 'EUR', pricesVisible: true, items: [{ variantId: variant, unitPrice: 422, currency: 'EUR' }] });
    const put = await call(dealer, 'PUT', '/api/store/display-currency', { currency: 'JPY' });
    expect(put.statusCode).toBe(200);
    const jpy = await call(dealer, 'GET', `/api/store/prices?variants=${variant}&priceListId=whatever&tier=A`);
    // 4.22 EUR × 160 = 675.2 → 675 JPY (no rule set: ISO minor unit), rate kept with the amount
    expect(jpy.json()).toMatchObject({ currency: 'JPY', items: [{ unitPrice: 675, currency: 'JPY', formatted: '¥675', fx: { rate: '160', source: 'ecb', asOf: '2026-03-06' } }] });
    const guest = await call({ cookies: {} }, 'GET', `/api/store/prices?variants=${variant}&currency=EUR&tier=A`, undefined, { 'accept-language': 'de' });
    expect(guest.json()).toEqual({ currency: 'EUR', pricesVisible: false, canOrder: false, message: 'Anmelden, um Preise zu sehen', items: [{ variantId: variant, unitPrice: null }] });
    expect(guest.body).not.toMatch(/311|422|533|999/);
  });

  it('dealer-only products reach approved dealers only; the whole catalog can sit behind login', async () => {
    expect((await call({ cookies: {} }, 'GET', `/api/store/products/${dealerProduct}?lang=en`)).statusCode).toBe(404);
    expect((await call(dealer, 'GET', `/api/store/products/${dealerProduct}?lang=en`)).statusCode).toBe(200);
    expect((await staff('PUT', '/api/admin/customers/settings', { catalogRequiresLogin: true })).statusCode).toBe(200);
    const api = await call({ cookies: {} }, 'GET', '/api/store/products?lang=en');
    expect(api.statusCode).toBe(401);
    const page = await call({ cookies: {} }, 'GET', '/de');
    expect(page.statusCode).toBe(401);
    expect(page.body).toContain('Anmelden, um den Katalog zu sehen');
    expect((await call({ cookies: {} }, 'GET', '/sitemap.xml')).statusCode).toBe(401);
    expect((await call(dealer, 'GET', '/api/store/products?lang=en')).statusCode).toBe(200);
    expect((await staff('PUT', '/api/admin/customers/settings', { catalogRequiresLogin: false })).statusCode).toBe(200);
    expect((await call({ cookies: {} }, 'GET', '/api/store/products?lang=en')).statusCode).toBe(200);
  });

  it('picks the display currency from a CDN country header and remembers a choice', async () => {
    const jp = await call({ cookies: {} }, 'GET', '/api/store/display-currency', undefined, { 'cf-ipcountry': 'JP' });
    expect(jp.json()).toMatchObject({ currency: 'JPY', country: 'JP' });
    const us = await call({ cookies: {} }, 'GET', '/api/store/display-currency', undefined, { 'cf-ipcountry': 'US' });
    expect(us.json()).toMatchObject({ currency: 'EUR', country: 'US' }); // USD not offered here
    expect((await call({ cookies: { tl_currency: 'JPY' } }, 'GET', '/api/store/display-currency')).json().currency).toBe('JPY');
  });

  it('password reset never skips 2FA: it signs nobody in and the code is still asked', async () => {
    const start = (await call(dealer, 'POST', '/api/store/account/totp/start')).json();
    expect((await call(dealer, 'POST', '/api/store/account/totp/enable', { code: await totpCodeAt(start.secret, ctx.clock.now()) })).statusCode).toBe(204);
    (ctx.clock as ManualClock).advance(60_000);
    await call(null, 'POST', '/api/store/account/password-reset', { email: 'buyer@dealer.de' });
    const reset = await call({ cookies: {} }, 'POST', '/api/store/account/password-reset/confirm', { token: tokenIn((await lastMail('buyer@dealer.de')).text), password: 'a brand new passphrase 42' });
    expect(reset.json()).toEqual({ twoFactor: true });
    expect(reset.cookies).toEqual([]);
    // the old session is gone
    expect((await call(dealer, 'GET', '/api/store/account')).statusCode).toBe(401);
    const b: Browser = { cookies: {} };
    const login = await call(b, 'POST', '/api/store/account/login', { email: 'buyer@dealer.de', password: 'a brand new passphrase 42' });
    expect(login.json().mfaRequired).toBe(true);
    b.csrf = login.json().csrfToken;
    expect((await call(b, 'GET', '/api/store/account')).statusCode).toBe(401);
    const prices = await call(b, 'GET', `/api/store/prices?variants=${variant}&currency=EUR`);
    expect(prices.json().pricesVisible).toBe(false);
    expect((await call(b, 'POST', '/api/store/account/login/totp', { code: '000000' })).statusCode).toBe(400);
    (ctx.clock as ManualClock).advance(31_000);
    expect((await call(b, 'POST', '/api/store/account/login/totp', { code: await totpCodeAt(start.secret, ctx.clock.now()) })).statusCode).toBe(200);
    expect((await call(b, 'GET', '/api/store/account')).statusCode).toBe(200);
  });

  it('throttles buyer sign-in like staff sign-in', async () => {
    let last = 0;
    for (let i = 0; i < 12; i++) last = (await call({ cookies: {} }, 'POST', '/api/store/account/login', { email: 'buyer@dealer.de', password: `wrong ${i}` })).statusCode;
    expect(last).toBe(429);
  });
});
