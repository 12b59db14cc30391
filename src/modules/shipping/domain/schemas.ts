import { z } from 'zod';
import { isCurrency } from '../../../platform/money/index.js';

const code = z.string().regex(/^[a-z0-9][a-z0-9_-]{1,39}$/, 'Use 2-40 lower-case letters, digits, - or _, e.g. dhl-express.');

export const zoneRuleSchema = z.object({
  /** ISO country code, or '*' for the rest of the world. */
  country: z.string().regex(/^([A-Z]{2}|\*)$/, 'Use a two-letter country code in capitals, or * for everywhere else.'),
  /** Region codes within the country (US states, CA provinces, ES-CN style codes without the country). */
  regions: z.array(z.string().min(1).max(10)).optional(),
  /** Postcode patterns: prefix with * ("35*"), single characters with ? ("971??"), ranges ("35000-35999"), or exact. */
  postcodes: z.array(z.string().regex(/^[A-Z0-9 ?*-]{1,21}$/i, 'Use letters, digits, * and ?, or a range like 35000-35999.')).optional(),
});

export const zoneSchema = z.object({
  code,
  name: z.string().min(1).max(100),
  rules: z.array(zoneRuleSchema).min(1, 'A zone needs at least one country rule.'),
});

export const bracketSchema = z.object({
  /** Up to and including this chargeable weight, in grams. */
  upToGrams: z.number().int().positive(),
  /** Price in minor units of the method's currency. */
  amount: z.number().int().nonnegative(),
});

export const zoneRateSchema = z.object({
  zoneId: z.string().min(1),
  brackets: z.array(bracketSchema).min(1, 'Give at least one weight bracket.'),
  /** Above the last bracket: this amount per started step (e.g. per 500 g); none = too heavy for the method. */
  extra: z.object({ stepGrams: z.number().int().positive(), amount: z.number().int().nonnegative() }).nullish(),
  perOrderFee: z.number().int().nonnegative().default(0),
  /** Free shipping when the goods subtotal reaches this (minor units of the method's currency); null = never. */
  freeOver: z.number().int().nonnegative().nullish(),
  transitDays: z.object({ min: z.number().int().nonnegative(), max: z.number().int().nonnegative() }).refine((t) => t.max >= t.min, 'max transit days must be at least min.'),
});

export const methodSchema = z.object({
  code,
  name: z.string().min(1).max(100),
  carrier: z.string().min(1).max(60),
  mode: z.enum(['express', 'air', 'sea', 'road', 'rail', 'post']),
  currency: z.string().refine(isCurrency, 'Unknown ISO 4217 currency code.'),
  /** Volumetric divisor in cm³ per kg: 5000 for express, 6000 economy air, 1000 sea freight. */
  dimFactor: z.number().int().positive(),
  processingDays: z.number().int().nonnegative(),
  /** Tiers allowed to use the method ('retail' = consumers and guests); null = everyone. */
  customerTiers: z.array(z.string().min(1)).nullable(),
  rates: z.array(zoneRateSchema).min(1, 'Give the rates for at least one zone.'),
  active: z.boolean().default(true),
  sortOrder: z.number().int().default(0),
});

export type ZoneRule = z.infer<typeof zoneRuleSchema>;
export type ZoneInput = z.infer<typeof zoneSchema>;
export type Zone = ZoneInput & { id: string };
export type ZoneRate = z.infer<typeof zoneRateSchema>;
export type MethodInput = z.infer<typeof methodSchema>;
export type Method = MethodInput & { id: string };

/** Brackets must rise strictly, or a weight would match two prices. */
export function methodProblems(m: MethodInput): Array<{ field: string; message: string }> {
  const out: Array<{ field: string; message: string }> = [];
  m.rates.forEach((r, i) => {
    r.brackets.forEach((b, j) => {
      if (j > 0 && b.upToGrams <= r.brackets[j - 1]!.upToGrams) {
        out.push({ field: `rates.${i}.brackets.${j}.upToGrams`, message: 'Brackets must be in increasing weight order without repeats.' });
      }
    });
    if (m.rates.findIndex((x) => x.zoneId === r.zoneId) !== i) out.push({ field: `rates.${i}.zoneId`, message: 'This zone already has rates in this method.' });
  });
  return out;
}
