import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../../platform/testing/harness.js';
import { query } from '../../../platform/db/database.js';
import type { ManualClock } from '../../../platform/clock/clock.js';
import { adminKey, buildSmallCatalog } from '../../catalog/testing/fixtures.js';

let ctx: TestContext;
let cat: Awaited<ReturnType<typeof buildSmallCatalog>>;

beforeAll(async () => {
  ctx = await createTestContext({ clock: 'manual', env: { PUBLIC_URL: 'https://shop.example.com' } });
  cat = await buildSmallCatalog(ctx, await adminKey(ctx));
});
afterAll(async () => ctx?.close());

const get = (url: string, headers: Record<string, string> = {}) => ctx.app.inject({ method: 'GET', url, headers });

describe('storefront pages', () => {
  it('sends a first visit to the Accept-Language language and remembers the choice', async () => {
    const r = await get('/', { 'accept-language': 'es-MX,es;q=0.9,en;q=0.5' });
    expect(r.statusCode).toBe(302);
    expect(r.headers.location).toBe('/es/');
    const page = await get('/fr/');
    expect(page.headers['set-cookie']).toContain('tl_lang=fr');
    const again = await get('/', { cookie: 'tl_lang=fr', 'accept-language': 'es' });
    expect(again.headers.location).toBe('/fr/');
  });

  it('renders a Spanish category page completely on the server, with facets, canonical and hreflang', async () => {
    const r = await get('/es/c/paneles-led');
    expect(r.statusCode).toBe(200);
    const h = r.body;
    expect(h).toContain('<html lang="es" dir="ltr">');
    expect(h).toContain('<h1>Paneles LED</h1>');
    expect(h).toContain('Panel LED extraplano 600x600');
    expect(h).not.toContain('Kit de paneles LED para distribuidores');
    expect(h).toMatch(/name="f\.cct" value="4000k"[^>]*> 4000K blanco neutro <span class="count">\(2\)<\/span>/);
    expect(h).toContain('<link rel="canonical" href="https://shop.example.com/es/c/paneles-led">');
    expect(h).toContain('<link rel="alternate" hreflang="en" href="https://shop.example.com/en/c/panel-lights">');
    expect(h).toContain('<link rel="alternate" hreflang="x-default" href="https://shop.example.com/en/c/panel-lights">');
    expect(h).not.toContain('rel="alternate" hreflang="de"');
    expect(h).toContain('"@type":"BreadcrumbList"');
  });

  it('turns a submitted filter form into one canonical, shareable URL', async () => {
    const r = await get('/es/c/paneles-led?sort=featured&f.power.min=30&f.power.max=&f.cct=4000k&f.cct=3000k&inStock=1');
    expect(r.statusCode).toBe(302);
    expect(r.headers.location).toBe('/es/c/paneles-led?f.cct=3000k,4000k&f.power=30-&inStock=1');
    const page = await get(r.headers.location as string);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<link rel="canonical" href="https://shop.example.com/es/c/paneles-led?f.cct=3000k,4000k&amp;f.power=30-&amp;inStock=1">');
    expect(page.body).toContain('Panel LED extraplano 600x600');
    expect(page.body).not.toContain('Panel LED retroiluminado');
  });

  it('renders a product page with JSON-LD offers, specs and certificates', async () => {
    const r = await get('/en/p/industrial-led-floodlight');
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('"@type":"Product"');
    expect(r.body).toContain('"price":"45.00","priceCurrency":"USD"');
    expect(r.body).toContain('RoHS');
    expect(r.body).not.toMatch(/<strong>CE<\/strong>/);
    expect(r.body).toContain('id="send-inquiry"');
    expect((await get(`/en/p/${cat.p4.id}`)).statusCode).toBe(404);
  });

  it('lays Arabic out right to left', async () => {
    const r = await get('/ar/');
    expect(r.body).toContain('<html lang="ar" dir="rtl">');
    expect(r.body).toContain('/assets/store/fonts/ar/400.css');
    const font = await get('/assets/store/fonts/ar/400.css');
    expect(font.statusCode).toBe(200);
  });

  it('publishes a sitemap index with one sitemap per language, without dealer-only products', async () => {
    const idx = await get('/sitemap.xml');
    expect(idx.body).toContain('<loc>https://shop.example.com/sitemaps/zh-CN.xml</loc>');
    const es = await get('/sitemaps/es.xml');
    expect(es.body).toContain('https://shop.example.com/es/p/proyector-led-industrial');
    expect(es.body).toContain('hreflang="en" href="https://shop.example.com/en/p/industrial-led-floodlight"');
    expect(es.body).not.toContain('distribuidores');
    const robots = await get('/robots.txt');
    expect(robots.body).toContain('Sitemap: https://shop.example.com/sitemap.xml');
  });
});

