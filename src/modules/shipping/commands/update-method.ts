import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { notFound } from '../../../platform/errors/app-error.js';
import type { AppDeps } from '../../../platform/http/types.js';
import { shippingMethods } from '../db/shipping.schema.js';
import type { Method, MethodInput } from '../domain/schemas.js';
import { checkMethod, codeTaken, isUniqueViolation } from './shared.js';

export async function updateMethod(deps: AppDeps, actor: Actor, id: string, input: MethodInput): Promise<Method> {
  try {
    return await deps.database.transaction(async (tx) => {
      const [before] = await tx.select().from(shippingMethods).where(eq(shippingMethods.id, id)).for('update');
      if (!before) throw notFound('Shipping method', id);
      await checkMethod(tx, input);
      await tx.update(shippingMethods).set({ ...input, updatedAt: deps.clock.now() }).where(eq(shippingMethods.id, id));
      await recordAudit(tx, deps, actor, { action: 'shipping.method_changed', entityType: 'shipping_method', entityId: id, details: { before: { ...before, updatedAt: undefined }, after: input } });
      return { id, ...input };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw codeTaken('shipping method', input.code);
    throw e;
  }
}
