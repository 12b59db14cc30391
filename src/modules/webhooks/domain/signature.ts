import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Outbound webhook signature (documented in OpenAPI and docs/webhooks.md):
 *
 *   Tradelane-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
 *
 * The timestamp is inside the signed text, so a captured delivery cannot be replayed later with a
 * fresh time; receivers should refuse a `t` older than 5 minutes and compare in constant time.
 * While a secret is being rotated, one `v1=` per active secret is sent.
 */
export const SIGNATURE_HEADER = 'tradelane-signature';
export const EVENT_HEADER = 'tradelane-event';
export const EVENT_ID_HEADER = 'tradelane-event-id';
export const DELIVERY_HEADER = 'tradelane-delivery';
export const TOLERANCE_SECONDS = 300;

export function signPayload(body: string, secrets: string[], at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  const sigs = secrets.map((s) => `v1=${createHmac('sha256', s).update(`${t}.${body}`).digest('hex')}`);
  return [`t=${t}`, ...sigs].join(',');
}

/** The receiver's side (what integrators implement; used by our tests and the docs example). */
export function verifySignature(body: string, header: string | undefined, secret: string, now: Date, tolerance = TOLERANCE_SECONDS): boolean {
  if (!header) return false;
  const parts = header.split(',').map((p) => p.trim());
  const t = Number(parts.find((p) => p.startsWith('t='))?.slice(2));
  if (!Number.isInteger(t) || Math.abs(now.getTime() / 1000 - t) > tolerance) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return parts
    .filter((p) => p.startsWith('v1='))
    .some((p) => {
      const given = Buffer.from(p.slice(3), 'hex');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}

export const ORDER_EVENTS = ['order.placed', 'order.approved', 'order.held', 'order.cancelled'] as const;
export type OrderEvent = (typeof ORDER_EVENTS)[number];
