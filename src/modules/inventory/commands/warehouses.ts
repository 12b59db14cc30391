import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { AppError, notFound } from '../../../platform/errors/app-error.js';
import { inventoryWarehouses } from '../db/inventory.schema.js';

export interface WarehouseInput {
  code: string;
  name: string;
  countryCode: string;
  priority?: number;
  active?: boolean;
}

export type Warehouse = typeof inventoryWarehouses.$inferSelect;

export async function createWarehouse(deps: Pick<AppDeps, 'database' | 'ids' | 'clock'>, actor: Actor, input: WarehouseInput): Promise<Warehouse> {
  return deps.database.transaction(async (tx) => {
    const now = deps.clock.now();
    const [row] = await tx
      .insert(inventoryWarehouses)
      .values({
        id: deps.ids.make('wh'),
        code: input.code,
        name: input.name,
        countryCode: input.countryCode.toUpperCase(),
        priority: input.priority ?? 100,
        active: input.active ?? true,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      throw new AppError('conflict', `A warehouse with code ${input.code} already exists. Choose another code.`, {
        errors: [{ field: 'body.code', message: 'is already used by another warehouse' }],
      });
    }
    await recordAudit(tx, deps, actor, { action: 'inventory.warehouse_created', entityType: 'warehouse', entityId: row.id, details: { ...input } });
    return row;
  });
}

export async function updateWarehouse(
  deps: Pick<AppDeps, 'database' | 'ids' | 'clock'>,
  actor: Actor,
  id: string,
  patch: Partial<Omit<WarehouseInput, 'code'>>,
): Promise<Warehouse> {
  return deps.database.transaction(async (tx) => {
    const [row] = await tx
      .update(inventoryWarehouses)
      .set({ ...patch, ...(patch.countryCode ? { countryCode: patch.countryCode.toUpperCase() } : {}), updatedAt: deps.clock.now() })
      .where(eq(inventoryWarehouses.id, id))
      .returning();
    if (!row) throw notFound('Warehouse', id);
    await recordAudit(tx, deps, actor, { action: 'inventory.warehouse_updated', entityType: 'warehouse', entityId: id, details: { ...patch } });
    return row;
  });
}
