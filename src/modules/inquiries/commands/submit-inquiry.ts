import { and, eq, gt, sql } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Principal } from '../../../platform/auth/principal.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { t } from '../../../platform/i18n/i18n.js';
import { findVariantsForLines, isStoreLocale, loadProductCards } from '../../catalog/index.js';
import { listStaff, roleHas } from '../../staff/index.js';
import { customersByEmail } from '../../customers/index.js';
import { inquiries, inquiryEvents, inquiryLines, inquirySettings } from '../db/inquiries.schema.js';
import { inquiryInputSchema, type InquiryInput } from '../domain/inquiry-input.js';
import { checkSubmission, MAX_PER_IP_PER_HOUR } from '../domain/spam.js';
import { escapeHtml } from '../domain/escape.js';

export interface CustomerDirectory {
  /** The customers module supplies this through deps.providers.customerDirectory. */
  findCustomerIdByEmail(email: string): Promise<string | null>;
}

/**
 * A buyer's inquiry (RFQ) from the storefront: spam checks, the inquiry with its product lines,
 * the confirmation to the buyer in their language and the notification to sales, all in one
 * transaction (mail is enqueued with it).
 */
export async function submitInquiry(
  deps: AppDeps,
  raw: InquiryInput,
  meta: { ip: string; principal?: Principal },
): Promise<{ id: string }> {
  const parsed = inquiryInputSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('validation_failed', parsed.error.issues[0]!.message, {
      errors: parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
    });
  }
  const input = parsed.data;
  const locale = isStoreLocale(input.locale) ? input.locale : 'en';
  const now = deps.clock.now();
  const verdict = checkSubmission({ honeypot: input.website, formToken: input.formToken }, now.getTime(), deps.secrets.hmac);
  if (!verdict.ok) {
    deps.log.info({ reason: verdict.reason }, 'inquiry refused as spam');
    const message = verdict.reason === 'too_fast' || verdict.reason === 'expired' ? t(locale, 'storefront.inquiry.error.retry') : t(locale, 'storefront.inquiry.error.spam');
    throw new AppError('unprocessable', message, { extra: { reason: verdict.reason } });
  }
  const ipHash = deps.secrets.hmac(`ip:${meta.ip}`);
  const email = input.email.trim().toLowerCase();

  // Product lines: by SKU or product id; unknown ones are refused so the buyer can fix them.
  const viewer = { principal: meta.principal, locale };
  const skuLines = input.lines.filter((l) => l.sku);
  const variants = await findVariantsForLines(deps.db, locale, { skus: skuLines.map((l) => l.sku!) });
  const cards = await loadProductCards(deps.db, viewer, locale, input.lines.filter((l) => !l.sku && l.productId).map((l) => l.productId!));
  const lines = input.lines.map((l, i) => {
    if (l.sku) {
      const v = variants.find((x) => x.sku === l.sku && (x.visibility === 'public' || meta.principal?.kind === 'customer'));
      if (!v) throw new AppError('validation_failed', `Product ${l.sku} was not found.`, { errors: [{ field: `lines.${i}.sku`, message: 'Remove this line or check the SKU.' }] });
      return { productId: v.productId, variantId: v.variantId, sku: v.sku, productName: v.name, quantity: l.quantity };
    }
    const c = cards.find((x) => x.id === l.productId);
    if (!c) throw new AppError('validation_failed', `Product ${l.productId ?? ''} was not found.`, { errors: [{ field: `lines.${i}.productId`, message: 'Remove this line.' }] });
    return { productId: c.id, variantId: null, sku: c.skus.length === 1 ? c.skus[0]! : null, productName: c.name, quantity: l.quantity };
  });

  // The customer record with this email, if any (an account created later links through linkInquiriesByEmail).
  const directory = deps.providers.customerDirectory as CustomerDirectory | undefined;
  const customerId = directory ? await directory.findCustomerIdByEmail(email) : ((await customersByEmail(deps.db, [email])).get(email)?.customerId ?? null);
  const staff = await listStaff(deps);
  const id = deps.ids.make('inq');
  const adminLink = `${deps.config.publicUrl}/admin/inquiries/${id}`;

  await deps.database.transaction(async (tx) => {
    const [{ n }] = (await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(inquiries)
      .where(and(eq(inquiries.ipHash, ipHash), gt(inquiries.createdAt, new Date(now.getTime() - 3600_000))))) as [{ n: number }];
    if (n >= MAX_PER_IP_PER_HOUR) {
      throw new AppError('rate_limited', t(locale, 'storefront.inquiry.error.rate'), { headers: { 'retry-after': '3600' } });
    }
    await tx.insert(inquiries).values({
      id, status: 'new', name: input.name, company: input.company, email, country: input.country, phone: input.phone ?? null,
      message: input.message, locale, sourceUrl: input.sourceUrl ?? null, ipHash, assignedTo: null, customerId, createdAt: now, updatedAt: now,
    });
    if (lines.length) await tx.insert(inquiryLines).values(lines.map((l) => ({ ...l, id: deps.ids.make('inl'), inquiryId: id })));
    await tx.insert(inquiryEvents).values({ id: deps.ids.make('ine'), inquiryId: id, kind: 'received', toStatus: 'new', actorLabel: email, at: now, details: { customerId } });

    const lineHtml = lines.map((l) => `<li>${escapeHtml(l.productName)}${l.sku ? ` (${escapeHtml(l.sku)})` : ''} × ${l.quantity}</li>`).join('');
    const lineText = lines.map((l) => `- ${l.productName}${l.sku ? ` (${l.sku})` : ''} x ${l.quantity}`).join('\n');
    await deps.mail.enqueue(tx, {
      to: email,
      subject: t(locale, 'storefront.inquiry.email.subject', { ref: id.slice(-8) }),
      html: `<p>${escapeHtml(t(locale, 'storefront.inquiry.email.greeting', { name: input.name }))}</p>
<p>${escapeHtml(t(locale, 'storefront.inquiry.email.body'))}</p>${lines.length ? `<ul>${lineHtml}</ul>` : ''}
<blockquote>${escapeHtml(input.message).replace(/\n/g, '<br>')}</blockquote>
<p>${escapeHtml(t(locale, 'storefront.inquiry.email.signoff'))}</p>`,
      text: `${t(locale, 'storefront.inquiry.email.greeting', { name: input.name })}\n\n${t(locale, 'storefront.inquiry.email.body')}\n${lineText}\n\n${input.message}\n\n${t(locale, 'storefront.inquiry.email.signoff')}`,
      tag: 'inquiry.confirmation',
      locale,
    });

    // Sales are told in their own back-office language (configured extra addresses: English).
    const [setting] = await tx.select().from(inquirySettings).where(eq(inquirySettings.key, 'notify_emails'));
    const configured = Array.isArray(setting?.value) ? (setting!.value as string[]) : [];
    const byLocale = new Map<string, Set<string>>();
    const add = (loc: string, addr: string) => {
      if ([...byLocale.values()].some((set) => set.has(addr))) return;
      byLocale.set(loc, (byLocale.get(loc) ?? new Set()).add(addr));
    };
    for (const s of staff) if (s.status === 'active' && roleHas(s.role, 'inquiries:write')) add(s.locale === 'zh-CN' ? 'zh-CN' : 'en', s.email);
    for (const addr of configured) add('en', addr);
    for (const [staffLocale, to] of byLocale) {
      const params = { name: input.name, company: input.company, country: input.country, email, language: locale };
      const wrote = t(staffLocale, 'catalog.inquiryMail.wrote', params);
      const open = t(staffLocale, 'catalog.inquiryMail.open');
      await deps.mail.enqueue(tx, {
        to: [...to],
        subject: t(staffLocale, 'catalog.inquiryMail.subject', params),
        html: `<p>${escapeHtml(wrote)}</p>
<blockquote>${escapeHtml(input.message).replace(/\n/g, '<br>')}</blockquote>${lines.length ? `<ul>${lineHtml}</ul>` : ''}
<p>${escapeHtml(open)} <a href="${escapeHtml(adminLink)}">${escapeHtml(adminLink)}</a></p>`,
        text: `${wrote}\n\n${input.message}\n${lineText}\n\n${open} ${adminLink}`,
        tag: 'inquiry.notification',
        locale: staffLocale,
      });
    }
  });
  return { id };
}
