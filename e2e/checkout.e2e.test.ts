import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { simpleParser } from 'mailparser';
import { PDFParse } from 'pdf-parse';
import type { Page } from 'playwright-core';
import { startServer, type RunningServer } from './support/server.js';
import { collectBrowserTrouble, launchBrowser, reportFailure, screenshotDir } from './support/browser.js';

/**
 * Issue 5, "Done when", in Chromium on the demo store: a consumer in France, a German business
 * with a valid VAT number and a US buyer who chooses DDP each add a product on its page, go
 * through the 3-step checkout, see explained totals (French VAT, reverse charge, duty in the
 * total) and place the order; each confirmation arrives at the local SMTP server with the
 * proforma PDF, which is opened and read.
 *
 * The store owner's part happens first through the admin API, as an owner would in the back
 * office: sell in USD and EUR, fetch today's ECB rates (from a local fake ECB serving the real
 * daily file in ../shared/data, re-dated to today).
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ECB_FILE = path.resolve(root, '../shared/data/ecb/eurofxref-daily.xpt-nl.xml');
const PRODUCT = '/p/die-cast-led-floodlight-50-w-ip66'; // HS 9405.42, MOQ 20
const OWNER = { email: 'owner@example.com', name: 'Olivia Owner', password: 'harbour-lantern-copper-92' };

let server: RunningServer;
/** The owner's session for the admin API (cookie + CSRF header). */
let admin: Record<string, string> = {};
let ecb: http.Server;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
let shots: string;
const browserLog: string[] = [];

