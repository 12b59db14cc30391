import { recordAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/principal.js';
import type { AppDeps } from '../../../platform/http/types.js';
import { shippingMethods } from '../db/shipping.schema.js';
import type { Method, MethodInput } from '../domain/schemas.js';
import { checkMethod, codeTaken, isUniqueViolation } from './shared.js';

export async function createMethod(deps: AppDeps, actor: Actor, input: MethodInput): Promise<Method> {
  try {
    return await deps.database.transaction(async (tx) => {
      await checkMethod(tx, input);
      const id = deps.ids.make('shm');
      await tx.insert(shippingMethods).values({ id, ...input, updatedAt: deps.clock.now() });
      await recordAudit(tx, deps, actor, { action: 'shipping.method_created', entityType: 'shipping_method', entityId: id, details: input });
      return { id, ...input };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw codeTaken('shipping method', input.code);
    throw e;
  }
}
