import { describe, expect, it } from 'vitest';
import { formatKey, parseKey, publicIdFrom, validateApiKeyDraft } from './api-key.js';
import { rateLimitState } from './rate-limit.js';
import { redactSecrets } from './redact.js';

const secret = 'A'.repeat(40) + '_-b';

describe('API key format', () => {
  it('round-trips a key and rejects anything malformed', () => {
    const id = publicIdFrom(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 255]));
    expect(id).toMatch(/^[a-z0-9]{8}$/);
    const key = formatKey(id, secret);
    expect(parseKey(key)).toEqual({ publicId: id, secret });
    expect(parseKey('tl_short_x')).toBeNull();
    expect(parseKey(`tl_ABCDEFGH_${secret}`)).toBeNull();
    expect(parseKey(`xx_abcdefgh_${secret}`)).toBeNull();
    expect(parseKey(`${key} `)).toBeNull();
  });
});

describe('new key validation', () => {
  it('names the offending scope by its position', () => {
    const r = validateApiKeyDraft({ name: 'erp', scopes: ['orders:read', 'orders:destroy'] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([expect.objectContaining({ field: 'scopes.1' })]);
  });
  it('requires a name and at least one scope', () => {
    const r = validateApiKeyDraft({ name: '  ', scopes: [] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.field).sort()).toEqual(['name', 'scopes']);
  });
  it('collapses scopes containing * and rejects a bad rate limit', () => {
    const ok = validateApiKeyDraft({ name: ' erp ', scopes: ['orders:read', '*'] });
    expect(ok).toEqual({ ok: true, value: { name: 'erp', scopes: ['*'], rateLimitPerHour: null } });
    const bad = validateApiKeyDraft({ name: 'erp', scopes: ['*'], rateLimitPerHour: 0 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]!.field).toBe('rateLimitPerHour');
  });
});

describe('rate limit state', () => {
  const start = new Date('2026-01-01T10:00:00Z');
  it('counts down and reports when the window ends', () => {
    const s = rateLimitState({ limit: 3, windowStartedAt: start, count: 2, now: new Date('2026-01-01T10:59:00Z') });
    expect(s).toEqual({ limit: 3, remaining: 1, resetSeconds: 60, exceeded: false });
  });
  it('is exceeded only past the limit', () => {
    expect(rateLimitState({ limit: 3, windowStartedAt: start, count: 3, now: start }).exceeded).toBe(false);
    expect(rateLimitState({ limit: 3, windowStartedAt: start, count: 4, now: start })).toMatchObject({ exceeded: true, remaining: 0, resetSeconds: 3600 });
  });
});

describe('secret redaction', () => {
  it('masks values under secret-looking names at any depth and keys inside text', () => {
    const out = redactSecrets({
      messageId: 'msg_1',
      password: 'hunter2',
      nested: [{ resetToken: 'abc', note: 'call with tl_abcdefgh_' + 'x'.repeat(43) }],
      headers: { Authorization: 'Bearer xyz' },
    });
    expect(out).toEqual({
      messageId: 'msg_1',
      password: '[redacted]',
      nested: [{ resetToken: '[redacted]', note: 'call with tl_abcdefgh_[redacted]' }],
      headers: { Authorization: '[redacted]' },
    });
  });
});
