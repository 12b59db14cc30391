import { eq } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { AppError, notFound } from '../../../platform/errors/app-error.js';
import { webhookDeliveries, webhookSubscriptions } from '../db/webhooks.schema.js';
import { DELIVER_JOB } from './publish-event.js';
import { ORDER_EVENTS } from '../domain/signature.js';

export interface SubscriptionView {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  active: boolean;
  createdAt: string;
}

const view = (r: typeof webhookSubscriptions.$inferSelect): SubscriptionView => ({
  id: r.id,
  url: r.url,
  events: r.events,
  description: r.description,
  active: r.active,
  createdAt: r.createdAt.toISOString(),
});

function checkInput(url: string, events: string[], production: boolean) {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new AppError('validation_failed', 'The webhook URL is not a valid absolute URL.', { errors: [{ field: 'url', message: 'must be an absolute http(s) URL' }] });
  }
  if (u.protocol !== 'https:' && (production || u.protocol !== 'http:')) {
    throw new AppError('validation_failed', 'Webhook URLs must use https.', { errors: [{ field: 'url', message: 'must use https' }] });
  }
  const bad = events.filter((e) => !(ORDER_EVENTS as readonly string[]).includes(e));
  if (bad.length || events.length === 0) {
    throw new AppError('validation_failed', `Unknown event(s): ${bad.join(', ') || '(none given)'}. Choose from ${ORDER_EVENTS.join(', ')}.`, {
      errors: [{ field: 'events', message: `must be some of ${ORDER_EVENTS.join(', ')}` }],
    });
  }
}

/** Creates a subscription; the signing secret is shown once, in this reply, and stored encrypted. */
export async function createSubscription(deps: AppDeps, actor: Actor, input: { url: string; events: string[]; description?: string | null }) {
  checkInput(input.url, input.events, deps.config.env === 'production');
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  return deps.database.transaction(async (tx) => {
    const now = deps.clock.now();
    const [row] = await tx
      .insert(webhookSubscriptions)
      .values({ id: deps.ids.make('whs'), url: input.url, events: [...new Set(input.events)], description: input.description ?? null, secretEnc: deps.secrets.encrypt(secret), createdAt: now, updatedAt: now })
      .returning();
    await recordAudit(tx, deps, actor, { action: 'webhook.subscription_created', entityType: 'webhook_subscription', entityId: row!.id, details: { url: input.url, events: input.events } });
    return { ...view(row!), secret };
  });
}

export async function updateSubscription(deps: AppDeps, actor: Actor, id: string, patch: { url?: string; events?: string[]; active?: boolean; description?: string | null }) {
  return deps.database.transaction(async (tx) => {
    const [cur] = await tx.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, id)).for('update');
    if (!cur) throw notFound('Webhook subscription', id);
    checkInput(patch.url ?? cur.url, patch.events ?? cur.events, deps.config.env === 'production');
    const [row] = await tx
      .update(webhookSubscriptions)
      .set({ url: patch.url ?? cur.url, events: patch.events ?? cur.events, active: patch.active ?? cur.active, description: patch.description === undefined ? cur.description : patch.description, updatedAt: deps.clock.now() })
      .where(eq(webhookSubscriptions.id, id))
      .returning();
    await recordAudit(tx, deps, actor, { action: 'webhook.subscription_updated', entityType: 'webhook_subscription', entityId: id, details: patch });
    return view(row!);
  });
}

export async function deleteSubscription(deps: AppDeps, actor: Actor, id: string) {
  await deps.database.transaction(async (tx) => {
    const gone = await tx.delete(webhookSubscriptions).where(eq(webhookSubscriptions.id, id)).returning({ id: webhookSubscriptions.id });
    if (!gone.length) throw notFound('Webhook subscription', id);
    await recordAudit(tx, deps, actor, { action: 'webhook.subscription_deleted', entityType: 'webhook_subscription', entityId: id });
  });
}

export async function listSubscriptions(deps: AppDeps): Promise<SubscriptionView[]> {
  const rows = await deps.db.select().from(webhookSubscriptions).orderBy(webhookSubscriptions.createdAt);
  return rows.map(view);
}

/** Sends a logged delivery again (same event id, so receivers still dedupe). */
export async function redeliver(deps: AppDeps, actor: Actor, deliveryId: string) {
  return deps.database.transaction(async (tx) => {
    const [d] = await tx.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId)).for('update');
    if (!d) throw notFound('Webhook delivery', deliveryId);
    await tx.update(webhookDeliveries).set({ status: 'pending', lastError: null }).where(eq(webhookDeliveries.id, deliveryId));
    await deps.jobs.enqueue(tx, DELIVER_JOB, { deliveryId, manual: true });
    await recordAudit(tx, deps, actor, { action: 'webhook.redelivered', entityType: 'webhook_delivery', entityId: deliveryId });
    return { id: deliveryId, status: 'pending' as const };
  });
}
