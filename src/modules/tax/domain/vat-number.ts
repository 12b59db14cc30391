import { checkVAT, countries as jsvatCountries } from 'jsvat';
import { checkFrance, checkLatvia, checkRomanianCnp, checkUnitedKingdom, type VatCheck } from './vat-number-checks.js';

/** EU member states by ISO 3166 code (Greece is GR here, EL in VAT numbers). */
export const EU_MEMBER_STATES = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL',
  'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
] as const;

export function isEuMemberState(country: string): boolean {
  return (EU_MEMBER_STATES as readonly string[]).includes(country);
}

/** ISO country → VAT number prefix: Greece uses EL; everything else its ISO code. */
export function vatPrefixOf(country: string): string {
  return country === 'GR' ? 'EL' : country;
}

export interface VatNumberResult {
  valid: boolean;
  /** Normalised number with its prefix ("EL094279805", "NL004495445B01") when the format was readable. */
  compact?: string;
  /** VAT prefix: EL for Greece, XI for Northern Ireland, EU for the non-Union OSS scheme. */
  prefix?: string;
  /** ISO 3166 country of the registration (GR for EL, GB for XI; absent for EU). */
  country?: string;
  /** Northern Ireland trader (XI prefix): EU VAT rules for goods apply. */
  northernIreland?: boolean;
  reason?: Exclude<VatCheck, 'valid'> | 'unsupported_country';
}

// jsvat knows more countries (Norway, Switzerland, Brazil...); Tradelane validates EU and UK numbers.
const SUPPORTED = new Set<string>([...EU_MEMBER_STATES.map(vatPrefixOf), 'GB', 'XI', 'EU']);
const JSVAT_COUNTRIES = jsvatCountries.filter((c) => c.codes[0] === 'EU' || SUPPORTED.has(c.codes[0] === 'GR' ? 'EL' : c.codes[0]!));

// Separators people type or paste ("DK: 21599336", "FI-214 95 540", "CZ 640229/4448"). Commas
// are not separators in any national format and stay, so "BE 0220,764.971" is refused.
const SEPARATORS = /[\s\-./:]+/g;

/**
 * Format and check-digit validation of an EU, XI or GB VAT number, offline (jsvat plus the
 * official algorithms in vat-number-checks.ts where jsvat is wrong). `country` lets a buyer type
 * the number without its prefix. It says nothing about whether the number is registered (VIES).
 */
export function validateVatNumber(input: string, opts: { country?: string } = {}): VatNumberResult {
  let s = input.trim().toUpperCase();
  // A number typed without its prefix ("094279805", or UK "GD100") takes the buyer's country's.
  if (opts.country && !SUPPORTED.has(s.slice(0, 2))) s = vatPrefixOf(opts.country.toUpperCase()) + s;
  const prefix = s.slice(0, 2);
  if (!/^[A-Z]{2}$/.test(prefix)) return { valid: false, reason: 'invalid_format' };
  if (!SUPPORTED.has(prefix)) return { valid: false, prefix, reason: 'unsupported_country' };
  let rest = s.slice(2).replace(SEPARATORS, '');

  if (prefix === 'BE') {
    if (rest.startsWith('(0)')) rest = '0' + rest.slice(3);
    if (/^\d{9}$/.test(rest)) rest = '0' + rest;
  }
  if (prefix === 'EL' && /^\d{8}$/.test(rest)) rest = '0' + rest;
  if (prefix === 'NL') {
    const m = /^(\d{1,9})B(\d{2})$/.exec(rest);
    if (m) {
      // The Belastingdienst's suffix starts at B01; B00 is never issued.
      if (m[2] === '00') return result(prefix, rest, 'invalid_format');
      rest = `${m[1]!.padStart(9, '0')}B${m[2]}`;
    }
  }

  let check: VatCheck;
  if (prefix === 'FR' && /^[A-Z]/.test(rest.slice(0, 2).replace(/\d/g, '')) && rest.length === 11) check = checkFrance(rest);
  else if (prefix === 'LV' && /^[0-3]\d{10}$/.test(rest)) check = checkLatvia(rest);
  else if (prefix === 'RO' && /^\d{13}$/.test(rest)) check = checkRomanianCnp(rest);
  else if ((prefix === 'GB' || prefix === 'XI') && /^(GD|HA)/.test(rest)) check = checkUnitedKingdom(rest);
  else {
    // jsvat knows Northern Ireland numbers only under GB; they share HMRC's number range.
    const r = checkVAT((prefix === 'XI' ? 'GB' : prefix) + rest, JSVAT_COUNTRIES as typeof jsvatCountries);
    check = r.isValid ? 'valid' : r.isValidFormat ? 'invalid_checksum' : 'invalid_format';
  }
  return result(prefix, rest, check);
}

function result(prefix: string, rest: string, check: VatCheck): VatNumberResult {
  const country = prefix === 'EL' ? 'GR' : prefix === 'XI' ? 'GB' : prefix === 'EU' ? undefined : prefix;
  return {
    valid: check === 'valid',
    compact: prefix + rest,
    prefix,
    ...(country ? { country } : {}),
    ...(prefix === 'XI' ? { northernIreland: true } : {}),
    ...(check === 'valid' ? {} : { reason: check }),
  };
}
