import type { Db } from '../db/database.js';
import type { Actor } from '../auth/principal.js';
import type { Clock } from '../clock/clock.js';
import type { Ids } from '../ids/ids.js';
import { auditLog } from './audit.schema.js';

export interface AuditEntry {
  action: string;
  entityType?: string;
  entityId?: string;
  /** What changed; never secrets (passwords, tokens, TOTP seeds). */
  details?: Record<string, unknown>;
}

/** Written in the same transaction as the change it describes: no change without its record. */
export async function recordAudit(
  tx: Db,
  ctx: { clock: Clock; ids: Ids },
  actor: Actor,
  entry: AuditEntry,
): Promise<void> {
  await tx.insert(auditLog).values({
    id: ctx.ids.make('aud'),
    at: ctx.clock.now(),
    actorType: actor.type,
    actorId: actor.id,
    actorLabel: actor.label,
    ip: actor.ip,
    requestId: actor.requestId,
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    details: entry.details ?? {},
  });
}
