import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { AppError, invalid, notFound } from '../../../platform/errors/app-error.js';
import { isActiveCurrency, parseMoney, toDecimalString } from '../../../platform/money/index.js';
import { listTiers } from '../../pricing/index.js';
import { transition, type KycEvent } from '../domain/kyc.js';
import { customers, customerUsers, kycApplications, kycEvents } from '../db/customers.schema.js';
import { accountUrl, sendCustomerMail } from './context.js';

export type ReviewDecision =
  | { event: 'approve'; tier: string; paymentTermsDays: number; creditLimit: { amount: string; currency: string } }
  | { event: 'reject'; reason: string }
  | { event: 'request_info'; message: string };

/** Staff decision on a dealer application: one transaction with the status, the customer, the event, the mail and the audit. */
export async function reviewApplication(deps: AppDeps, actor: Actor, applicationId: string, d: ReviewDecision) {
  if (d.event === 'reject' && !d.reason?.trim()) throw invalid('reason', 'Say why the application is rejected; the applicant reads it.');
  if (d.event === 'request_info' && !d.message?.trim()) throw invalid('message', 'Say what information is missing.');
  if (d.event === 'approve') {
    if (!Number.isInteger(d.paymentTermsDays) || d.paymentTermsDays < 0 || d.paymentTermsDays > 365) throw invalid('paymentTermsDays', 'Payment terms are 0 (prepayment) to 365 days.');
    if (!isActiveCurrency(d.creditLimit.currency)) throw invalid('creditLimit.currency', 'Use a currency code such as EUR.');
    if (!/^\d+(\.\d+)?$/.test(d.creditLimit.amount)) throw invalid('creditLimit.amount', 'The credit limit is an amount such as 50000.');
  }
  return deps.database.transaction(async (tx) => {
    const [app] = await tx.select().from(kycApplications).where(eq(kycApplications.id, applicationId)).for('update');
    if (!app) throw notFound('Application', applicationId);
    const t = transition(app.status as any, d.event as KycEvent);
    if (!t.ok) throw new AppError('conflict', t.message);
    const now = deps.clock.now();
    let params: Record<string, unknown> = { company: app.legalName };
    if (d.event === 'approve') {
      const tiers = await listTiers(tx);
      if (!tiers.some((x) => x.code === d.tier)) throw invalid('tier', `Choose one of the tiers ${tiers.map((x) => x.code).join(', ')}.`);
      const limit = parseMoney(d.creditLimit.amount, d.creditLimit.currency);
      await tx.update(customers).set({ tier: d.tier, paymentTermsDays: d.paymentTermsDays, creditLimitMinor: limit.amount, creditCurrency: limit.currency, updatedAt: now }).where(eq(customers.id, app.customerId));
      await tx.update(kycApplications).set({ status: t.to, decidedAt: now, decidedBy: actor.label, updatedAt: now }).where(eq(kycApplications.id, app.id));
      params = { ...params, tier: d.tier, terms: d.paymentTermsDays, limit: `${toDecimalString(limit)} ${limit.currency}` };
    } else if (d.event === 'reject') {
      await tx.update(kycApplications).set({ status: t.to, decisionReason: d.reason.trim(), decidedAt: now, decidedBy: actor.label, updatedAt: now }).where(eq(kycApplications.id, app.id));
      params = { ...params, reason: d.reason.trim() };
    } else {
      await tx.update(kycApplications).set({ status: t.to, infoRequest: d.message.trim(), infoResponse: null, updatedAt: now }).where(eq(kycApplications.id, app.id));
      params = { ...params, message: d.message.trim() };
    }
    const note = d.event === 'reject' ? d.reason : d.event === 'request_info' ? d.message : `tier ${d.tier}, ${d.paymentTermsDays} days, limit ${d.creditLimit.amount} ${d.creditLimit.currency}`;
    await tx.insert(kycEvents).values({ id: deps.ids.make('kye'), applicationId: app.id, event: d.event, fromStatus: app.status, toStatus: t.to, actor: actor.label, note, at: now });
    // The applicant: the company's admins, in the application's language.
    const admins = await tx.select().from(customerUsers).where(eq(customerUsers.customerId, app.customerId));
    for (const u of admins.filter((x) => x.role === 'admin' && x.status === 'active')) {
      await sendCustomerMail(tx, deps, { to: u.email, locale: app.locale, key: t.mailKey, params, url: accountUrl(deps, app.locale, t.to === 'approved' ? '/account' : '/account/application') });
    }
    await recordAudit(tx, deps, actor, { action: `kyc.${d.event === 'request_info' ? 'info_requested' : d.event === 'approve' ? 'approved' : 'rejected'}`, entityType: 'kyc_application', entityId: app.id, details: { ...d, customerId: app.customerId } });
    return { id: app.id, status: t.to };
  });
}
