import { describe, expect, it } from 'vitest';
import { hreflangAlternates, minorToDecimal, productJsonLd, queryString, truncate } from './seo.js';
import { chooseLanguage, dirOf } from './language.js';

describe('hreflang', () => {
  const locales = ['en', 'zh-CN', 'es', 'ar'];
  it('lists every language the page exists in, plus x-default on the English one', () => {
    const slugs: Record<string, string> = { en: 'slim-panel', es: 'panel-extraplano', 'zh-CN': '超薄面板灯' };
    const alts = hreflangAlternates('https://shop.example', locales, (l) => (slugs[l] ? `/p/${slugs[l]}` : undefined));
    expect(alts).toEqual([
      { hreflang: 'en', href: 'https://shop.example/en/p/slim-panel' },
      { hreflang: 'zh-CN', href: 'https://shop.example/zh-CN/p/超薄面板灯' },
      { hreflang: 'es', href: 'https://shop.example/es/p/panel-extraplano' },
      { hreflang: 'x-default', href: 'https://shop.example/en/p/slim-panel' },
    ]);
  });
  it('falls back to the first language for x-default when English is missing', () => {
    const alts = hreflangAlternates('https://s.example/', locales, (l) => (l === 'ar' ? '/c/x' : undefined));
    expect(alts.at(-1)).toEqual({ hreflang: 'x-default', href: 'https://s.example/ar/c/x' });
  });
});

describe('language choice and direction', () => {
  it('prefers the remembered choice, then Accept-Language', () => {
    expect(chooseLanguage('de', 'es', ['en', 'es', 'de'])).toBe('de');
    expect(chooseLanguage(undefined, 'zh-TW,zh;q=0.9', ['en', 'zh-CN'])).toBe('zh-CN');
    expect(chooseLanguage('xx', undefined, ['en'])).toBe('en');
  });
  it('lays out Arabic right to left', () => {
    expect(dirOf('ar')).toBe('rtl');
    expect(dirOf('zh-CN')).toBe('ltr');
  });
});

describe('structured data', () => {
  it('gives offers only for variants with a visible price, as exact decimals', () => {
    const ld = productJsonLd({ name: 'P', description: 'd', url: 'u', images: [], brand: 'B', variants: [
      { sku: 'A', inStock: true, price: { amountMinor: 1999, currency: 'USD', decimal: minorToDecimal(1999, 2) } },
      { sku: 'B', inStock: false, price: null },
    ] });
    expect(ld.offers).toEqual([{ '@type': 'Offer', sku: 'A', price: '19.99', priceCurrency: 'USD', availability: 'https://schema.org/InStock', url: 'u' }]);
    expect(minorToDecimal(5, 3)).toBe('0.005');
    expect(minorToDecimal(1200, 0)).toBe('1200');
  });
  it('keeps commas readable in filter URLs and truncates descriptions on a word', () => {
    expect(queryString([['f.cct', '3000k,4000k'], ['q', 'led panel'], ['page', undefined]])).toBe('?f.cct=3000k,4000k&q=led%20panel');
    expect(truncate('one two three four five', 12)).toBe('one two…');
  });
});
