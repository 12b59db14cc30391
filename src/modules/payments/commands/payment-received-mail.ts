import type { Db } from '../../../platform/db/database.js';
import type { Mail } from '../../../platform/mail/mail.js';
import { formatMoney, money } from '../../../platform/money/index.js';
import { t } from '../../../platform/i18n/i18n.js';
import { getOrder, notePaymentEventTx } from '../../orders/index.js';
import type { Ctx } from '../db/payments-repo.js';
import type { PaymentPosition } from '../domain/payment-status.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** What a confirming command needs to tell the buyer: the platform mail and the store's public URL. */
export type PaymentMailer = { mail: Mail; publicUrl: string };

/**
 * "We received your payment" to the buyer, in the order's language, queued through the platform
 * outbox in the caller's transaction — so it goes out exactly when the confirmation commits, and
 * never for a confirmation that rolled back. Called once per payment, at the moment it turns
 * confirmed (card/PayPal webhook or return, T/T confirmed by finance, L/C paid, a receipt recorded
 * as confirmed); replays of the same confirmation return before reaching here.
 */
export async function queuePaymentReceivedMailTx(
  tx: Db,
  ctx: Ctx,
  payment: { id: string; orderId: string; method: string; amount: number; currency: string },
  position: PaymentPosition,
): Promise<string | null> {
  if (!ctx.mailer) return null;
  const o = await getOrder(tx, payment.orderId);
  if (!o.customerEmail) return null;
  const locale = o.locale;
  const L = (k: string, p?: Record<string, unknown>) => t(locale, `payments.email.received.${k}`, p);
  const amount = formatMoney(money(payment.amount, payment.currency), locale);
  const paragraphs = [
    L('greeting', { name: o.customerName ?? o.customerEmail }),
    L('body', { amount, number: o.number, method: t(locale, `payments.method.${payment.method}`) }),
    position.balanceDue > 0
      ? L('balance', { status: t(locale, `payments.status.${position.status}`), balance: formatMoney(money(position.balanceDue, payment.currency), locale) })
      : L('settled', { status: t(locale, `payments.status.${position.status}`) }),
    L('view', { url: `${ctx.mailer.publicUrl}/${encodeURIComponent(locale)}/account/orders/${encodeURIComponent(o.id)}` }),
  ];
  const dir = locale === 'ar' ? ' dir="rtl"' : '';
  const messageId = await ctx.mailer.mail.enqueue(tx, {
    to: o.customerEmail,
    subject: L('subject', { number: o.number, amount }),
    html: `<div${dir}>${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}</div>`,
    text: paragraphs.join('\n\n'),
    tag: 'payment.received',
    locale,
  });
  await notePaymentEventTx(tx, ctx, payment.orderId, { type: 'email.payment_received', message: o.customerEmail, data: { messageId, paymentId: payment.id } });
  return messageId;
}
