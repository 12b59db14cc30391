import { eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/auth/principal.js';
import type { AppDeps } from '../../../platform/http/types.js';
import { AppError, notFound } from '../../../platform/errors/app-error.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { orders } from '../db/orders.schema.js';
import { addOrderEvent } from '../db/orders-repo.js';

/**
 * An internal note on an order (staff only, never shown to the buyer): kept on the order's
 * timeline as a `note` event with who wrote it, and audited.
 */
export async function addOrderNoteTx(tx: Db, deps: Pick<AppDeps, 'ids' | 'clock'>, actor: Actor, orderId: string, text: string): Promise<{ id: string; at: string }> {
  const note = text.trim();
  if (!note) throw new AppError('validation_failed', 'Write the note first.', { errors: [{ field: 'body.text', message: 'is empty' }] });
  if (note.length > 4000) throw new AppError('validation_failed', 'Keep a note under 4,000 characters.', { errors: [{ field: 'body.text', message: 'is longer than 4,000 characters' }] });
  const [o] = await tx.select({ id: orders.id }).from(orders).where(eq(orders.id, orderId)).for('update');
  if (!o) throw notFound('Order', orderId);
  const now = deps.clock.now();
  await addOrderEvent(tx, { ids: deps.ids, now, actor }, { orderId, type: 'note', message: note });
  await recordAudit(tx, deps, actor, { action: 'order.note_added', entityType: 'order', entityId: orderId, details: { length: note.length } });
  return { id: orderId, at: now.toISOString() };
}
