/**
 * ISO 4217 currencies with their minor units (exponent). Source: ISO 4217 Table A.1 (current
 * codes) as published in the datahub.io "currency-codes" package, checked against
 * shared/data/reference/iso4217.codes-all.csv by currencies.test.ts. Every active code not
 * listed in EXPONENT_NOT_2 has 2 decimals. Withdrawn codes we still meet in historical rates and
 * old orders are kept with their withdrawal date.
 */
const EXPONENT_NOT_2: Record<string, number> = {
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0,
  VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  CLF: 4, UYW: 4,
};

const ACTIVE_2 =
  'AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XAD XCD XCG YER ZAR ZMW ZWG'.split(
    ' ',
  );

/** Withdrawn codes still needed for history (rates before the date, old orders). */
export const WITHDRAWN: Record<string, { exponent: number; withdrawn: string }> = {
  BGN: { exponent: 2, withdrawn: '2026-01-01' }, // Bulgaria adopted the euro
  HRK: { exponent: 2, withdrawn: '2023-01-01' }, // Croatia adopted the euro
  SLL: { exponent: 2, withdrawn: '2023-07-01' },
};

const EXPONENTS = new Map<string, number>([
  ...ACTIVE_2.map((c) => [c, 2] as [string, number]),
  ...Object.entries(EXPONENT_NOT_2),
  ...Object.entries(WITHDRAWN).map(([c, v]) => [c, v.exponent] as [string, number]),
]);

export type CurrencyCode = string;

export function isCurrency(code: string): boolean {
  return EXPONENTS.has(code);
}

export function isActiveCurrency(code: string): boolean {
  return EXPONENTS.has(code) && !(code in WITHDRAWN);
}

/** Number of decimals of the currency's minor unit (JPY 0, EUR 2, KWD 3). */
export function currencyExponent(code: CurrencyCode): number {
  const e = EXPONENTS.get(code);
  if (e === undefined) throw new RangeError(`Unknown currency ${code}`);
  return e;
}

export function activeCurrencies(): string[] {
  return [...EXPONENTS.keys()].filter((c) => !(c in WITHDRAWN)).sort();
}
