import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { STORE_LOCALES } from '../../platform/i18n/i18n.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const catalogOf = (locale: string) => JSON.parse(fs.readFileSync(path.join(root, `web/shared/i18n/${locale}/reorder.json`), 'utf8')) as Record<string, string>;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(e.name) && !e.name.includes('.test.') ? [p] : [];
  });
}
/** The argument names of a message (plural and select branches searched too). */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  // Type 0 is literal text; every other element with a string value names an argument.
  const walk = (els: ReturnType<IntlMessageFormat['getAst']>) => {
    for (const el of els) {
      if ('value' in el && typeof el.value === 'string' && el.type !== 0) names.add(el.value);
      if ('options' in el) for (const o of Object.values(el.options)) walk((o as { value: typeof els }).value);
    }
  };
  walk(new IntlMessageFormat(message, 'en').getAst());
  return [...names].sort();
}

describe('reorder texts', () => {
  const en = catalogOf('en');
  const store = Object.keys(en).filter((k) => !k.startsWith('reorder.bo.'));

  it('has every buyer-facing text in all 8 store languages with the same placeholders, as valid ICU', () => {
    for (const locale of STORE_LOCALES) {
      const c = catalogOf(locale);
      for (const key of store) {
        expect(c, `${locale} ${key}`).toHaveProperty([key]);
        expect(() => new IntlMessageFormat(c[key]!, locale), `${locale} ${key}`).not.toThrow();
        expect(placeholders(c[key]!), `${locale} ${key}`).toEqual(placeholders(en[key]!));
      }
    }
  });

  it('has the back-office texts in English and Chinese, and every literal key the code uses', () => {
    const zh = catalogOf('zh-CN');
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    const used = new Set<string>();
    for (const f of [...sourceFiles(here), ...sourceFiles(path.join(root, 'web/backoffice/src/areas/order-export'))]) {
      for (const m of fs.readFileSync(f, 'utf8').matchAll(/'(reorder\.[A-Za-z0-9.]+[A-Za-z0-9])'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(60);
    expect([...used].filter((k) => !(k in en))).toEqual([]);
  });
});
