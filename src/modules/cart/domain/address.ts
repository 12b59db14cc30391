import { postcodeValidator, postcodeValidatorExistsForCountry } from 'postcode-validator';
import { allCountries } from 'country-region-data';
import type { Address } from '../../orders/index.js';

/**
 * Address checks that follow the country's format: postcode patterns from postcode-validator
 * (maintained per country), and a required state/province from country-region-data where
 * carriers and tax need one (US, CA, AU). Countries without postcodes (HK, AE...) need none.
 */
export const REGION_REQUIRED = new Set(['US', 'CA', 'AU']);
const COUNTRIES = new Map<string, { name: string; regions: { name: string; code: string }[] }>(allCountries.map((c) => [c[1] as string, { name: c[0], regions: c[2].map((r) => ({ name: r[0], code: r[1] ?? r[0] })) }]));
/** Countries where addresses have no postcode at all. */
const NO_POSTCODE = new Set(['AE', 'AG', 'AO', 'AW', 'BF', 'BI', 'BJ', 'BO', 'BS', 'BW', 'BZ', 'CD', 'CF', 'CG', 'CI', 'CK', 'CM', 'DJ', 'DM', 'ER', 'FJ', 'GA', 'GD', 'GH', 'GM', 'GQ', 'GY', 'HK', 'IE', 'JM', 'KI', 'KM', 'KN', 'KP', 'LC', 'ML', 'MO', 'MR', 'MW', 'NR', 'NU', 'QA', 'RW', 'SB', 'SC', 'SL', 'SR', 'ST', 'SY', 'TF', 'TG', 'TK', 'TL', 'TO', 'TT', 'TV', 'UG', 'VU', 'YE', 'ZW']);

export interface AddressProblem {
  field: string;
  message: string;
}

export function regionsOf(country: string) {
  return REGION_REQUIRED.has(country) ? COUNTRIES.get(country)?.regions ?? [] : [];
}

export function isCountry(code: string): boolean {
  return COUNTRIES.has(code);
}

export function validateAddress(a: Address, prefix: string): AddressProblem[] {
  const out: AddressProblem[] = [];
  const country = a.countryCode?.toUpperCase();
  if (!country || !COUNTRIES.has(country)) {
    out.push({ field: `${prefix}.countryCode`, message: 'Choose a country (ISO code such as FR, US, CN).' });
    return out;
  }
  if (!a.name?.trim()) out.push({ field: `${prefix}.name`, message: 'Enter the recipient’s name.' });
  if (!a.line1?.trim()) out.push({ field: `${prefix}.line1`, message: 'Enter the street and number.' });
  if (!a.city?.trim()) out.push({ field: `${prefix}.city`, message: 'Enter the city.' });
  const pc = a.postalCode?.trim() ?? '';
  if (!NO_POSTCODE.has(country)) {
    if (!pc) out.push({ field: `${prefix}.postalCode`, message: `Enter the postcode (required for ${COUNTRIES.get(country)!.name}).` });
    else if (postcodeValidatorExistsForCountry(country) && !postcodeValidator(pc, country)) {
      out.push({ field: `${prefix}.postalCode`, message: `${pc} is not a valid postcode for ${COUNTRIES.get(country)!.name}. Check it against the format used there.` });
    }
  }
  if (REGION_REQUIRED.has(country)) {
    const regions = regionsOf(country);
    const r = a.region?.trim().toUpperCase() ?? '';
    if (!r) out.push({ field: `${prefix}.region`, message: `Choose the ${country === 'CA' ? 'province or territory' : 'state'}.` });
    else if (!regions.some((x) => x.code.toUpperCase() === r)) {
      out.push({ field: `${prefix}.region`, message: `${a.region} is not a ${country === 'CA' ? 'province' : 'state'} code of ${COUNTRIES.get(country)!.name} (for example ${regions[0]?.code}).` });
    }
  }
  return out;
}

/** Normalises what people type: upper-case codes, trimmed fields, empty → null. */
export function normaliseAddress(a: Address): Address {
  const s = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);
  return {
    name: a.name.trim(),
    company: s(a.company),
    line1: a.line1.trim(),
    line2: s(a.line2),
    city: a.city.trim(),
    region: s(a.region)?.toUpperCase() ?? null,
    postalCode: s(a.postalCode)?.toUpperCase() ?? null,
    countryCode: a.countryCode.trim().toUpperCase(),
    phone: s(a.phone),
    email: s(a.email),
  };
}
