import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';

const here = path.dirname(fileURLToPath(import.meta.url));
const i18nDir = path.resolve(here, '../../../../shared/i18n');
const load = (locale: string, area: string) => JSON.parse(fs.readFileSync(path.join(i18nDir, locale, `${area}.json`), 'utf8')) as Record<string, string>;

describe('order hub catalogs (channels, rules)', () => {
  for (const area of ['channels', 'rules']) {
    const en = load('en', area);
    const zh = load('zh-CN', area);
    test(`${area}: English and Chinese have the same keys, valid ICU and the same placeholders`, () => {
      expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
      // Argument names from the parsed message (plural/select branches are not arguments).
      const names = (ast: any[], out = new Set<string>()): Set<string> => {
        for (const el of ast) {
          if (el.value && typeof el.value === 'string' && el.type !== 0) out.add(el.value);
          for (const o of Object.values(el.options ?? {}) as { value: any[] }[]) names(o.value, out);
          if (Array.isArray(el.children)) names(el.children, out);
        }
        return out;
      };
      const placeholders = (m: string) => [...names(new IntlMessageFormat(m, 'en').getAst() as any[])].sort();
      for (const [key, msg] of Object.entries(en)) {
        expect(() => new IntlMessageFormat(msg, 'en').format({}), key).not.toThrow(/MALFORMED|UNCLOSED|INVALID_TAG/);
        expect(placeholders(zh[key]!), key).toEqual(placeholders(msg));
      }
    });
  }

  test('every literal key the order hub screens use exists', () => {
    const all = { ...load('en', 'channels'), ...load('en', 'rules') };
    const missing: string[] = [];
    for (const f of fs.readdirSync(here).filter((x) => /\.tsx?$/.test(x) && !x.endsWith('.test.ts'))) {
      for (const m of fs.readFileSync(path.join(here, f), 'utf8').matchAll(/'((?:channels|rules)\.[A-Za-z0-9_.]+)'/g)) if (!(m[1]! in all)) missing.push(`${f}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });
});
