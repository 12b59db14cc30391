import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DATABASE_UNDER_TEST, type TestContext } from '../../platform/testing/harness.js';
import { cliActor } from '../../platform/auth/principal.js';
import { query, sql } from '../../platform/db/database.js';
import { createApiKey } from '../system/index.js';
import { seedCatalogDemo } from '../catalog/seed/seed-demo.js';
import { createPriceList, setEntries } from '../pricing/index.js';
import { multipart, PDF, PNG, type Browser } from './testing.js';

/**
 * The leak test (issue 4): each tier gets its own recognisable prices; every storefront page and
 * store API reachable by links (plus the sitemap and the price API for every variant) is crawled
 * as a guest, a tier-C dealer and a tier-A dealer; no response may carry another tier's amounts.
 */
const AMOUNTS = { A: 777111, B: 888222, C: 999333, retail: 555444 } as const;
type Key = keyof typeof AMOUNTS;
// "7771.11", "7,771.11", "7.771,11", "7 771,11", "777111": the digits with at most one separator, not inside an id
const patternOf = (minor: number) => {
  const d = String(minor);
  const int = d.slice(0, -2);
  return new RegExp(`(?<![0-9A-Za-z])${int[0]}\\D?${int.slice(1)}\\D?${d.slice(-2)}(?![0-9A-Za-z])`);
};

