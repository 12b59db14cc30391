import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import type { Db } from '../../../platform/db/database.js';
import type { SessionTimes } from '../../../platform/auth/sessions.js';
import { t } from '../../../platform/i18n/i18n.js';

export interface RequestInfo {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export const sessionTimes = (deps: AppDeps): SessionTimes => ({ ttlMs: deps.config.sessionTtlMs, idleMs: deps.config.sessionIdleMs });

export const customerActor = (u: { id: string; email: string }, req: RequestInfo): Actor => ({ type: 'customer', id: u.id, label: u.email, ip: req.ip, requestId: req.requestId });
export const anonymous = (req: RequestInfo): Actor => ({ type: 'system', id: null, label: 'anonymous', ip: req.ip, requestId: req.requestId });

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * Buyer emails in the buyer's language: subject and paragraphs from the customers catalog
 * (plain text, escaped here), an optional button link.
 */
export async function sendCustomerMail(
  tx: Db,
  deps: AppDeps,
  m: { to: string; locale: string; key: string; params?: Record<string, unknown>; url?: string },
): Promise<void> {
  const p = { ...m.params };
  const subject = t(m.locale, `${m.key}.subject`, p);
  const body = t(m.locale, `${m.key}.body`, p).split('\n\n');
  const action = m.url ? t(m.locale, `${m.key}.action`, p) : null;
  const html =
    `<!doctype html><html lang="${escapeHtml(m.locale)}" dir="${m.locale === 'ar' ? 'rtl' : 'ltr'}"><body style="font-family:system-ui,sans-serif;line-height:1.5">` +
    body.map((x) => `<p>${escapeHtml(x)}</p>`).join('') +
    (m.url && action ? `<p><a href="${escapeHtml(m.url)}">${escapeHtml(action)}</a></p><p style="font-size:13px;word-break:break-all">${escapeHtml(m.url)}</p>` : '') +
    `</body></html>`;
  const text = [...body, ...(m.url ? [`${action}: ${m.url}`] : [])].join('\n\n');
  await deps.mail.enqueue(tx, { to: m.to, subject, html, text, tag: m.key.replace(/^customers\.mail\./, 'customers.'), locale: m.locale });
}

/** A link to a storefront account page in the buyer's language. */
export const accountUrl = (deps: AppDeps, locale: string, path: string) => `${deps.config.publicUrl.replace(/\/+$/, '')}/${locale}${path}`;
