import { describe, expect, it } from 'vitest';
import { ipBucketOf } from './login-throttle.js';

describe('IP buckets of the sign-in throttle', () => {
  it('counts IPv4 per address and IPv6 per /64, the block one subscriber usually owns', () => {
    expect(ipBucketOf('203.0.113.9')).toBe('203.0.113.9');
    expect(ipBucketOf('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(ipBucketOf('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(ipBucketOf('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe(ipBucketOf('2001:db8:1:2::5'));
    expect(ipBucketOf('2001:db8:1:3::5')).not.toBe(ipBucketOf('2001:db8:1:2::5'));
    expect(ipBucketOf(null)).toBeNull();
  });
});
