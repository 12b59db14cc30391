/**
 * Spam protection without outside services. A form carries a signed "form started" timestamp;
 * a submission sooner than MIN_FILL_MS after it (bots fill instantly), one with a forged or
 * very old token, or one with the hidden honeypot field filled is refused. Rate limiting per IP
 * is counted in the database (see submit-inquiry) so it holds across server processes.
 */
export const MIN_FILL_MS = 3_000;
export const MAX_FORM_AGE_MS = 24 * 3600_000;
export const MAX_PER_IP_PER_HOUR = 5;

export function makeFormToken(nowMs: number, hmac: (v: string) => string): string {
  return `${nowMs}.${hmac(`inquiry-form:${nowMs}`).slice(0, 32)}`;
}

export type SpamVerdict = { ok: true } | { ok: false; reason: 'honeypot' | 'too_fast' | 'bad_token' | 'expired' };

export function checkSubmission(input: { honeypot?: string | null; formToken?: string | null }, nowMs: number, hmac: (v: string) => string): SpamVerdict {
  if (input.honeypot && input.honeypot.trim() !== '') return { ok: false, reason: 'honeypot' };
  const m = /^(\d{10,16})\.([0-9a-f]{32})$/.exec(input.formToken ?? '');
  if (!m) return { ok: false, reason: 'bad_token' };
  const started = Number(m[1]);
  if (hmac(`inquiry-form:${started}`).slice(0, 32) !== m[2]) return { ok: false, reason: 'bad_token' };
  if (nowMs - started < MIN_FILL_MS) return { ok: false, reason: 'too_fast' };
  if (nowMs - started > MAX_FORM_AGE_MS) return { ok: false, reason: 'expired' };
  return { ok: true };
}
