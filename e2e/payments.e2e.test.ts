import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { simpleParser } from 'mailparser';
import { PDFParse } from 'pdf-parse';
import { startServer, type RunningServer } from './support/server.js';
import { launchBrowser, screenshotDir } from './support/browser.js';
import { startFakeStripe, type FakeStripe } from '../src/modules/payments/providers/stripe-fake.js';

/**
 * Issue 6, "Done when", in Chromium on the demo store with a local fake Stripe (the real wire
 * protocol, its own hosted card page, signed webhooks) and the local SMTP server:
 * - a B2C buyer pays by card through the fake Stripe flow;
 * - a new dealer places a T/T order, sees the 30 % deposit on the pay page and the proforma,
 *   uploads a slip, and finance confirms it in the back office;
 * - a Net 30 dealer orders without paying;
 * - that dealer, with an invoice 61 days overdue, is stopped at checkout with the reason, pays,
 *   and can order again.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ECB_FILE = path.resolve(root, '../shared/data/ecb/eurofxref-daily.xpt-nl.xml');
const PRODUCT = '/p/die-cast-led-floodlight-50-w-ip66'; // MOQ 20
const FINANCE = { email: 'fei.finance@example.com', name: 'Fei Finance', password: 'ledger-harbour-quartz-58' };
const WEBHOOK_SECRET = 'whsec_e2e_payments';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const hasData = fs.existsSync(ECB_FILE);
if (!hasData) console.warn(`skipping the payments browser tests: ${ECB_FILE} is absent (the ECB rates come from ../shared/data)`);

let server: RunningServer;
let ecb: http.Server;
let stripe: FakeStripe;
let apiKey = '';
let buyer: Awaited<ReturnType<typeof launchBrowser>>;
let staff: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
let shots: string;
let slipFile = '';
const browserLog: string[] = [];

const cli = (env: Record<string, string>, ...args: string[]) =>
  execFileSync(process.execPath, [path.join(root, 'bin/tradelane.mjs'), ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }).toString();

async function admin(method: string, p: string, body?: unknown) {
  const r = await fetch(`${server.baseUrl}${p}`, { method, headers: { authorization: `Bearer ${apiKey}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  if (r.status >= 300) throw new Error(`${method} ${p} → ${r.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

async function shot(p: Page, name: string) {
  await p.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

/** A company signs up, confirms its email, applies, and staff approve it with these terms (store and admin APIs). */
async function newDealer(email: string, company: string, paymentTermsDays: number, creditLimit: string) {
  const password = 'brass-anchor-willow-73';
  const base = server.baseUrl;
  const signup = await fetch(`${base}/api/store/account/signup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'b2b', email, password, name: `Buyer at ${company}`, companyName: company, country: 'DE', locale: 'en' }) });
  expect(signup.status, await signup.clone().text()).toBe(202);
  const mail = await server.smtp.waitFor((m) => m.to.includes(email) && /confirm/i.test(m.subject));
  const token = /verify\?token=([\w-]+)/.exec(mail.text)![1]!;
  expect((await fetch(`${base}/api/store/account/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) })).status).toBe(204);
  const login = await fetch(`${base}/api/store/account/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const fd = new FormData();
  fd.append('application', JSON.stringify({ legalName: company, country: 'DE', address: { line1: 'Hafenstraße 12', city: 'Hamburg', postcode: '20457' }, vatId: null, contact: { name: `Buyer at ${company}`, email }, expectedVolume: '250000', volumeCurrency: 'EUR' }));
  fd.append('licence', new Blob([PDF], { type: 'application/pdf' }), 'licence.pdf');
  fd.append('taxRegistration', new Blob([PDF], { type: 'application/pdf' }), 'tax.pdf');
  const applied = await fetch(`${base}/api/store/account/application`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken }, body: fd });
  expect(applied.status, await applied.clone().text()).toBe(201);
  const { items } = await admin('GET', '/api/admin/kyc/applications?status=submitted');
  const app = items.find((a: { legalName: string }) => a.legalName === company);
  await admin('POST', `/api/admin/kyc/applications/${app.id}/decision`, { event: 'approve', tier: 'A', paymentTermsDays, creditLimit: { amount: creditLimit, currency: 'USD' } });
  return { email, password };
}

async function signIn(p: Page, who: { email: string; password: string }) {
  await p.context().clearCookies();
  await p.goto(`${server.baseUrl}/en/account/sign-in`);
  await p.fill('input[name=email]', who.email);
  await p.fill('input[name=password]', who.password);
  await p.getByRole('button', { name: 'Sign in' }).click();
  await p.waitForURL(/\/en\/account$/);
}

/** Product → cart → 3 checkout steps with this payment method; returns the placed order number, or the checkout message when refused. */
async function checkout(p: Page, opts: { email?: string; method: string; addToCart?: boolean }): Promise<{ number?: string; refused?: string }> {
  if (opts.addToCart !== false) {
    await p.goto(`${server.baseUrl}/en${PRODUCT}`);
    await p.fill('#quantity', '20');
    await p.click('#add-to-cart-button');
    await p.waitForURL(/\/en\/cart$/);
  }
  await p.goto(`${server.baseUrl}/en/checkout`);
  if (opts.email) await p.fill('input[name=email]', opts.email);
  const ship = { name: 'Dana Brooks', company: 'Brightworks Inc.', line1: '500 Commerce St', postalCode: '75202', city: 'Dallas', region: 'TX', countryCode: 'US' };
  for (const [k, v] of Object.entries(ship)) await p.fill(`input[name="ship.${k}"]`, v);
  await p.click('#to-shipping');
  await p.locator('#shipping-form').waitFor({ state: 'visible' });
  await p.locator(`#payment-options input[value="${opts.method}"]`).waitFor();
  await p.check(`#payment-options input[value="${opts.method}"]`);
  await p.waitForTimeout(300);
  await p.click('#to-confirm');
  await p.locator('[data-step="3"]').waitFor({ state: 'visible' });
  await p.click('#place-order');
  const outcome = await Promise.race([
    p.locator('#order-placed h2').waitFor().then(() => 'placed' as const),
    p.locator('#cart-message.error').waitFor().then(() => 'refused' as const),
  ]);
  if (outcome === 'refused') return { refused: (await p.locator('#cart-message').innerText()).trim() };
  const placed = await p.locator('#order-placed h2').innerText();
  return { number: /([A-Z]{1,4}-?\d[\w-]*)/.exec(placed)?.[1] };
}

