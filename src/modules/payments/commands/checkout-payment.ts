import { eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { money } from '../../../platform/money/index.js';
import { paymentAccounts } from '../db/payments.schema.js';
import { DEFAULT_B2B_TERMS, paymentSchedule, type TradeTerms } from '../domain/terms.js';
import { offerMethods } from '../domain/methods.js';
import { listMethodSettingsCached } from './method-settings.js';
import { customerTerms } from './terms.js';
import { assertCreditForOrder, issueInvoiceTx } from './credit.js';
import type { Ctx } from '../db/payments-repo.js';

/**
 * The payments side of checkout, called by the cart inside its checkout transaction:
 * which methods a cart is offered, the credit check for an order on terms, and the payment
 * account (deposit by the customer's terms, COD fee, Net invoice) of the order just placed.
 *
 * Method ids: the configured methods (card, paypal, tt, lc, western_union, cod), `terms` for a
 * customer on Net terms (order now, pay against the invoice), and `manual` — pay later against
 * the proforma — only while no method is configured at all (a fresh install).
 */
export interface CartPaymentContext {
  customerId: string | null;
  tier: string | null;
  kind?: 'b2b' | 'b2c';
  country: string | null;
  currency: string;
  /** Grand total of the cart, minor units. */
  amount: number;
  locale: string;
}

export async function paymentMethodsForCart(tx: Db, c: CartPaymentContext): Promise<string[]> {
  const settings = await listMethodSettingsCached(tx);
  const offered = offerMethods(settings, { country: c.country, currency: c.currency, tier: c.tier, amount: c.amount, locale: c.locale })
    .filter((m) => m.offered)
    .map((m) => m.method);
  const terms = c.customerId ? (await customerTerms(tx, c.customerId)).terms : null;
  const out = terms?.kind === 'net' ? ['terms', ...offered] : offered;
  if (!out.length && !settings.some((s) => s.enabled)) return ['manual'];
  return out;
}

/** The fee a method adds to what the buyer pays (the COD fee in this currency), else 0. */
export async function paymentMethodFee(tx: Db, method: string, currency: string): Promise<number> {
  if (method !== 'cod') return 0;
  const s = (await listMethodSettingsCached(tx)).find((m) => m.method === 'cod');
  return s?.codFees[currency] ?? 0;
}

export interface PaymentPlan {
  method: string;
  terms: TradeTerms;
  codFee: number;
}

/**
 * Before the order is placed: the chosen method must be one offered to this cart, and an order
 * on terms must pass the credit policy (no invoice more than 60 days overdue, within the limit);
 * otherwise checkout stops with the reason and what to pay.
 */
export async function preparePaymentTx(tx: Db, c: CartPaymentContext & { method: string; now: Date }): Promise<PaymentPlan> {
  const offered = await paymentMethodsForCart(tx, c);
  if (!offered.includes(c.method)) {
    throw new AppError('unprocessable', `The payment method "${c.method}" is not offered for this order. Choose one of: ${offered.join(', ') || 'none'}.`, {
      errors: [{ field: 'paymentMethod', message: `Choose one of: ${offered.join(', ')}.`, code: 'payment_unavailable' }],
    });
  }
  const ct = c.customerId ? await customerTerms(tx, c.customerId) : null;
  let terms: TradeTerms = ct?.terms ?? { kind: 'prepaid' };
  if (c.method === 'terms') {
    await assertCreditForOrder(tx, c.customerId!, c.now, { amount: c.amount, currency: c.currency });
  } else if (terms.kind === 'net') {
    // A Net customer paying now (card, transfer) pays the whole order up front.
    terms = { kind: 'prepaid' };
  } else if (terms.kind === 'prepaid' && c.kind === 'b2b' && ct?.source === 'default') {
    terms = DEFAULT_B2B_TERMS;
  }
  return { method: c.method, terms, codFee: await paymentMethodFee(tx, c.method, c.currency) };
}

/**
 * After the order is placed (same transaction): its payment account with the deposit the terms
 * ask for (30 % by default for B2B, so the proforma and the pay page show it), the COD fee added
 * to what is collected on delivery, and for an order on Net terms its invoice, due N days on.
 */
export async function attachPaymentPlanTx(tx: Db, ctx: Ctx, order: { id: string; customerId: string | null; currency: string; grandTotal: number }, plan: PaymentPlan) {
  const total = order.grandTotal + plan.codFee;
  const deposit = plan.terms.kind === 'deposit' && plan.method !== 'terms' ? paymentSchedule(money(order.grandTotal, order.currency), plan.terms).deposit.amount : 0;
  await tx
    .insert(paymentAccounts)
    .values({ orderId: order.id, customerId: order.customerId, currency: order.currency, total, depositRequired: deposit, status: 'unpaid', updatedAt: ctx.now })
    .onConflictDoNothing();
  if (plan.method === 'terms' && order.customerId && plan.terms.kind === 'net') {
    await issueInvoiceTx(tx, ctx, order.id, plan.terms.days);
  }
  const [acc] = await tx.select().from(paymentAccounts).where(eq(paymentAccounts.orderId, order.id));
  return { depositRequired: acc!.depositRequired, total: acc!.total, codFee: plan.codFee, method: plan.method };
}
