import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Shopify webhook verification: `X-Shopify-Hmac-Sha256` is base64(HMAC-SHA256(raw body, app
 * secret)). Computed over the raw bytes as received (a re-serialised JSON body differs), compared
 * in constant time. During a secret rotation both the new and the old secret are accepted.
 * Hand-written: it is four lines of node:crypto, and the official library needs Shopify's whole
 * app runtime.
 */
export function verifyShopifyHmac(rawBody: Buffer, header: string | undefined, secrets: string[]): boolean {
  if (!header || secrets.length === 0) return false;
  // A hex digest or anything that is not canonical base64 of 32 bytes fails here.
  if (!/^[A-Za-z0-9+/]{43}=$/.test(header)) return false;
  const given = Buffer.from(header, 'base64');
  if (given.length !== 32) return false;
  let ok = false;
  for (const secret of secrets) {
    if (!secret) continue;
    const expected = createHmac('sha256', secret).update(rawBody).digest();
    // Evaluate every secret so the time taken does not tell which one matched.
    if (timingSafeEqual(expected, given)) ok = true;
  }
  return ok;
}

export function signShopifyBody(rawBody: Buffer | string, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64');
}
