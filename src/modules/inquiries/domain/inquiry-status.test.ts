import { describe, expect, it } from 'vitest';
import { statusAfterReply, transition } from './inquiry-status.js';
import { checkSubmission, makeFormToken } from './spam.js';

describe('inquiry status', () => {
  it('follows new → replied → quoted → won', () => {
    expect(transition('new', 'replied')).toEqual({ ok: true, status: 'replied' });
    expect(transition('replied', 'quoted')).toEqual({ ok: true, status: 'quoted' });
    expect(transition('quoted', 'won')).toEqual({ ok: true, status: 'won' });
  });
  it('refuses skipping back and says what is allowed', () => {
    const r = transition('new', 'won');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('replied, quoted, lost');
  });
  it('a reply moves a new inquiry to replied and keeps a quoted one quoted', () => {
    expect(statusAfterReply('new')).toBe('replied');
    expect(statusAfterReply('quoted')).toBe('quoted');
  });
});

describe('spam checks', () => {
  const hmac = (v: string) => Buffer.from(v).toString('hex').padEnd(64, '0').slice(0, 64);
  const token = makeFormToken(1_000_000_000_000, hmac);
  it('accepts a human-paced submission', () => {
    expect(checkSubmission({ formToken: token }, 1_000_000_010_000, hmac)).toEqual({ ok: true });
  });
  it('refuses the honeypot, instant submissions and forged tokens', () => {
    expect(checkSubmission({ formToken: token, honeypot: 'http://spam' }, 1_000_000_010_000, hmac)).toEqual({ ok: false, reason: 'honeypot' });
    expect(checkSubmission({ formToken: token }, 1_000_000_001_000, hmac)).toEqual({ ok: false, reason: 'too_fast' });
    expect(checkSubmission({ formToken: token.replace(/.$/, (c) => (c === '0' ? '1' : '0')) }, 1_000_000_010_000, hmac)).toEqual({ ok: false, reason: 'bad_token' });
  });
});
