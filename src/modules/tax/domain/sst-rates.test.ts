import { describe, expect, it } from 'vitest';
import { hasSharedData, readSharedData, SHARED_DATA_SKIP_REASON } from '../../../platform/testing/shared-data.js';
import { parseSstRatesFile } from './sst-rates.js';
import { TaxInputError } from './regime.js';
import { usStateRateAt } from './rates.js';

describe('Streamlined Sales Tax rates file', () => {
  it('reads the state base rate exactly, with open-ended sentinels and a BOM', () => {
    const text = '\uFEFF50,45,50,0.06,0.06,0,0,20100101,99991231\n50,01,10675,0.01,0.01,0.01,0.01,20100101,29991231\n';
    const f = parseSstRatesFile(text, 'VTR2026Q2APR1.csv');
    expect(f).toMatchObject({ state: 'VT', version: 'VT-SST-2026Q2APR1', localRows: 1 });
    expect(f.stateRates).toEqual([{ state: 'VT', rate: '6', effectiveFrom: '2010-01-01', effectiveTo: null, source: 'VT-SST-2026Q2APR1' }]);
  });
  it('refuses a file that is not an SST rates file, saying why', () => {
    expect(() => parseSstRatesFile('a,b,c\n', 'x.csv')).toThrow(/9/);
    expect(() => parseSstRatesFile('27,01,39878,0.0050,0.0050,0.0050,0.0050,20051001,29991231\n', 'MNR2026Q2FEB18.csv')).toThrow(TaxInputError);
    expect(() => parseSstRatesFile('55,45,55,0.05,0.05,0.05,0.05,19000101,99991231\n', 'MNR2026Q2FEB18.csv')).toThrow(/MN/);
  });
});

describe.skipIf(!hasSharedData)('real SST rate files (GA, MN, WI)', () => {
  if (!hasSharedData) console.warn(SHARED_DATA_SKIP_REASON);
  it.each([
    ['GAR2026Q2FEB19.csv', 'GA', '4', '2011-01-01'],
    ['MNR2026Q2FEB18.csv', 'MN', '6.875', '2009-07-01'],
    ['WIR2026Q2FEB18.csv', 'WI', '5', undefined],
  ])('%s gives the %s state rate %s %%', (file, state, rate, from) => {
    const f = parseSstRatesFile(readSharedData(`tax/us-sst/${file}`).toString('utf8'), file);
    expect(f.state).toBe(state);
    const current = f.stateRates.find((r) => r.effectiveTo === null)!;
    expect(current.rate).toBe(rate);
    if (from) expect(current.effectiveFrom).toBe(from);
    expect(f.localRows).toBeGreaterThan(50);
    // The built-in table agrees with the state's own file today.
    expect(usStateRateAt(state, '2026-03-10')).toEqual({ rate, source: 'built-in' });
  });
});
