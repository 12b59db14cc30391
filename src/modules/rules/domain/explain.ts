import { t } from '../../../platform/i18n/i18n.js';
import type { Explanation } from './rule-types.js';

/**
 * One explanation in a person's language. `why` is stored as the condition types that held
 * ("first_order, amount_above"), language-neutral, and read out here as phrases
 * (rules.why.first_order → "first order of the customer").
 */
export function explainText(locale: string, e: Explanation): string {
  const params = { ...e.params };
  if (typeof params.why === 'string') {
    params.why = params.why
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean)
      .map((type) => t(locale, `rules.why.${type}`))
      .join(t(locale, 'rules.why.and'));
  }
  return t(locale, e.key, params);
}