async function shot(name: string) {
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

const hasData = fs.existsSync(ECB_FILE);
if (!hasData) console.warn(`skipping the checkout browser tests: ${ECB_FILE} is absent (the ECB rates come from ../shared/data)`);

beforeAll(async () => {
  if (!hasData) return;
  // The fake ECB: the real daily file, dated today (rates older than 10 days are refused).
  const today = new Date().toISOString().slice(0, 10);
  const xml = fs.readFileSync(ECB_FILE, 'utf8').replace(/time='\d{4}-\d{2}-\d{2}'/, `time='${today}'`);
  ecb = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/xml' }).end(xml));
  await new Promise<void>((r) => ecb.listen(0, '127.0.0.1', () => r()));
  const ecbUrl = `http://127.0.0.1:${(ecb.address() as AddressInfo).port}/stats/eurofxref/eurofxref-daily.xml`;

  server = await startServer({ env: { DEMO_DATA: 'true', FX_SOURCE_URL: ecbUrl } });

  // The owner: created from the printed setup link, then sells in EUR and USD at today's rates.
  const token = new URL(server.setupUrl).hash.replace(/^#token=/, '');
  const setup = await fetch(`${server.baseUrl}/api/admin/auth/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, ...OWNER }) });
  expect(setup.status).toBe(201);
  const cookie = setup.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const headers = { cookie, 'x-csrf-token': ((await setup.json()) as { csrfToken: string }).csrfToken, 'content-type': 'application/json' };
  admin = headers;
  const currencies = await fetch(`${server.baseUrl}/api/admin/fx/currencies`, { method: 'PUT', headers, body: JSON.stringify({ base: 'USD', enabled: ['USD', 'EUR'] }) });
  expect(currencies.status, await currencies.clone().text()).toBe(200);
  const refresh = await fetch(`${server.baseUrl}/api/admin/fx/refresh`, { method: 'POST', headers: { cookie: headers.cookie, 'x-csrf-token': headers['x-csrf-token'] } });
  expect(refresh.status, await refresh.clone().text()).toBe(200);

  browser = await launchBrowser();
  page = browser.page;
  shots = screenshotDir();
  console.log(`screenshots: ${shots}`);
  collectBrowserTrouble(page, browserLog);
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && page) await reportFailure(page, shots, ctx.task.name, browserLog, server?.output() ?? '');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise((r) => (ecb ? ecb.close(r) : r(undefined)));
});

interface Buyer {
  key: string;
  lang: string;
  /** What a CDN in front of the store says about the visitor (it picks the display currency). */
  country: string;
  email: string;
  ship: Record<string, string>;
  vatNumber?: string;
  incoterm?: 'DDP' | 'DAP';
}

/** Product page → cart → 3 steps → placed. Returns the confirmed totals text and the order number. */
async function buy(b: Buyer): Promise<{ number: string; totals: string; rows: string[]; options: string }> {
  await browser.context.clearCookies();
  await page.setExtraHTTPHeaders({ 'cf-ipcountry': b.country });
  browserLog.length = 0;

  await page.goto(`${server.baseUrl}/${b.lang}${PRODUCT}`);
  await page.fill('#quantity', '20');
  await page.click('#add-to-cart-button');
  await page.waitForURL(new RegExp(`/${b.lang}/cart$`));
  // The storefront's own header (shared frame) counts the items; the line says it is in stock.
  await expect.poll(() => page.locator('#cart-count').textContent()).toBe('20');
  await expect(page.locator('#cart-lines tbody tr').count()).resolves.toBe(1);
  expect(await page.locator('#cart-lines .availability').textContent()).not.toBe('');
  await shot(`${b.key}-1-cart`);

  // MOQ is enforced with a message that says what to do; the quantity goes back to 20.
  await page.fill('#cart-lines input[data-qty]', '5');
  await page.locator('#cart-lines input[data-qty]').dispatchEvent('change');
  await expect.poll(() => page.locator('#cart-message').textContent()).toMatch(/20/);
  await page.fill('#cart-lines input[data-qty]', '20');
  await page.locator('#cart-lines input[data-qty]').dispatchEvent('change');
  await expect.poll(() => page.locator('#cart-message').isHidden()).toBe(true);

  await page.click('#go-checkout');
  await page.waitForURL(new RegExp(`/${b.lang}/checkout$`));
  // Step 1: address and review.
  await page.fill('input[name=email]', b.email);
  for (const [k, v] of Object.entries(b.ship)) await page.fill(`input[name="ship.${k}"]`, v);
  if (b.vatNumber) await page.fill('input[name=vatNumber]', b.vatNumber);
  await shot(`${b.key}-2-address`);
  await page.click('#to-shipping');

  // Step 2: shipping methods with price and delivery dates, Incoterm, payment method.
  await page.locator('#shipping-form').waitFor({ state: 'visible' });
  await page.locator('#shipping-options input[type=radio]').first().waitFor();
  const options = (await page.locator('#shipping-options').innerText()).trim();
  if (b.incoterm) {
    const before = await page.locator('[data-cart]').getAttribute('data-grand-total');
    await page.check(`#incoterm-options input[value=${b.incoterm}]`);
    // Totals update live when the buyer changes anything.
    await expect.poll(() => page.locator('[data-cart]').getAttribute('data-grand-total')).not.toBe(before);
  }
  expect(await page.locator('#payment-options input[type=radio]').count()).toBeGreaterThan(0);
  await shot(`${b.key}-3-shipping`);
  await page.click('#to-confirm');

  // Step 3: confirm with explained totals.
  await page.locator('[data-step="3"]').waitFor({ state: 'visible' });
  const totals = (await page.locator('#cart-totals').innerText()).trim();
  const rows = (await page.locator('#cart-totals tr').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  await shot(`${b.key}-4-confirm`);
  await page.click('#place-order');
  await page.locator('#order-placed h2').waitFor();
  const placed = await page.locator('#order-placed h2').innerText();
  const number = /([A-Z]{1,4}-?\d[\w-]*)/.exec(placed)?.[1];
  expect(number, placed).toBeTruthy();
  expect(await page.locator('#cart-count').textContent()).toBe('0');
  // The proforma link on the confirmation downloads the PDF in this browser session.
  const pdf = await page.request.get(new URL((await page.locator('#proforma-link').getAttribute('href'))!, page.url()).href);
  expect(pdf.headers()['content-type']).toMatch(/application\/pdf/);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await shot(`${b.key}-5-placed`);
  return { number: number!, totals, rows, options };
}

/** The confirmation for this order as it arrived over SMTP, with its proforma PDF's text. */
async function confirmation(email: string, number: string) {
  const mail = await server.smtp.waitFor((m) => m.to.includes(email) && m.subject.includes(number), 60_000);
  const parsed = await simpleParser(mail.raw);
  const pdf = parsed.attachments.find((a) => a.contentType === 'application/pdf');
  expect(pdf, `attachments: ${parsed.attachments.map((a) => a.filename).join(', ')}`).toBeTruthy();
  expect(pdf!.content.subarray(0, 5).toString()).toBe('%PDF-');
  const parser = new PDFParse({ data: new Uint8Array(pdf!.content) });
  const text = (await parser.getText()).text;
  await parser.destroy();
  return { mail, text: text.replace(/\s+/g, ' ') };
}

describe.skipIf(!hasData)('checkout in the browser: three buyers, explained totals, proforma by email', () => {
  test('a consumer in France pays French VAT, shown in the totals and on the proforma', async () => {
    const r = await buy({
      key: 'fr', lang: 'fr', country: 'FR', email: 'camille.martin@example.fr',
      ship: { name: 'Camille Martin', line1: '12 rue de la République', postalCode: '69002', city: 'Lyon', countryCode: 'FR' },
    });
    expect(r.options).toMatch(/DHL Express/);
    expect(r.options).toMatch(/\d{1,2}[ ./]\S+.*\d{4}|\d{4}-\d{2}-\d{2}/); // a delivery date range
    expect(r.totals).toContain('TVA 20 % (FR)');
    expect(r.totals).toMatch(/€/);
    expect(r.totals).not.toMatch(/Autoliquidation|Droits? de douane/i);

    const { mail, text } = await confirmation('camille.martin@example.fr', r.number);
    expect(mail.subject).toContain(r.number);
    expect(text).toContain(r.number);
    expect(text).toContain('TVA 20 % (FR)');
    expect(text).toContain('LM-FL050-40');
    // The mail links to the order in the buyer's language: /fr/account/orders/<id> (a page that exists).
    const body = (await simpleParser(mail.raw)).text ?? '';
    expect(body).toContain(`/fr/account/orders/`);
    expect(body).not.toMatch(/\d\/account\/orders/); // never the bare path that no page serves
  });

  test('a German business with a valid VAT number gets the reverse charge, with the legal note', async () => {
    const r = await buy({
      key: 'de', lang: 'de', country: 'DE', email: 'einkauf@lichtwerk.example.de', vatNumber: 'DE136695976',
      ship: { name: 'Jonas Weber', company: 'Lichtwerk GmbH', line1: 'Invalidenstraße 117', postalCode: '10115', city: 'Berlin', countryCode: 'DE' },
    });
    expect(r.totals).toContain('Steuerschuldnerschaft des Leistungsempfängers (0 % MwSt.)');
    expect(r.totals).not.toContain('MwSt. 19 %');

    const { text } = await confirmation('einkauf@lichtwerk.example.de', r.number);
    expect(text).toContain(r.number);
    expect(text).toContain('Steuerschuldnerschaft des Leistungsempfängers');
    expect(text).toContain('Art. 138');
    expect(text).toContain('DE136695976');
  });

  test('a US buyer choosing DDP sees duty in the total and on the proforma', async () => {
    const r = await buy({
      key: 'us', lang: 'en', country: 'US', email: 'purchasing@brightworks.example.com', incoterm: 'DDP',
      ship: { name: 'Dana Brooks', company: 'Brightworks Inc.', line1: '500 Commerce St', postalCode: '75202', city: 'Dallas', region: 'TX', countryCode: 'US' },
    });
    expect(r.totals).toMatch(/\$/);
    expect(r.totals).toContain('Duty 3.9 % on HS 9405.42 (DDP)');
    expect(r.totals).toContain('Duty and import taxes included (DDP)');
    // The duty is in the grand total: items + shipping + sales tax + duty (the "included" note is not added again).
    const usd = (t: string) => Number(/\$([\d,]+\.\d\d)/.exec(t)![1]!.replace(/,/g, ''));
    const rows = r.rows.filter((t) => !/\(\$/.test(t));
    const grand = usd(rows.at(-1)!);
    const parts = rows.slice(0, -1).map(usd);
    expect(rows.at(-1)).toMatch(/^Total/);
    expect(Math.round(parts.reduce((a, b) => a + b, 0) * 100)).toBe(Math.round(grand * 100));
    expect(rows.some((t) => /^Duty 3\.9 %/.test(t))).toBe(true);

    const { text } = await confirmation('purchasing@brightworks.example.com', r.number);
    expect(text).toContain(r.number);
    expect(text).toContain('Duty 3.9 % on HS 9405.42 (DDP)');
    expect(text).toContain('DDP');
  });

  test('the storefront shows a variant out of stock as soon as its stock is set to 0, and in stock again after a delivery', async () => {
    const SKU = 'LM-FL050-57';
    const row = () => page.locator('section[aria-labelledby=variants-h] tr').filter({ hasText: SKU }).first();
    const stock = async () => ((await (await fetch(`${server.baseUrl}/api/admin/stock?q=${SKU}`, { headers: admin })).json()) as { items: { warehouseId: string; onHand: number; reserved: number }[] }).items;
    const adjust = async (body: object) => {
      const r = await fetch(`${server.baseUrl}/api/admin/stock/adjustments`, { method: 'POST', headers: admin, body: JSON.stringify({ sku: SKU, reason: 'e2e count', ...body }) });
      expect(r.status, await r.clone().text()).toBe(200);
    };
    await page.goto(`${server.baseUrl}/en${PRODUCT}`);
    expect(await row().innerText()).toContain('In stock');
    for (const s of await stock()) await adjust({ mode: 'set', warehouseId: s.warehouseId, onHand: s.reserved, expectedOnHand: s.onHand });
    await page.reload();
    expect(await row().innerText()).toContain('Made to order'); // the storefront's words for no stock
    await adjust({ mode: 'delta', warehouseId: (await stock())[0]!.warehouseId, delta: 40 });
    await page.reload();
    expect(await row().innerText()).toContain('In stock');
  });

  test('a signed-in buyer ships to a saved address and finds the order, its detail and proforma in the account', async () => {
    const B = { name: 'Élodie Bernard', email: 'elodie.bernard@example.fr', password: 'lantern-harbour-quartz-57' };
    await browser.context.clearCookies();
    await page.setExtraHTTPHeaders({ 'cf-ipcountry': 'FR' });
    // Something goes into the cart before signing in; it must still be there afterwards.
    await page.goto(`${server.baseUrl}/en${PRODUCT}`);
    await page.fill('#quantity', '20');
    await page.click('#add-to-cart-button');
    await page.waitForURL(/\/en\/cart$/);
    // Sign up in the browser, confirm the emailed link, sign in.
    await page.goto(`${server.baseUrl}/en/account/orders`);
    await page.waitForURL(/\/en\/account\/sign-in/); // the account's orders need sign-in
    await page.click('#sign-up-link');
    await page.selectOption('select[name=kind]', 'b2c');
    await page.fill('input[name=name]', B.name);
    await page.fill('input[name=email]', B.email);
    await page.fill('input[name=password]', B.password);
    await page.fill('input[name=country]', 'FR');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/en\/account\/sign-up\/sent/);
    const mail = await server.smtp.waitFor((m) => m.to.includes(B.email) && /confirm/i.test(m.subject));
    await page.goto(/(http:\/\/[^\s"<>]+\/en\/account\/verify\?token=[\w-]+)/.exec(mail.text)![1]!);
    await page.getByRole('button', { name: 'Confirm email address' }).click();
    await page.click('#go-sign-in');
    await page.fill('input[name=email]', B.email);
    await page.fill('input[name=password]', B.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/en\/account$/);
    // Two saved ship-to addresses through the account API (the address book pages are the customers module's).
    for (const [i, a] of [
      { label: 'Atelier', name: B.name, line1: '4 quai Saint-Antoine', city: 'Lyon', postcode: '69002', country: 'FR', isDefault: true },
      { label: 'Entrepôt', name: B.name, company: 'Lumière & Co', line1: '15 avenue Jean Médecin', city: 'Nice', postcode: '06000', country: 'FR' },
    ].entries()) {
      const status = await page.evaluate(async ([body, key]) => {
        const csrf = document.querySelector('meta[name=csrf-token]')?.getAttribute('content') ?? '';
        const r = await fetch('/api/store/account/addresses', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, 'idempotency-key': key }, body: JSON.stringify({ kind: 'shipping', ...body }) });
        return r.status;
      }, [a, `addr-${i}`] as const);
      expect(status).toBe(201);
    }

    // The guest cart was merged into the account's cart at sign-in.
    expect(await page.locator('#cart-count').textContent()).toBe('20');
    await page.goto(`${server.baseUrl}/en/cart`);
    expect(await page.locator('#cart-lines tbody tr').count()).toBe(1);
    await page.click('#go-checkout');
    await page.waitForURL(/\/en\/checkout$/);
    // The default saved address fills the empty form; the picker switches to the other one.
    expect(await page.inputValue('input[name="ship.city"]')).toBe('Lyon');
    const picker = page.locator('select[data-address-book="ship."]');
    await picker.selectOption({ label: 'Entrepôt · Élodie Bernard · Lumière & Co · 15 avenue Jean Médecin · Nice · FR' });
    expect(await page.inputValue('input[name="ship.city"]')).toBe('Nice');
    expect(await page.inputValue('input[name="ship.postalCode"]')).toBe('06000');
    await page.fill('input[name=email]', B.email);
    await shot('account-1-address-book');
    await page.click('#to-shipping');
    await page.locator('#shipping-options input[type=radio]').first().waitFor();
    await page.click('#to-confirm');
    await page.locator('[data-step="3"]').waitFor({ state: 'visible' });
    expect(await page.locator('#cart-totals').innerText()).toContain('VAT 20 % (FR)');
    await page.click('#place-order');
    await page.locator('#order-placed h2').waitFor();
    const number = /(TL-\d+)/.exec(await page.locator('#order-placed h2').innerText())![1]!;

    // The account: orders list (in the shared account navigation) → detail → proforma.
    await page.goto(`${server.baseUrl}/en/account/orders`);
    expect(await page.getAttribute('.account-nav a[data-section=orders]', 'aria-current')).toBe('page');
    await page.click(`#account-orders a:text("${number}")`);
    await page.waitForURL(/\/en\/account\/orders\/ord_/);
    expect(await page.locator('main').innerText()).toContain('Nice');
    await shot('account-2-order');
    const pdf = await page.request.get(new URL((await page.getAttribute('#account-proforma', 'href'))!, page.url()).href);
    expect(pdf.status()).toBe(200);
    const parser = new PDFParse({ data: new Uint8Array(await pdf.body()) });
    const text = (await parser.getText()).text.replace(/\s+/g, ' ');
    await parser.destroy();
    expect(text).toContain(number);
    expect(text).toContain('15 avenue Jean Médecin');
  });
});
