import { z } from 'zod';
import { STAFF_ROLES } from '../domain/roles.js';
import { STAFF_LOCALES, STAFF_STATUSES } from '../domain/staff.js';

/** Zod shapes shared by the staff routes (they also make the OpenAPI description). */
export const roleSchema = z.enum(STAFF_ROLES);
export const localeSchema = z.enum(STAFF_LOCALES);
/** Any text up to a sane size: the policy (length, common list) answers with its own message. */
export const passwordSchema = z.string().min(1).max(1000);
export const tokenSchema = z.string().min(1).max(200);
export const emailSchema = z.email().max(320);

export const staffItemSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  status: z.enum(STAFF_STATUSES),
  totpEnabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});

export const loginReplySchema = z.object({
  mfaRequired: z.boolean(),
  mustEnrollMfa: z.boolean(),
  csrfToken: z.string(),
});

export const sessionReplySchema = z.object({
  staff: z.object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    locale: z.string(),
    totpEnabled: z.boolean(),
  }),
  mfaPassed: z.boolean(),
  mustEnrollMfa: z.boolean(),
  csrfToken: z.string(),
  permissions: z.array(z.string()),
});

export const recoveryCodesReplySchema = z.object({ recoveryCodes: z.array(z.string()) });
