import { and, eq, inArray } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Db } from '../../../platform/db/database.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors/app-error.js';
import { FILE_KINDS, storeFile } from '../../../platform/files/files.js';
import { isActiveCurrency, money, parseMoney } from '../../../platform/money/index.js';
import { validateVatNumber } from '../../tax/index.js';
import { convertAt } from '../../fx/index.js';
import { proposeTier, transition } from '../domain/kyc.js';
import { roleCan } from '../domain/settings.js';
import { customers, kycApplications, kycEvents } from '../db/customers.schema.js';
import { findCustomer, findUser, loadCustomerSettings } from '../db/customers.repo.js';
import { customerActor, sendCustomerMail, type RequestInfo } from './context.js';

/** Licence and tax registration: PDF, JPG or PNG by content, at most this size each. */
export const KYC_MAX_BYTES = 10 * 1024 * 1024;

export interface ApplicationInput {
  legalName: string;
  country: string;
  address: { line1: string; line2?: string | null; city: string; region?: string | null; postcode?: string | null };
  vatId?: string | null;
  contact: { name: string; email: string; phone?: string | null };
  expectedVolume: string;
  volumeCurrency: string;
}

export interface Upload {
  filename: string;
  data: Buffer;
}

export function checkApplication(input: ApplicationInput) {
  if (!input.legalName?.trim()) throw invalid('legalName', "Enter the company's legal name.");
  if (!/^[A-Z]{2}$/.test(input.country ?? '')) throw invalid('country', 'Use a 2-letter country code such as DE.');
  if (!input.address?.line1?.trim() || !input.address?.city?.trim()) throw invalid('address', 'Enter the street and city of the company.');
  if (!input.contact?.name?.trim() || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input.contact?.email ?? '')) throw invalid('contact', 'Name a contact person with an email address.');
  if (!isActiveCurrency(input.volumeCurrency)) throw invalid('volumeCurrency', 'Use a currency code such as EUR.');
  if (!/^\d+(\.\d+)?$/.test(input.expectedVolume ?? '')) throw invalid('expectedVolume', 'Enter the expected yearly volume as a number, e.g. 250000.');
}

/**
 * A VAT/tax ID is checked with the tax module's validator (format and check digits, offline).
 * Countries it does not know (outside the EU/UK) keep the number as given, marked unchecked.
 */
export function checkVat(vatId: string | null | undefined, country: string) {
  if (!vatId?.trim()) return { vatId: null, vatCheck: null };
  const r = validateVatNumber(vatId, { country });
  if (r.reason === 'unsupported_country') return { vatId: vatId.trim().toUpperCase(), vatCheck: { checked: false, reason: 'unsupported_country' } };
  if (!r.valid) throw invalid('vatId', `${vatId} is not a valid VAT number${r.prefix ? ` for ${r.prefix}` : ''} (${(r.reason ?? 'invalid').replace(/_/g, ' ')}). Greece uses EL, Northern Ireland XI.`);
  if (r.country && r.country !== country && !(r.northernIreland && country === 'GB')) {
    throw invalid('vatId', `The VAT number ${r.compact} is registered in ${r.country}, but the company country is ${country}.`);
  }
  return { vatId: r.compact ?? vatId, vatCheck: { checked: true, valid: true, prefix: r.prefix, country: r.country, northernIreland: !!r.northernIreland } };
}

async function storeKycFile(tx: Db, deps: AppDeps, f: Upload | undefined, field: string, purpose: string, userId: string) {
  if (!f) throw new AppError('validation_failed', 'Attach both documents: the business licence and the tax registration.', { errors: [{ field, message: 'Attach a PDF, JPG or PNG.' }] });
  return storeFile(tx, deps, { data: f.data, filename: f.filename, visibility: 'private', purpose, accept: FILE_KINDS.kyc, maxBytes: KYC_MAX_BYTES, createdBy: userId, field });
}

