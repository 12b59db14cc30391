export interface ZoneRule {
  country: string;
  regions?: string[];
  postcodes?: string[];
}
export interface Zone {
  id: string;
  code: string;
  name: string;
  rules: ZoneRule[];
}
export interface ZoneRate {
  zoneId: string;
  brackets: Array<{ upToGrams: number; amount: number }>;
  extra?: { stepGrams: number; amount: number } | null;
  perOrderFee: number;
  freeOver?: number | null;
  transitDays: { min: number; max: number };
}
export interface Method {
  id: string;
  code: string;
  name: string;
  carrier: string;
  mode: 'express' | 'air' | 'sea' | 'road' | 'rail' | 'post';
  currency: string;
  dimFactor: number;
  processingDays: number;
  customerTiers: string[] | null;
  rates: ZoneRate[];
  active: boolean;
  sortOrder: number;
}

/** "ES postcodes 35* 38*", "US regions CA OR", "DE" ⇄ rules. */
export function rulesToText(rules: ZoneRule[]): string {
  return rules
    .map((r) => [r.country, r.regions?.length ? `regions ${r.regions.join(' ')}` : '', r.postcodes?.length ? `postcodes ${r.postcodes.join(' ')}` : ''].filter(Boolean).join(' '))
    .join('\n');
}

export function textToRules(text: string): ZoneRule[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const [country, ...rest] = line.split(/\s+/);
      const rule: ZoneRule = { country: (country ?? '').toUpperCase() };
      let mode: 'regions' | 'postcodes' | undefined;
      for (const w of rest) {
        if (w === 'regions' || w === 'postcodes') mode = w;
        else if (mode) (rule[mode] ??= []).push(mode === 'regions' ? w.toUpperCase() : w);
      }
      return rule;
    });
}
