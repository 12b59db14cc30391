import type { ShopifyOrder } from '../domain/shopify-mapper.js';

/**
 * Shopify Admin REST API, orders endpoint only (backfill): GET /admin/api/<version>/orders.json
 * with status=any, updated_at_min and limit=250, following the `Link: <…>; rel="next"` header
 * (cursor pagination with page_info). Authenticated with X-Shopify-Access-Token. A 429 waits for
 * Retry-After (Shopify's leaky bucket) and tries again. Hand-written over fetch: the official
 * library needs Shopify's whole app runtime for one paged GET.
 */
export const SHOPIFY_API_VERSION = '2024-10';

export function nextLink(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(',')) {
    const m = /<([^>]+)>;\s*rel="?next"?/.exec(part.trim());
    if (m) return m[1]!;
  }
  return null;
}

export async function* shopifyOrders(opts: {
  shopUrl: string;
  accessToken: string;
  updatedAtMin?: string;
  fetchImpl?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}): AsyncGenerator<ShopifyOrder[]> {
  const f = opts.fetchImpl ?? fetch;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const first = new URL(`/admin/api/${SHOPIFY_API_VERSION}/orders.json`, opts.shopUrl);
  first.searchParams.set('status', 'any');
  first.searchParams.set('limit', '250');
  if (opts.updatedAtMin) first.searchParams.set('updated_at_min', opts.updatedAtMin);
  let url: string | null = first.toString();
  for (let tries = 0; url; ) {
    const res: Response = await f(url, { headers: { 'x-shopify-access-token': opts.accessToken, accept: 'application/json' }, signal: AbortSignal.timeout(30_000) });
    if (res.status === 429 && tries < 5) {
      tries++;
      await sleep(Math.ceil(Number(res.headers.get('retry-after') ?? '2') * 1000));
      continue;
    }
    const text = await res.text();
    if (!res.ok) throw new Error(`Shopify orders.json answered ${res.status}: ${text.slice(0, 300)}`);
    tries = 0;
    yield (JSON.parse(text) as { orders: ShopifyOrder[] }).orders ?? [];
    url = nextLink(res.headers.get('link'));
  }
}
