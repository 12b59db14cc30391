import { describe, expect, it } from 'vitest';
import { applicationAge, proposeTier, transition } from './kyc.js';

describe('dealer application lifecycle', () => {
  it('moves through the table and refuses steps that make no sense', () => {
    expect(transition('submitted', 'request_info')).toEqual({ ok: true, to: 'info_requested', mailKey: 'customers.mail.kycInfoRequested' });
    expect(transition('info_requested', 'answer_info')).toMatchObject({ ok: true, to: 'submitted' });
    expect(transition('submitted', 'approve')).toMatchObject({ ok: true, to: 'approved' });
    expect(transition('approved', 'reject')).toEqual({ ok: false, message: 'An application that is approved cannot be rejected.' });
    expect(transition('submitted', 'answer_info')).toMatchObject({ ok: false });
  });

  it('proposes a tier from country and expected volume', () => {
    const rules = [
      { countries: ['DE', 'FR'], minVolumeEurMinor: 50_000_000, tier: 'A' },
      { countries: [], minVolumeEurMinor: 10_000_000, tier: 'B' },
    ];
    expect(proposeTier(rules, 'C', 'DE', 60_000_000)).toBe('A');
    expect(proposeTier(rules, 'C', 'US', 60_000_000)).toBe('B');
    expect(proposeTier(rules, 'C', 'DE', 1_000_000)).toBe('C');
    expect(proposeTier(rules, 'C', 'DE', null)).toBe('C');
  });

  it('measures age against the target decision time', () => {
    expect(applicationAge(new Date('2026-03-01T00:00:00Z'), new Date('2026-03-03T01:00:00Z'), 48)).toEqual({ ageHours: 49, targetHours: 48, overdue: true });
  });
});
