import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Debian's Chromium through playwright-core (no downloaded browser), headless, with a fresh
 * profile that is deleted at the end.
 */
export async function launchBrowser(): Promise<{ context: BrowserContext; page: Page; close: () => Promise<void> }> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get update && apt-get install -y chromium`);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradelane-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1360, height: 860 },
    locale: 'en-US',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close().catch(() => undefined);
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Where screenshots go: E2E_SCREENSHOT_DIR, or a temp folder named in the test output. */
export function screenshotDir(): string {
  const dir = process.env.E2E_SCREENSHOT_DIR || fs.mkdtempSync(path.join(os.tmpdir(), 'tradelane-screens-'));
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Collects what the page complains about (console errors, page errors, HTTP answers >= 400) into `log`. */
export function collectBrowserTrouble(page: Page, log: string[]): void {
  page.on('console', (m) => m.type() === 'error' && log.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => log.push(`page error: ${e.message}`));
  page.on('response', (r) => r.status() >= 400 && log.push(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`));
}

/** After a failed test: a full-page screenshot named after it, and where it stopped with the browser's and server's last words. */
export async function reportFailure(page: Page, dir: string, testName: string, log: string[], serverOutput: string): Promise<void> {
  await page.screenshot({ path: path.join(dir, `FAILED-${testName.slice(0, 40).replace(/\W+/g, '-')}.png`), fullPage: true }).catch(() => undefined);
  console.log(`failed at ${page.url()}\n${log.join('\n')}\n--- server output ---\n${serverOutput.slice(-4000)}`);
}
