import { recordAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/principal.js';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Db } from '../../../platform/db/database.js';
import { shippingMethods } from '../db/shipping.schema.js';
import type { Method, MethodInput } from '../domain/schemas.js';
import { checkMethod, codeTaken, isUniqueViolation } from './shared.js';

/** Runs inside the caller's transaction; a savepoint keeps a duplicate code a clean 409. */
export async function createMethod(outer: Db, deps: AppDeps, actor: Actor, input: MethodInput): Promise<Method> {
  try {
    return await outer.transaction(async (tx) => {
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
