import path from 'node:path';
import type { Page } from 'playwright-core';
import type { RunningServer } from './server.js';

/**
 * What a failed browser step leaves behind: a full-page screenshot, the page's console errors,
 * uncaught exceptions and HTTP errors, and the tail of the server output. Call `watch(page)` once,
 * `shot(name)` for the screenshots a test keeps, and `onFailure(ctx)` in afterEach.
 */
export function browserDiagnostics(shots: string, getPage: () => Page | undefined, getServer: () => RunningServer | undefined) {
  const log: string[] = [];
  const shot = async (name: string) => {
    await getPage()?.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
  };
  return {
    log,
    shot,
    watch(page: Page) {
      page.on('console', (m) => m.type() === 'error' && log.push(`console: ${m.text()}`));
      page.on('pageerror', (e) => log.push(`page error: ${e.message}`));
      page.on('response', (r) => r.status() >= 400 && log.push(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`));
    },
    async onFailure(ctx: { task: { name: string; result?: { state?: string } } }) {
      const page = getPage();
      if (ctx.task.result?.state !== 'fail' || !page) return;
      await shot(`FAILED-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`).catch(() => undefined);
      console.log(`failed at ${page.url()}\n${log.join('\n')}\n--- server output ---\n${getServer()?.output().slice(-4000) ?? ''}`);
    },
  };
}
