import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { money, toDecimalString } from '../../../platform/money/index.js';
import { customerAddresses, customerUsers, kycApplications, kycEvents } from '../db/customers.schema.js';
import { findCustomer, findUser } from '../db/customers.repo.js';
import { applicationAge } from '../domain/kyc.js';

export async function getAccount(tx: Db, userId: string) {
  const user = await findUser(tx, userId);
  if (!user) return null;
  const customer = (await findCustomer(tx, user.customerId))!;
  const [app] = await tx.select().from(kycApplications).where(eq(kycApplications.customerId, customer.id)).orderBy(desc(kycApplications.submittedAt)).limit(1);
  return {
    user: { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale, emailVerified: !!user.emailVerifiedAt, twoFactor: !!user.totpEnabledAt },
    customer: {
      id: customer.id, kind: customer.kind, companyName: customer.companyName, country: customer.country, vatId: customer.vatId,
      tier: app?.status === 'approved' ? customer.tier : null,
      paymentTermsDays: customer.paymentTermsDays,
      creditLimit: customer.creditLimitMinor !== null && customer.creditCurrency ? toDecimalString(money(customer.creditLimitMinor, customer.creditCurrency)) : null,
      creditCurrency: customer.creditCurrency,
    },
    application: app ? applicantView(app) : null,
  };
}

/** What the applicant sees of their application: never the staff's internal notes. */
export function applicantView(a: typeof kycApplications.$inferSelect) {
  return {
    id: a.id, status: a.status, legalName: a.legalName, country: a.country, vatId: a.vatId, submittedAt: a.submittedAt.toISOString(),
    infoRequest: a.status === 'info_requested' ? a.infoRequest : null, decisionReason: a.status === 'rejected' ? a.decisionReason : null,
  };
}

export async function listCompanyUsers(tx: Db, customerId: string) {
  const rows = await tx.select().from(customerUsers).where(eq(customerUsers.customerId, customerId)).orderBy(asc(customerUsers.createdAt));
  return rows.map((u) => ({ id: u.id, email: u.email, name: u.name, role: u.role, status: u.status, twoFactor: !!u.totpEnabledAt }));
}

/** An active user of a customer company by id, with the company it belongs to (null if none or inactive). */
export async function findActiveCustomerUser(tx: Db, userId: string) {
  const [u] = await tx.select().from(customerUsers).where(and(eq(customerUsers.id, userId), eq(customerUsers.status, 'active')));
  return u ? { id: u.id, customerId: u.customerId, name: u.name, email: u.email, role: u.role } : null;
}

export async function listAddresses(tx: Db, customerId: string) {
  return tx.select().from(customerAddresses).where(eq(customerAddresses.customerId, customerId)).orderBy(asc(customerAddresses.kind), desc(customerAddresses.isDefault), asc(customerAddresses.createdAt));
}

export async function reviewQueue(tx: Db, now: Date, targetHours: number, status?: string) {
  const rows = await tx.select().from(kycApplications).where(status ? eq(kycApplications.status, status) : undefined).orderBy(asc(kycApplications.submittedAt)).limit(500);
  return rows.map((a) => ({
    id: a.id, customerId: a.customerId, status: a.status, legalName: a.legalName, country: a.country, vatId: a.vatId, vatCheck: a.vatCheck,
    expectedVolume: toDecimalString(money(a.expectedVolumeMinor, a.volumeCurrency)), volumeCurrency: a.volumeCurrency, proposedTier: a.proposedTier,
    submittedAt: a.submittedAt.toISOString(),
    ...(a.status === 'submitted' || a.status === 'info_requested' ? { age: applicationAge(a.submittedAt, now, targetHours) } : { age: null }),
  }));
}

export async function getApplication(tx: Db, id: string) {
  const [a] = await tx.select().from(kycApplications).where(eq(kycApplications.id, id));
  if (!a) return null;
  const events = await tx.select().from(kycEvents).where(eq(kycEvents.applicationId, id)).orderBy(asc(kycEvents.at));
  return { ...a, expectedVolume: toDecimalString(money(a.expectedVolumeMinor, a.volumeCurrency)), events };
}
