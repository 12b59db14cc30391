/**
 * Job payloads and outputs are shown to staff on the jobs page; a handler may have been given a
 * token or a password (a webhook secret, a reset link). Values under names that look secret are
 * replaced, at any depth, before anything leaves the server.
 */
const SECRET_NAME = /pass(word)?|secret|token|api[-_]?key|authorization|cookie|otp|totp|credential|private[-_]?key|signature|^key$|hash$/i;
export const REDACTED = '[redacted]';

export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > 20) return REDACTED;
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k] = SECRET_NAME.test(k) && v !== null && v !== undefined ? REDACTED : redactSecrets(v, depth + 1);
    }
    return out;
  }
  if (typeof value === 'string') return redactKeyLike(value);
  return value;
}

/** A Tradelane API key or a bearer token inside free text (an error message) is masked too. */
function redactKeyLike(s: string): string {
  return s.replace(/tl_[a-z0-9]{8}_[A-Za-z0-9_-]{20,}/g, (m) => `${m.slice(0, 11)}_${REDACTED}`).replace(/(Bearer\s+)[A-Za-z0-9._~+/=-]{12,}/gi, `$1${REDACTED}`);
}
