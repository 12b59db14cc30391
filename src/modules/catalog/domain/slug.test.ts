import { describe, expect, it } from 'vitest';
import { isValidSlug, slugify, uniqueSlug } from './slug.js';
import { gramsOf, looksLikeCode, normalizeCode, similarity } from './sku-match.js';
import { cjkBigrams } from './locales.js';

describe('slugs', () => {
  it('drops accents in Latin scripts and keeps Chinese, Arabic and Cyrillic letters', () => {
    expect(slugify('Lámpara de Techo – 600×600, 40 W')).toBe('lampara-de-techo-600-600-40-w');
    expect(slugify('Straßenleuchte Größe')).toBe('strassenleuchte-grosse');
    expect(slugify('超薄 LED 面板灯 600×600')).toBe('超薄-led-面板灯-600-600');
    expect(slugify('كشاف LED غامر')).toBe('كشاف-led-غامر');
    expect(slugify('Светодиодная панель')).toBe('светодиодная-панель');
    expect(slugify('!!!')).toBe('item');
    // NFKD would split إ into ا + a combining hamza and й into и + a breve: both must survive.
    expect(slugify('ألواح إضاءة LED')).toBe('ألواح-إضاءة-led');
    expect(slugify('Светодиодный прожектор')).toBe('светодиодный-прожектор');
    expect(isValidSlug(slugify('ألواح إضاءة LED'))).toBe(true);
  });
  it('appends the first free number', () => {
    expect(uniqueSlug('panel', new Set(['panel', 'panel-2']))).toBe('panel-3');
    expect(uniqueSlug('panel', new Set())).toBe('panel');
  });
  it('accepts only lower-case hyphenated slugs', () => {
    expect(isValidSlug('led-panel-600')).toBe(true);
    expect(isValidSlug('LED-panel')).toBe(false);
    expect(isValidSlug('a--b')).toBe(false);
    expect(isValidSlug('面板灯-40w')).toBe(true);
  });
});

describe('SKU matching', () => {
  it('normalises codes and scores a typo above unrelated codes', () => {
    expect(normalizeCode(' lm-pl 6060/36 ')).toBe('LMPL606036');
    expect(similarity('LM-PL6060-36', 'LMPL6O60-36')).toBeGreaterThan(similarity('LM-PL6060-36', 'LM-FL100-57'));
    expect(gramsOf('AB-1')).toEqual(['  A', ' AB', 'AB1', 'B1 ']);
    expect(looksLikeCode('LM-PL6060')).toBe(true);
    expect(looksLikeCode('panel light')).toBe(false);
  });
  it('splits Chinese into overlapping bigrams for the simple parser', () => {
    expect(cjkBigrams('LED面板灯')).toBe('LED 面板 板灯 ');
  });
});
