/**
 * Staff roles and what each may do. Permissions are also the vocabulary of API-key scopes
 * (`orders:read`), so an integration key is granted exactly the verbs a person would be.
 * Checked on the server for every admin route (platform/http/access.ts).
 */
export const STAFF_ROLES = ['owner', 'sales', 'finance', 'warehouse', 'purchasing'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const PERMISSIONS = [
  'staff:read',
  'staff:write',
  'audit:read',
  'apikeys:manage',
  'security:manage',
  'jobs:read',
  'jobs:manage',
  'outbox:read',
  'settings:write',
  'catalog:read',
  'catalog:write',
  'inquiries:read',
  'inquiries:write',
  'customers:read',
  'customers:write',
  'customers:kyc',
  'pricing:read',
  'pricing:write',
  'fx:write',
  'orders:read',
  'orders:write',
  'orders:approve',
  'inventory:read',
  'inventory:write',
  'shipping:write',
  'tax:write',
  'payments:read',
  'payments:write',
  'payments:approve',
  'channels:manage',
  'rules:manage',
  'purchasing:read',
  'webhooks:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ALL = PERMISSIONS;
const READ_COMMON: Permission[] = ['catalog:read', 'customers:read', 'orders:read', 'inventory:read', 'pricing:read', 'inquiries:read'];

export const ROLE_PERMISSIONS: Record<StaffRole, readonly Permission[]> = {
  owner: ALL,
  sales: [
    ...READ_COMMON,
    'catalog:write',
    'inquiries:write',
    'customers:write',
    'customers:kyc',
    'pricing:write',
    'orders:write',
    'orders:approve',
    'payments:read',
    'outbox:read',
  ],
  finance: [
    ...READ_COMMON,
    'customers:write',
    'customers:kyc',
    'fx:write',
    'tax:write',
    'payments:read',
    'payments:write',
    'payments:approve',
    'orders:approve',
    'outbox:read',
  ],
  warehouse: [...READ_COMMON, 'inventory:write', 'shipping:write', 'orders:write'],
  purchasing: [...READ_COMMON, 'inventory:write', 'purchasing:read'],
};

export function roleHas(role: StaffRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** An API key's scopes: explicit permissions, or `*` for all. */
export function scopesHave(scopes: readonly string[], permission: Permission): boolean {
  return scopes.includes('*') || scopes.includes(permission);
}

export function isPermission(s: string): s is Permission {
  return (PERMISSIONS as readonly string[]).includes(s);
}
