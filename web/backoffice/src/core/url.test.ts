import { describe, expect, test } from 'vitest';
import { matchPath, safeNext } from './url.js';

describe('matchPath', () => {
  test('matches static paths and extracts params', () => {
    expect(matchPath('/staff', '/staff')).toEqual({});
    expect(matchPath('/orders/:id', '/orders/ord_01J%20X')).toEqual({ id: 'ord_01J X' });
    expect(matchPath('/', '/')).toEqual({});
  });
  test('refuses other lengths, other segments and broken escapes', () => {
    expect(matchPath('/staff', '/staff/stf_1')).toBeNull();
    expect(matchPath('/orders/:id', '/customers/1')).toBeNull();
    expect(matchPath('/orders/:id', '/orders/%E0%A4%A')).toBeNull();
  });
});

describe('safeNext', () => {
  test('follows only paths inside the app after sign-in', () => {
    expect(safeNext('/audit?entityType=staff')).toBe('/audit?entityType=staff');
    expect(safeNext('//evil.example/x')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});
