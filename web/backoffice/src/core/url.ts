/** Pure URL helpers of the router (no window), so they can be tested in Node. */

export type Params = Record<string, string>;

/** '/staff/:id' against '/staff/stf_1' → { id: 'stf_1' }; null when it does not match. */
export function matchPath(pattern: string, path: string): Params | null {
  const p = pattern.split('/').filter(Boolean);
  const s = path.split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const params: Params = {};
  for (let i = 0; i < p.length; i++) {
    const seg = p[i]!;
    if (seg.startsWith(':')) {
      try {
        params[seg.slice(1)] = decodeURIComponent(s[i]!);
      } catch {
        return null; // a malformed escape is no match rather than a crash
      }
    } else if (seg !== s[i]) return null;
  }
  return params;
}

/** Only paths inside the app are followed after sign-in (no open redirect). */
export function safeNext(next: string | null | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}
