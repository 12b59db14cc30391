import { and, desc, eq, gt, ne } from 'drizzle-orm';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { formatMoney, money } from '../../../platform/money/index.js';
import { html, renderStorePage, langOf } from '../../storefront/index.js';
import { paymentAccounts, paymentInvoices } from '../db/payments.schema.js';
import { creditStatus } from '../commands/credit.js';
import { creditBalanceOf } from '../db/payments-repo.js';
import { describeTerms } from '../domain/terms.js';
import { daysOverdue } from '../domain/credit-policy.js';

/**
 * The buyer's "Payments" account section: the freeze banner (why ordering on terms is paused and
 * which invoices to pay), trade terms and credit limit, open invoices with their due dates, orders
 * still waiting for money, and any credit balance from overpayments.
 */
export function accountPaymentsRoutes(app: App, deps: AppDeps) {
  app.get('/:lang/account/payments', { config: { public: true }, schema: { hide: true } }, async (req, reply) => {
    const lang = langOf(req);
    const p = req.principal;
    if (p?.kind !== 'customer') return reply.redirect(`/${lang}/account/sign-in?next=${encodeURIComponent(`/${lang}/account/payments`)}`, 303);
    const now = deps.clock.now();
    const s = await creditStatus(deps.db, p.customerId, now);
    const invoices = await deps.db
      .select()
      .from(paymentInvoices)
      .where(and(eq(paymentInvoices.customerId, p.customerId), gt(paymentInvoices.outstanding, 0)))
      .orderBy(paymentInvoices.dueAt);
    const unpaid = await deps.db
      .select()
      .from(paymentAccounts)
      .where(and(eq(paymentAccounts.customerId, p.customerId), ne(paymentAccounts.status, 'paid'), ne(paymentAccounts.status, 'overpaid'), ne(paymentAccounts.status, 'refunded')))
      .orderBy(desc(paymentAccounts.updatedAt))
      .limit(50);
    const balances = await creditBalanceOf(deps.db, p.customerId);
    const numbers = new Map<string, string>();
    if (unpaid.length) {
      const r = await deps.database.exec('SELECT id, number, status FROM orders WHERE id = ANY($1)', [unpaid.map((u) => u.orderId)]);
      for (const row of r.rows as { id: string; number: string; status: string }[]) if (row.status !== 'cancelled') numbers.set(row.id, row.number);
    }
    reply.header('cache-control', 'private, no-store');
    return renderStorePage(req, reply, deps, { title: 'Payments', accountSection: 'payments' }, (ctx) => {
      const T = ctx.t;
      const m = (n: number, c: string) => formatMoney(money(n, c), ctx.locale);
      const d = (x: Date) => new Intl.DateTimeFormat(ctx.locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(x);
      const terms = describeTerms(s.terms);
      return html`<h1>${T('payments.account.title')}</h1>
        ${s.freeze.frozen ? html`<div class="notice error" role="alert" id="credit-frozen-banner"><strong>${T('payments.account.frozen')}</strong>
          <ul>${s.freeze.overdue.map((i) => html`<li>${T('payments.account.payToLift', { invoice: i.number, amount: m(i.outstanding, i.currency), days: i.daysOverdue })}</li>`)}</ul></div>` : ''}
        <dl class="kv" id="account-terms">
          <dt>${T('payments.account.terms')}</dt><dd>${T(terms.key, terms.params)}</dd>
          ${s.limit ? html`<dt>${T('payments.account.creditLimit')}</dt><dd>${m(s.limit.amount, s.limit.currency)}</dd>
          <dt>${T('payments.account.openReceivables')}</dt><dd id="open-receivables">${m(s.openReceivables, s.limit.currency)}</dd>` : ''}
          ${balances.map((b) => html`<dt>${T('payments.account.creditBalance')}</dt><dd class="credit-balance">${m(b.amount, b.currency)}</dd>`)}
        </dl>
        <h2>${T('payments.account.invoices')}</h2>
        ${invoices.length ? html`<table id="account-invoices"><thead><tr><th>${T('payments.account.invoice')}</th><th>${T('payments.account.issued')}</th><th>${T('payments.account.due')}</th><th>${T('payments.account.outstanding')}</th><th></th></tr></thead><tbody>
          ${invoices.map((i) => {
            const late = daysOverdue(i.dueAt, now);
            return html`<tr data-invoice="${i.number}" class="${late > 0 ? 'overdue' : ''}"><td>${i.number}</td><td>${d(i.issuedAt)}</td><td>${d(i.dueAt)}${late > 0 ? html` <strong class="error">${T('payments.account.daysOverdue', { days: late })}</strong>` : ''}</td><td>${m(i.outstanding, i.currency)}</td>
              <td><a class="button" href="/${lang}/pay/${encodeURIComponent(i.orderId)}" data-pay-invoice="${i.number}">${T('payments.account.pay')}</a></td></tr>`;
          })}</tbody></table>` : html`<p id="no-invoices">${T('payments.account.noInvoices')}</p>`}
        <h2>${T('payments.account.awaiting')}</h2>
        ${unpaid.filter((u) => numbers.has(u.orderId)).length ? html`<table id="account-unpaid"><tbody>${unpaid.filter((u) => numbers.has(u.orderId)).map((u) => html`<tr data-order="${numbers.get(u.orderId)}"><td>${numbers.get(u.orderId)}</td><td>${T(`payments.status.${u.status}`)}</td><td>${m(u.total, u.currency)}</td><td><a href="/${lang}/pay/${encodeURIComponent(u.orderId)}">${T('payments.account.pay')}</a></td></tr>`)}</tbody></table>` : html`<p>${T('payments.account.nothingAwaiting')}</p>`}`;
    });
  });
}
