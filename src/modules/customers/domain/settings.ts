import { z } from 'zod';

/** Store-wide buyer settings: the login wall and the KYC review targets. */
export const customerSettingsSchema = z.object({
  /**
   * The login wall: guests and unapproved accounts see "log in to see prices" and no add-to-cart.
   * Off by default (a new store shows its public retail prices); exporters selling only to
   * dealers turn it on. Dealer prices need an approved account either way.
   */
  hidePricesForGuests: z.boolean().default(false),
  /** Whether B2C (retail) accounts see retail prices once signed in and verified. */
  retailPricesForVerifiedB2c: z.boolean().default(true),
  /** The whole catalog is only for signed-in buyers. */
  catalogRequiresLogin: z.boolean().default(false),
  /** Product visibility per tier: tiers that may see "dealers only" products (empty = every approved tier). */
  dealerProductTiers: z.array(z.string()).default([]),
  kycTargetHours: z.number().int().min(1).max(24 * 30).default(48),
  tierRules: z.array(z.object({ countries: z.array(z.string().regex(/^[A-Z]{2}$/)), minVolumeEurMinor: z.number().int().min(0), tier: z.string() })).default([]),
  defaultTier: z.string().nullable().default('C'),
  /** Price requests per account (or per IP for guests) per minute. */
  priceRequestsPerMinute: z.number().int().min(10).max(100_000).default(300),
  /** Distinct variants one account may price in an hour before it is logged as catalog walking. */
  walkAlertVariantsPerHour: z.number().int().min(50).default(2000),
});

export type CustomerSettings = z.infer<typeof customerSettingsSchema>;

/**
 * A change to some settings. Not `.partial()`: zod applies defaults to missing keys even then,
 * so a patch of one setting would reset every other one.
 */
export const customerSettingsPatchSchema = z.object(
  Object.fromEntries(Object.entries(customerSettingsSchema.shape).map(([k, v]) => [k, v.unwrap().optional()])) as {
    [K in keyof typeof customerSettingsSchema.shape]: z.ZodOptional<ReturnType<(typeof customerSettingsSchema.shape)[K]['unwrap']>>;
  },
);
export const DEFAULT_CUSTOMER_SETTINGS: CustomerSettings = customerSettingsSchema.parse({});

export const COMPANY_ROLES = ['admin', 'buyer', 'viewer'] as const;
export type CompanyRole = (typeof COMPANY_ROLES)[number];

/** What each company role may do in the account. */
export const ROLE_CAN = {
  manageUsers: ['admin'],
  manageAddresses: ['admin', 'buyer'],
  order: ['admin', 'buyer'],
  apply: ['admin'],
} as const satisfies Record<string, readonly CompanyRole[]>;

export function roleCan(role: string, what: keyof typeof ROLE_CAN): boolean {
  return (ROLE_CAN[what] as readonly string[]).includes(role);
}
