import type { AppModule } from '../../platform/http/types.js';
import { adminPaymentRoutes } from './http/admin.routes.js';
import { storePaymentRoutes } from './http/store.routes.js';
import { paymentWebhookRoutes } from './http/webhooks.routes.js';
import { adminCreditRoutes } from './http/admin-credit.routes.js';
import { creditFreezeJob } from './jobs/credit-freeze.js';
import { seedPaymentsDemo } from './commands/seed-demo.js';
import { payPageRoutes } from './http/pay-pages.js';
import { accountPaymentsRoutes } from './http/account-page.js';
import { registerAccountSection } from '../storefront/index.js';
import { registerProformaPaymentBlock } from '../orders/index.js';
import { proformaPaymentLines } from './queries/proforma-block.js';

registerProformaPaymentBlock(proformaPaymentLines);
registerAccountSection({ key: 'payments', labelKey: 'payments.account.nav', path: '/account/payments', order: 30 });

/**
 * Payments: each payment as a record (card through Stripe's hosted page, bank transfer, L/C,
 * Western Union, COD), refunds, provider webhooks deduplicated on the event id, and the order's
 * payment status derived from those records and pushed to the order.
 */
export const paymentsModule: AppModule = {
  name: 'payments',
  jobs: (deps) => [creditFreezeJob(deps)],
  seedDemo: seedPaymentsDemo,
  routes(app, deps) {
    paymentWebhookRoutes(app, deps);
    storePaymentRoutes(app, deps);
    adminPaymentRoutes(app, deps);
    adminCreditRoutes(app, deps);
    payPageRoutes(app, deps);
    accountPaymentsRoutes(app, deps);
  },
};

export { orderPayments, customerCreditBalance } from './queries/payments.js';
export { recordPaymentTx, recordManualPayment, confirmPayment, PAYMENT_METHODS, type PaymentMethod } from './commands/record-payment.js';
export { derivePaymentStatus, type PaymentStatus, type PaymentPosition } from './domain/payment-status.js';
export type { StripeSettings } from './providers/stripe-settings.js';
export { creditStatus, assertCreditForOrder, issueInvoiceTx, FREEZE_THRESHOLD_DAYS, type CreditStatus } from './commands/credit.js';
export { offerMethods, type MethodOffer } from './domain/methods.js';
export { paymentMethodFee, paymentMethodsForCart, preparePaymentTx, attachPaymentPlanTx, type CartPaymentContext, type PaymentPlan } from './commands/checkout-payment.js';
export { customerTerms, type CustomerTerms } from './commands/terms.js';
export { evaluateCreditFreezes, CREDIT_FREEZE_JOB } from './jobs/credit-freeze.js';