describe('inquiry form', () => {
  const formFor = async (url: string) => {
    const r = await get(url);
    const token = /name="formToken" value="([^"]+)"/.exec(r.body)![1]!;
    return { page: r.body, token };
  };
  const post = (payload: Record<string, string>, ip = '203.0.113.7') =>
    ctx.app.inject({ method: 'POST', url: '/es/inquiry', remoteAddress: ip, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(payload).toString() });

  it('takes an inquiry with a product line, confirms in Spanish and notifies sales', async () => {
    const { page, token } = await formFor(`/es/inquiry?product=${cat.p1.id}&qty=250`);
    expect(page).toContain('Panel LED extraplano 600x600');
    (ctx.clock as ManualClock).advance(5_000);
    const r = await post({
      formToken: token, website: '', name: 'Lucía Gómez', company: 'Distribuciones Lumen SL', email: 'Lucia@Lumen.example', country: 'ES',
      message: 'Necesitamos 250 unidades con entrega en Valencia.', 'lines.0.productId': cat.p1.id, 'lines.0.sku': '', 'lines.0.quantity': '250',
    });
    expect(r.statusCode, r.body).toBe(303);
    expect(r.headers.location).toBe('/es/inquiry/sent');
    const mails = await query<{ to: string[]; subject: string; tag: string; locale: string }>(ctx.deps.db, sql`SELECT "to", subject, tag, locale FROM mail_messages ORDER BY created_at`);
    const confirmation = mails.find((m) => m.tag === 'inquiry.confirmation')!;
    expect(confirmation.to).toEqual(['lucia@lumen.example']);
    expect(confirmation.locale).toBe('es');
    expect(confirmation.subject).toMatch(/^Hemos recibido su consulta/);
    const inbox = await ctx.app.inject({ method: 'GET', url: '/api/admin/inquiries', headers: await adminKey(ctx) });
    expect(inbox.json().items[0]).toMatchObject({ company: 'Distribuciones Lumen SL', status: 'new', lineCount: 1 });
  });

  it('re-renders the form with field errors in the page language', async () => {
    const { token } = await formFor('/es/inquiry');
    (ctx.clock as ManualClock).advance(5_000);
    const r = await post({ formToken: token, name: '', company: 'X', email: 'not-an-email', country: 'ES', message: 'Hola' }, '203.0.113.8');
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('Indique su nombre.');
    expect(r.body).toContain('aria-invalid="true"');
  });

  it('refuses the honeypot and instant submissions', async () => {
    const { token } = await formFor('/es/inquiry');
    const fast = await post({ formToken: token, name: 'Bot', company: 'Bot', email: 'b@b.example', country: 'ES', message: 'buy' }, '203.0.113.9');
    expect(fast.statusCode).toBe(422);
    (ctx.clock as ManualClock).advance(5_000);
    const trap = await post({ formToken: token, website: 'http://spam.example', name: 'Bot', company: 'Bot', email: 'b@b.example', country: 'ES', message: 'buy' }, '203.0.113.9');
    expect(trap.statusCode).toBe(422);
  });

  it('shows prices in the display currency the visitor picks in the header', async () => {
    const { setEnabledCurrencies, importRates } = await import('../../fx/index.js');
    const { cliActor } = await import('../../../platform/auth/principal.js');
    await setEnabledCurrencies(ctx.deps, cliActor(), { base: 'EUR', enabled: ['EUR', 'USD', 'GBP'] });
    await importRates(ctx.deps, {
      origin: 'test', actor: cliActor(),
      text: `<?xml version="1.0" encoding="UTF-8"?><gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref"><gesmes:subject>Reference rates</gesmes:subject><Cube><Cube time="2026-01-14"><Cube currency="USD" rate="1.2500"/><Cube currency="GBP" rate="0.8000"/></Cube></Cube></gesmes:Envelope>`,
    });
    // Pricing keeps the offered currencies a few seconds per process; another module's write is seen after that.
    (await import('../../pricing/index.js')).invalidatePricingContext();
    const page = await get('/en/c/floodlights');
    expect(page.body).toMatch(/id="currency-switcher"/);
    const choose = await ctx.app.inject({ method: 'POST', url: '/en/display-currency', payload: 'currency=GBP&back=%2Fen%2Fc%2Ffloodlights', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(choose.statusCode).toBe(303);
    expect(choose.headers.location).toBe('/en/c/floodlights');
    expect(String(choose.headers['set-cookie'])).toContain('tl_currency=GBP');
    // USD 45.00 list price = EUR 36.00 = GBP 28.80 at the day's ECB rates.
    const gbp = await get('/en/c/floodlights', { cookie: 'tl_currency=GBP' });
    expect(gbp.body).toContain('£28.80');
    expect(gbp.body).toMatch(/<option value="GBP" selected>/);
    const product = await get(`/api/store/products/${cat.p3.id}?lang=en`, { cookie: 'tl_currency=GBP' });
    expect(product.json().variants.map((v: { price: { formatted: string } }) => v.price.formatted)).toEqual(['£28.80', '£50.56']);
    const api = await get('/api/store/products?lang=en&category=floodlights&currency=EUR');
    expect(api.json().items.map((i: { price: { formatted: string } }) => i.price.formatted)).toContain('€36.00');
  });
});
