import { z } from 'zod';
import { isCurrency, isDecimalString } from '../../../platform/money/index.js';

const country = z.string().regex(/^[A-Z]{2}$/, 'Use a two-letter ISO 3166 country code in capitals, e.g. DE.');
const usState = z.string().regex(/^[A-Z]{2}$/, 'Use the two-letter state code, e.g. CA.');
/** Percent as an exact decimal string: "25.5", "6.875". Never a float. */
export const ratePercent = z
  .string()
  .refine((s) => isDecimalString(s) && !s.trim().startsWith('-'), 'Give the rate as a decimal number of percent, e.g. "25.5".')
  .refine((s) => Number(s) <= 100, 'A rate cannot exceed 100 %.');
const threshold = z.object({
  amount: z.number().int().nonnegative().describe('minor units of `currency`'),
  currency: z.string().refine(isCurrency, 'Unknown ISO 4217 currency code.'),
});

export const taxSettingsSchema = z.object({
  seller: z.object({
    country,
    /** US state of the seller's establishment (nexus there always). */
    region: z.string().optional(),
    vatNumber: z.string().optional(),
    /** Registered for the EU Import One-Stop Shop (non-EU seller; consignments ≤ €150). */
    iossNumber: z.string().optional(),
    ukVatNumber: z.string().optional(),
  }),
  /** Round tax per line, or once per rate over the order total. */
  rounding: z.enum(['line', 'total']),
  /** Whether shown prices include tax, per market (countries, '*' = everywhere else) and buyer kind. */
  priceDisplay: z
    .array(z.object({ countries: z.array(z.union([country, z.literal('*')])).min(1), b2c: z.enum(['gross', 'net']), b2b: z.enum(['gross', 'net']) }))
    .min(1),
  us: z.object({
    /** States where the seller must collect sales tax (physical or economic nexus). */
    collectStates: z.array(usState),
    /** States where a separately stated shipping charge is taxable. */
    shippingTaxableStates: z.array(usState),
  }),
  /** Everywhere outside the EU, UK and US: a configurable rate per country (GST, consumption tax...). */
  countryRates: z.record(
    country,
    z.object({
      name: z.string().min(1).max(40),
      rate: ratePercent,
      /** Charge it at checkout (the seller is registered there), else it is paid at import. */
      collect: z.boolean(),
      /** Collect only on consignments up to this value (AU: AUD 1,000), above it import GST applies. */
      maxConsignment: threshold.optional(),
    }),
  ),
});

export type TaxSettings = z.infer<typeof taxSettingsSchema>;

export const DEFAULT_TAX_SETTINGS: TaxSettings = {
  seller: { country: 'NL' },
  rounding: 'line',
  priceDisplay: [{ countries: ['*'], b2c: 'gross', b2b: 'net' }],
  us: { collectStates: [], shippingTaxableStates: [] },
  countryRates: {},
};

/** Whether prices shown to this buyer in this country include tax. */
export function pricesIncludeTax(settings: TaxSettings, country: string, buyerKind: 'b2b' | 'b2c'): boolean {
  const rule =
    settings.priceDisplay.find((r) => (r.countries as string[]).includes(country)) ??
    settings.priceDisplay.find((r) => (r.countries as string[]).includes('*'));
  return (rule?.[buyerKind] ?? 'net') === 'gross';
}