export async function submitApplication(deps: AppDeps, userId: string, input: ApplicationInput, files: { licence?: Upload; taxRegistration?: Upload }, req: RequestInfo) {
  checkApplication(input);
  const vat = checkVat(input.vatId, input.country);
  const volume = parseMoney(input.expectedVolume, input.volumeCurrency);
  const now = deps.clock.now();
  const volumeEur = volume.currency === 'EUR' ? volume.amount : await convertAt(deps.db, now, volume, 'EUR').then((c) => c.amount.amount, () => null);
  return deps.database.transaction(async (tx) => {
    const user = await findUser(tx, userId);
    if (!user) throw notFound('User');
    if (!roleCan(user.role, 'apply')) throw forbidden('Only a company admin can apply for a dealer account.');
    const customer = await findCustomer(tx, user.customerId, true);
    if (!customer) throw notFound('Customer');
    const open = await tx.select({ id: kycApplications.id }).from(kycApplications).where(and(eq(kycApplications.customerId, customer.id), inArray(kycApplications.status, ['submitted', 'info_requested', 'approved'])));
    if (open.length) throw new AppError('conflict', 'This account already has an application in review or approved.');
    const licence = await storeKycFile(tx, deps, files.licence, 'licence', 'kyc.licence', userId);
    const taxReg = await storeKycFile(tx, deps, files.taxRegistration, 'taxRegistration', 'kyc.tax_registration', userId);
    const settings = await loadCustomerSettings(tx);
    const id = deps.ids.make('kyc');
    await tx.insert(kycApplications).values({
      id, customerId: customer.id, status: 'submitted', legalName: input.legalName.trim(), country: input.country,
      address: { line1: input.address.line1, line2: input.address.line2 ?? null, city: input.address.city, region: input.address.region ?? null, postcode: input.address.postcode ?? null },
      vatId: vat.vatId, vatCheck: vat.vatCheck, contact: { name: input.contact.name, email: input.contact.email, phone: input.contact.phone ?? null },
      expectedVolumeMinor: volume.amount, volumeCurrency: volume.currency,
      proposedTier: proposeTier(settings.tierRules, settings.defaultTier, input.country, volumeEur),
      licenceFileId: licence.id, taxRegFileId: taxReg.id, locale: user.locale, submittedAt: now, updatedAt: now,
    });
    await tx.update(customers).set({ kind: 'b2b', companyName: customer.companyName ?? input.legalName.trim(), country: input.country, vatId: vat.vatId, updatedAt: now }).where(eq(customers.id, customer.id));
    await tx.insert(kycEvents).values({ id: deps.ids.make('kye'), applicationId: id, event: 'submit', fromStatus: null, toStatus: 'submitted', actor: user.email, at: now });
    await sendCustomerMail(tx, deps, { to: user.email, locale: user.locale, key: 'customers.mail.kycReceived', params: { company: input.legalName.trim() } });
    await recordAudit(tx, deps, customerActor(user, req), { action: 'kyc.submitted', entityType: 'kyc_application', entityId: id, details: { country: input.country, vatChecked: !!vat.vatCheck } });
    return { id, status: 'submitted' as const, volume: money(volume.amount, volume.currency) };
  });
}

/** The applicant answers a request for more information; the application goes back to review. */
export async function answerInfoRequest(deps: AppDeps, userId: string, applicationId: string, answer: string, req: RequestInfo) {
  if (!answer.trim()) throw invalid('answer', 'Write your answer.');
  await deps.database.transaction(async (tx) => {
    const user = await findUser(tx, userId);
    const [app] = await tx.select().from(kycApplications).where(eq(kycApplications.id, applicationId)).for('update');
    if (!user || !app || app.customerId !== user.customerId) throw notFound('Application', applicationId);
    const t = transition(app.status as any, 'answer_info');
    if (!t.ok) throw new AppError('conflict', t.message);
    const now = deps.clock.now();
    await tx.update(kycApplications).set({ status: t.to, infoResponse: answer.trim(), updatedAt: now }).where(eq(kycApplications.id, app.id));
    await tx.insert(kycEvents).values({ id: deps.ids.make('kye'), applicationId: app.id, event: 'answer_info', fromStatus: app.status, toStatus: t.to, actor: user.email, note: answer.trim().slice(0, 2000), at: now });
    await sendCustomerMail(tx, deps, { to: user.email, locale: app.locale, key: t.mailKey, params: { company: app.legalName } });
    await recordAudit(tx, deps, customerActor(user, req), { action: 'kyc.info_answered', entityType: 'kyc_application', entityId: app.id });
  });
}