/** On the pay page: pay what is due by card on the fake Stripe page; back on the return page. */
async function payByCard(p: Page) {
  await p.click('#pay-card');
  await p.waitForURL((u) => u.href.startsWith(stripe.url));
  await p.fill('#card_number', '4242 4242 4242 4242');
  await p.click('#pay');
  await p.waitForURL(/\/pay\/[^/]+\/return/);
  // The webhook arrives before the fake redirects; the page shows the derived status.
  await expect.poll(async () => (await p.reload(), p.getAttribute('#return-message', 'data-status')), { timeout: 15_000 }).not.toBe('unpaid');
}

describe.skipIf(!hasData)('payments and trade terms in the browser', () => {
  beforeAll(async () => {
    const today = new Date().toISOString().slice(0, 10);
    const xml = fs.readFileSync(ECB_FILE, 'utf8').replace(/time=(['"])\d{4}-\d{2}-\d{2}\1/, `time='${today}'`);
    ecb = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/xml' }).end(xml));
    await new Promise<void>((r) => ecb.listen(0, '127.0.0.1', r));
    const fxUrl = `http://127.0.0.1:${(ecb.address() as AddressInfo).port}/stats/eurofxref/eurofxref-daily.xml`;
    stripe = await startFakeStripe({ webhookSecret: WEBHOOK_SECRET, secretKey: 'sk_test_e2e' });

    server = await startServer({
      env: { DEMO_DATA: 'true', FX_SOURCE_URL: fxUrl, STRIPE_SECRET_KEY: 'sk_test_e2e', STRIPE_API_BASE: stripe.url, STRIPE_WEBHOOK_SECRETS: WEBHOOK_SECRET },
      beforeStart: (env) => {
        cli(env, 'staff', 'create', '--email', FINANCE.email, '--role', 'finance', '--name', FINANCE.name, '--password', FINANCE.password);
        apiKey = cli(env, 'apikey', 'create', '--name', 'e2e payments', '--scopes', '*').trim().split('\n').at(-1)!.trim();
      },
    });
    stripe.setWebhookUrl(`${server.baseUrl}/api/webhooks/stripe`);

    // The owner's set-up, as in the back office: sell in USD at today's rates; card for everyone,
    // bank transfer with the bank details printed on the proforma.
    await admin('PUT', '/api/admin/fx/currencies', { base: 'USD', enabled: ['USD', 'EUR'] });
    await admin('POST', '/api/admin/fx/refresh');
    await admin('PUT', '/api/admin/payment-methods/card', { enabled: true });
    await admin('PUT', '/api/admin/payment-methods/tt', {
      enabled: true,
      tiers: ['A', 'B', 'C'],
      instructions: { en: 'Pay to our HSBC account and quote the order number.' },
      bankDetails: { beneficiary: 'Shenzhen Lumen Co., Ltd.', bankName: 'HSBC Hong Kong', accountNumber: '848-123456-838', swift: 'HSBCHKHHHKH' },
    });

    slipFile = path.join(fs.mkdtempSync(path.join(root, 'node_modules/.e2e-')), 'remittance-slip.pdf');
    fs.writeFileSync(slipFile, PDF);
    buyer = await launchBrowser();
    staff = await launchBrowser();
    page = buyer.page;
    shots = screenshotDir();
    console.log(`screenshots: ${shots}`);
    for (const p of [buyer.page, staff.page]) {
      p.on('pageerror', (e) => browserLog.push(`page error: ${e.message}`));
      p.on('console', (m) => m.type() === 'error' && browserLog.push(`console: ${m.text()}`));
      p.on('requestfailed', (r) => browserLog.push(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText}`));
      p.on('framenavigated', (f) => f === p.mainFrame() && browserLog.push(`navigated: ${f.url()}`));
      p.on('response', (r) => r.status() >= 400 && browserLog.push(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`));
    }
  }, 300_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page) {
      await shot(page, `FAILED-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`).catch(() => undefined);
      await shot(staff.page, `FAILED-staff-${ctx.task.name.slice(0, 30).replace(/\W+/g, '-')}`).catch(() => undefined);
      console.log(`failed at ${page.url()}\n${browserLog.join('\n')}\n--- server output ---\n${server?.output().slice(-4000)}`);
    }
  });

  afterAll(async () => {
    await buyer?.close();
    await staff?.close();
    await server?.stop();
    await stripe?.close();
    await new Promise((r) => (ecb ? ecb.close(r) : r(undefined)));
    if (slipFile) fs.rmSync(path.dirname(slipFile), { recursive: true, force: true });
  });

  test('a B2C buyer pays by card through the fake Stripe flow', async () => {
    await page.context().clearCookies();
    const r = await checkout(page, { email: 'dana.brooks@example.com', method: 'card' });
    expect(r.number, r.refused).toBeTruthy();
    await page.click('#pay-link');
    await page.waitForURL(/\/en\/pay\//);
    expect(await page.getAttribute('#pay-status', 'data-status')).toBe('unpaid');
    // The card form is Stripe's: this page has no card field at all.
    expect(await page.locator('input[autocomplete="cc-number"], input[name*=card]').count()).toBe(0);
    await shot(page, 'b2c-1-pay');
    await payByCard(page);
    expect(await page.getAttribute('#return-message', 'data-status')).toBe('paid');
    await shot(page, 'b2c-2-paid');
    expect(stripe.cardsSeen).toContain('4242 4242 4242 4242');
    const mail = await server.smtp.waitFor((m) => m.to.includes('dana.brooks@example.com') && m.subject.includes(r.number!), 60_000);
    expect(mail.subject).toContain(r.number!);
  });

  test('a new dealer places a T/T order, sees the 30 % deposit, uploads a slip, and finance confirms it', async () => {
    const dealer = await newDealer('purchasing@nordlicht.example.de', 'Nordlicht Handels GmbH', 0, '0');
    await signIn(page, dealer);
    const r = await checkout(page, { email: dealer.email, method: 'tt' });
    expect(r.number, r.refused).toBeTruthy();
    await page.click('#pay-link');
    await page.waitForURL(/\/en\/pay\//);
    expect(await page.locator('#pay-summary').innerText()).toContain('Deposit (30 %)');
    const total = Number((await page.locator('#pay-summary tr').first().innerText()).replace(/[^\d.]/g, ''));
    const deposit = Number((await page.locator('#pay-deposit').innerText()).replace(/[^\d.]/g, ''));
    expect(Math.abs(deposit - total * 0.3)).toBeLessThan(0.011);
    expect(await page.locator('#tt-reference').innerText()).toBe(r.number);
    expect(await page.locator('#bank-details').innerText()).toContain('HSBCHKHHHKH');
    await shot(page, 'tt-1-deposit');
    // The proforma that came with the confirmation email says the same, with the bank details.
    const confirmation = await server.smtp.waitFor((m) => m.to.includes(dealer.email) && m.subject.includes(r.number!), 60_000);
    const pdf = (await simpleParser(confirmation.raw)).attachments.find((a) => a.contentType === 'application/pdf');
    expect(pdf).toBeTruthy();
    const parser = new PDFParse({ data: new Uint8Array(pdf!.content) });
    const proforma = (await parser.getText()).text.replace(/\s+/g, ' ');
    await parser.destroy();
    expect(proforma).toContain('Deposit (30 %)');
    expect(proforma).toContain((await page.locator('#pay-deposit').innerText()).trim());
    expect(proforma).toContain('HSBCHKHHHKH');
    expect(proforma).toContain(`Reference to quote: ${r.number}`);

    await page.fill('#slip-form input[name=reference]', 'HSBC-TT-88123');
    await page.fill('#slip-form input[name=amount]', deposit.toFixed(2));
    await page.fill('#slip-form input[name=valueDate]', new Date().toISOString().slice(0, 10));
    await page.setInputFiles('#slip-form input[name=file]', slipFile);
    await page.click('#slip-submit');
    await page.locator('#pay-notice').waitFor();
    expect(await page.getAttribute('#pay-status', 'data-status')).toBe('unpaid');
    await shot(page, 'tt-2-slip-sent');

    // Finance, in the back office: the slip is in the desk; confirm what arrived.
    const s = staff.page;
    await s.goto(`${server.baseUrl}/admin/`);
    await s.fill('input[name=email]', FINANCE.email);
    await s.fill('input[name=password]', FINANCE.password);
    await s.getByRole('button', { name: 'Sign in' }).click();
    await s.waitForURL((u) => u.pathname === '/admin' || u.pathname === '/admin/');
    await s.goto(`${server.baseUrl}/admin/finance`);
    await s.locator('[data-testid="confirm-HSBC-TT-88123"]').click();
    await shot(s, 'tt-3-finance-confirm');
    await s.locator('[data-testid=confirm-submit]').click();
    await s.getByText('Payment confirmed.').waitFor();
    await shot(s, 'tt-4-finance-confirmed');

    await page.reload();
    expect(await page.getAttribute('#pay-status', 'data-status')).toBe('deposit_paid');
    await shot(page, 'tt-5-deposit-paid');
    // The dealer is told by email that the money arrived, with what is still due.
    const received = await server.smtp.waitFor((m) => m.to.includes(dealer.email) && m.subject.startsWith(`Payment received for order ${r.number}`), 60_000);
    expect(received.text).toMatch(/Payment status: Deposit paid\. Still to pay: /i);

    // Finance refunds part of it from the order's payments page, in a dialog (no browser prompt).
    const orderId = decodeURIComponent(/\/pay\/([^/?]+)/.exec(page.url())![1]!);
    await s.goto(`${server.baseUrl}/admin/finance/orders/${encodeURIComponent(orderId)}`);
    await s.locator('[data-testid="refund-HSBC-TT-88123"]').click();
    const refund = s.locator('dialog[open]');
    await refund.getByText('Refund payment HSBC-TT-88123').waitFor();
    await refund.locator('input[name=refundAmount]').fill('10.00');
    await refund.locator('[data-testid=refund-submit]').click();
    await refund.getByText('Give a reason of at least 3 characters.').waitFor();
    await refund.locator('input[name=refundReason]').fill('bank charges returned');
    await shot(s, 'tt-6-refund-dialog');
    await refund.locator('[data-testid=refund-submit]').click();
    await s.locator('[data-testid=order-refunds]').getByText('bank charges returned').waitFor();
    expect(await s.locator('dialog[open]').count()).toBe(0);
  });

  test('a Net 30 dealer orders without paying; with an invoice 61 days overdue they are stopped at checkout with the reason, pay, and can order again', async () => {
    const dealer = await newDealer('einkauf@sonnenwerk.example.de', 'Sonnenwerk AG', 30, '1000000');
    await signIn(page, dealer);
    const first = await checkout(page, { email: dealer.email, method: 'terms' });
    expect(first.number, first.refused).toBeTruthy();
    await page.click('#pay-link');
    expect(await page.locator('#pay-invoice').innerText()).toContain(`INV-${first.number}`);
    expect(await page.getAttribute('#pay-status', 'data-status')).toBe('unpaid');
    await shot(page, 'net-1-ordered-on-terms');

    // Finance enters the real invoice date from the ERP: issued 91 days ago, so 61 days overdue.
    const s = staff.page;
    await s.goto(`${server.baseUrl}/admin/finance/customers`);
    await s.fill('input[name=q]', 'Sonnenwerk');
    await s.getByRole('link', { name: 'Sonnenwerk AG' }).click();
    const issued = new Date(Date.now() - 91 * 86_400_000).toISOString().slice(0, 10);
    await s.locator(`[data-testid="correct-date-INV-${first.number}"]`).click();
    const dateDialog = s.locator('dialog[open]');
    await dateDialog.getByText(`Correct the date of invoice INV-${first.number}`).waitFor();
    await dateDialog.locator('input[name=invoiceDate]').fill(issued);
    await shot(s, 'net-1b-invoice-date-dialog');
    await dateDialog.locator('[data-testid="invoice-date-submit"]').click();
    await s.getByText('Invoice date corrected (audited).').waitFor();
    await s.reload();
    await s.getByText('Frozen: no orders on terms').first().waitFor();
    await shot(s, 'net-2-finance-frozen');

    // The dealer's account shows the banner, and checkout on terms stops with the reason.
    await page.goto(`${server.baseUrl}/en/account/payments`);
    expect(await page.locator('#credit-frozen-banner').innerText()).toContain(`INV-${first.number}`);
    await shot(page, 'net-3-banner');
    const refused = await checkout(page, { email: dealer.email, method: 'terms' });
    expect(refused.refused).toMatch(/overdue/i);
    expect(refused.refused).toContain(`INV-${first.number}`);
    await shot(page, 'net-4-stopped');

    // The dealer pays the overdue invoice by card from the account…
    await page.goto(`${server.baseUrl}/en/account/payments`);
    await page.click(`[data-pay-invoice="INV-${first.number}"]`);
    await page.waitForURL(/\/en\/pay\//);
    await payByCard(page);
    expect(await page.getAttribute('#return-message', 'data-status')).toBe('paid');
    await page.goto(`${server.baseUrl}/en/account/payments`);
    expect(await page.locator('#credit-frozen-banner').count()).toBe(0);
    await shot(page, 'net-5-paid');

    // …and orders on terms again (the cart kept its lines).
    const again = await checkout(page, { email: dealer.email, method: 'terms', addToCart: false });
    expect(again.number, again.refused).toBeTruthy();
    await shot(page, 'net-6-ordered-again');
  });
});
