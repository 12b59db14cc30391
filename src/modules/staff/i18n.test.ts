import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { t } from '../../platform/i18n/i18n.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const catalogOf = (locale: string) =>
  JSON.parse(fs.readFileSync(path.resolve(here, `../../../web/shared/i18n/${locale}/staff.json`), 'utf8')) as Record<string, string>;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('staff texts', () => {
  it('has every key the code uses, in English and Chinese', () => {
    const en = catalogOf('en');
    const zh = catalogOf('zh-CN');
    const used = new Set<string>();
    for (const f of sourceFiles(here)) {
      for (const m of fs.readFileSync(f, 'utf8').matchAll(/'(staff\.(?:error|mail)\.[a-z_.]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(20);
    for (const key of used) {
      expect(en, key).toHaveProperty([key]);
      expect(zh, key).toHaveProperty([key]);
    }
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('formats the throttle message with plurals', () => {
    expect(t('en', 'staff.error.throttled', { seconds: 1 })).toBe('Too many attempts. Wait 1 second and try again.');
    expect(t('en', 'staff.error.throttled', { seconds: 30 })).toBe('Too many attempts. Wait 30 seconds and try again.');
    expect(t('zh-CN', 'staff.error.throttled', { seconds: 30 })).toBe('尝试次数过多。请等待 30 秒后再试。');
  });
});
