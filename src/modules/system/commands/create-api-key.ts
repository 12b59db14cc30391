import { randomBytes } from 'node:crypto';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { apiKeys } from '../db/system.schema.js';
import { displayPrefix, formatKey, publicIdFrom, SECRET_BYTES, validateApiKeyDraft, type ApiKeyDraft } from '../domain/api-key.js';
import { toApiKeyView, type ApiKeyView } from '../queries/list-api-keys.js';

export interface CreatedApiKey {
  /** The whole key: shown once, never stored. */
  key: string;
  apiKey: ApiKeyView;
}

/** Creates an API key for an integration; the caller shows `key` once. */
export async function createApiKey(deps: AppDeps, actor: Actor, input: ApiKeyDraft): Promise<CreatedApiKey> {
  const checked = validateApiKeyDraft(input);
  if (!checked.ok) {
    const first = checked.errors[0]!;
    throw new AppError('validation_failed', `${first.field}: ${first.message}`, {
      errors: checked.errors,
    });
  }
  const { name, scopes, rateLimitPerHour } = checked.value;
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  return deps.database.transaction(async (tx) => {
    // The public id is short, so a collision is possible if rare: draw again rather than fail.
    for (let attempt = 0; ; attempt++) {
      const publicId = publicIdFrom(randomBytes(8));
      const key = formatKey(publicId, secret);
      const now = deps.clock.now();
      const rows = await tx
        .insert(apiKeys)
        .values({
          id: deps.ids.make('key'),
          name,
          publicId,
          keyHash: deps.secrets.hmac(key),
          scopes,
          rateLimitPerHour,
          createdAt: now,
          createdBy: actor.label,
        })
        .onConflictDoNothing()
        .returning();
      const row = rows[0];
      if (!row) {
        if (attempt < 5) continue;
        throw new Error('Could not draw a unique API key id');
      }
      await recordAudit(tx, deps, actor, {
        action: 'apikey.created',
        entityType: 'api_key',
        entityId: row.id,
        details: { name, prefix: displayPrefix(publicId), scopes, rateLimitPerHour },
      });
      return { key, apiKey: toApiKeyView(row, deps.config.apiKeyRateLimitPerHour) };
    }
  });
}
