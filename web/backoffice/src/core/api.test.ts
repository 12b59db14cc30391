import { afterEach, describe, expect, test, vi } from 'vitest';
import { api, ApiError, configureApi, itemsOf } from './api.js';

function reply(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('api client', () => {
  test('sends the CSRF token and the UI language on changes, not the token on reads', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return reply(200, { ok: true });
    });
    configureApi({ csrfToken: () => 'csrf-123', locale: () => 'zh-CN' });
    await api.get('/api/admin/audit', { actor: 'a@b.c', cursor: undefined, limit: 50 });
    await api.put('/api/admin/security', { ipAllowlist: [] });
    const get = calls[0]!;
    expect(get.url).toBe('/api/admin/audit?actor=a%40b.c&limit=50');
    expect((get.init.headers as Record<string, string>)['x-csrf-token']).toBeUndefined();
    const put = calls[1]!.init;
    expect((put.headers as Record<string, string>)['x-csrf-token']).toBe('csrf-123');
    expect((put.headers as Record<string, string>)['accept-language']).toBe('zh-CN');
    expect(put.credentials).toBe('same-origin');
    expect(put.body).toBe('{"ipAllowlist":[]}');
  });

  test('turns problem+json into an error with the detail, field errors by field and the wait', async () => {
    vi.stubGlobal('fetch', async () =>
      reply(
        429,
        { status: 429, code: 'rate_limited', detail: 'Too many attempts.', errors: [{ field: 'body.email', message: 'slow down' }], requestId: 'r1' },
        { 'retry-after': '42' },
      ),
    );
    const onAuthProblem = vi.fn();
    configureApi({ onAuthProblem });
    const err = (await api.post('/api/admin/auth/login', {}).catch((e) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.message).toBe('Too many attempts.');
    expect(err.code).toBe('rate_limited');
    expect(err.retryAfter).toBe(42);
    expect(err.fields).toEqual({ email: 'slow down' });
    expect(err.otherFieldErrors(['password'])).toEqual(['email: slow down']);
    expect(onAuthProblem).not.toHaveBeenCalled();
  });

  test('reports a lost session so the app can send the person to sign in', async () => {
    vi.stubGlobal('fetch', async () => reply(401, { status: 401, code: 'unauthenticated', detail: 'Sign in to continue.' }));
    const onAuthProblem = vi.fn();
    configureApi({ onAuthProblem });
    await expect(api.get('/api/admin/staff')).rejects.toThrow('Sign in to continue.');
    expect(onAuthProblem).toHaveBeenCalledTimes(1);
    await expect(api.get('/api/admin/session', undefined, { quiet: true })).rejects.toThrow();
    expect(onAuthProblem).toHaveBeenCalledTimes(1);
  });

  test('a network failure becomes an ApiError with status 0', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const err = (await api.get('/api/admin/jobs').catch((e) => e)) as ApiError;
    expect(err.status).toBe(0);
    expect(err.code).toBe('network');
  });

  test('lists come as {items} or as arrays', () => {
    expect(itemsOf({ items: [1, 2] })).toEqual([1, 2]);
    expect(itemsOf([3])).toEqual([3]);
    expect(itemsOf(undefined)).toEqual([]);
  });
});
