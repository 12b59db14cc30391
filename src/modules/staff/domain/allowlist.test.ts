import { describe, expect, it } from 'vitest';
import { ipAllowed, parseAllowlistEntry } from './allowlist.js';
import { removesLastOwner } from './staff.js';

describe('IP allowlist entries', () => {
  it('accepts single addresses and CIDR blocks in IPv4 and IPv6, in canonical form', () => {
    expect(parseAllowlistEntry(' 203.0.113.7 ')).toEqual({ ok: true, value: '203.0.113.7' });
    expect(parseAllowlistEntry('203.0.113.77/24')).toEqual({ ok: true, value: '203.0.113.0/24' });
    expect(parseAllowlistEntry('2001:DB8:0:0::1')).toEqual({ ok: true, value: '2001:db8::1' });
    expect(parseAllowlistEntry('2001:db8:abcd::/48')).toEqual({ ok: true, value: '2001:db8:abcd::/48' });
    expect(parseAllowlistEntry('0.0.0.0/0')).toEqual({ ok: true, value: '0.0.0.0/0' });
  });

  it('refuses what a person did not mean, saying why', () => {
    for (const bad of ['', '10.0.0', '0x7f.0.0.1', '10.0.0.1/33', '2001:db8::/129', '10.0.0.0/', 'example.com', '1.2.3.4/8x']) {
      const r = parseAllowlistEntry(bad);
      expect(r.ok, bad).toBe(false);
      expect((r as { message: string }).message.length).toBeGreaterThan(5);
    }
  });

  it('matches clients, including IPv4 clients seen through an IPv6 socket', () => {
    const list = ['192.0.2.0/24', '2001:db8::/32', '198.51.100.9'];
    expect(ipAllowed(list, '192.0.2.200')).toBe(true);
    expect(ipAllowed(list, '::ffff:192.0.2.5')).toBe(true);
    expect(ipAllowed(list, '198.51.100.9')).toBe(true);
    expect(ipAllowed(list, '198.51.100.10')).toBe(false);
    expect(ipAllowed(list, '2001:db8:ffff::1')).toBe(true);
    expect(ipAllowed(list, '2001:db9::1')).toBe(false);
    expect(ipAllowed(list, 'garbage')).toBe(false);
    expect(ipAllowed([], '203.0.113.1')).toBe(true);
  });
});

describe('last owner rule', () => {
  const owner = { role: 'owner' as const, status: 'active' as const };
  it('refuses demoting or disabling the only active owner', () => {
    expect(removesLastOwner({ activeOwners: 1, target: owner, next: { role: 'sales', status: 'active' } })).toBe(true);
    expect(removesLastOwner({ activeOwners: 1, target: owner, next: { role: 'owner', status: 'disabled' } })).toBe(true);
    expect(removesLastOwner({ activeOwners: 2, target: owner, next: { role: 'sales', status: 'active' } })).toBe(false);
    expect(removesLastOwner({ activeOwners: 1, target: owner, next: owner })).toBe(false);
    expect(
      removesLastOwner({ activeOwners: 1, target: { role: 'sales', status: 'active' }, next: { role: 'finance', status: 'disabled' } }),
    ).toBe(false);
  });
});
