/**
 * A cookie jar over fetch, calling the server as the SPA or a script would: it keeps the session
 * cookies, sends the CSRF token the last JSON answer gave (`csrfToken`) on every change, and
 * returns status, parsed JSON and text.
 */
export function apiClient(baseUrl: () => string) {
  const jar = new Map<string, string>();
  let csrf = '';
  const call = async (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(baseUrl() + url, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), ...(csrf && method !== 'GET' ? { 'x-csrf-token': csrf } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [kv] = c.split(';');
      const i = kv!.indexOf('=');
      jar.set(kv!.slice(0, i), kv!.slice(i + 1));
    }
    const text = await res.text();
    const json = text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null;
    if (json?.csrfToken) csrf = json.csrfToken;
    return { status: res.status, json, text };
  };
  return { call };
}
