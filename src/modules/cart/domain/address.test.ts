import { describe, expect, it } from 'vitest';
import { validateAddress } from './address.js';

const base = { name: 'Ana Ruiz', line1: '1 Main St', city: 'Austin', countryCode: 'US', region: 'TX', postalCode: '78701' };

describe('address formats by country', () => {
  it('accepts well-formed addresses', () => {
    expect(validateAddress(base, 'shipTo')).toEqual([]);
    expect(validateAddress({ ...base, countryCode: 'FR', region: null, postalCode: '75001', city: 'Paris' }, 'shipTo')).toEqual([]);
    expect(validateAddress({ ...base, countryCode: 'HK', region: null, postalCode: null, city: 'Kowloon' }, 'shipTo')).toEqual([]);
    expect(validateAddress({ ...base, countryCode: 'CA', region: 'ON', postalCode: 'K1A 0B1', city: 'Ottawa' }, 'shipTo')).toEqual([]);
  });

  it('names the postcode that does not fit the country', () => {
    const p = validateAddress({ ...base, countryCode: 'DE', region: null, postalCode: '1234' }, 'shipTo');
    expect(p).toEqual([{ field: 'shipTo.postalCode', message: expect.stringContaining('not a valid postcode for Germany') }]);
  });

  it('requires a state for the US, CA and AU, and a real one', () => {
    expect(validateAddress({ ...base, region: null }, 'billTo')[0]).toMatchObject({ field: 'billTo.region', message: 'Choose the state.' });
    expect(validateAddress({ ...base, region: 'XX' }, 'billTo')[0]!.field).toBe('billTo.region');
    expect(validateAddress({ ...base, countryCode: 'AU', region: 'NSW', postalCode: '2000', city: 'Sydney' }, 'shipTo')).toEqual([]);
  });

  it('refuses an unknown country', () => {
    expect(validateAddress({ ...base, countryCode: 'ZZ' }, 'shipTo')[0]!.field).toBe('shipTo.countryCode');
  });
});
