import type { AppDeps } from '../../../platform/http/types.js';
import { createStripeGateway, type CardGateway } from './stripe.js';

/**
 * Stripe wiring: tests and the demo pass `providers.stripe = { gateway, webhookSecrets }` (a
 * gateway pointed at the local fake); a deployment sets STRIPE_SECRET_KEY, STRIPE_API_BASE
 * (optional) and STRIPE_WEBHOOK_SECRETS (comma-separated: old and new during a rotation).
 */
export interface StripeSettings {
  gateway: CardGateway | null;
  webhookSecrets: string[];
}

let fromEnv: StripeSettings | undefined;

export function stripeSettings(deps: Pick<AppDeps, 'providers'>): StripeSettings {
  const given = deps.providers.stripe as StripeSettings | undefined;
  if (given) return given;
  fromEnv ??= {
    gateway: process.env.STRIPE_SECRET_KEY ? createStripeGateway({ secretKey: process.env.STRIPE_SECRET_KEY, apiBase: process.env.STRIPE_API_BASE || undefined }) : null,
    webhookSecrets: (process.env.STRIPE_WEBHOOK_SECRETS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
  };
  return fromEnv;
}
