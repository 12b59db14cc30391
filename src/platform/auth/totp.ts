import { generate, generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

/**
 * TOTP (RFC 6238: SHA-1, 6 digits, 30 s) as every authenticator app speaks it, via otplib 13.
 * A code is accepted one step either side of now (clock drift), and never twice: the caller stores
 * the time step of the last accepted code and passes it back, so a code seen over a shoulder or in
 * a proxy log cannot be replayed within its window.
 */
export const TOTP_PERIOD = 30;
export const TOTP_ISSUER = 'Tradelane';

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUri(secret: string, accountLabel: string, issuer = TOTP_ISSUER): string {
  return generateURI({ issuer, label: accountLabel, secret });
}

export async function totpQrDataUrl(uri: string): Promise<string> {
  return QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
}

/** Only digits count; spaces people copy from apps ("123 456") are dropped. */
export function normaliseTotpCode(code: string): string {
  return code.replace(/\s+/g, '');
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: 'invalid' | 'reused' };

/**
 * Checks a code at `now`, refusing any time step at or before `lastStep` (the step of the code
 * accepted last time). Returns the step to store on success.
 */
export async function checkTotp(
  secret: string,
  code: string,
  now: Date,
  lastStep: number | null | undefined,
): Promise<TotpCheck> {
  const token = normaliseTotpCode(code);
  if (!/^\d{6}$/.test(token)) return { ok: false, reason: 'invalid' };
  const epoch = Math.floor(now.getTime() / 1000);
  const opts = { secret, token, epoch, epochTolerance: TOTP_PERIOD, period: TOTP_PERIOD };
  const result = await verify(opts);
  if (!result.valid) return { ok: false, reason: 'invalid' };
  const step = (result as { timeStep: number }).timeStep;
  if (lastStep != null && step <= lastStep) return { ok: false, reason: 'reused' };
  return { ok: true, step };
}

/** The code an authenticator shows at `now` (tests and tools). */
export async function totpCodeAt(secret: string, now: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(now.getTime() / 1000), period: TOTP_PERIOD });
}
