import { STAFF_ROLES, type StaffRole } from './roles.js';

/** Facts about staff accounts that need no database. */
export const STAFF_STATUSES = ['active', 'invited', 'disabled'] as const;
export type StaffStatus = (typeof STAFF_STATUSES)[number];

export const STAFF_LOCALES = ['en', 'zh-CN'] as const;
export type StaffLocale = (typeof STAFF_LOCALES)[number];

/** Emails are compared and stored trimmed and lower-cased (the local part too, as people expect). */
export function normaliseEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}

export function isStaffRole(s: string): s is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(s);
}

/** Lifetimes of emailed and printed one-time links. */
export const TOKEN_TTL_MS = {
  setup: 3600_000,
  reset: 3600_000,
  invite: 72 * 3600_000,
} as const;
export type StaffTokenPurpose = keyof typeof TOKEN_TTL_MS;

/** Whether a person of `role` must use 2FA under the owner's settings. */
export function mustUse2fa(role: StaffRole, require2faRoles: readonly string[]): boolean {
  return require2faRoles.includes(role);
}

export interface OwnerChange {
  /** Active owners before the change. */
  activeOwners: number;
  target: { role: StaffRole; status: StaffStatus };
  next: { role: StaffRole; status: StaffStatus };
}

/** The last active owner can be neither demoted nor disabled: someone must hold the keys. */
export function removesLastOwner(c: OwnerChange): boolean {
  const wasActiveOwner = c.target.role === 'owner' && c.target.status === 'active';
  const staysActiveOwner = c.next.role === 'owner' && c.next.status === 'active';
  return wasActiveOwner && !staysActiveOwner && c.activeOwners <= 1;
}
