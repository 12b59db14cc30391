import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startServer, type RunningServer } from './support/server.js';
import { startFakeEcb } from './support/fake-ecb.js';
import { collectBrowserTrouble, launchBrowser, reportFailure, screenshotDir } from './support/browser.js';

/**
 * Issue 4, "Done when", in Chromium: apply as a dealer with uploads → a staff member approves as
 * tier B → the dealer logs in and sees tier-B prices in EUR → switches to JPY. A guest on the
 * same page sees no price. Rates come from the real ECB daily file served by a local fake of the
 * ECB endpoint (its date moved to today so the rate is current), fetched by `tradelane fx refresh`.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ECB_FILE = path.resolve(root, '../shared/data/ecb/eurofxref-daily.xpt-nl.xml');
const REVIEWER = { email: 'kim.review@example.com', name: 'Kim Review', password: 'granite-orchard-violet-41' };
const DEALER = { name: 'Anna Licht', email: 'anna@licht-handel.de', password: 'copper-lantern-harbour-77', company: 'Licht Handel GmbH' };
const SKU = 'E2E-PANEL-40';
const TIER_PRICES = { A: '311.00', B: '422.00', C: '533.00', retail: '999.00' };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8ffff3f0005fe02fea7d6a4f20000000049454e44ae426082', 'hex');

const haveData = fs.existsSync(ECB_FILE);
if (!haveData) console.warn(`skipping the accounts browser test: ${ECB_FILE} is missing (../shared/data)`);

let server: RunningServer;
let ecb: Awaited<ReturnType<typeof startFakeEcb>>;
let dealerBrowser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
let shots: string;
let apiKey = '';
let productSlug = '';
let variantId = '';
const browserLog: string[] = [];
const files: Record<string, string> = {};

const shot = (p: Page, name: string) => p.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
const admin = async (method: string, url: string, body?: unknown, type = 'application/json') => {
  const res = await fetch(`${server.baseUrl}${url}`, {
    method, headers: { authorization: `Bearer ${apiKey}`, ...(body !== undefined ? { 'content-type': type } : {}) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const data = res.status === 204 ? null : await res.json();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(data)}`);
  return data;
};
// Asynchronous: the fake ECB endpoint runs in this process and must answer while the CLI waits.
const cli = async (env: Record<string, string>, ...args: string[]) =>
  (await promisify(execFile)(process.execPath, [path.join(root, 'bin/tradelane.mjs'), ...args], { cwd: root, env: { ...process.env, ...env } })).stdout;

describe.skipIf(!haveData)('dealer accounts, tier prices and the login wall in the browser', () => {
  beforeAll(async () => {
    ecb = await startFakeEcb(ECB_FILE);
    const fxUrl = ecb.url;

    server = await startServer({
      env: { FX_SOURCE_URL: fxUrl },
      beforeStart: async (env) => {
        await cli(env, 'staff', 'create', '--email', REVIEWER.email, '--role', 'sales', '--name', REVIEWER.name, '--password', REVIEWER.password);
        apiKey = (await cli(env, 'apikey', 'create', '--name', 'e2e setup', '--scopes', '*')).trim().split('\n').at(-1)!.trim();
        await cli(env, 'fx', 'refresh');
      },
    });

    // The shop's set-up, through the admin API: currencies, one product, a price list per tier
    // (imported as CSV by SKU), and the login wall on.
    await admin('PUT', '/api/admin/fx/currencies', { base: 'EUR', enabled: ['EUR', 'JPY', 'USD'] });
    const { id } = await admin('POST', '/api/admin/catalog/products', { texts: { en: { name: 'Panel light 40 W', slug: 'panel-light-40w' } }, variants: [{ sku: SKU }] });
    const product = await admin('GET', `/api/admin/catalog/products/${id}`);
    variantId = product.variants.find((v: { sku: string }) => v.sku === SKU).id;
    productSlug = 'panel-light-40w';
    for (const [tier, price] of Object.entries(TIER_PRICES)) {
      const list = await admin('POST', '/api/admin/pricing/lists', tier === 'retail' ? { name: 'Retail', kind: 'retail', currency: 'EUR' } : { name: `Tier ${tier}`, kind: 'tier', tierCode: tier, currency: 'EUR' });
      await admin('POST', `/api/admin/pricing/lists/${list.id}/import`, `sku,min_qty,unit_price\n${SKU},1,${price}\n`, 'text/csv');
    }
    await admin('PUT', '/api/admin/customers/settings', { hidePricesForGuests: true });

    for (const [name, data] of Object.entries({ 'licence.pdf': PDF, 'tax-registration.png': PNG, 'renamed.pdf': Buffer.from('just text, not a PDF at all') })) {
      files[name] = path.join(fs.mkdtempSync(path.join(root, 'node_modules/.e2e-')), name);
      fs.writeFileSync(files[name]!, data);
    }
    dealerBrowser = await launchBrowser();
    page = dealerBrowser.page;
    shots = screenshotDir();
    console.log(`screenshots: ${shots}`);
    collectBrowserTrouble(page, browserLog);
  }, 240_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page) await reportFailure(page, shots, ctx.task.name, browserLog, server.output());
  });

  afterAll(async () => {
    await dealerBrowser?.close();
    await server?.stop();
    await ecb?.close();
    for (const f of Object.values(files)) fs.rmSync(path.dirname(f), { recursive: true, force: true });
  });

  test('a company signs up, confirms its email and applies as a dealer with its documents', async () => {
    await page.goto(`${server.baseUrl}/en/`);
    await page.click('#account-link');
    await page.waitForURL(/\/en\/account\/sign-in/);
    await page.click('#sign-up-link');
    await page.selectOption('select[name=kind]', 'b2b');
    await page.fill('input[name=name]', DEALER.name);
    await page.fill('input[name=email]', DEALER.email);
    await page.fill('input[name=password]', DEALER.password);
    await page.fill('input[name=companyName]', DEALER.company);
    await page.fill('input[name=country]', 'DE');
    await shot(page, '01-sign-up');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/en\/account\/sign-up\/sent/);

    const mail = await server.smtp.waitFor((m) => m.to.includes(DEALER.email) && /confirm/i.test(m.subject));
    const link = /(http:\/\/[^\s"<>]+\/en\/account\/verify\?token=[\w-]+)/.exec(mail.text)![1]!;
    await page.goto(link);
    await page.getByRole('button', { name: 'Confirm email address' }).click();
    await page.click('#go-sign-in');
    await page.fill('input[name=email]', DEALER.email);
    await page.fill('input[name=password]', DEALER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/en\/account$/);
    expect(await page.textContent('#account-company')).toBe(DEALER.company);
    expect(await page.getAttribute('#application-status', 'data-status')).toBe('none');

    await page.click('#apply-link');
    await page.fill('input[name=legalName]', DEALER.company);
    await page.fill('input[name=line1]', 'Hafenstraße 12');
    await page.fill('input[name=postcode]', '20457');
    await page.fill('input[name=city]', 'Hamburg');
    await page.fill('input[name=vatId]', 'DE136695976');
    await page.fill('input[name=contactPhone]', '+49 40 123456');
    await page.fill('input[name=expectedVolume]', '250000');
    // A text file renamed to .pdf is refused by its content, with the message beside the field.
    await page.setInputFiles('input[name=licence]', files['renamed.pdf']!);
    await page.setInputFiles('input[name=taxRegistration]', files['tax-registration.png']!);
    await page.click('#submit-application');
    await page.locator('[data-error-for=licence]').waitFor();
    expect(await page.textContent('[data-error-for=licence]')).toContain('PDF, JPG or PNG');
    expect(await page.inputValue('input[name=city]')).toBe('Hamburg');
    await shot(page, '02-renamed-file-refused');
    await page.setInputFiles('input[name=licence]', files['licence.pdf']!);
    await page.setInputFiles('input[name=taxRegistration]', files['tax-registration.png']!);
    await page.click('#submit-application');
    await page.waitForURL(/\/en\/account\?applied=1/);
    expect(await page.getAttribute('#application-status', 'data-status')).toBe('submitted');
    await shot(page, '03-applied');
    await server.smtp.waitFor((m) => m.to.includes(DEALER.email) && /received your dealer application/i.test(m.subject));
  });

  test('a staff member approves the application as tier B in the back office', async () => {
    const staff = await launchBrowser();
    try {
      const p = staff.page;
      await p.goto(`${server.baseUrl}/admin/`);
      await p.fill('input[name=email]', REVIEWER.email);
      await p.fill('input[name=password]', REVIEWER.password);
      await p.getByRole('button', { name: 'Sign in' }).click();
      await p.waitForURL((u) => u.pathname === '/admin' || u.pathname === '/admin/');
      await p.goto(`${server.baseUrl}/admin/kyc`);
      await p.getByRole('link', { name: DEALER.company }).click();
      await p.getByRole('button', { name: 'Approve' }).waitFor();
      await p.getByLabel('Price tier').selectOption('B');
      await shot(p, '04-review');
      await p.getByRole('button', { name: 'Approve' }).click();
      await p.getByText('Approved', { exact: true }).first().waitFor();
      await shot(p, '05-approved');

      // The same person finds the new dealer among the customers, and the tier price lists with their breaks.
      const trouble: string[] = [];
      p.on('pageerror', (e) => trouble.push(e.message));
      await p.goto(`${server.baseUrl}/admin/customers?q=licht`);
      await p.getByRole('link', { name: DEALER.company }).click();
      await p.getByText('Tier B').first().waitFor();
      await p.locator('[data-testid=customer-users]').getByText(DEALER.email).waitFor();
      await p.goto(`${server.baseUrl}/admin/pricing/lists`);
      await p.getByRole('link', { name: 'Tier B' }).click();
      await p.locator('[data-testid=price-entries]').getByText('≥ 1: 422.00').waitFor();
      await p.goto(`${server.baseUrl}/admin/fx`);
      await p.locator('[data-testid=fx-rates]').getByText('JPY').waitFor();
      await shot(p, '05b-fx-rates');
      expect(trouble).toEqual([]);
    } finally {
      await staff.close();
    }
    const mail = await server.smtp.waitFor((m) => m.to.includes(DEALER.email) && /approved/i.test(m.subject));
    expect(mail.text).toContain('Your price tier is B');
  });

  test('the dealer sees tier-B prices in EUR, then switches to JPY', async () => {
    await page.goto(`${server.baseUrl}/en/account`);
    expect(await page.getAttribute('#account-tier', 'data-tier')).toBe('B');
    await page.goto(`${server.baseUrl}/en/p/${productSlug}`);
    const priceCell = page.locator('#variants-table .price').first();
    expect(await priceCell.textContent()).toBe('€422.00');
    const html = await page.content();
    for (const other of ['311.00', '533.00', '999.00']) expect(html).not.toContain(other);
    await shot(page, '06-tier-b-eur');

    // The expected yen price is the engine's (rate, buffer and rounding), asked of the back office.
    const explained = await admin('GET', `/api/admin/pricing/explain?variantId=${variantId}&currency=JPY&tier=B`);
    expect(explained.ok).toBe(true);
    const yen = new Intl.NumberFormat('en', { style: 'currency', currency: 'JPY' }).format(explained.unitAmount);

    // The storefront header may offer the switcher itself; the account page always does.
    if (!(await page.locator('#currency-switcher').count())) await page.goto(`${server.baseUrl}/en/account`);
    await page.selectOption('#display-currency', 'JPY');
    await page.locator('#currency-switcher button[type=submit]').click();
    await page.waitForLoadState('load');
    await page.goto(`${server.baseUrl}/en/p/${productSlug}`);
    expect(await page.locator('#variants-table .price').first().textContent()).toBe(yen);
    await shot(page, '07-tier-b-jpy');
  });

  test('a guest on the same page sees no price and is asked to log in', async () => {
    const guest = await launchBrowser();
    try {
      const res = await guest.page.goto(`${server.baseUrl}/en/p/${productSlug}`);
      expect(res!.status()).toBe(200);
      const html = await guest.page.content();
      for (const amount of Object.values(TIER_PRICES)) expect(html).not.toContain(amount);
      expect(html).not.toMatch(/€\s?\d|¥\s?\d/);
      expect(await guest.page.locator('#variants-table .price').first().textContent()).toBe('Log in to see prices');
      await shot(guest.page, '08-guest-no-price');
      // No add-to-cart form for a buyer who may not order (the server refuses it too, see
      // account-pages.int.test.ts); the page offers the sign-in instead.
      expect(await guest.page.locator('#add-to-cart-button').count()).toBe(0);
      await guest.page.click('#order-wall-sign-in');
      await guest.page.waitForURL(/\/en\/account\/sign-in/);
      expect(await guest.page.locator('#sign-in-form').count()).toBe(1);
    } finally {
      await guest.close();
    }
  });
});
