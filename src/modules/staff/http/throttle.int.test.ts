import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DATABASE_UNDER_TEST, type TestContext } from '../../../platform/testing/harness.js';
import type { ManualClock } from '../../../platform/clock/clock.js';
import { ACCOUNT_HOURLY_CAP, UNKNOWN_BROWSER_HOURLY_CAP } from '../../../platform/auth/throttle-policy.js';
import { addStaff, login, newBrowser, STAFF_DEVICE_COOKIE, type Browser } from '../testing.js';

const WRONG = 'definitely not it 123';

describe(`sign-in throttle on ${DATABASE_UNDER_TEST}`, () => {
  let ctx: TestContext;
  let clock: ManualClock;
  beforeAll(async () => {
    ctx = await createTestContext({ clock: 'manual' });
    clock = ctx.clock as ManualClock;
  });
  afterAll(async () => ctx?.close());

  /** Guesses wrong, waiting out each pause the way a patient attacker would; returns the 401 count. */
  async function guess(email: string, times: number, browser: (i: number) => Browser): Promise<number> {
    let failed = 0;
    for (let i = 0; failed < times; i++) {
      const res = await login(ctx, browser(i), email, WRONG);
      if (res.statusCode === 429) {
        const wait = Number(res.headers['retry-after']);
        if (wait > 60) return failed; // the hourly cap, not a pause
        clock.advance(wait * 1000);
      } else {
        expect(res.statusCode).toBe(401);
        failed++;
      }
    }
    return failed;
  }

  it('asks for growing pauses with 429 and Retry-After, the same for unknown accounts', async () => {
    await addStaff(ctx, 'pat@example.com', 'sales');
    for (const email of ['pat@example.com', 'ghost@example.com']) {
      const b = newBrowser('198.51.100.7');
      const waits: number[] = [];
      for (let i = 0; i < 9; i++) {
        const res = await login(ctx, b, email, WRONG);
        if (res.statusCode === 429) {
          expect(res.headers['content-type']).toContain('application/problem+json');
          expect(res.json().code).toBe('rate_limited');
          const wait = Number(res.headers['retry-after']);
          waits.push(wait);
          clock.advance(wait * 1000);
          // Waiting exactly as long as asked is enough.
          expect((await login(ctx, b, email, WRONG)).statusCode).toBe(401);
        } else expect(res.statusCode).toBe(401);
      }
      expect(waits).toEqual([1, 2, 4]);
      clock.advance(3600_000); // an hour later the slate is clean
    }
    // While a pause runs even the right password is not looked at.
    const b = newBrowser('198.51.100.8');
    await guess('pat@example.com', 6, () => b);
    expect((await login(ctx, b, 'pat@example.com')).statusCode).toBe(429);
    clock.advance(3600_000);
  });

  it('counts parallel guesses one after the other, so a burst gets no more tries', async () => {
    await addStaff(ctx, 'par@example.com', 'sales');
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) => login(ctx, newBrowser(`10.99.0.${i + 1}`), 'par@example.com', WRONG)),
    );
    const codes = results.map((r) => r.statusCode).sort();
    // Five free failures, a sixth that starts the first pause, and every other one waits.
    expect(codes.filter((c) => c === 401)).toHaveLength(6);
    expect(codes.filter((c) => c === 429)).toHaveLength(10);
    clock.advance(3600_000);
  });

  it('slows one IP that tries many accounts', async () => {
    const b = newBrowser('203.0.113.50');
    for (let i = 0; i < 10; i++) expect((await login(ctx, b, `user${i}@example.com`, WRONG)).statusCode).toBe(401);
    expect((await login(ctx, b, 'user10@example.com', WRONG)).statusCode).toBe(401);
    const res = await login(ctx, b, 'user11@example.com', WRONG);
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    clock.advance(3600_000);
  });

  it('keeps the real person in with their device cookie while caps the account at 100 failures an hour', async () => {
    await addStaff(ctx, 'vic@example.com', 'finance');
    // Vic has signed in from this browser before: it carries a signed device cookie.
    const vic = newBrowser('192.0.2.10');
    expect((await login(ctx, vic, 'vic@example.com')).statusCode).toBe(200);
    expect(vic.cookies[STAFF_DEVICE_COOKIE]).toBeTruthy();
    const started = clock.now().getTime();

    // A botnet guesses from a fresh address each time, without the cookie, waiting out the pauses.
    const botnet = (i: number) => newBrowser(`10.${Math.floor(i / 250)}.${i % 250}.1`);
    const unknownFailures = await guess('vic@example.com', 200, botnet);
    expect(unknownFailures).toBe(UNKNOWN_BROWSER_HOURLY_CAP);
    expect(clock.now().getTime() - started).toBeLessThan(3600_000);
    // Unknown browsers are now refused outright, even with the right password...
    const stranger = await login(ctx, newBrowser('10.200.0.1'), 'vic@example.com');
    expect(stranger.statusCode).toBe(429);
    expect(Number(stranger.headers['retry-after'])).toBeGreaterThan(60);

    // ...but Vic, from the known browser, still gets in.
    expect((await login(ctx, vic, 'vic@example.com')).statusCode).toBe(200);

    // Known browsers have their own pauses, and all failures together stop at 100 an hour.
    const deviceFailures = await guess('vic@example.com', 200, () => vic);
    expect(unknownFailures + deviceFailures).toBe(ACCOUNT_HOURLY_CAP);
    const capped = await login(ctx, vic, 'vic@example.com');
    expect(capped.statusCode).toBe(429);

    // Once the oldest failures are an hour old, Vic is let in again.
    clock.advance(Number(capped.headers['retry-after']) * 1000);
    expect((await login(ctx, vic, 'vic@example.com')).statusCode).toBe(200);
  }, 180_000);

  it('does not accept a device cookie made for another account or forged', async () => {
    await addStaff(ctx, 'wes@example.com', 'sales');
    await addStaff(ctx, 'xia@example.com', 'sales');
    const wes = newBrowser('192.0.2.20');
    expect((await login(ctx, wes, 'wes@example.com')).statusCode).toBe(200);
    const xia = newBrowser('192.0.2.22');
    expect((await login(ctx, xia, 'xia@example.com')).statusCode).toBe(200);
    const cookie = wes.cookies[STAFF_DEVICE_COOKIE]!;
    const [, nonce, sig] = cookie.split('.');
    const forged = `${Buffer.from('xia@example.com').toString('base64url')}.${nonce}.${sig}`;
    // Unknown browsers make xia's account pause...
    await guess('xia@example.com', 6, (i) => newBrowser(`10.60.0.${i + 1}`));
    // ...which neither wes's cookie nor a doctored copy of it gets around; xia's own cookie does.
    for (const c of [cookie, forged, `${cookie.slice(0, -2)}00`]) {
      const probe = newBrowser('192.0.2.21');
      probe.cookies[STAFF_DEVICE_COOKIE] = c;
      expect((await login(ctx, probe, 'xia@example.com')).statusCode).toBe(429);
    }
    expect((await login(ctx, xia, 'xia@example.com')).statusCode).toBe(200);
  });
});
