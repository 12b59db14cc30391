/**
 * The admin API client: same-origin fetch with the session cookie, the session's CSRF token on
 * every change, and problem+json replies turned into ApiError (detail for the person, field errors
 * keyed by field name so forms can show them next to the field).
 */

export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: FieldError[];
  requestId?: string;
  [extra: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: Problem;
  /** field name → message; body/query prefixes are dropped ("body.email" → "email"). */
  readonly fields: Record<string, string>;
  /** Seconds to wait, from Retry-After on 429/503. */
  readonly retryAfter: number | undefined;

  constructor(problem: Problem, retryAfter?: number) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code ?? `http_${problem.status}`;
    this.problem = problem;
    this.retryAfter = retryAfter;
    this.fields = {};
    for (const e of problem.errors ?? []) {
      const field = normalizeField(e.field);
      if (!(field in this.fields)) this.fields[field] = e.message;
    }
  }

  /** Field errors whose field is not in `known`: shown with the form-level message. */
  otherFieldErrors(known: readonly string[]): string[] {
    return Object.entries(this.fields)
      .filter(([f]) => !known.some((k) => f === k || f.startsWith(`${k}.`)))
      .map(([f, m]) => (f ? `${f}: ${m}` : m));
  }
}

export function normalizeField(field: string): string {
  return field.replace(/^(body|query|params|querystring)\.?/, '');
}

export type Query = Record<string, string | number | boolean | null | undefined>;

interface Hooks {
  csrfToken: () => string | undefined;
  locale: () => string;
  /** Called when a request that needed a session got 401/ mfa_required / must-enrol replies. */
  onAuthProblem: (e: ApiError) => void;
}

let hooks: Hooks = {
  csrfToken: () => undefined,
  locale: () => 'en',
  onAuthProblem: () => undefined,
};

export function configureApi(h: Partial<Hooks>): void {
  hooks = { ...hooks, ...h };
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  }
  const s = qs.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Don't report auth problems to the session (login screens expect 401s). */
  quiet?: boolean;
  signal?: AbortSignal;
}

async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json, application/problem+json',
    'accept-language': hooks.locale(),
  };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') {
    const token = hooks.csrfToken();
    if (token) headers['x-csrf-token'] = token;
  }
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError({ status: 0, code: 'network', detail: '' });
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  const data: unknown = type.includes('json') ? await res.json().catch(() => undefined) : await res.text();
  if (res.ok) return data as T;

  const problem: Problem =
    data && typeof data === 'object' && 'status' in (data as object)
      ? (data as Problem)
      : { status: res.status, detail: typeof data === 'string' ? data.slice(0, 300) : undefined };
  const retry = Number(res.headers.get('retry-after'));
  const err = new ApiError(problem, Number.isFinite(retry) && retry > 0 ? retry : undefined);
  if (!opts.quiet && isAuthProblem(err)) hooks.onAuthProblem(err);
  throw err;
}

export function isAuthProblem(e: ApiError): boolean {
  return e.status === 401 || e.code === 'mfa_required' || (e.status === 403 && e.problem.mustEnrollMfa === true);
}

export const api = {
  get: <T>(path: string, query?: Query, opts?: Omit<RequestOptions, 'query' | 'body'>) =>
    request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) =>
    request<T>('POST', path, { ...opts, body: body ?? {} }),
  put: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) =>
    request<T>('PUT', path, { ...opts, body: body ?? {} }),
  patch: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) =>
    request<T>('PATCH', path, { ...opts, body: body ?? {} }),
  del: <T = void>(path: string, opts?: Omit<RequestOptions, 'body'>) => request<T>('DELETE', path, opts),
};

/** Lists come as `{items}` (paged) or, for small collections, as a bare array. */
export function itemsOf<T>(res: T[] | { items: T[] } | undefined | null): T[] {
  if (!res) return [];
  return Array.isArray(res) ? res : (res.items ?? []);
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
