import { EU_VAT_RATES, type VatRatePeriod } from '../data/eu-vat-rates.js';
import { US_STATE_RATES } from '../data/us-state-rates.js';
import { isEuMemberState } from './vat-number.js';

export type TaxClass = 'standard' | 'reduced' | 'super_reduced' | 'zero';

/** A dated rate row imported from a Streamlined Sales Tax file (or entered by staff). */
export interface UsStateRateRow {
  state: string;
  rate: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  source: string;
}

/** 'YYYY-MM-DD' of an instant in UTC: tax points are dates. */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function periodAt<T extends { from: string }>(periods: T[] | undefined, date: string): T | undefined {
  // Periods are listed newest first; the first that started on or before the date applies.
  return periods?.find((p) => p.from <= date);
}

export function normalisePostcode(postcode: string | undefined): string {
  return (postcode ?? '').toUpperCase().replace(/[\s-]/g, '');
}

/**
 * Where goods delivered to (country, postcode) are taxed. Northern Ireland (BT postcodes) follows
 * EU VAT rules for goods (area 'XI'); places with a 0 % exception (Canary Islands, Ceuta, Melilla,
 * Heligoland, Büsingen, Mount Athos, Livigno...) are outside the EU VAT area.
 */
export interface Territory {
  country: string;
  area: 'EU' | 'XI' | 'GB' | 'US' | 'OTHER';
  /** Named postcode area with its own rate (Madeira) or outside the VAT area (Canary Islands). */
  region?: string;
  outsideVatArea?: boolean;
}

export function territoryOf(country: string, postcode: string | undefined, date: string): Territory {
  const pc = normalisePostcode(postcode);
  if (country === 'GB') return pc.startsWith('BT') ? { country, area: 'XI', region: 'Northern Ireland' } : { country, area: 'GB' };
  if (country === 'US') return { country, area: 'US' };
  if (!isEuMemberState(country)) return { country, area: 'OTHER' };
  const exception = euException(periodAt(EU_VAT_RATES[country], date), pc);
  if (!exception) return { country, area: 'EU' };
  return exception.standard === '0'
    ? { country, area: 'OTHER', region: exception.name, outsideVatArea: true }
    : { country, area: 'EU', region: exception.name };
}

function euException(period: VatRatePeriod | undefined, pc: string) {
  if (!period?.exceptions || !pc) return undefined;
  return period.exceptions.find((e) => new RegExp(`^(?:${e.postcode})$`).test(pc));
}

export interface VatRate {
  rate: string;
  country: string;
  region?: string;
  /** First day of the period the rate comes from. */
  from: string;
}

/**
 * The VAT rate of an EU member state (or GB, for Northern Ireland and the UK) on a date for a tax
 * class, with the postcode exception applied. undefined when the table has no period.
 */
export function vatRateAt(country: string, postcode: string | undefined, date: string, taxClass: TaxClass = 'standard'): VatRate | undefined {
  if (taxClass === 'zero') return { rate: '0', country, from: '0000-01-01' };
  const period = periodAt(EU_VAT_RATES[country], date);
  if (!period) return undefined;
  const exception = euException(period, normalisePostcode(postcode));
  const base = { country, from: period.from, ...(exception ? { region: exception.name } : {}) };
  if (exception) return { ...base, rate: exception.standard };
  if (taxClass === 'reduced') return { ...base, rate: period.reduced[0] ?? period.standard };
  if (taxClass === 'super_reduced') return { ...base, rate: period.superReduced ?? period.reduced[0] ?? period.standard };
  return { ...base, rate: period.standard };
}

/** UK VAT: the table's GB period (20 % standard, 5 % reduced since 2011-01-04). */
export function ukVatRateAt(date: string, taxClass: TaxClass = 'standard'): VatRate {
  return vatRateAt('GB', undefined, date, taxClass) ?? { rate: '20', country: 'GB', from: '2011-01-04' };
}

/** A US state's base rate on a date: imported (SST) rows first, then the built-in table. */
export function usStateRateAt(state: string, date: string, imported: UsStateRateRow[] = []): { rate: string; source: string } | undefined {
  const row = imported
    .filter((r) => r.state === state && r.effectiveFrom <= date && (r.effectiveTo === null || r.effectiveTo >= date))
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
  if (row) return { rate: row.rate, source: row.source };
  const p = periodAt(US_STATE_RATES[state], date);
  return p ? { rate: p.rate, source: 'built-in' } : undefined;
}
