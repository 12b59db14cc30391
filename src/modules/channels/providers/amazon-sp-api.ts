import type { AmazonOrder, AmazonOrderItem } from '../domain/amazon-mapper.js';

/**
 * Amazon Selling Partner API client for Orders v0, on plain fetch: Login with Amazon access
 * token from a refresh token (`POST /auth/o2/token`), sent as `x-amz-access-token`; getOrders
 * with NextToken pages, getOrder and getOrderItems (also paged). A 429 is honoured: the wait is
 * 1 / x-amzn-RateLimit-Limit seconds (the operation's sustained rate), retried in place when short,
 * otherwise surfaced as AmazonRateLimited so the poller can park until then.
 * Hand-written over fetch: Amazon's official SDKs for Node are generated clients without the
 * LWA flow, and the flow is a single form POST. Both hosts are configurable (sandbox, region,
 * local fake in tests).
 */
export interface AmazonCredentials {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

export interface AmazonClientOptions {
  /** SP-API endpoint, e.g. https://sellingpartnerapi-na.amazon.com */
  baseUrl: string;
  /** LWA endpoint, default https://api.amazon.com/auth/o2/token */
  tokenUrl?: string;
  credentials: AmazonCredentials;
  /** Cached token from an earlier run. */
  accessToken?: { token: string; expiresAt: Date } | null;
  onToken?: (t: { token: string; expiresAt: Date }) => Promise<void> | void;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** Longest 429 wait done in place (longer ones throw AmazonRateLimited). */
  maxInlineWaitMs?: number;
  fetchImpl?: typeof fetch;
}

export class AmazonRateLimited extends Error {
  constructor(readonly retryAfterMs: number, readonly operation: string) {
    super(`Amazon SP-API throttled ${operation}; retry in ${Math.ceil(retryAfterMs / 1000)} s`);
  }
}

export class AmazonApiError extends Error {
  constructor(readonly status: number, readonly body: string, readonly operation: string) {
    super(`Amazon SP-API ${operation} answered ${status}: ${body.slice(0, 300)}`);
  }
}

export interface GetOrdersPage {
  orders: AmazonOrder[];
  nextToken: string | null;
  lastUpdatedBefore: string | null;
}

/** Wait for a 429 from the operation's rate (requests per second) in the header. */
export function backoffMs(rateHeader: string | null | undefined, fallbackMs = 60_000): number {
  const rate = rateHeader ? Number(rateHeader) : NaN;
  if (!Number.isFinite(rate) || rate <= 0) return fallbackMs;
  return Math.ceil(1000 / rate);
}

export function createAmazonClient(opts: AmazonClientOptions) {
  const f = opts.fetchImpl ?? fetch;
  const now = opts.now ?? (() => new Date());
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const maxInline = opts.maxInlineWaitMs ?? 5_000;
  const tokenUrl = opts.tokenUrl ?? 'https://api.amazon.com/auth/o2/token';
  let token = opts.accessToken ?? null;

  async function accessToken(): Promise<string> {
    if (token && token.expiresAt.getTime() - 60_000 > now().getTime()) return token.token;
    const res = await f(tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: opts.credentials.refreshToken,
        client_id: opts.credentials.clientId,
        client_secret: opts.credentials.clientSecret,
      }).toString(),
      signal: AbortSignal.timeout(20_000),
    });
    const text = await res.text();
    if (!res.ok) throw new AmazonApiError(res.status, text, 'LWA token');
    const body = JSON.parse(text) as { access_token: string; expires_in: number };
    token = { token: body.access_token, expiresAt: new Date(now().getTime() + body.expires_in * 1000) };
    await opts.onToken?.(token);
    return token.token;
  }

  async function call<T>(operation: string, path: string, params: Record<string, string | string[] | undefined>): Promise<T> {
    const url = new URL(path, opts.baseUrl);
    for (const [k, v] of Object.entries(params)) {
      if (v === undefined) continue;
      url.searchParams.set(k, Array.isArray(v) ? v.join(',') : v);
    }
    for (let attempt = 0; ; attempt++) {
      const res = await f(url, {
        headers: { 'x-amz-access-token': await accessToken(), accept: 'application/json', 'user-agent': 'Tradelane/0.1 (Language=JavaScript)' },
        signal: AbortSignal.timeout(30_000),
      });
      const text = await res.text();
      if (res.status === 429) {
        const wait = backoffMs(res.headers.get('x-amzn-ratelimit-limit'));
        if (wait > maxInline || attempt >= 3) throw new AmazonRateLimited(wait, operation);
        await sleep(wait);
        continue;
      }
      if (res.status === 403 && attempt === 0 && /token/i.test(text)) {
        token = null; // expired or revoked access token: fetch a new one once
        continue;
      }
      if (!res.ok) throw new AmazonApiError(res.status, text, operation);
      return (JSON.parse(text) as { payload: T }).payload;
    }
  }

  return {
    async getOrders(q: { marketplaceIds: string[]; lastUpdatedAfter?: string; lastUpdatedBefore?: string; nextToken?: string | null }): Promise<GetOrdersPage> {
      const p = await call<{ Orders?: AmazonOrder[]; NextToken?: string; LastUpdatedBefore?: string; CreatedBefore?: string }>('getOrders', '/orders/v0/orders', {
        MarketplaceIds: q.marketplaceIds,
        // With a NextToken, Amazon ignores the other filters; they are sent anyway as it expects.
        LastUpdatedAfter: q.lastUpdatedAfter,
        LastUpdatedBefore: q.lastUpdatedBefore,
        NextToken: q.nextToken ?? undefined,
        MaxResultsPerPage: '100',
      });
      return { orders: p.Orders ?? [], nextToken: p.NextToken ?? null, lastUpdatedBefore: p.LastUpdatedBefore ?? p.CreatedBefore ?? null };
    },
    async getOrder(orderId: string): Promise<AmazonOrder> {
      return call<AmazonOrder>('getOrder', `/orders/v0/orders/${encodeURIComponent(orderId)}`, {});
    },
    async getOrderItems(orderId: string): Promise<AmazonOrderItem[]> {
      const items: AmazonOrderItem[] = [];
      let next: string | undefined;
      do {
        const p = await call<{ OrderItems: AmazonOrderItem[]; NextToken?: string }>('getOrderItems', `/orders/v0/orders/${encodeURIComponent(orderId)}/orderItems`, { NextToken: next });
        items.push(...(p.OrderItems ?? []));
        next = p.NextToken;
      } while (next);
      return items;
    },
  };
}

export type AmazonClient = ReturnType<typeof createAmazonClient>;
