import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { notFound } from '../../../platform/errors/app-error.js';
import type { AppDeps } from '../../../platform/http/types.js';
import { shippingMethods } from '../db/shipping.schema.js';

/** Placed orders keep their frozen shipping lines; the method only disappears from new quotes. */
export async function deleteMethod(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  await deps.database.transaction(async (tx) => {
    const [row] = await tx.delete(shippingMethods).where(eq(shippingMethods.id, id)).returning();
    if (!row) throw notFound('Shipping method', id);
    await recordAudit(tx, deps, actor, { action: 'shipping.method_deleted', entityType: 'shipping_method', entityId: id, details: { code: row.code } });
  });
}
