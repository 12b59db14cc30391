/**
 * Which payment methods a buyer is offered: a pure filter over the method settings by country,
 * currency, customer tier and (for cash on delivery) the order amount. Each method refused says
 * why, so checkout and the back office can explain it.
 */
export type MethodCode = 'card' | 'paypal' | 'tt' | 'lc' | 'western_union' | 'cod';
export const METHOD_CODES: readonly MethodCode[] = ['card', 'paypal', 'tt', 'lc', 'western_union', 'cod'];

export interface MethodSetting {
  method: string;
  enabled: boolean;
  countries: string[];
  currencies: string[];
  tiers: string[];
  instructions: Record<string, string>;
  codFees: Record<string, number>;
  codMax: Record<string, number>;
}

export interface Buyer {
  country: string | null;
  currency: string;
  /** Dealer tier, or null for a retail buyer (matches `retail` in the settings). */
  tier: string | null;
  /** Order total in minor units of `currency`. */
  amount: number;
  locale: string;
}

export type MethodOffer =
  | { method: string; offered: true; instructions: string | null; fee: number }
  | { method: string; offered: false; reason: 'disabled' | 'country' | 'currency' | 'tier' | 'cod_over_max' };

export function offerMethods(settings: readonly MethodSetting[], b: Buyer): MethodOffer[] {
  return settings.map((s): MethodOffer => {
    if (!s.enabled) return { method: s.method, offered: false, reason: 'disabled' };
    if (s.countries.length && (!b.country || !s.countries.includes(b.country))) return { method: s.method, offered: false, reason: 'country' };
    if (s.currencies.length && !s.currencies.includes(b.currency)) return { method: s.method, offered: false, reason: 'currency' };
    if (s.tiers.length && !s.tiers.includes(b.tier ?? 'retail')) return { method: s.method, offered: false, reason: 'tier' };
    let fee = 0;
    if (s.method === 'cod') {
      const max = s.codMax[b.currency];
      // COD without a maximum for this currency is not offered in it: cash limits are per currency.
      if (max === undefined || b.amount > max) return { method: s.method, offered: false, reason: 'cod_over_max' };
      fee = s.codFees[b.currency] ?? 0;
    }
    const lang = b.locale.split('-')[0]!;
    const instructions = s.instructions[b.locale] ?? s.instructions[lang] ?? s.instructions.en ?? null;
    return { method: s.method, offered: true, instructions, fee };
  });
}
