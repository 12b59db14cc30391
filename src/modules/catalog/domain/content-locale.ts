/** Content missing in the page language falls back to English, then to any language there is. */
export const DEFAULT_CONTENT_LOCALE = 'en';

export function pickText<T extends { locale: string }>(rows: T[], locale: string): T | undefined {
  return rows.find((r) => r.locale === locale) ?? rows.find((r) => r.locale === DEFAULT_CONTENT_LOCALE) ?? rows[0];
}
