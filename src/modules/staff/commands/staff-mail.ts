import type { Db } from '../../../platform/db/database.js';
import type { AppDeps } from '../../../platform/http/types.js';
import { t } from '../../../platform/i18n/i18n.js';

/**
 * Staff emails (password reset, invitation) in the recipient's language. Texts come from the
 * staff catalog; the HTML is assembled here with every value escaped, since catalog messages are
 * plain text.
 */
function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

interface Letter {
  to: string;
  locale: string;
  tag: string;
  subject: string;
  paragraphsBefore: string[];
  action: string;
  url: string;
  paragraphsAfter: string[];
}

async function send(tx: Db, deps: AppDeps, l: Letter): Promise<void> {
  const para = (p: string) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`;
  const html =
    `<!doctype html><html lang="${escapeHtml(l.locale)}"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1f2937">` +
    l.paragraphsBefore.map(para).join('') +
    `<p style="margin:24px 0"><a href="${escapeHtml(l.url)}" style="background:#1d4ed8;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">${escapeHtml(l.action)}</a></p>` +
    `<p style="margin:0 0 16px;font-size:13px;color:#4b5563;word-break:break-all">${escapeHtml(l.url)}</p>` +
    l.paragraphsAfter.map(para).join('') +
    `</body></html>`;
  const text = [...l.paragraphsBefore, `${l.action}: ${l.url}`, ...l.paragraphsAfter].join('\n\n');
  await deps.mail.enqueue(tx, { to: l.to, subject: l.subject, html, text, tag: l.tag, locale: l.locale });
}

export async function sendPasswordResetMail(
  tx: Db,
  deps: AppDeps,
  p: { email: string; name: string; locale: string; token: string },
): Promise<void> {
  const L = p.locale;
  await send(tx, deps, {
    to: p.email,
    locale: L,
    tag: 'staff.password_reset',
    subject: t(L, 'staff.mail.reset.subject'),
    paragraphsBefore: [t(L, 'staff.mail.reset.greeting', { name: p.name }), t(L, 'staff.mail.reset.intro')],
    action: t(L, 'staff.mail.reset.action'),
    url: `${deps.config.publicUrl}/admin/reset#token=${p.token}`,
    paragraphsAfter: [t(L, 'staff.mail.reset.expiry'), t(L, 'staff.mail.reset.ignore')],
  });
}

export async function sendInvitationMail(
  tx: Db,
  deps: AppDeps,
  p: { email: string; name: string; role: string; locale: string; inviter: string; url: string },
): Promise<void> {
  const L = p.locale;
  const role = t(L, `staff.role.${p.role}`);
  await send(tx, deps, {
    to: p.email,
    locale: L,
    tag: 'staff.invite',
    subject: t(L, 'staff.mail.invite.subject', { inviter: p.inviter }),
    paragraphsBefore: [
      t(L, 'staff.mail.invite.greeting', { name: p.name }),
      t(L, 'staff.mail.invite.intro', { inviter: p.inviter, role }),
    ],
    action: t(L, 'staff.mail.invite.action'),
    url: p.url,
    paragraphsAfter: [t(L, 'staff.mail.invite.expiry')],
  });
}

export const inviteUrl = (deps: AppDeps, token: string) => `${deps.config.publicUrl}/admin/invite#token=${token}`;
