import { describe, expect, it } from 'vitest';
import { hasSharedData, readSharedJson, SHARED_DATA_SKIP_REASON } from '../../../platform/testing/shared-data.js';
import { compareDec, parseDec } from '../../../platform/money/index.js';
import { EU_VAT_RATES } from './eu-vat-rates.js';
import { vatRateAt } from '../domain/rates.js';

interface Ibericode {
  items: Record<string, Array<{ effective_from: string; rates: Record<string, number>; exceptions?: Array<{ name: string; postcode: string; standard: number }> }>>;
}

const same = (a: string, b: number) => compareDec(parseDec(a), parseDec(b)) === 0;

describe('EU VAT rates: change dates a buyer would notice', () => {
  it.each([
    ['FI', '2024-08-31', '24'],
    ['FI', '2024-09-01', '25.5'],
    ['EE', '2024-12-31', '22'],
    ['EE', '2025-07-01', '24'],
    ['DE', '2020-06-30', '19'],
    ['DE', '2020-07-01', '16'],
    ['DE', '2020-12-31', '16'],
    ['DE', '2021-01-01', '19'],
    ['SK', '2024-12-31', '20'],
    ['SK', '2025-01-01', '23'],
    ['RO', '2025-07-31', '19'],
    ['RO', '2025-08-01', '21'],
    ['LU', '2023-06-01', '16'],
    ['LU', '2024-01-01', '17'],
    ['IE', '2020-10-15', '21'],
    ['IE', '2021-03-01', '23'],
  ])('%s on %s: standard %s %%', (country, date, rate) => {
    expect(vatRateAt(country, undefined, date)?.rate).toBe(rate);
  });

  it('applies postcode exceptions', () => {
    expect(vatRateAt('ES', '35001', '2026-01-10')).toMatchObject({ rate: '0', region: 'Canary Islands' });
    expect(vatRateAt('ES', '28001', '2026-01-10')).toMatchObject({ rate: '21' });
    expect(vatRateAt('PT', '9000-018', '2026-01-10')).toMatchObject({ rate: '22', region: 'Madeira' });
    expect(vatRateAt('FR', '97200', '2026-01-10')).toMatchObject({ rate: '8.5', region: 'Martinique' });
    expect(vatRateAt('FR', '75001', '2026-01-10')).toMatchObject({ rate: '20' });
    expect(vatRateAt('DE', '27498', '2026-01-10')).toMatchObject({ rate: '0', region: 'Heligoland' });
  });
});

describe.skipIf(!hasSharedData)('EU VAT table against ibericode/vat-rates', () => {
  if (!hasSharedData) console.warn(SHARED_DATA_SKIP_REASON);
  const src = hasSharedData ? readSharedJson<Ibericode>('tax/eu-vat-rates.ibericode.json') : { items: {} };

  it('has every country and every period with its start date', () => {
    expect(Object.keys(EU_VAT_RATES).sort()).toEqual(Object.keys(src.items).sort());
    for (const [country, periods] of Object.entries(src.items)) {
      expect([country, EU_VAT_RATES[country]!.map((p) => p.from)]).toEqual([country, periods.map((p) => p.effective_from)]);
    }
  });

  it('gives the published standard, reduced and exception rates on each period start and the day before the next', () => {
    for (const [country, periods] of Object.entries(src.items)) {
      periods.forEach((p, i) => {
        const days = [p.effective_from === '0000-01-01' ? '2000-01-01' : p.effective_from];
        const next = periods[i - 1]?.effective_from;
        if (next) days.push(new Date(Date.parse(next) - 86400000).toISOString().slice(0, 10));
        for (const day of days) {
          if (day < p.effective_from) continue;
          const got = vatRateAt(country, undefined, day)!;
          expect([country, day, same(got.rate, p.rates.standard!)]).toEqual([country, day, true]);
          const reduced = Object.entries(p.rates).filter(([k]) => !['standard', 'super_reduced', 'parking'].includes(k)).map(([, v]) => v);
          const period = EU_VAT_RATES[country]!.find((x) => x.from === p.effective_from)!;
          expect(period.reduced.map(Number).sort()).toEqual(reduced.sort());
          for (const ex of p.exceptions ?? []) {
            const ours = period.exceptions?.find((e) => e.name === ex.name);
            expect([country, ex.name, ours?.postcode, ours && same(ours.standard, ex.standard)]).toEqual([country, ex.name, ex.postcode, true]);
          }
        }
      });
    }
  });
});
