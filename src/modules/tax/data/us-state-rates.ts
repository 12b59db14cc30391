/**
 * US state-level sales tax base rates (percent, exact decimals) with the dates they changed.
 * Source: Tax Foundation, "State and Local Sales Tax Rates, 2025" (state column) and the state
 * departments of revenue for the changes listed, as of 2026-01-01. Where a statewide local rate is
 * mandatory (CA 1.25 %, UT 1.25 %, VA 1 %) it is included, as the Tax Foundation does.
 * Local (county, city, district) rates are not in this table: import the state's Streamlined
 * Sales Tax rate file (tax/domain/sst-rates.ts) to replace a state's rate with its official file.
 * States with 0 have no state sales tax (Alaska has local taxes only).
 */
export interface UsRatePeriod {
  from: string;
  rate: string;
}

export const US_STATE_RATES_SOURCE = { name: 'Tax Foundation 2025 state rates + state DORs', asOf: '2026-01-01' };

export const US_STATE_RATES: Record<string, UsRatePeriod[]> = {
  AL: [{ from: '0000-01-01', rate: '4' }],
  AK: [{ from: '0000-01-01', rate: '0' }],
  AZ: [{ from: '0000-01-01', rate: '5.6' }],
  AR: [{ from: '0000-01-01', rate: '6.5' }],
  CA: [{ from: '0000-01-01', rate: '7.25' }],
  CO: [{ from: '0000-01-01', rate: '2.9' }],
  CT: [{ from: '0000-01-01', rate: '6.35' }],
  DE: [{ from: '0000-01-01', rate: '0' }],
  DC: [{ from: '2019-10-01', rate: '6' }, { from: '0000-01-01', rate: '5.75' }],
  FL: [{ from: '0000-01-01', rate: '6' }],
  GA: [{ from: '0000-01-01', rate: '4' }],
  HI: [{ from: '0000-01-01', rate: '4' }],
  ID: [{ from: '0000-01-01', rate: '6' }],
  IL: [{ from: '0000-01-01', rate: '6.25' }],
  IN: [{ from: '0000-01-01', rate: '7' }],
  IA: [{ from: '0000-01-01', rate: '6' }],
  KS: [{ from: '0000-01-01', rate: '6.5' }],
  KY: [{ from: '0000-01-01', rate: '6' }],
  LA: [{ from: '2025-01-01', rate: '5' }, { from: '0000-01-01', rate: '4.45' }],
  ME: [{ from: '0000-01-01', rate: '5.5' }],
  MD: [{ from: '0000-01-01', rate: '6' }],
  MA: [{ from: '0000-01-01', rate: '6.25' }],
  MI: [{ from: '0000-01-01', rate: '6' }],
  MN: [{ from: '2009-07-01', rate: '6.875' }, { from: '0000-01-01', rate: '6.5' }],
  MS: [{ from: '0000-01-01', rate: '7' }],
  MO: [{ from: '0000-01-01', rate: '4.225' }],
  MT: [{ from: '0000-01-01', rate: '0' }],
  NE: [{ from: '0000-01-01', rate: '5.5' }],
  NV: [{ from: '0000-01-01', rate: '6.85' }],
  NH: [{ from: '0000-01-01', rate: '0' }],
  NJ: [{ from: '0000-01-01', rate: '6.625' }],
  NM: [{ from: '2023-07-01', rate: '4.875' }, { from: '2022-07-01', rate: '5' }, { from: '0000-01-01', rate: '5.125' }],
  NY: [{ from: '0000-01-01', rate: '4' }],
  NC: [{ from: '0000-01-01', rate: '4.75' }],
  ND: [{ from: '0000-01-01', rate: '5' }],
  OH: [{ from: '0000-01-01', rate: '5.75' }],
  OK: [{ from: '0000-01-01', rate: '4.5' }],
  OR: [{ from: '0000-01-01', rate: '0' }],
  PA: [{ from: '0000-01-01', rate: '6' }],
  RI: [{ from: '0000-01-01', rate: '7' }],
  SC: [{ from: '0000-01-01', rate: '6' }],
  SD: [{ from: '2023-07-01', rate: '4.2' }, { from: '0000-01-01', rate: '4.5' }],
  TN: [{ from: '0000-01-01', rate: '7' }],
  TX: [{ from: '0000-01-01', rate: '6.25' }],
  UT: [{ from: '0000-01-01', rate: '6.1' }],
  VT: [{ from: '0000-01-01', rate: '6' }],
  VA: [{ from: '0000-01-01', rate: '5.3' }],
  WA: [{ from: '0000-01-01', rate: '6.5' }],
  WV: [{ from: '0000-01-01', rate: '6' }],
  WI: [{ from: '0000-01-01', rate: '5' }],
  WY: [{ from: '0000-01-01', rate: '4' }],
};

/** FIPS state codes, for reading Streamlined Sales Tax files (column 1). */
export const US_STATE_FIPS: Record<string, string> = {
  '01': 'AL', '02': 'AK', '04': 'AZ', '05': 'AR', '06': 'CA', '08': 'CO', '09': 'CT', '10': 'DE', '11': 'DC', '12': 'FL',
  '13': 'GA', '15': 'HI', '16': 'ID', '17': 'IL', '18': 'IN', '19': 'IA', '20': 'KS', '21': 'KY', '22': 'LA', '23': 'ME',
  '24': 'MD', '25': 'MA', '26': 'MI', '27': 'MN', '28': 'MS', '29': 'MO', '30': 'MT', '31': 'NE', '32': 'NV', '33': 'NH',
  '34': 'NJ', '35': 'NM', '36': 'NY', '37': 'NC', '38': 'ND', '39': 'OH', '40': 'OK', '41': 'OR', '42': 'PA', '44': 'RI',
  '45': 'SC', '46': 'SD', '47': 'TN', '48': 'TX', '49': 'UT', '50': 'VT', '51': 'VA', '53': 'WA', '54': 'WV', '55': 'WI',
  '56': 'WY',
};
