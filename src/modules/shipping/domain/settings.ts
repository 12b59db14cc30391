import { z } from 'zod';

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const shippingSettingsSchema = z.object({
  /** IANA time zone of the dispatching warehouse. */
  timeZone: z.string().refine(validTimeZone, 'Use an IANA time zone such as Europe/Amsterdam.'),
  /** Orders before this local hour are processed the same day. */
  cutoffHour: z.number().int().min(0).max(24),
  /** Non-working days of the warehouse. */
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use dates as YYYY-MM-DD.')).max(400),
});

export type ShippingSettings = z.infer<typeof shippingSettingsSchema>;

export const DEFAULT_SHIPPING_SETTINGS: ShippingSettings = { timeZone: 'UTC', cutoffHour: 14, holidays: [] };
