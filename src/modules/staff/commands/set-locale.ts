import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import type { StaffPrincipal } from '../../../platform/auth/principal.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { staffUsers } from '../db/staff.schema.js';
import type { StaffLocale } from '../domain/staff.js';
import { staffActor, type RequestInfo } from './context.js';

/** The language of one's back office and of the emails one receives. */
export async function setLocale(deps: AppDeps, me: StaffPrincipal, locale: StaffLocale, req: RequestInfo) {
  await deps.database.transaction(async (tx) => {
    if (me.locale === locale) return;
    await tx.update(staffUsers).set({ locale, updatedAt: deps.clock.now() }).where(eq(staffUsers.id, me.staffId));
    await recordAudit(tx, deps, staffActor({ id: me.staffId, email: me.email }, req), {
      action: 'staff.locale_changed',
      entityType: 'staff',
      entityId: me.staffId,
      details: { from: me.locale, to: locale },
    });
  });
}
