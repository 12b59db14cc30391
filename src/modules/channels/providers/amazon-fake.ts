import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AmazonOrder, AmazonOrderItem } from '../domain/amazon-mapper.js';

/**
 * A local fake of Login with Amazon and SP-API Orders v0 on 127.0.0.1, for tests and the demo.
 * It speaks the wire protocol (form-encoded LWA refresh_token grant, x-amz-access-token,
 * MarketplaceIds / LastUpdatedAfter / LastUpdatedBefore / NextToken, `{payload}` envelopes, 429
 * with x-amzn-RateLimit-Limit, `{errors:[{code,message}]}` bodies) and serves whatever orders
 * and items it is given (tests give it the real example payloads).
 */
export interface FakeSpApiOptions {
  orders: AmazonOrder[];
  items: Record<string, AmazonOrderItem[]>;
  pageSize?: number;
  itemPageSize?: number;
  credentials: { clientId: string; clientSecret: string; refreshToken: string };
}

export interface FakeSpApi {
  url: string;
  requests: { path: string; query: Record<string, string> }[];
  tokenCalls: number;
  /** The next `n` SP-API calls answer 429 with this rate in x-amzn-RateLimit-Limit. */
  throttle(n: number, rate: string): void;
  /** The getOrders call number `k` (1-based, counted from now) fails with a 500. */
  failGetOrdersCall(k: number): void;
  upsert(order: AmazonOrder, items?: AmazonOrderItem[]): void;
  close(): Promise<void>;
}

const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const dec = (s: string) => JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
const err = (code: string, message: string) => JSON.stringify({ errors: [{ code, message, details: '' }] });

export async function startFakeSpApi(opts: FakeSpApiOptions): Promise<FakeSpApi> {
  const orders = new Map(opts.orders.map((o) => [o.AmazonOrderId, o]));
  const items = new Map(Object.entries(opts.items));
  const pageSize = opts.pageSize ?? 100;
  const itemPageSize = opts.itemPageSize ?? 100;
  const tokens = new Set<string>();
  let throttled = 0;
  let throttleRate = '0.0167';
  let failAt = 0;
  let getOrdersCalls = 0;
  const state = { requests: [] as FakeSpApi['requests'], tokenCalls: 0 };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://127.0.0.1');
      const send = (status: number, body: string, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', 'x-amzn-requestid': `fake-${Date.now()}`, ...headers });
        res.end(body);
      };
      if (req.method === 'POST' && u.pathname === '/auth/o2/token') {
        state.tokenCalls++;
        const f = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
        const c = opts.credentials;
        if (f.get('grant_type') !== 'refresh_token' || f.get('refresh_token') !== c.refreshToken || f.get('client_id') !== c.clientId || f.get('client_secret') !== c.clientSecret) {
          return send(400, JSON.stringify({ error: 'invalid_grant', error_description: 'The request has an invalid grant parameter : refresh_token' }));
        }
        const t = `Atza|fake-${Math.random().toString(36).slice(2)}`;
        tokens.add(t);
        return send(200, JSON.stringify({ access_token: t, refresh_token: c.refreshToken, token_type: 'bearer', expires_in: 3600 }));
      }
      const query = Object.fromEntries(u.searchParams.entries());
      state.requests.push({ path: u.pathname, query });
      if (!tokens.has(String(req.headers['x-amz-access-token'] ?? ''))) return send(403, err('Unauthorized', 'Access to requested resource is denied. The access token you provided is invalid'));
      if (throttled > 0) {
        throttled--;
        return send(429, err('QuotaExceeded', 'You exceeded your quota for the requested resource.'), { 'x-amzn-RateLimit-Limit': throttleRate });
      }
      if (req.method !== 'GET') return send(405, err('InvalidInput', 'method'));
      if (u.pathname === '/orders/v0/orders') {
        getOrdersCalls++;
        if (failAt && getOrdersCalls === failAt) {
          failAt = 0;
          return send(500, err('InternalFailure', 'We encountered an internal error. Please try again.'));
        }
        let after: string;
        let before: string;
        let offset = 0;
        if (query.NextToken) {
          try {
            ({ after, before, offset } = dec(query.NextToken));
          } catch {
            return send(400, err('InvalidInput', 'Invalid NextToken'));
          }
        } else {
          if (!query.MarketplaceIds) return send(400, err('InvalidInput', 'Missing required parameter MarketplaceIds'));
          if (!query.LastUpdatedAfter && !query.CreatedAfter) return send(400, err('InvalidInput', 'Exactly one of CreatedAfter and LastUpdatedAfter must be specified'));
          after = query.LastUpdatedAfter ?? query.CreatedAfter!;
          before = query.LastUpdatedBefore ?? new Date(Date.now() - 120_000).toISOString();
        }
        const inWindow = [...orders.values()]
          .filter((o) => {
            const t = Date.parse(o.LastUpdateDate ?? o.PurchaseDate ?? '');
            return t >= Date.parse(after) && t < Date.parse(before);
          })
          .sort((a, b) => Date.parse(a.LastUpdateDate!) - Date.parse(b.LastUpdateDate!) || a.AmazonOrderId.localeCompare(b.AmazonOrderId));
        const page = inWindow.slice(offset, offset + pageSize);
        const more = offset + pageSize < inWindow.length;
        return send(200, JSON.stringify({ payload: { Orders: page, LastUpdatedBefore: before, ...(more ? { NextToken: enc({ after, before, offset: offset + pageSize }) } : {}) } }));
      }
      const m = /^\/orders\/v0\/orders\/([^/]+)(\/orderItems)?$/.exec(u.pathname);
      if (m) {
        const id = decodeURIComponent(m[1]!);
        const o = orders.get(id);
        if (!o) return send(404, err('NotFound', `Order ${id} not found`));
        if (!m[2]) return send(200, JSON.stringify({ payload: o }));
        const all = items.get(id) ?? [];
        const offset = query.NextToken ? Number(dec(query.NextToken).offset) : 0;
        const more = offset + itemPageSize < all.length;
        return send(200, JSON.stringify({ payload: { AmazonOrderId: id, OrderItems: all.slice(offset, offset + itemPageSize), ...(more ? { NextToken: enc({ offset: offset + itemPageSize }) } : {}) } }));
      }
      return send(404, err('NotFound', 'Resource not found'));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    get requests() {
      return state.requests;
    },
    get tokenCalls() {
      return state.tokenCalls;
    },
    throttle(n, rate) {
      throttled = n;
      throttleRate = rate;
    },
    failGetOrdersCall(k) {
      failAt = getOrdersCalls + k;
    },
    upsert(order, its) {
      orders.set(order.AmazonOrderId, order);
      if (its) items.set(order.AmazonOrderId, its);
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  } as FakeSpApi;
}
