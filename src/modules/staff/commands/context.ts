import type { AppDeps } from '../../../platform/http/types.js';
import type { SessionTimes } from '../../../platform/auth/sessions.js';

/** Where a request came from, as use cases record it (audit, sessions, throttle). */
export interface RequestInfo {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export const sessionTimes = (deps: AppDeps): SessionTimes => ({
  ttlMs: deps.config.sessionTtlMs,
  idleMs: deps.config.sessionIdleMs,
});

export const anonymousActor = (req: RequestInfo, label = 'anonymous') => ({
  type: 'system' as const,
  id: null,
  label,
  ip: req.ip,
  requestId: req.requestId,
});

export const staffActor = (s: { id: string; email: string }, req: RequestInfo) => ({
  type: 'staff' as const,
  id: s.id,
  label: s.email,
  ip: req.ip,
  requestId: req.requestId,
});
