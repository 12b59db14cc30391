import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { createTranslator } from '../../shared/i18n/runtime.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const i18nDir = path.resolve(here, '../../shared/i18n');
const load = (locale: string) => JSON.parse(fs.readFileSync(path.join(i18nDir, locale, 'backoffice.json'), 'utf8')) as Record<string, string>;
const en = load('en');
const zh = load('zh-CN');

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sourceFiles(p, out);
    else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

describe('back office catalogs', () => {
  test('English and Chinese have the same keys', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  test('every message is valid ICU MessageFormat and uses the same placeholders in both languages', () => {
    const placeholders = (m: string) => [...m.matchAll(/\{(\w+)/g)].map((x) => x[1]).sort();
    for (const [key, msg] of Object.entries(en)) {
      expect(() => new IntlMessageFormat(msg, 'en'), key).not.toThrow();
      expect(() => new IntlMessageFormat(zh[key]!, 'zh-CN'), key).not.toThrow();
      expect([...new Set(placeholders(zh[key]!))], key).toEqual([...new Set(placeholders(msg))]);
    }
  });

  test('every literal key the shell and the issue-2 screens use exists (no raw keys on screen)', () => {
    const used = new Set<string>();
    const mine = ['core', 'ui', 'shell', ...['auth', 'home', 'account', 'staff', 'security', 'api-keys', 'audit', 'jobs', 'outbox'].map((a) => `areas/${a}`)];
    for (const f of mine.flatMap((d) => sourceFiles(path.join(here, d)))) {
      for (const m of fs.readFileSync(f, 'utf8').matchAll(/'(backoffice\.[A-Za-z0-9_.]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !(k in en))).toEqual([]);
  });

  test('keys built from server values exist for every value the server knows', async () => {
    const { STAFF_ROLES } = await import('../../../src/modules/staff/domain/roles.js');
    for (const r of STAFF_ROLES) expect(en).toHaveProperty([`backoffice.roles.${r}`]);
    for (const s of ['created', 'retry', 'active', 'completed', 'cancelled', 'failed']) expect(en).toHaveProperty([`backoffice.jobs.state.${s}`]);
    for (const s of ['queued', 'sent', 'outbox', 'failed']) expect(en).toHaveProperty([`backoffice.outbox.status.${s}`]);
    for (const s of ['staff', 'apikey', 'customer', 'system', 'cli']) expect(en).toHaveProperty([`backoffice.audit.actorType.${s}`]);
  });

  test('the translator formats plurals per language and falls back to English', () => {
    const tZh = createTranslator('zh-CN', zh, en);
    expect(tZh('backoffice.auth.waitSeconds', { seconds: 5 })).toBe('尝试次数过多。请在 5 秒后重试。');
    const tEn = createTranslator('en', en, en);
    expect(tEn('backoffice.auth.waitSeconds', { seconds: 1 })).toBe('Too many attempts. Try again in 1 second.');
    const partial = createTranslator('zh-CN', {}, en);
    expect(partial('backoffice.common.save')).toBe('Save');
    expect(partial('backoffice.nope')).toBe('backoffice.nope');
  });
});
