import { sql } from 'drizzle-orm';
import { query } from '../../../platform/db/database.js';
import type { AppDeps } from '../../../platform/http/types.js';
import type { JobDefinition } from '../../../platform/jobs/queue.js';
import { SYSTEM_ACTOR } from '../../../platform/auth/principal.js';
import { formatMoney, money } from '../../../platform/money/index.js';
import { t } from '../../../platform/i18n/i18n.js';
import { getOrder, type OrderDetail } from '../queries/orders.js';
import { proformaPaymentBlock, renderProforma, type SellerProfile } from '../documents/proforma.js';
import { addOrderEvent } from '../db/orders-repo.js';
import { ORDER_CONFIRMATION_JOB } from '../commands/place-order.js';
import { ORDER_CANCELLED_MAIL_JOB } from '../commands/apply-order-event.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function proformaInput(o: OrderDetail) {
  return {
    number: o.number,
    placedAt: o.placedAt,
    locale: o.locale,
    currency: o.currency,
    incoterm: o.incoterm,
    paymentMethod: o.paymentMethod,
    paymentDueAt: o.paymentDueAt,
    customerName: o.customerName,
    companyName: o.companyName,
    customerEmail: o.customerEmail,
    vatNumber: o.vatNumber,
    shipTo: o.shipTo,
    billTo: o.billTo,
    shipping: o.shipping ? { name: o.shipping.name, estimate: o.shipping.estimate ?? null } : null,
    totals: o.totals,
    lines: o.lines.map((l) => ({
      lineNo: l.lineNo,
      sku: l.sku,
      name: l.name,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      lineTotal: l.lineTotal,
      hsCode: l.hsCode,
      backorderedQuantity: l.backorderedQuantity,
      leadTimeDays: l.leadTimeDays,
    })),
  };
}

/**
 * Sends "order received" with the proforma PDF. The job was enqueued by the placing
 * transaction; the PDF is rendered here, outside any transaction (it takes a few hundred ms with
 * the CJK font), and the mail is queued once: a retry finds the timeline event and stops.
 */
export function orderConfirmationJob(deps: AppDeps, seller: () => SellerProfile): JobDefinition<{ orderId: string }> {
  return {
    name: ORDER_CONFIRMATION_JOB,
    retryLimit: 10,
    concurrency: 2,
    async handler({ orderId }) {
      const o = await getOrder(deps.db, orderId);
      if (o.events.some((e) => e.type === 'email.confirmation')) return;
      if (!o.customerEmail) return;
      const pdf = await renderProforma({ ...proformaInput(o), payment: await proformaPaymentBlock(deps.db, o.id, o.locale) }, seller());
      const total = formatMoney(money(o.grandTotal, o.currency), o.locale);
      const L = (k: string, p?: Record<string, unknown>) => t(o.locale, `orders.email.confirmation.${k}`, p);
      // Storefront pages live under the language (/<lang>/account/orders/:id); the order keeps the buyer's.
      const url = `${deps.config.publicUrl.replace(/\/+$/, '')}/${o.locale}/account/orders/${o.id}`;
      const paragraphs = [
        L('greeting', { name: o.customerName ?? o.customerEmail }),
        L('body', { number: o.number, total }),
        ...(o.paymentDueAt
          ? [L('payBy', { number: o.number, date: new Intl.DateTimeFormat(o.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(o.paymentDueAt)) })]
          : []),
        L('view', { url }),
      ];
      await deps.database.transaction(async (tx) => {
        // Serialise concurrent retries of the same job on the order row.
        await query(tx, sql`SELECT id FROM orders WHERE id = ${orderId} FOR UPDATE`);
        const [done] = await query(tx, sql`SELECT 1 FROM order_events WHERE order_id = ${orderId} AND type = 'email.confirmation' LIMIT 1`);
        if (done) return;
        const messageId = await deps.mail.enqueue(tx, {
          to: o.customerEmail!,
          subject: L('subject', { number: o.number }),
          html: paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n'),
          text: paragraphs.join('\n\n'),
          attachments: [{ filename: `proforma-${o.number}.pdf`, contentType: 'application/pdf', contentBase64: pdf.toString('base64') }],
          tag: 'order.confirmation',
          locale: o.locale,
        });
        await addOrderEvent(tx, { ids: deps.ids, now: deps.clock.now(), actor: SYSTEM_ACTOR }, {
          orderId,
          type: 'email.confirmation',
          message: o.customerEmail,
          data: { messageId },
        });
      });
    },
  };
}

export function orderCancelledMailJob(deps: AppDeps): JobDefinition<{ orderId: string }> {
  return {
    name: ORDER_CANCELLED_MAIL_JOB,
    retryLimit: 10,
    async handler({ orderId }) {
      const o = await getOrder(deps.db, orderId);
      if (!o.customerEmail || o.events.some((e) => e.type === 'email.cancellation')) return;
      const L = (k: string, p?: Record<string, unknown>) => t(o.locale, `orders.email.cancelled.${k}`, p);
      const body = L('body', { number: o.number, reason: o.cancelReason ?? '' });
      await deps.database.transaction(async (tx) => {
        await query(tx, sql`SELECT id FROM orders WHERE id = ${orderId} FOR UPDATE`);
        const [done] = await query(tx, sql`SELECT 1 FROM order_events WHERE order_id = ${orderId} AND type = 'email.cancellation' LIMIT 1`);
        if (done) return;
        const messageId = await deps.mail.enqueue(tx, {
          to: o.customerEmail!,
          subject: L('subject', { number: o.number }),
          html: `<p>${esc(body)}</p>`,
          text: body,
          tag: 'order.cancelled',
          locale: o.locale,
        });
        await addOrderEvent(tx, { ids: deps.ids, now: deps.clock.now(), actor: SYSTEM_ACTOR }, { orderId, type: 'email.cancellation', data: { messageId } });
      });
    },
  };
}
