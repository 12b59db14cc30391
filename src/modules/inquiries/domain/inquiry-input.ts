import { z } from 'zod';

export const inquiryInputSchema = z.object({
  name: z.string().trim().min(1, 'Enter your name.').max(120),
  company: z.string().trim().min(1, 'Enter your company.').max(200),
  email: z.email('Enter a valid email address.').max(254),
  country: z.string().regex(/^[A-Z]{2}$/, 'Choose your country.'),
  phone: z.string().trim().max(40).nullish(),
  message: z.string().trim().min(1, 'Tell us what you need.').max(5000),
  lines: z
    .array(z.object({ productId: z.string().max(40).optional(), sku: z.string().max(64).optional(), quantity: z.coerce.number().int().min(1).max(10_000_000) }))
    .max(50)
    .default([]),
  locale: z.string().max(10).default('en'),
  sourceUrl: z.string().max(500).nullish(),
  /** Hidden field people never see; bots fill it. */
  website: z.string().max(500).nullish(),
  /** Signed "form opened at" token from the page or GET /api/store/inquiries/form-token. */
  formToken: z.string().max(100).nullish(),
});
export type InquiryInput = z.input<typeof inquiryInputSchema>;