describe(`leak test: tier prices on ${DATABASE_UNDER_TEST}`, () => {
  let ctx: TestContext;
  let staffKey: string;
  let variantIds: string[] = [];
  let productIds: string[] = [];

  const call = async (b: Browser | null, method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) => {
    const res = await ctx.app.inject({
      method: method as any, url, payload: payload as any,
      headers: { ...headers, ...(b && Object.keys(b.cookies).length ? { cookie: Object.entries(b.cookies).map(([k, v]) => `${k}=${v}`).join('; ') } : {}), ...(b?.csrf && method !== 'GET' ? { 'x-csrf-token': b.csrf } : {}) },
    });
    if (b) for (const c of res.cookies as { name: string; value: string }[]) b.cookies[c.name] = c.value;
    return res;
  };

  async function dealer(email: string, tier: 'A' | 'C'): Promise<Browser> {
    const password = `a long passphrase for ${tier} 2026`;
    await call(null, 'POST', '/api/store/account/signup', { kind: 'b2b', email, password, name: tier, companyName: `Dealer ${tier}`, country: 'FR' });
    const [m] = (await ctx.deps.database.exec(`SELECT text FROM mail_messages WHERE $1 = ANY("to") ORDER BY created_at DESC, id DESC LIMIT 1`, [email])).rows;
    await call(null, 'POST', '/api/store/account/verify', { token: /token=([A-Za-z0-9_-]+)/.exec(m.text)![1] });
    const b: Browser = { cookies: {} };
    b.csrf = (await call(b, 'POST', '/api/store/account/login', { email, password })).json().csrfToken;
    const app = JSON.stringify({ legalName: `Dealer ${tier} SARL`, country: 'FR', address: { line1: '1 rue', city: 'Lyon' }, contact: { name: tier, email }, expectedVolume: '1000', volumeCurrency: 'EUR' });
    const form = multipart({ application: app }, { licence: { filename: 'l.pdf', data: PDF }, taxRegistration: { filename: 't.png', data: PNG } });
    const applied = await call(b, 'POST', '/api/store/account/application', form.payload, form.headers);
    expect(applied.statusCode).toBe(201);
    const decided = await call(null, 'POST', `/api/admin/kyc/applications/${applied.json().id}/decision`, { event: 'approve', tier, paymentTermsDays: 30, creditLimit: { amount: '1000', currency: 'EUR' } }, { authorization: `Bearer ${staffKey}` });
    expect(decided.statusCode).toBe(200);
    return b;
  }

  /** Breadth-first over every same-site link in HTML, XML and JSON replies (GET only). */
  async function crawl(b: Browser, limit = 220): Promise<Map<string, string>> {
    const seen = new Map<string, string>();
    const queue = [
      '/', '/robots.txt', '/sitemap.xml', '/api/store/categories', '/api/store/products?lang=en', '/api/store/products?lang=de&sort=price_desc',
      '/api/store/suggest?q=led&lang=en', '/api/store/suggest?q=pa&lang=en', '/api/store/currencies',
      `/api/store/prices?variants=${variantIds.slice(0, 100).join(',')}&priceListId=anything&tier=A`,
      ...productIds.map((id) => `/api/store/products/${id}?lang=en`),
    ];
    const origin = ctx.deps.config.publicUrl;
    while (queue.length && seen.size < limit) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      const res = await call({ cookies: { ...b.cookies } }, 'GET', url);
      const body = res.body;
      seen.set(url, `${res.statusCode} ${JSON.stringify(res.headers)}\n${body}`);
      const ct = String(res.headers['content-type'] ?? '');
      if (!/html|json|xml|text/.test(ct)) continue;
      const links = [
        ...[...body.matchAll(/(?:href|src|action)="([^"#]+)"/g)].map((m) => m[1]!),
        ...[...body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!),
        ...[...body.matchAll(/"(\/[a-z][^"\s]*)"/g)].map((m) => m[1]!),
      ];
      for (let l of links) {
        l = l.replace(/&amp;/g, '&');
        if (l.startsWith(origin)) l = l.slice(origin.length) || '/';
        if (!l.startsWith('/') || l.startsWith('//')) continue;
        if (/^\/(media|api\/admin|api\/docs|assets|static|admin|backoffice)/.test(l) || /logout/.test(l)) continue;
        if (!seen.has(l) && !queue.includes(l)) queue.push(l);
      }
    }
    return seen;
  }

  function leaks(pages: Map<string, string>, forbidden: Key[]) {
    const out: string[] = [];
    for (const [url, body] of pages) for (const k of forbidden) if (patternOf(AMOUNTS[k]).test(body)) out.push(`${k} in ${url}`);
    return out;
  }
  const found = (pages: Map<string, string>, k: Key) => [...pages.values()].some((b) => patternOf(AMOUNTS[k]).test(b));

  beforeAll(async () => {
    ctx = await createTestContext();
    staffKey = (await createApiKey(ctx.deps, cliActor(), { name: 'leak', scopes: ['customers:read', 'customers:kyc', 'settings:write'] })).key;
    await seedCatalogDemo(ctx.deps);
    variantIds = (await query<{ id: string }>(ctx.deps.db, sql`SELECT id FROM catalog_variants ORDER BY id`)).map((r) => r.id);
    productIds = (await query<{ id: string }>(ctx.deps.db, sql`SELECT id FROM catalog_products ORDER BY id`)).map((r) => r.id);
    expect(variantIds.length).toBeGreaterThan(3);
    for (const k of ['A', 'B', 'C', 'retail'] as const) {
      const l = await createPriceList(ctx.deps, cliActor(), { name: `Leak ${k}`, kind: k === 'retail' ? 'retail' : 'tier', tierCode: k === 'retail' ? null : k, currency: 'EUR' });
      await setEntries(ctx.deps, cliActor(), l.id, variantIds.map((variantId) => ({ variantId, breaks: [{ minQty: 1, unitAmount: AMOUNTS[k] }] })));
    }
    await call(null, 'PUT', '/api/admin/customers/settings', { hidePricesForGuests: true }, { authorization: `Bearer ${staffKey}` });
  }, 300_000);
  afterAll(async () => ctx?.close());

  it('a guest behind the login wall finds no price of any list anywhere', async () => {
    const pages = await crawl({ cookies: {} });
    expect(pages.size).toBeGreaterThan(20);
    expect(leaks(pages, ['A', 'B', 'C', 'retail'])).toEqual([]);
  }, 300_000);

  it('a tier-C dealer sees tier-C prices and never tier A or B', async () => {
    const pages = await crawl(await dealer('c@dealer.fr', 'C'));
    expect(found(pages, 'C')).toBe(true);
    expect(leaks(pages, ['A', 'B', 'retail'])).toEqual([]);
  }, 300_000);

  it('a tier-A dealer sees tier-A prices and never tier B or C', async () => {
    const pages = await crawl(await dealer('a@dealer.fr', 'A'));
    expect(found(pages, 'A')).toBe(true);
    expect(leaks(pages, ['B', 'C', 'retail'])).toEqual([]);
  }, 300_000);

  it('with the wall off a guest sees the retail price and still no tier price', async () => {
    await call(null, 'PUT', '/api/admin/customers/settings', { hidePricesForGuests: false }, { authorization: `Bearer ${staffKey}` });
    const pages = await crawl({ cookies: {} }, 150);
    expect(found(pages, 'retail')).toBe(true);
    expect(leaks(pages, ['A', 'B', 'C'])).toEqual([]);
  }, 300_000);
});
