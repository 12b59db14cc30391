import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { AppError, notFound } from '../../../platform/errors/app-error.js';
import { channels } from '../db/channels.schema.js';
import type { ChannelKind } from '../domain/unified-order.js';

export interface ChannelView {
  id: string;
  kind: string;
  name: string;
  baseUrl: string | null;
  settings: Record<string, unknown>;
  enabled: boolean;
  /** Which credential fields are set (never their values). */
  credentialsSet: string[];
  createdAt: string;
}

/** Credentials per kind (stored encrypted, never returned). */
export const CREDENTIAL_FIELDS: Record<ChannelKind, string[]> = {
  amazon: ['clientId', 'clientSecret', 'refreshToken'],
  shopify: ['webhookSecret', 'previousWebhookSecret', 'adminAccessToken'],
  alibaba: ['appKey', 'appSecret', 'accessToken'],
  erp: [],
  storefront: [],
};

export function channelView(r: typeof channels.$inferSelect, decrypt: (s: string) => string): ChannelView {
  const creds = r.credentialsEnc ? (JSON.parse(decrypt(r.credentialsEnc)) as Record<string, string>) : {};
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    baseUrl: r.baseUrl,
    settings: r.settings,
    enabled: r.enabled,
    credentialsSet: Object.keys(creds).filter((k) => creds[k]),
    createdAt: r.createdAt.toISOString(),
  };
}

export function readCredentials(deps: Pick<AppDeps, 'secrets'>, r: Pick<typeof channels.$inferSelect, 'credentialsEnc'>): Record<string, string> {
  return r.credentialsEnc ? (JSON.parse(deps.secrets.decrypt(r.credentialsEnc)) as Record<string, string>) : {};
}

function checkCredentials(kind: ChannelKind, creds: Record<string, string | null>) {
  const allowed = CREDENTIAL_FIELDS[kind];
  const bad = Object.keys(creds).filter((k) => !allowed.includes(k));
  if (bad.length) {
    throw new AppError('validation_failed', `Unknown credential field(s) for a ${kind} channel: ${bad.join(', ')}. Allowed: ${allowed.join(', ') || 'none'}.`, {
      errors: bad.map((b) => ({ field: `credentials.${b}`, message: `not a ${kind} credential` })),
    });
  }
}

export async function createChannel(
  deps: AppDeps,
  actor: Actor,
  input: { kind: ChannelKind; name: string; baseUrl?: string | null; settings?: Record<string, unknown>; credentials?: Record<string, string | null> },
): Promise<ChannelView> {
  checkCredentials(input.kind, input.credentials ?? {});
  const creds = Object.fromEntries(Object.entries(input.credentials ?? {}).filter(([, v]) => v));
  return deps.database.transaction(async (tx) => {
    const now = deps.clock.now();
    const [dupe] = await tx.select({ id: channels.id }).from(channels).where(eq(channels.name, input.name));
    if (dupe) throw new AppError('conflict', `A channel named "${input.name}" already exists.`, { errors: [{ field: 'name', message: 'is taken' }] });
    const [row] = await tx
      .insert(channels)
      .values({
        id: deps.ids.make('chn'),
        kind: input.kind,
        name: input.name,
        baseUrl: input.baseUrl ?? null,
        settings: input.settings ?? {},
        credentialsEnc: Object.keys(creds).length ? deps.secrets.encrypt(JSON.stringify(creds)) : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordAudit(tx, deps, actor, { action: 'channel.created', entityType: 'channel', entityId: row!.id, details: { kind: input.kind, name: input.name, baseUrl: input.baseUrl ?? null, credentials: Object.keys(creds) } });
    return channelView(row!, deps.secrets.decrypt);
  });
}

/** Changes settings; a credential given as null is removed, one left out is kept. */
export async function updateChannel(
  deps: AppDeps,
  actor: Actor,
  id: string,
  patch: { name?: string; baseUrl?: string | null; settings?: Record<string, unknown>; credentials?: Record<string, string | null>; enabled?: boolean },
): Promise<ChannelView> {
  return deps.database.transaction(async (tx) => {
    const [cur] = await tx.select().from(channels).where(eq(channels.id, id)).for('update');
    if (!cur) throw notFound('Channel', id);
    checkCredentials(cur.kind as ChannelKind, patch.credentials ?? {});
    const creds = { ...readCredentials(deps, cur) };
    for (const [k, v] of Object.entries(patch.credentials ?? {})) {
      if (v) creds[k] = v;
      else delete creds[k];
    }
    const [row] = await tx
      .update(channels)
      .set({
        name: patch.name ?? cur.name,
        baseUrl: patch.baseUrl === undefined ? cur.baseUrl : patch.baseUrl,
        settings: patch.settings ?? cur.settings,
        enabled: patch.enabled ?? cur.enabled,
        credentialsEnc: Object.keys(creds).length ? deps.secrets.encrypt(JSON.stringify(creds)) : null,
        updatedAt: deps.clock.now(),
      })
      .where(eq(channels.id, id))
      .returning();
    await recordAudit(tx, deps, actor, {
      action: 'channel.updated',
      entityType: 'channel',
      entityId: id,
      details: { name: patch.name, baseUrl: patch.baseUrl, settings: patch.settings, enabled: patch.enabled, credentialsChanged: Object.keys(patch.credentials ?? {}) },
    });
    return channelView(row!, deps.secrets.decrypt);
  });
}

export async function listChannels(deps: AppDeps): Promise<ChannelView[]> {
  const rows = await deps.db.select().from(channels).orderBy(channels.createdAt);
  return rows.map((r) => channelView(r, deps.secrets.decrypt));
}
