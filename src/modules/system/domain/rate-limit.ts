/**
 * Fixed one-hour windows per key: the window starts with the first request after the previous
 * one ended. The counter itself is kept in the database (one UPDATE per request); this turns
 * the counted row into what the client is told.
 */
export const WINDOW_MS = 3600_000;

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Seconds until the window ends and the budget is full again (at least 1). */
  resetSeconds: number;
  exceeded: boolean;
}

export function rateLimitState(input: { limit: number; windowStartedAt: Date; count: number; now: Date }): RateLimitState {
  const endsAt = input.windowStartedAt.getTime() + WINDOW_MS;
  const resetSeconds = Math.max(1, Math.ceil((endsAt - input.now.getTime()) / 1000));
  return {
    limit: input.limit,
    remaining: Math.max(0, input.limit - input.count),
    resetSeconds,
    exceeded: input.count > input.limit,
  };
}

export function rateLimitHeaders(s: RateLimitState): Record<string, string> {
  return {
    'RateLimit-Limit': String(s.limit),
    'RateLimit-Remaining': String(s.remaining),
    'RateLimit-Reset': String(s.resetSeconds),
  };
}
