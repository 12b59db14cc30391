import { describe, expect, test } from 'vitest';
import { allowlistCovers, parseAllowlist } from './allowlist.js';

describe('parseAllowlist', () => {
  test('drops blank lines and comments and remembers where each entry came from', () => {
    const r = parseAllowlist('# office\n203.0.113.0/24  # HQ\n\n  2001:db8::/32\n');
    expect(r.entries).toEqual(['203.0.113.0/24', '2001:db8::/32']);
    expect(r.lines).toEqual([2, 4]);
  });
});

describe('allowlistCovers (the lock-out warning)', () => {
  test('matches ranges and single addresses of both families', () => {
    expect(allowlistCovers(['203.0.113.0/24'], '203.0.113.77')).toBe(true);
    expect(allowlistCovers(['203.0.113.0/24'], '198.51.100.1')).toBe(false);
    expect(allowlistCovers(['198.51.100.1'], '198.51.100.1')).toBe(true);
    expect(allowlistCovers(['2001:db8::/32'], '2001:db8:1::5')).toBe(true);
  });
  test('an IPv4 client seen as IPv4-mapped IPv6 still matches its IPv4 range', () => {
    expect(allowlistCovers(['127.0.0.0/8'], '::ffff:127.0.0.1')).toBe(true);
    expect(allowlistCovers(['::ffff:10.0.0.0/104'], '10.1.2.3')).toBe(true);
  });
  test('bad entries never match and never throw', () => {
    expect(allowlistCovers(['not-an-address', '300.1.1.1/8'], '10.0.0.1')).toBe(false);
    expect(allowlistCovers(['10.0.0.0/8'], undefined)).toBe(false);
  });
});
