import { describe, expect, it } from 'vitest';
import { hasSharedData, readSharedJson, SHARED_DATA_SKIP_REASON } from '../../../platform/testing/shared-data.js';
import { validateVatNumber } from './vat-number.js';

interface EuVectors {
  valid: string[];
  [invalid: string]: string[];
}
interface GbVectors {
  valid_list: string[];
  cases: Array<{ input: string; expect: 'valid' | 'error'; error?: string; comment: string }>;
}

describe('VAT numbers (hand-picked)', () => {
  it('reads Greek numbers with EL and reports GR as the country', () => {
    expect(validateVatNumber('EL 094279805')).toMatchObject({ valid: true, prefix: 'EL', country: 'GR', compact: 'EL094279805' });
    expect(validateVatNumber('094279805', { country: 'GR' })).toMatchObject({ valid: true, compact: 'EL094279805' });
    expect(validateVatNumber('GR 094279805')).toMatchObject({ valid: false, reason: 'unsupported_country' });
  });
  it('treats XI as a Northern Ireland (UK) number', () => {
    expect(validateVatNumber('XI 432525179')).toMatchObject({ valid: true, country: 'GB', northernIreland: true });
  });
  it('says why a number is refused', () => {
    expect(validateVatNumber('DE 136695976')).toMatchObject({ valid: true, country: 'DE' });
    expect(validateVatNumber('DE 136695977')).toMatchObject({ valid: false, reason: 'invalid_checksum' });
    expect(validateVatNumber('DE 13669597X')).toMatchObject({ valid: false, reason: 'invalid_format' });
    expect(validateVatNumber('US 123456789')).toMatchObject({ valid: false, reason: 'unsupported_country' });
    expect(validateVatNumber('')).toMatchObject({ valid: false });
  });
});

describe.skipIf(!hasSharedData)('VAT numbers against python-stdnum test vectors (every one)', () => {
  if (!hasSharedData) console.warn(SHARED_DATA_SKIP_REASON);
  const eu = hasSharedData ? readSharedJson<EuVectors>('tax/eu-vat-numbers.python-stdnum.json') : ({ valid: [] } as EuVectors);
  const gb = hasSharedData ? readSharedJson<GbVectors>('tax/gb-vat-numbers.python-stdnum.json') : ({ valid_list: [], cases: [] } as GbVectors);

  it('accepts every valid EU and GB number', () => {
    const wrong = [...eu.valid, ...gb.valid_list].filter((n) => !validateVatNumber(n).valid);
    expect(wrong).toEqual([]);
    expect(eu.valid.length + gb.valid_list.length).toBeGreaterThan(600);
  });

  it('refuses every invalid EU number (checksum, format, component, length, duplicated prefix)', () => {
    const kinds = Object.keys(eu).filter((k) => k.startsWith('invalid'));
    expect(kinds.length).toBeGreaterThanOrEqual(5);
    const wrong = kinds.flatMap((k) => (eu[k] as string[]).filter((n) => validateVatNumber(n).valid).map((n) => `${k}: ${n}`));
    expect(wrong).toEqual([]);
  });

  it('classifies every GB case (branch traders, government departments, health authorities)', () => {
    const wrong = gb.cases
      .filter((c) => validateVatNumber(c.input, { country: 'GB' }).valid !== (c.expect === 'valid') ||
        validateVatNumber('GB' + c.input).valid !== (c.expect === 'valid'))
      .map((c) => `${c.input} (${c.comment})`);
    expect(wrong).toEqual([]);
  });

  it('reports the reason python-stdnum gives for checksum and format errors', () => {
    for (const n of eu.invalid_checksum ?? []) expect([n, validateVatNumber(n).reason]).toEqual([n, 'invalid_checksum']);
  });
});
