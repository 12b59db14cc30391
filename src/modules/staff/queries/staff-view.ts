import type { StaffRow } from '../db/staff-repo.js';
import type { StaffRole } from '../domain/roles.js';
import type { StaffStatus } from '../domain/staff.js';

/** What the API shows about a staff member: never hashes or secrets. */
export interface StaffView {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  status: StaffStatus;
  locale: string;
  totpEnabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export function staffView(r: StaffRow): StaffView {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role as StaffRole,
    status: r.status as StaffStatus,
    locale: r.locale,
    totpEnabled: !!r.totpEnabledAt,
    lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}
