import { asc } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import { staffUsers } from '../db/staff.schema.js';
import { staffView, type StaffView } from './staff-view.js';

export async function listStaff(deps: AppDeps): Promise<StaffView[]> {
  const rows = await deps.db.select().from(staffUsers).orderBy(asc(staffUsers.createdAt), asc(staffUsers.id));
  return rows.map(staffView);
}
