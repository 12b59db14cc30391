import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../platform/http/types.js';
import type { ApiKeyPrincipal } from '../../../platform/auth/principal.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { query, sql } from '../../../platform/db/database.js';
import { parseKey } from '../domain/api-key.js';
import { rateLimitHeaders, rateLimitState, WINDOW_MS } from '../domain/rate-limit.js';

interface CountedKey {
  id: string;
  name: string;
  scopes: string[];
  rate_limit_per_hour: number | null;
  window_started_at: Date | string;
  window_count: number;
}

const refused = () =>
  new AppError('unauthenticated', 'The API key is not valid: it is unknown, malformed or revoked.', {
    headers: { 'WWW-Authenticate': 'Bearer realm="tradelane", error="invalid_token"' },
    key: 'system.apikey.refused',
  });

/**
 * `Authorization: Bearer tl_...` → an API-key principal. A bearer token that is not a live key is
 * refused outright (401) rather than falling through to cookies, so a broken integration fails
 * loudly. Authentication, the rate-limit count and last-used time are ONE statement: the row is
 * matched by the keyed hash (revoked keys do not match), and its hourly window is advanced or
 * counted in place, so the budget holds across every server process.
 */
export async function authenticateApiKey(req: FastifyRequest, reply: FastifyReply, deps: AppDeps): Promise<ApiKeyPrincipal | undefined> {
  const header = req.headers.authorization;
  if (!header || !/^bearer\s/i.test(header)) return undefined;
  const token = header.slice(header.indexOf(' ') + 1).trim();
  if (!parseKey(token)) throw refused();

  const now = deps.clock.now();
  const windowFloor = new Date(now.getTime() - WINDOW_MS);
  const [row] = await query<CountedKey>(
    deps.db,
    sql`UPDATE api_keys SET
          window_started_at = CASE WHEN window_started_at IS NULL OR window_started_at <= ${windowFloor.toISOString()}::timestamptz
                                   THEN ${now.toISOString()}::timestamptz ELSE window_started_at END,
          window_count = CASE WHEN window_started_at IS NULL OR window_started_at <= ${windowFloor.toISOString()}::timestamptz
                              THEN 1 ELSE window_count + 1 END,
          last_used_at = ${now.toISOString()}::timestamptz
        WHERE key_hash = ${deps.secrets.hmac(token)} AND revoked_at IS NULL
        RETURNING id, name, scopes, rate_limit_per_hour, window_started_at, window_count`,
  );
  if (!row) throw refused();

  const state = rateLimitState({
    limit: row.rate_limit_per_hour ?? deps.config.apiKeyRateLimitPerHour,
    windowStartedAt: new Date(row.window_started_at),
    count: row.window_count,
    now,
  });
  const headers = rateLimitHeaders(state);
  for (const [k, v] of Object.entries(headers)) reply.header(k, v);
  if (state.exceeded) {
    throw new AppError(
      'rate_limited',
      `This API key has used its ${state.limit} requests for this hour; try again in ${state.resetSeconds} s.`,
      {
        headers: { ...headers, 'Retry-After': String(state.resetSeconds) },
        key: 'system.apikey.rate_limited',
        params: { limit: state.limit, seconds: state.resetSeconds },
      },
    );
  }
  return { kind: 'apikey', keyId: row.id, name: row.name, scopes: parseScopes(row.scopes) };
}

/** node-postgres parses text[] into an array; keep a fallback for a driver returning the literal. */
function parseScopes(v: string[] | string): string[] {
  if (Array.isArray(v)) return v;
  return v.replace(/^\{|\}$/g, '').split(',').filter(Boolean).map((s) => s.replace(/^"|"$/g, ''));
}
