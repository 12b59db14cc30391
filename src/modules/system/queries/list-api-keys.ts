import { desc } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import { apiKeys } from '../db/system.schema.js';
import { displayPrefix } from '../domain/api-key.js';

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  /** The limit in force: the key's own, or the installation default. */
  rateLimitPerHour: number;
  createdAt: string;
  createdBy: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export function toApiKeyView(row: typeof apiKeys.$inferSelect, defaultLimit: number): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: displayPrefix(row.publicId),
    scopes: row.scopes,
    rateLimitPerHour: row.rateLimitPerHour ?? defaultLimit,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export async function listApiKeys(deps: AppDeps): Promise<ApiKeyView[]> {
  const rows = await deps.db.select().from(apiKeys).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  return rows.map((r) => toApiKeyView(r, deps.config.apiKeyRateLimitPerHour));
}
