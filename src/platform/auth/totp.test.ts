import { describe, expect, it } from 'vitest';
import { checkTotp, newTotpSecret, totpCodeAt, totpQrDataUrl, totpUri } from './totp.js';
import { newRecoveryCodes, normaliseRecoveryCode } from './recovery-codes.js';
import { deviceIdFor, issueDeviceToken } from './device-cookie.js';
import { createSecrets } from './secrets.js';

const T0 = new Date('2026-03-01T12:00:15Z'); // mid-step

describe('TOTP', () => {
  it('accepts the current code and codes one step either side, nothing further', async () => {
    const secret = newTotpSecret();
    const at = (s: number) => totpCodeAt(secret, new Date(T0.getTime() + s * 1000));
    expect((await checkTotp(secret, await at(0), T0, null)).ok).toBe(true);
    expect((await checkTotp(secret, await at(-30), T0, null)).ok).toBe(true);
    expect((await checkTotp(secret, await at(30), T0, null)).ok).toBe(true);
    expect(await checkTotp(secret, await at(-90), T0, null)).toEqual({ ok: false, reason: 'invalid' });
    expect(await checkTotp(secret, await at(90), T0, null)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('never accepts the same code, or an older one, twice', async () => {
    const secret = newTotpSecret();
    const code = await totpCodeAt(secret, T0);
    const first = await checkTotp(secret, code, T0, null);
    expect(first.ok).toBe(true);
    const step = (first as { step: number }).step;
    expect(await checkTotp(secret, code, new Date(T0.getTime() + 10_000), step)).toEqual({ ok: false, reason: 'reused' });
    const previous = await totpCodeAt(secret, new Date(T0.getTime() - 30_000));
    expect((await checkTotp(secret, previous, T0, step)).ok).toBe(false);
    const next = await totpCodeAt(secret, new Date(T0.getTime() + 30_000));
    expect((await checkTotp(secret, next, new Date(T0.getTime() + 30_000), step)).ok).toBe(true);
  });

  it('ignores spaces people copy and refuses anything but six digits', async () => {
    const secret = newTotpSecret();
    const code = await totpCodeAt(secret, T0);
    expect((await checkTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, T0, null)).ok).toBe(true);
    expect((await checkTotp(secret, 'abcdef', T0, null)).ok).toBe(false);
    expect((await checkTotp(secret, code + '0', T0, null)).ok).toBe(false);
  });

  it('makes an otpauth URL with issuer Tradelane and a PNG QR code of it', async () => {
    const secret = newTotpSecret();
    const uri = totpUri(secret, 'ana@example.com');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Tradelane:ana(%40|@)example\.com\?/);
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).toContain('issuer=Tradelane');
    expect(await totpQrDataUrl(uri)).toMatch(/^data:image\/png;base64,/);
  });
});

describe('recovery codes and device tokens', () => {
  it('makes ten distinct codes without look-alike characters', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
    expect(normaliseRecoveryCode(' ABCDE-fghjk ')).toBe('abcdefghjk');
  });

  it('accepts a device token only for the account it was issued to, unaltered', () => {
    const secrets = createSecrets('a'.repeat(40));
    const token = issueDeviceToken(secrets, 'staff', 'ana@example.com');
    expect(deviceIdFor(secrets, 'staff', token, 'ana@example.com')).toEqual(expect.any(String));
    expect(deviceIdFor(secrets, 'staff', token, 'bob@example.com')).toBeNull();
    expect(deviceIdFor(secrets, 'customer', token, 'ana@example.com')).toBeNull();
    expect(deviceIdFor(createSecrets('b'.repeat(40)), 'staff', token, 'ana@example.com')).toBeNull();
    expect(deviceIdFor(secrets, 'staff', token.slice(0, -1) + (token.endsWith('0') ? '1' : '0'), 'ana@example.com')).toBeNull();
  });
});
