import type { AppDeps } from '../../../platform/http/types.js';
import { createStripeGateway, type CardGateway } from './stripe.js';
import { providerSettings } from './provider-settings.js';

/**
 * Stripe wiring: tests may pass `providers.stripe = { gateway, webhookSecrets }`; otherwise the
 * configuration (STRIPE_SECRET_KEY, STRIPE_API_BASE, STRIPE_WEBHOOK_SECRETS, see config.ts)
 * decides. One gateway per configuration object, built on first use.
 */
export interface StripeSettings {
  gateway: CardGateway | null;
  webhookSecrets: string[];
}

export function stripeSettings(deps: Pick<AppDeps, 'providers' | 'config'>): StripeSettings {
  const cfg = deps.config.stripe;
  return providerSettings(deps, 'stripe', cfg, () => ({
    gateway: cfg.secretKey ? createStripeGateway({ secretKey: cfg.secretKey, apiBase: cfg.apiBase }) : null,
    webhookSecrets: cfg.webhookSecrets,
  }));
}
