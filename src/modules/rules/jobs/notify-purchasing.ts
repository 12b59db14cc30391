import { inArray } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import type { JobDefinition } from '../../../platform/jobs/queue.js';
import { t } from '../../../platform/i18n/i18n.js';
import { listStaff } from '../../staff/index.js';
import { purchasingTasks } from '../db/rules.schema.js';
import { NOTIFY_PURCHASING_JOB } from '../commands/review-order.js';

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * Emails purchasing the shortage list of a held order (each active staff member with the
 * purchasing role, in their language). The tasks themselves were written with the decision; this
 * job only sends the email, outside that transaction.
 */
export function notifyPurchasingJob(deps: AppDeps): JobDefinition<{ orderId: string; orderNumber: string; taskIds: string[] }> {
  return {
    name: NOTIFY_PURCHASING_JOB,
    retryLimit: 5,
    async handler(data) {
      const tasks = await deps.db.select().from(purchasingTasks).where(inArray(purchasingTasks.id, data.taskIds));
      if (!tasks.length) return;
      const people = (await listStaff(deps)).filter((s) => s.role === 'purchasing' && s.status === 'active');
      if (!people.length) {
        deps.log.warn({ orderId: data.orderId }, 'short stock: no active purchasing staff to email; the tasks wait in the purchasing queue');
        return;
      }
      await deps.database.transaction(async (tx) => {
        for (const p of people) {
          const lines = tasks.map((k) => t(p.locale, 'rules.mail.shortage.line', { sku: k.sku, short: k.quantityShort, available: k.available, ordered: k.ordered }));
          const intro = t(p.locale, 'rules.mail.shortage.intro', { order: data.orderNumber });
          await deps.mail.enqueue(tx, {
            to: p.email,
            subject: t(p.locale, 'rules.mail.shortage.subject', { order: data.orderNumber }),
            text: [intro, '', ...lines.map((l) => `- ${l}`)].join('\n'),
            html: `<p>${escape(intro)}</p><ul>${lines.map((l) => `<li>${escape(l)}</li>`).join('')}</ul>`,
            tag: 'rules.shortage',
            locale: p.locale,
          });
        }
      });
    },
  };
}
