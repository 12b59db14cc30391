import crypto from 'node:crypto';

/**
 * Stripe webhook signatures: header `Stripe-Signature: t=<unix>,v1=<hex>[,v1=<hex>...]`, the
 * signed text is `${t}.${rawBody}` (the exact bytes received, never a re-serialised object),
 * HMAC-SHA256 with the endpoint secret, hex. Any v1 matching any of our secrets passes (key
 * rotation); a timestamp outside the tolerance is refused (replay). Pure apart from hashing.
 */
export type SignatureCheck =
  | { ok: true; timestamp: number }
  | { ok: false; reason: 'missing_header' | 'malformed_header' | 'timestamp_out_of_tolerance' | 'no_matching_signature' };

export function parseStripeSignatureHeader(header: string): { timestamp: number; v1: string[] } | undefined {
  let timestamp: number | undefined;
  const v1: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') {
      if (!/^\d{1,12}$/.test(value)) return undefined;
      timestamp = Number(value);
    } else if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) {
      v1.push(value.toLowerCase());
    }
  }
  if (timestamp === undefined || v1.length === 0) return undefined;
  return { timestamp, v1 };
}

export function signStripePayload(rawBody: Buffer | string, secret: string, timestamp: number): string {
  const mac = crypto.createHmac('sha256', secret);
  mac.update(`${timestamp}.`);
  mac.update(rawBody);
  return mac.digest('hex');
}

export function verifyStripeSignature(
  rawBody: Buffer,
  header: string | undefined,
  secrets: readonly string[],
  nowSeconds: number,
  toleranceSeconds = 300,
): SignatureCheck {
  if (!header) return { ok: false, reason: 'missing_header' };
  const parsed = parseStripeSignatureHeader(header);
  if (!parsed) return { ok: false, reason: 'malformed_header' };
  if (Math.abs(nowSeconds - parsed.timestamp) > toleranceSeconds) {
    return { ok: false, reason: 'timestamp_out_of_tolerance' };
  }
  for (const secret of secrets) {
    const expected = Buffer.from(signStripePayload(rawBody, secret, parsed.timestamp), 'hex');
    for (const candidate of parsed.v1) {
      const got = Buffer.from(candidate, 'hex');
      if (got.length === expected.length && crypto.timingSafeEqual(got, expected)) {
        return { ok: true, timestamp: parsed.timestamp };
      }
    }
  }
  return { ok: false, reason: 'no_matching_signature' };
}
