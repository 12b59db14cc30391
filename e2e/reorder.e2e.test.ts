import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { startServer, type RunningServer } from './support/server.js';
import { collectBrowserTrouble, launchBrowser, reportFailure, screenshotDir } from './support/browser.js';
import { apiClient } from './support/api-client.js';

/**
 * Issue 7, reorder part, in Chromium on the demo store: a signed-in dealer reorders a past order
 * in one click and sees the price change; builds one cart from lines of two past orders; creates
 * a saved list and shares it, and a colleague orders from it; downloads the xlsx export and it
 * reads back. The past orders are placed through the store API first (as the buyer did before).
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REP = { email: 'tom.sales@example.com', name: 'Tom Sales', password: 'copper-willow-harbour-64' };
const OWNER = { email: 'owner@example.com', name: 'Olivia Owner', password: 'harbour-lantern-copper-92' };
const DEALER = { email: 'einkauf@licht-nord.de', name: 'Jonas Weber', company: 'Licht Nord GmbH', password: 'lantern-dune-ferry-47' };
const COLLEAGUE = { email: 'lager@licht-nord.de', name: 'Mia Berg', password: 'quartz-meadow-violet-31' };
const SHIP_TO = { name: 'Jonas Weber', company: 'Licht Nord GmbH', line1: 'Hafenstraße 12', city: 'Hamburg', postalCode: '20457', countryCode: 'DE' };

let server: RunningServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
let shots: string;
const browserLog: string[] = [];

async function shot(name: string) {
  await page.screenshot({ path: path.join(shots, `reorder-${name}.png`), fullPage: true });
}

const client = () => apiClient(() => server.baseUrl);

async function tokenMail(to: string, subject: RegExp): Promise<string> {
  const mail = await server.smtp.waitFor((m) => m.to.includes(to) && subject.test(m.subject));
  return /token=([\w-]+)/.exec(mail.text)![1]!;
}

let owner: ReturnType<typeof client>;
let dealer: ReturnType<typeof client>;
const skus: { sku: string; variantId: string; moq: number }[] = [];
const orders: { id: string; number: string }[] = [];
let customerId = '';

async function placeOrder(lines: { sku: string; quantity: number }[], po: string) {
  const cart = await dealer.call('POST', '/api/store/carts', { currency: 'USD', locale: 'en' });
  expect(cart.status, cart.text).toBe(201);
  for (const l of lines) {
    const r = await dealer.call('POST', `/api/store/carts/${cart.json.id}/lines`, l);
    expect(r.status, r.text).toBe(201);
  }
  const addr = await dealer.call('PUT', `/api/store/carts/${cart.json.id}/addresses`, { email: DEALER.email, shipTo: SHIP_TO, poNumber: po });
  expect(addr.status, addr.text).toBe(200);
  const opts = await dealer.call('GET', `/api/store/carts/${cart.json.id}/shipping-options`);
  await dealer.call('PUT', `/api/store/carts/${cart.json.id}/shipping`, { shippingMethodId: opts.json.options[0]?.id ?? null });
  const placed = await dealer.call('POST', `/api/store/carts/${cart.json.id}/checkout`, {}, { 'idempotency-key': `e2e-${po}` });
  expect(placed.status, placed.text).toBe(201);
  orders.push({ id: placed.json.order.id, number: placed.json.order.number });
}

async function signIn(email: string, password: string) {
  await browser.context.clearCookies();
  await page.goto(`${server.baseUrl}/en/account/sign-in`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/en\/account$/);
}

beforeAll(async () => {
  server = await startServer({
    env: { DEMO_DATA: 'true' },
    // The sales rep who takes orders by phone exists before the first start (the CLI, as documented).
    beforeStart: (env) => {
      execFileSync(process.execPath, [path.join(root, 'bin/tradelane.mjs'), 'staff', 'create', '--email', REP.email, '--role', 'sales', '--name', REP.name, '--password', REP.password], {
        cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
      });
    },
  });
  owner = client();
  const token = new URL(server.setupUrl).hash.replace(/^#token=/, '');
  expect((await owner.call('POST', '/api/admin/auth/setup', { token, ...OWNER })).status).toBe(201);
  // The demo catalogue is priced in US dollars: the store sells in USD.
  expect((await owner.call('PUT', '/api/admin/fx/currencies', { base: 'USD', enabled: ['USD'] })).status).toBe(200);
  // Demo shipping rates are in EUR: the owner sets today's rate by hand (no ECB feed in this test).
  const fx = await owner.call('POST', '/api/admin/fx/overrides', { currency: 'USD', rate: '1.0850', reason: 'rate agreed with the bank today', expiresAt: new Date(Date.now() + 86_400_000).toISOString() });
  expect(fx.status, fx.text).toBe(201);

  // A dealer company with a colleague, signed up and confirmed the documented way (email links).
  dealer = client();
  expect((await dealer.call('POST', '/api/store/account/signup', { kind: 'b2b', email: DEALER.email, password: DEALER.password, name: DEALER.name, companyName: DEALER.company, country: 'DE', locale: 'en' })).status).toBe(202);
  expect((await dealer.call('POST', '/api/store/account/verify', { token: await tokenMail(DEALER.email, /confirm/i) })).status).toBe(204);
  expect((await dealer.call('POST', '/api/store/account/login', { email: DEALER.email, password: DEALER.password })).status).toBe(200);
  customerId = (await dealer.call('GET', '/api/store/account')).json.customer.id;
  expect((await dealer.call('POST', '/api/store/account/users', { email: COLLEAGUE.email, name: COLLEAGUE.name, role: 'buyer' })).status).toBe(201);
  expect((await dealer.call('POST', '/api/store/account/invite/accept', { token: await tokenMail(COLLEAGUE.email, /.*/), password: COLLEAGUE.password })).status).toBe(204);

  // Three demo SKUs with their MOQ, and two past orders.
  const list = await owner.call('GET', '/api/store/products?lang=en&pageSize=12&inStock=1&currency=USD');
  for (const card of list.json.items.slice(0, 3)) {
    const p = await owner.call('GET', `/api/store/products/${card.slug ?? card.id}?lang=en&currency=USD`);
    const v = p.json.variants.find((x: { inStock: boolean }) => x.inStock);
    skus.push({ sku: v.sku, variantId: v.id, moq: Math.max(1, p.json.moq) });
  }
  await placeOrder([{ sku: skus[0]!.sku, quantity: skus[0]!.moq }, { sku: skus[1]!.sku, quantity: skus[1]!.moq }], 'PO-1001');
  await placeOrder([{ sku: skus[2]!.sku, quantity: skus[2]!.moq }], '=PO-1002');

  // The price of the first SKU goes up today (a retail price list over the catalogue price).
  const pl = await owner.call('POST', '/api/admin/pricing/lists', { name: 'Retail 2026', kind: 'retail', currency: 'USD' });
  expect(pl.status, pl.text).toBe(201);
  const set = await owner.call('PUT', `/api/admin/pricing/lists/${pl.json.id}/entries`, { items: [{ variantId: skus[0]!.variantId, breaks: [{ minQty: 1, unitPrice: '987.65' }] }] });
  expect(set.status, set.text).toBe(204);

  browser = await launchBrowser();
  page = browser.page;
  shots = screenshotDir();
  console.log(`screenshots: ${shots}`);
  collectBrowserTrouble(page, browserLog);
}, 240_000);

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && page) await reportFailure(page, shots, ctx.task.name, browserLog, server?.output() ?? '');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('reorder, history, saved lists and export in the browser (issue 7)', () => {
  test('a signed-in dealer reorders a past order in one click and sees the price change', async () => {
    await signIn(DEALER.email, DEALER.password);
    await page.goto(`${server.baseUrl}/en/account/orders/${orders[0]!.id}`);
    await page.click('#account-reorder');
    await page.waitForURL(/\/en\/account\/reorder\/runs\//);
    await expect(page.locator('#reorder-summary').getAttribute('data-lines')).resolves.toBe('2');
    const diff = page.locator(`#reorder-differences li[data-kind=price_changed][data-sku="${skus[0]!.sku}"]`);
    await expect(diff.textContent()).resolves.toMatch(/went up from .* to \$987\.65 per unit/);
    await shot('1-reorder-differences');
    await page.click('#reorder-to-cart');
    await page.waitForURL(/\/en\/cart$/);
    expect(await page.locator('#cart-lines tbody tr').count()).toBe(2);
  });

  test('builds one cart from lines of two past orders', async () => {
    await page.goto(`${server.baseUrl}/en/account/reorder`);
    await expect(page.locator('.history-order').count()).resolves.toBe(2);
    await page.locator(`.history-order[data-order="${orders[0]!.number}"] input[type=checkbox][data-sku="${skus[1]!.sku}"]`).check();
    await page.locator(`.history-order[data-order="${orders[1]!.number}"] input[type=checkbox][data-sku="${skus[2]!.sku}"]`).check();
    await shot('2-history-picked');
    await page.click('#history-add');
    await page.waitForURL(/\/en\/account\/reorder\/runs\//);
    await expect(page.locator('#reorder-summary').getAttribute('data-lines')).resolves.toBe('2');
    await page.click('#reorder-to-cart');
    const cartSkus = await page.locator('#cart-lines tbody tr').allTextContents();
    for (const s of skus) expect(cartSkus.join(' ')).toContain(s.sku);
    await shot('3-cart-from-history');
  });

  test('creates a saved list and shares it; a colleague orders from it', async () => {
    await page.goto(`${server.baseUrl}/en/account/lists`);
    await page.fill('#new-list input[name=name]', 'Hamburg shop restock');
    await page.fill('#new-list textarea[name=add]', `${skus[1]!.sku} ${skus[1]!.moq}\n${skus[2]!.sku}\t${skus[2]!.moq * 2}`);
    await page.click('#new-list button[type=submit]');
    await page.waitForURL(/\/en\/account\/lists\/olist_/);
    await expect(page.locator('#list-lines tbody tr').count()).resolves.toBe(2);
    await page.check('#list-shared');
    await page.click('#list-save');
    await expect(page.locator('#reorder-done').textContent()).resolves.toMatch(/saved/);
    await shot('4-list-shared');

    await signIn(COLLEAGUE.email, COLLEAGUE.password);
    await page.goto(`${server.baseUrl}/en/account/lists`);
    await expect(page.locator('tr[data-list="Hamburg shop restock"] [data-shared]').count()).resolves.toBe(1);
    await page.click('tr[data-list="Hamburg shop restock"] a');
    await expect(page.locator('#list-save').count()).resolves.toBe(0);
    await page.click('#list-order');
    await page.waitForURL(/\/en\/account\/reorder\/runs\//);
    await expect(page.locator('#reorder-summary').getAttribute('data-lines')).resolves.toBe('2');
    await shot('5-colleague-ordered-list');
  });

  test('downloads the xlsx export and it reads back', async () => {
    await page.goto(`${server.baseUrl}/en/account/reorder`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-xlsx')]);
    const file = path.join(shots, 'orders.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Order lines')!;
    const header = (ws.getRow(1).values as string[]).slice(1);
    const at = (r: number, name: string) => ws.getRow(r).getCell(header.indexOf(name) + 1).value;
    const rows = Array.from({ length: ws.rowCount - 1 }, (_, i) => i + 2);
    expect(rows.map((r) => at(r, 'SKU')).sort()).toEqual([skus[0]!.sku, skus[1]!.sku, skus[2]!.sku].sort());
    // The PO number that starts with "=" is escaped in the file (no formula runs on opening it).
    expect(rows.map((r) => at(r, 'PO number'))).toContain("'=PO-1002");
    expect(wb.getWorksheet('Orders')!.rowCount).toBe(3);
  });

  test('a sales rep reorders for the customer in the back office and places it; the order says who entered it; the staff export reads back', async () => {
    await browser.context.clearCookies();
    await page.goto(`${server.baseUrl}/admin/login`);
    await page.fill('input[name=email]', REP.email);
    await page.fill('input[name=password]', REP.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => u.pathname === '/admin' || u.pathname === '/admin/');
    await page.goto(`${server.baseUrl}/admin/order-for/${customerId}`);
    // A list the customer dictated by phone, kept for the whole company.
    await page.fill('[data-testid=order-for-list-name]', 'Phone standing order');
    await page.fill('[data-testid=order-for-list-lines]', `${skus[2]!.sku} ${skus[2]!.moq}`);
    await page.click('[data-testid=order-for-list-create]');
    await page.getByRole('cell', { name: 'Phone standing order' }).waitFor();
    await page.locator(`[data-testid="order-for-reorder-${orders[1]!.number}"]`).click();
    await page.locator('[data-testid=order-for-place]').waitFor();
    await shot('6-staff-order-for');
    await page.locator('[data-testid=order-for-place]').click();
    await page.waitForURL(/\/admin\/orders\/ord_/);
    await expect.poll(() => page.locator('body').textContent()).toContain(REP.email);
    await shot('7-staff-placed-order');
    const orderId = new URL(page.url()).pathname.split('/').pop()!;
    const placed = await owner.call('GET', `/api/admin/orders/${orderId}`);
    expect(placed.json).toMatchObject({ customerId, placedByType: 'staff', placedByLabel: REP.email });

    const lists = await dealer.call('GET', '/api/store/order-lists');
    expect(lists.json.items.find((l: { name: string }) => l.name === 'Phone standing order')).toMatchObject({ shared: true, lineCount: 1, ownerLabel: REP.email });

    await page.goto(`${server.baseUrl}/admin/order-export`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-xlsx')]);
    const file = path.join(shots, 'staff-orders.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Orders')!;
    const header = (ws.getRow(1).values as string[]).slice(1);
    const enteredBy = Array.from({ length: ws.rowCount - 1 }, (_, i) => ws.getRow(i + 2).getCell(header.indexOf('Entered by') + 1).value);
    expect(enteredBy).toContain(REP.email);
    // Demo channel orders are in the store too: the dealer's three are among them.
    expect(enteredBy.filter((e) => e === REP.email)).toHaveLength(1);
  });
});
