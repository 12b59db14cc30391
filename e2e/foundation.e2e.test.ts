import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { startServer, type RunningServer } from './support/server.js';
import { launchBrowser, screenshotDir } from './support/browser.js';

/**
 * Issue 2, as a person does it in a browser: the printed setup link → owner with a password →
 * 2FA enrolment → sign out → sign in with a TOTP code → an API key → the admin API called with it.
 * Also: the whole UI in Chinese, and an invitation that travels over real SMTP.
 */
const OWNER = { email: 'owner@example.com', name: 'Olivia Owner', password: 'harbour-lantern-copper-92' };
const INVITEE = { email: 'wang.wei@example.com', name: '王伟', password: 'quiet-river-maple-371' };

let server: RunningServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
let shots: string;
let totpSecret = '';
const lastCodes = new Map<string, string>();
let inviteeSecret = '';
const browserLog: string[] = [];

async function shot(name: string) {
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

/** The current code, waiting for the next 30 s step when this one was already used (no replay). */
async function freshCode(secret = totpSecret): Promise<string> {
  for (;;) {
    const code = await generate({ secret });
    if (code !== lastCodes.get(secret)) {
      lastCodes.set(secret, code);
      return code;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

const url = (p: string) => `${server.baseUrl}/admin${p}`;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = browser.page;
  shots = screenshotDir();
  console.log(`screenshots: ${shots}`);
  page.on('console', (m) => m.type() === 'error' && browserLog.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => browserLog.push(`page error: ${e.message}`));
  page.on('response', (r) => r.status() >= 400 && browserLog.push(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`));
});

// A failed step leaves a picture of the page and what the browser complained about.
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && page) {
    await shot(`FAILED-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`).catch(() => undefined);
    console.log(`failed at ${page.url()}\n${browserLog.join('\n')}\n--- server output ---\n${server.output().slice(-4000)}`);
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('back office foundation', () => {
  test('the setup link creates the owner, who enrols in 2FA and keeps the recovery codes', async () => {
    await page.goto(server.setupUrl);
    await page.locator('[data-testid=setup-form]').waitFor();
    await page.fill('input[name=email]', OWNER.email);
    await page.fill('input[name=name]', OWNER.name);
    await page.fill('input[name=new-password]', OWNER.password);
    await page.fill('input[name=confirm-password]', OWNER.password);
    await shot('01-setup');
    await page.getByRole('button', { name: 'Create owner and sign in' }).click();

    // Signed in, and offered 2FA straight away.
    await page.waitForURL(/\/admin\/account\/two-factor/);
    const secret = page.locator('[data-testid=totp-secret]');
    await secret.waitFor();
    totpSecret = (await secret.textContent())!.trim();
    expect(totpSecret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(await page.locator('[data-testid=totp-qr]').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await shot('02-enrol-2fa');

    await page.fill('input[name=code]', await freshCode());
    await page.getByRole('button', { name: 'Turn on' }).click();
    const codes = page.locator('[data-testid=recovery-codes] li');
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    await shot('03-recovery-codes');
    await page.locator('[data-testid=codes-saved]').click();

    await page.waitForURL((u) => u.pathname === '/admin' || u.pathname === '/admin/');
    await expect.poll(() => page.locator('h1').textContent()).toContain(OWNER.name);
    await shot('04-dashboard');
    // The setup link is single use.
    const again = await fetch(`${server.baseUrl}/api/admin/auth/setup/${new URL(server.setupUrl).hash.replace('#token=', '')}`);
    expect((await again.json()).valid).toBe(false);
  });

  test('the whole back office switches to Chinese, rendered with the bundled CJK font, and the choice sticks', async () => {
    await page.locator('[data-testid=locale-switch]').selectOption('zh-CN');
    await expect.poll(() => page.locator('h1').textContent()).toContain('欢迎');
    await expect.poll(() => page.locator('nav').textContent()).toContain('仪表板');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    // Chinese must not fall back to boxes: the Noto Sans SC subset for these glyphs was loaded.
    const cjkFacesLoaded = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Noto Sans SC Variable' && f.status === 'loaded').length;
    });
    expect(cjkFacesLoaded).toBeGreaterThan(0);
    await shot('05-dashboard-zh');

    // Saved on the account: a reload (and another browser) comes back in Chinese.
    await page.reload();
    await expect.poll(() => page.locator('nav').textContent()).toContain('员工');
    await page.goto(url('/staff'));
    await expect.poll(() => page.locator('h1').textContent()).toBe('员工');
    await shot('06-staff-zh');

    await page.locator('[data-testid=locale-switch]').selectOption('en');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Staff');
    // Switching back sticks too (no late re-read of the session undoes it).
    await page.waitForTimeout(500);
    expect(await page.locator('h1').textContent()).toBe('Staff');
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Staff');
  });

  test('an invitation goes out over SMTP', async () => {
    await page.locator('[data-testid=invite-staff]').click();
    const dialog = page.locator('dialog[open]');
    await dialog.getByLabel('Email').fill(INVITEE.email);
    await dialog.getByLabel('Name').fill(INVITEE.name);
    await dialog.getByLabel('Role').selectOption('sales');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await page.locator('[data-testid=toast-success]').waitFor();
    await expect.poll(() => page.locator('[data-testid=staff-table]').textContent()).toContain(INVITEE.email);
    await shot('07-staff');

    const mail = await server.smtp.waitFor((m) => m.to.includes(INVITEE.email));
    expect(mail.html + mail.text).toMatch(/\/admin\/invite#token=/);
  });

  test('signing out and in again asks for the TOTP code', async () => {
    await page.locator('[data-testid=logout]').click();
    await page.waitForURL(/\/admin\/login/);
    await page.fill('input[name=email]', OWNER.email);
    await page.fill('input[name=password]', 'not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.locator('[data-testid=form-error]').textContent()).toBeTruthy();
    await shot('08-login-error');

    await page.fill('input[name=password]', OWNER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('[data-testid=login-code-form]').waitFor();
    await shot('09-login-code');
    await page.fill('input[name=code]', await freshCode());
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.waitForURL((u) => u.pathname === '/admin' || u.pathname === '/admin/');
    await expect.poll(() => page.locator('h1').textContent()).toContain(OWNER.name);
  });

  test('an API key created in the back office calls the admin API as Bearer', async () => {
    await page.goto(url('/api-keys'));
    await page.locator('[data-testid=create-api-key]').click();
    const form = page.locator('[data-testid=api-key-form]');
    await form.getByLabel('Name').fill('erp');
    await form.getByLabel('All (*)').check();
    await shot('10-api-key-form');
    await form.getByRole('button', { name: 'Create API key' }).click();
    const keyEl = page.locator('[data-testid=new-api-key]');
    await keyEl.waitFor();
    const key = (await keyEl.textContent())!.trim();
    expect(key.length).toBeGreaterThan(20);
    await shot('11-api-key-created');
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => page.locator('[data-testid=api-keys-table]').textContent()).toContain('erp');

    const res = await fetch(`${server.baseUrl}/api/admin/staff`, { headers: { authorization: `Bearer ${key}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { email: string; role: string }[] };
    expect(body.items).toContainEqual(expect.objectContaining({ email: OWNER.email, role: 'owner' }));

    // The list now says when the key was last used.
    await page.reload();
    const row = page.locator('[data-testid=api-keys-table] tbody tr', { hasText: 'erp' });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/seconds? ago|now|minute ago/);
    await shot('12-api-keys');

    // Revoked in the back office, the key stops working at once.
    await row.getByRole('button', { name: 'Revoke' }).click();
    await page.locator('dialog[open]').getByRole('button', { name: 'Revoke' }).click();
    await expect.poll(() => row.textContent()).toContain('Revoked');
    const after = await fetch(`${server.baseUrl}/api/admin/staff`, { headers: { authorization: `Bearer ${key}` } });
    expect(after.status).toBe(401);
  });

  test('the audit log shows who did what', async () => {
    await page.goto(url('/audit'));
    const table = page.locator('[data-testid=audit-table]');
    await expect.poll(() => table.textContent()).toContain(OWNER.email);
    await table.locator('tbody tr').first().click();
    await page.locator('tr.row-details').first().waitFor();
    await shot('13-audit');

    // Filters narrow the list and live in the URL.
    expect(await table.textContent()).toContain('staff.login');
    await page.locator('[data-testid=audit-filters]').getByLabel('Action').fill('apikey.');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/\/admin\/audit\?action=apikey\./);
    await expect
      .poll(async () => {
        const rows = await table.locator('tbody tr:not(.row-details)').allTextContents();
        return rows.every((r) => r.includes('apikey.')) && rows.some((r) => r.includes('apikey.created'));
      })
      .toBe(true);
  });

  test('the outbox previews the invitation as rendered HTML, and the other system screens open', async () => {
    await page.goto(url('/outbox'));
    const row = page.locator('[data-testid=outbox-table] tbody tr', { hasText: INVITEE.email });
    await row.getByRole('button', { name: 'Preview' }).click();
    const frame = page.frameLocator('[data-testid=outbox-preview]');
    await expect.poll(() => frame.locator('body').innerHTML()).toMatch(/\/admin\/invite#token=/);
    await shot('14-outbox-preview');
    await page.keyboard.press('Escape');

    await page.goto(url('/jobs'));
    await page.locator('[data-testid=jobs-state-completed]').click();
    await expect.poll(() => page.locator('[data-testid=jobs-table]').textContent()).toContain('mail.send');
    await shot('15-jobs');

    await page.goto(url('/security'));
    await expect.poll(() => page.locator('[data-testid=your-ip]').textContent()).toBe('127.0.0.1');
    // An allowlist without this address is refused rather than locking the owner out.
    await page.locator('[data-testid=allowlist]').fill('203.0.113.0/24\nnot-an-address');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('.field-error').allTextContents()).toContainEqual(expect.stringContaining('Line 2'));
    await shot('16-security');
    // The owner requires 2FA for sales (and leaves the allowlist empty).
    await page.locator('[data-testid=allowlist]').fill('');
    await page.getByLabel('Sales').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Security settings saved.').waitFor();

    await page.goto(url('/account'));
    await expect.poll(() => page.locator('h1').textContent()).toBe('My account');
    await shot('17-account');
  });

  test('new recovery codes replace the old ones, and one of them signs the owner in', async () => {
    await page.goto(url('/account'));
    await page.getByRole('button', { name: 'New recovery codes' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.getByLabel('Authentication code').fill(await freshCode());
    await dialog.getByRole('button', { name: 'New recovery codes' }).click();
    const codes = dialog.locator('[data-testid=recovery-codes] li');
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    const recovery = (await codes.nth(3).textContent())!.trim();
    await dialog.locator('[data-testid=codes-saved]').click();

    await page.locator('[data-testid=logout]').click();
    await page.waitForURL(/\/admin\/login/);
    await page.fill('input[name=email]', OWNER.email);
    await page.fill('input[name=password]', OWNER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('[data-testid=login-code-form]').waitFor();
    await page.getByRole('button', { name: 'Use a recovery code' }).click();
    await page.fill('input[name=recoveryCode]', recovery);
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain(OWNER.name);
  });

  test('the invited colleague sets a password from the emailed link and must enrol in 2FA before anything else', async () => {
    const mail = await server.smtp.waitFor((m) => m.to.includes(INVITEE.email));
    const link = /(https?:\/\/[^\s"'<>]+\/admin\/invite#token=[A-Za-z0-9_-]+)/.exec(mail.html + mail.text)![1]!;
    await page.locator('[data-testid=logout]').click();
    await page.waitForURL(/\/admin\/login/);

    await page.goto(link);
    await page.fill('input[name=new-password]', INVITEE.password);
    await page.fill('input[name=confirm-password]', INVITEE.password);
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.getByText('Your account is ready').waitFor();

    await page.goto(url('/login'));
    await page.fill('input[name=email]', INVITEE.email);
    await page.fill('input[name=password]', INVITEE.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Sales requires 2FA: every page leads to the enrolment screen until it is on.
    await page.waitForURL(/\/admin\/account\/two-factor/);
    await page.getByText('Your role requires two-factor authentication').waitFor();
    await page.goto(url('/api-keys'));
    await page.waitForURL(/\/admin\/account\/two-factor/);
    const secret = page.locator('[data-testid=totp-secret]');
    await secret.waitFor();
    inviteeSecret = (await secret.textContent())!.trim();
    await shot('18-enrol-required');
    await page.fill('input[name=code]', await freshCode(inviteeSecret));
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.locator('[data-testid=codes-saved]').click();
    await expect.poll(() => page.locator('h1').textContent()).toContain(INVITEE.name);

    // A sales person sees no staff or security screens, and the server refuses them too.
    expect(await page.locator('nav').textContent()).not.toContain('Security');
    await page.goto(url('/security'));
    await expect.poll(() => page.locator('h1').textContent()).toBe('Not available to your role');
    expect(await page.evaluate(() => fetch('/api/admin/security').then((r) => r.status))).toBe(403);
  });

  test('a password reset arrives by email and still asks for the 2FA code', async () => {
    await page.locator('[data-testid=logout]').click();
    await page.waitForURL(/\/admin\/login/);
    await page.getByText('Forgot your password?').click();
    await page.fill('input[name=email]', INVITEE.email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByText(/a reset link is on its way/).waitFor();

    const mail = await server.smtp.waitFor((m) => m.to.includes(INVITEE.email) && /\/admin\/reset#token=/.test(m.html + m.text));
    const link = /(https?:\/\/[^\s"'<>]+\/admin\/reset#token=[A-Za-z0-9_-]+)/.exec(mail.html + mail.text)![1]!;
    await page.goto(link);
    const newPassword = 'amber-tide-lantern-58';
    await page.fill('input[name=new-password]', newPassword);
    await page.fill('input[name=confirm-password]', newPassword);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByText('Your password has been changed').waitFor();

    await page.goto(url('/login'));
    await page.fill('input[name=email]', INVITEE.email);
    await page.fill('input[name=password]', newPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('[data-testid=login-code-form]').waitFor();
    await page.fill('input[name=code]', await freshCode(inviteeSecret));
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain(INVITEE.name);

    // "Log out everywhere" ends this session too.
    await page.goto(url('/account'));
    await page.locator('[data-testid=logout-everywhere]').click();
    await page.locator('dialog[open]').getByRole('button', { name: 'Log out everywhere' }).click();
    await page.waitForURL(/\/admin\/login/);
    expect(await page.evaluate(() => fetch('/api/admin/session').then((r) => r.status))).toBe(401);
  });
  test('repeated wrong passwords make the sign-in form show and count down the wait', async () => {
    await page.goto(url('/login'));
    const button = page.getByRole('button', { name: 'Sign in' });
    // The pauses grow (1 s, 2 s, 4 s…): go on until one is long enough to look at calmly.
    let wait = 0;
    for (let i = 0; i < 15 && wait < 2; i++) {
      await expect.poll(() => button.isEnabled(), { timeout: 15_000 }).toBe(true);
      await page.fill('input[name=email]', 'ghost@example.com');
      await page.fill('input[name=password]', 'wrong-password-123');
      const reply = page.waitForResponse((r) => r.url().endsWith('/api/admin/auth/login'));
      await button.click();
      const r = await reply;
      if (r.status() === 429) wait = Number(r.headers()['retry-after']);
      else expect(r.status()).toBe(401);
    }
    expect(wait).toBeGreaterThanOrEqual(2);
    await page.waitForFunction(
      () =>
        /Try again in \d+ seconds?\./.test(document.querySelector('[data-testid=form-error]')?.textContent ?? '') &&
        (document.querySelector('[data-testid=login-form] button[type=submit]') as HTMLButtonElement | null)?.disabled === true,
    );
    await shot('19-login-throttled');
    await expect.poll(() => button.isEnabled(), { timeout: 15_000 }).toBe(true);
  });
});
