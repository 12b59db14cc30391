import { describe, expect, it } from 'vitest';
import { checkQuantity } from './quantity-rules.js';

describe('MOQ and order multiples', () => {
  it('accepts quantities at or above the MOQ in the right multiple', () => {
    expect(checkQuantity(12, 12, 6, 'LED-1')).toBeNull();
    expect(checkQuantity(18, 12, 6, 'LED-1')).toBeNull();
    expect(checkQuantity(1, 1, 1, 'LED-1')).toBeNull();
  });

  it('says what to change to when below the MOQ', () => {
    const p = checkQuantity(5, 10, 1, 'LED-1')!;
    expect(p.code).toBe('below_moq');
    expect(p.suggestions).toEqual([10]);
    expect(p.message).toBe('LED-1 has a minimum order of 10: change the quantity to 10 or more.');
  });

  it('rounds the MOQ up to the multiple when they do not agree', () => {
    // MOQ 10 in cartons of 6: the first acceptable quantity is 12.
    expect(checkQuantity(10, 10, 6, 'X')).toMatchObject({ code: 'not_multiple', suggestions: [12] });
    expect(checkQuantity(4, 10, 6, 'X')).toMatchObject({ code: 'below_moq', suggestions: [12] });
  });

  it('offers the multiples on both sides', () => {
    const p = checkQuantity(20, 12, 6, 'X')!;
    expect(p.suggestions).toEqual([18, 24]);
    expect(p.message).toBe('X is sold in multiples of 6: change 20 to 18 or 24.');
  });

  it('refuses zero, negatives and fractions', () => {
    expect(checkQuantity(0, 1, 1, 'X')?.code).toBe('invalid_quantity');
    expect(checkQuantity(1.5, 1, 1, 'X')?.code).toBe('invalid_quantity');
  });
});
