import { fitsMinorUnit, parseMoney, toDecimalString, type Money } from '../../../platform/money/index.js';

/**
 * PayPal through its REST API: OAuth2 client credentials, Orders v2 (create → buyer approves on
 * PayPal's page → capture), refunds of a capture, and webhook verification through PayPal's own
 * verify-webhook-signature call with the `PAYPAL-TRANSMISSION-*` headers. Amounts travel as
 * decimal strings of the currency's minor unit ("12.50", "1250" for JPY), converted exactly.
 * Every POST carries a `PayPal-Request-Id` so a retry never creates or captures twice. The base
 * URL is configurable (sandbox, live, or the local fake in tests). No SDK: PayPal's official
 * Node SDK for Orders v2 is deprecated, and these five calls are plain JSON over HTTPS.
 */
export interface PayPalConfig {
  clientId: string;
  clientSecret: string;
  apiBase: string;
  webhookId?: string;
}

export interface PayPalOrder {
  id: string;
  status: string;
  approveUrl: string | null;
}

export interface PayPalCapture {
  orderId: string;
  status: string;
  captureId: string | null;
  amount: Money | null;
}

export interface PayPalGateway {
  createOrder(input: { amount: Money; orderId: string; orderNumber: string; returnUrl: string; cancelUrl: string; locale?: string; requestId: string }): Promise<PayPalOrder>;
  captureOrder(paypalOrderId: string, requestId: string): Promise<PayPalCapture>;
  refundCapture(captureId: string, amount: Money, requestId: string): Promise<{ id: string; status: string }>;
  verifyWebhook(headers: Record<string, string | string[] | undefined>, event: unknown): Promise<boolean>;
}

export class PayPalError extends Error {
  constructor(readonly status: number, readonly name_: string, message: string) {
    super(message);
  }
}

export const paypalAmount = (m: Money) => ({ currency_code: m.currency, value: toDecimalString(m) });

/** PayPal's decimal string → minor units, refusing more decimals than the currency has. */
export function fromPayPalAmount(a: { currency_code?: string; value?: string } | undefined): Money | null {
  if (!a?.currency_code || typeof a.value !== 'string' || !/^\d+(\.\d+)?$/.test(a.value)) return null;
  if (!fitsMinorUnit(a.value, a.currency_code)) return null;
  return parseMoney(a.value, a.currency_code);
}

export function createPayPalGateway(cfg: PayPalConfig): PayPalGateway {
  const base = cfg.apiBase.replace(/\/$/, '');
  let token: { value: string; until: number } | undefined;

  async function accessToken(): Promise<string> {
    if (token && token.until > Date.now()) return token.value;
    const r = await fetch(`${base}/v1/oauth2/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${cfg.clientId}:${cfg.clientSecret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: 'grant_type=client_credentials',
      signal: AbortSignal.timeout(20_000),
    });
    const body = (await r.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; error_description?: string };
    if (!r.ok || !body.access_token) throw new PayPalError(r.status, 'AUTHENTICATION_FAILURE', body.error_description ?? `PayPal token request failed (${r.status})`);
    token = { value: body.access_token, until: Date.now() + Math.max(60, (body.expires_in ?? 3600) - 60) * 1000 };
    return token.value;
  }

  async function call<T>(method: string, path: string, body?: unknown, requestId?: string): Promise<T> {
    const r = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await accessToken()}`,
        'content-type': 'application/json',
        accept: 'application/json',
        prefer: 'return=representation',
        ...(requestId ? { 'paypal-request-id': requestId } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
    const json = (await r.json().catch(() => ({}))) as Record<string, any>;
    if (!r.ok) throw new PayPalError(r.status, String(json.name ?? 'ERROR'), String(json.message ?? json.details?.[0]?.description ?? `PayPal answered ${r.status}`));
    return json as T;
  }

  return {
    async createOrder(input) {
      const o = await call<{ id: string; status: string; links?: { rel: string; href: string }[] }>(
        'POST',
        '/v2/checkout/orders',
        {
          intent: 'CAPTURE',
          purchase_units: [{ reference_id: input.orderId, custom_id: input.orderId, invoice_id: `${input.orderNumber}-${input.requestId.slice(-8)}`, description: `Order ${input.orderNumber}`, amount: paypalAmount(input.amount) }],
          payment_source: {
            paypal: { experience_context: { return_url: input.returnUrl, cancel_url: input.cancelUrl, user_action: 'PAY_NOW', shipping_preference: 'NO_SHIPPING', locale: input.locale === 'zh-CN' ? 'zh-CN' : undefined } },
          },
        },
        input.requestId,
      );
      const approve = o.links?.find((l) => l.rel === 'payer-action' || l.rel === 'approve')?.href ?? null;
      return { id: o.id, status: o.status, approveUrl: approve };
    },
    async captureOrder(id, requestId) {
      const o = await call<Record<string, any>>('POST', `/v2/checkout/orders/${encodeURIComponent(id)}/capture`, {}, requestId);
      const cap = o.purchase_units?.[0]?.payments?.captures?.[0];
      return { orderId: o.id, status: String(o.status), captureId: cap?.id ?? null, amount: cap ? fromPayPalAmount(cap.amount) : null };
    },
    async refundCapture(captureId, amount, requestId) {
      const r = await call<{ id: string; status: string }>('POST', `/v2/payments/captures/${encodeURIComponent(captureId)}/refund`, { amount: paypalAmount(amount) }, requestId);
      return { id: r.id, status: r.status };
    },
    async verifyWebhook(headers, event) {
      if (!cfg.webhookId) return false;
      const h = (n: string) => {
        const v = headers[n];
        return typeof v === 'string' ? v : undefined;
      };
      const fields = { auth_algo: h('paypal-auth-algo'), cert_url: h('paypal-cert-url'), transmission_id: h('paypal-transmission-id'), transmission_sig: h('paypal-transmission-sig'), transmission_time: h('paypal-transmission-time') };
      if (Object.values(fields).some((v) => !v)) return false;
      const r = await call<{ verification_status?: string }>('POST', '/v1/notifications/verify-webhook-signature', { ...fields, webhook_id: cfg.webhookId, webhook_event: event });
      return r.verification_status === 'SUCCESS';
    },
  };
}
