import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { notFound } from '../../../platform/errors/app-error.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { apiKeys } from '../db/system.schema.js';
import { displayPrefix } from '../domain/api-key.js';

/** Revokes a key at once (the next request with it is refused). Revoking twice is a no-op. */
export async function revokeApiKey(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  await deps.database.transaction(async (tx) => {
    const [row] = await tx.select().from(apiKeys).where(eq(apiKeys.id, id)).for('update');
    if (!row) throw notFound('API key', id);
    if (row.revokedAt) return;
    await tx.update(apiKeys).set({ revokedAt: deps.clock.now() }).where(eq(apiKeys.id, id));
    await recordAudit(tx, deps, actor, {
      action: 'apikey.revoked',
      entityType: 'api_key',
      entityId: id,
      details: { name: row.name, prefix: displayPrefix(row.publicId) },
    });
  });
}
