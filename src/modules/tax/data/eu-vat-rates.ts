/**
 * EU (and pre-2021 UK) VAT rate periods by country, with the postcode areas that have their own
 * rate or sit outside the EU VAT area (Canary Islands, Ceuta, Melilla, Heligoland, Mount Athos,
 * French overseas departments, Madeira and the Azores...).
 *
 * Source: ibericode/vat-rates (https://github.com/ibericode/vat-rates, MIT licence), vat-rates.json
 * format version 4, as published in November 2026, itself compiled from the European
 * Commission's Taxes in Europe Database (TEDB). Rates are exact decimal strings (percent).
 * `from` is the first day a period applies; '0000-01-01' means "since before the table starts".
 * A period applies until the next one starts. Checked against the published file by
 * eu-vat-rates.test.ts. To update: add the new period on top of the country's list.
 */
export interface VatRatePeriod {
  from: string;
  standard: string;
  reduced: string[];
  superReduced?: string;
  parking?: string;
  exceptions?: Array<{ name: string; postcode: string; standard: string }>;
}

export const EU_VAT_RATES_SOURCE = { name: 'ibericode/vat-rates (EU TEDB)', version: 4, asOf: '2026-11-01' };

export const EU_VAT_RATES: Record<string, VatRatePeriod[]> = {
  AT: [
    { from: '2016-01-01', standard: '20', reduced: ['10', '13'], parking: '13', exceptions: [{ name: "Jungholz", postcode: '6691', standard: '19' }, { name: "Mittelberg", postcode: '699[123]', standard: '19' }] },
    { from: '0000-01-01', standard: '20', reduced: ['10'], parking: '12' },
  ],
  BE: [
    { from: '0000-01-01', standard: '21', reduced: ['6', '12'], parking: '12' },
  ],
  BG: [
    { from: '0000-01-01', standard: '20', reduced: ['9'] },
  ],
  CY: [
    { from: '0000-01-01', standard: '19', reduced: ['5', '9'] },
  ],
  CZ: [
    { from: '2024-01-01', standard: '21', reduced: ['12'] },
    { from: '0000-01-01', standard: '21', reduced: ['10', '15'] },
  ],
  DE: [
    { from: '2021-01-01', standard: '19', reduced: ['7'], exceptions: [{ name: "Büsingen am Hochrhein", postcode: '78266', standard: '0' }, { name: "Heligoland", postcode: '27498', standard: '0' }] },
    { from: '2020-07-01', standard: '16', reduced: ['5'], exceptions: [{ name: "Büsingen am Hochrhein", postcode: '78266', standard: '0' }, { name: "Heligoland", postcode: '27498', standard: '0' }] },
    { from: '0000-01-01', standard: '19', reduced: ['7'], exceptions: [{ name: "Büsingen am Hochrhein", postcode: '78266', standard: '0' }, { name: "Heligoland", postcode: '27498', standard: '0' }] },
  ],
  DK: [
    { from: '0000-01-01', standard: '25', reduced: [] },
  ],
  EE: [
    { from: '2025-07-01', standard: '24', reduced: ['13', '9'] },
    { from: '2025-01-01', standard: '22', reduced: ['9', '13'] },
    { from: '2024-01-01', standard: '22', reduced: ['5', '9'] },
    { from: '0000-01-01', standard: '20', reduced: ['9'] },
  ],
  ES: [
    { from: '0000-01-01', standard: '21', reduced: ['10'], superReduced: '4', exceptions: [{ name: "Canary Islands", postcode: '(35\\d{3}|38\\d{3})', standard: '0' }, { name: "Ceuta", postcode: '(5100[1-5]|5107[0-1]|51081)', standard: '0' }, { name: "Melilla", postcode: '(5200[0-6]|5207[0-1]|52081)', standard: '0' }] },
  ],
  FI: [
    { from: '2024-09-01', standard: '25.5', reduced: ['10', '14'] },
    { from: '0000-01-01', standard: '24', reduced: ['10', '14'] },
  ],
  FR: [
    { from: '2014-01-01', standard: '20', reduced: ['5.5', '10'], superReduced: '2.1', exceptions: [{ name: "Guadeloupe", postcode: '971\\d{2,}', standard: '8.5' }, { name: "Martinique", postcode: '972\\d{2,}', standard: '8.5' }, { name: "Guyane", postcode: '973\\d{2,}', standard: '0' }, { name: "Reunion", postcode: '974\\d{2,}', standard: '8.5' }, { name: "Mayotte", postcode: '976\\d{2,}', standard: '0' }] },
    { from: '2012-01-01', standard: '19.6', reduced: ['5.5', '7'], superReduced: '2.1' },
    { from: '0000-01-01', standard: '19.6', reduced: ['5.5'], superReduced: '2.1' },
  ],
  GB: [
    { from: '2011-01-04', standard: '20', reduced: ['5'] },
  ],
  GR: [
    { from: '2016-06-01', standard: '24', reduced: ['6', '13'], exceptions: [{ name: "Mount Athos", postcode: '63086', standard: '0' }] },
    { from: '2016-01-01', standard: '23', reduced: ['6', '13.5'] },
    { from: '0000-01-01', standard: '23', reduced: ['6.5', '13'] },
  ],
  HR: [
    { from: '0000-01-01', standard: '25', reduced: ['5', '13'] },
  ],
  HU: [
    { from: '0000-01-01', standard: '27', reduced: ['5', '18'] },
  ],
  IE: [
    { from: '2021-03-01', standard: '23', reduced: ['9', '13.5'], superReduced: '4.8', parking: '13.5' },
    { from: '2020-09-01', standard: '21', reduced: ['9', '13.5'], superReduced: '4.8', parking: '13.5' },
    { from: '0000-01-01', standard: '23', reduced: ['9', '13.5'], superReduced: '4.8', parking: '13.5' },
  ],
  IT: [
    { from: '0000-01-01', standard: '22', reduced: ['5', '10'], superReduced: '4', exceptions: [{ name: "Campione d'Italia", postcode: '22061', standard: '0' }, { name: "Livigno", postcode: '23041', standard: '0' }] },
  ],
  LT: [
    { from: '0000-01-01', standard: '21', reduced: ['5', '9'] },
  ],
  LU: [
    { from: '2024-01-01', standard: '17', reduced: ['8'], superReduced: '3', parking: '14' },
    { from: '2023-01-01', standard: '16', reduced: ['7'], superReduced: '3', parking: '13' },
    { from: '2016-01-01', standard: '17', reduced: ['8'], superReduced: '3', parking: '13' },
    { from: '2015-01-01', standard: '17', reduced: ['8', '14'], superReduced: '3', parking: '12' },
    { from: '0000-01-01', standard: '15', reduced: ['6', '12'], superReduced: '3', parking: '12' },
  ],
  LV: [
    { from: '0000-01-01', standard: '21', reduced: ['5', '12'] },
  ],
  MT: [
    { from: '0000-01-01', standard: '18', reduced: ['5', '7'] },
  ],
  NL: [
    { from: '2019-01-01', standard: '21', reduced: ['9'] },
    { from: '2012-10-01', standard: '21', reduced: ['6'] },
    { from: '0000-01-01', standard: '19', reduced: ['6'] },
  ],
  PL: [
    { from: '0000-01-01', standard: '23', reduced: ['5', '8'] },
  ],
  PT: [
    { from: '0000-01-01', standard: '23', reduced: ['6', '13'], parking: '13', exceptions: [{ name: "Madeira", postcode: '9[0-4]\\d{2,}', standard: '22' }, { name: "Azores", postcode: '9[5-9]\\d{2,}', standard: '18' }] },
  ],
  RO: [
    { from: '2025-08-01', standard: '21', reduced: ['11'] },
    { from: '2017-01-01', standard: '19', reduced: ['5', '9'] },
    { from: '2016-01-01', standard: '20', reduced: ['5', '9'] },
    { from: '0000-01-01', standard: '24', reduced: ['5', '9'] },
  ],
  SE: [
    { from: '0000-01-01', standard: '25', reduced: ['6', '12'] },
  ],
  SI: [
    { from: '0000-01-01', standard: '22', reduced: ['5', '9.5'] },
  ],
  SK: [
    { from: '2025-01-01', standard: '23', reduced: ['5', '19'] },
    { from: '2011-01-01', standard: '20', reduced: ['10'] },
    { from: '0000-01-01', standard: '19', reduced: ['10'] },
  ],
};
