import type { Zone, ZoneRule } from './schemas.js';

export interface Address {
  country: string;
  region?: string;
  postcode?: string;
}

const norm = (s: string | undefined) => (s ?? '').toUpperCase().replace(/\s+/g, '');

/** Whether a postcode fits a pattern: "35*", "971??", "35000-35999" or an exact code. */
export function postcodeMatches(pattern: string, postcode: string): boolean {
  const p = norm(pattern);
  const pc = norm(postcode);
  if (!pc) return false;
  const range = /^([A-Z0-9]+)-([A-Z0-9]+)$/.exec(p);
  if (range && range[1]!.length === range[2]!.length) {
    const head = pc.slice(0, range[1]!.length);
    return head.length === range[1]!.length && head >= range[1]! && head <= range[2]!;
  }
  const re = new RegExp(`^${p.replace(/[.+^${}()|[\]\\-]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return re.test(pc);
}

/** 0 no match; 1 rest of world; 2 country; 3 region; 4 postcode. Higher is more specific. */
export function ruleSpecificity(rule: ZoneRule, a: Address): number {
  if (rule.country === '*') return rule.regions?.length || rule.postcodes?.length ? 0 : 1;
  if (rule.country !== a.country.toUpperCase()) return 0;
  if (rule.regions?.length && !rule.regions.some((r) => norm(r) === norm(a.region))) return 0;
  if (rule.postcodes?.length && !rule.postcodes.some((p) => postcodeMatches(p, a.postcode ?? ''))) return 0;
  return rule.postcodes?.length ? 4 : rule.regions?.length ? 3 : 2;
}

export function zoneSpecificity(zone: Zone, a: Address): number {
  return Math.max(0, ...zone.rules.map((r) => ruleSpecificity(r, a)));
}

/** The most specific zone for an address among those given (ties: the first). */
export function matchZone(zones: Zone[], a: Address): Zone | undefined {
  let best: Zone | undefined;
  let bestScore = 0;
  for (const z of zones) {
    const s = zoneSpecificity(z, a);
    if (s > bestScore) {
      best = z;
      bestScore = s;
    }
  }
  return best;
}
