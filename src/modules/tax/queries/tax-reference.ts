import { EU_VAT_RATES, EU_VAT_RATES_SOURCE } from '../data/eu-vat-rates.js';
import { US_STATE_RATES, US_STATE_RATES_SOURCE } from '../data/us-state-rates.js';
import { usStateRateAt, type UsStateRateRow } from '../domain/rates.js';

/** EU VAT rates in force on a date, for the back office's reference table. */
export function euRatesOn(date: string) {
  const countries = Object.entries(EU_VAT_RATES)
    .map(([country, periods]) => {
      const p = periods.find((x) => x.from <= date);
      return p ? { country, from: p.from, standard: p.standard, reduced: p.reduced, superReduced: p.superReduced ?? null, exceptions: p.exceptions ?? [] } : undefined;
    })
    .filter((x) => x !== undefined);
  return { date, source: EU_VAT_RATES_SOURCE, countries };
}

/** Each US state's base rate on a date and where it comes from (imported SST file or built-in). */
export function usRatesOn(date: string, imported: UsStateRateRow[], collectStates: string[]) {
  return {
    date,
    source: US_STATE_RATES_SOURCE,
    states: Object.keys(US_STATE_RATES)
      .sort()
      .map((state) => ({ state, ...usStateRateAt(state, date, imported)!, collect: collectStates.includes(state) })),
  };
}
