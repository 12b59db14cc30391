import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { notFound } from '../../../platform/errors/app-error.js';
import { t } from '../../../platform/i18n/i18n.js';
import { html, localePath, renderStorePage, type PageCtx } from '../../storefront/index.js';
import type { CheckoutServices } from '../../cart/index.js';
import { getEnabledCurrencies } from '../../fx/index.js';
import { chooseDisplayCurrency, CURRENCY_COOKIE, visitorCountry } from '../../customers/index.js';
import { recentOrdersWithLines, reorderFromHistory, reorderOrder, type HistoryPick } from '../commands/reorder.js';
import { createOrderList } from '../commands/order-lists.js';
import { getOrder } from '../../orders/index.js';
import { reorderRuns } from '../db/reorder.schema.js';
import { all, buyerForm, buyerPage, csrfField, differencesList, fmt, fmtDate, formScope, notice, one } from './page-kit.js';

/** The currency a new cart starts in: the buyer's chosen display currency (as the cart pages do). */
export async function displayCurrency(deps: AppDeps, req: FastifyRequest): Promise<string> {
  const cur = await getEnabledCurrencies(deps.db);
  return chooseDisplayCurrency({ chosen: req.cookies?.[CURRENCY_COOKIE], country: visitorCountry(req), enabled: cur.enabled, base: cur.base });
}

/**
 * Buyer pages: one-click reorder of a past order (a form button on the order page posts here),
 * the result with every difference, and "build from history" (lines of several orders into one
 * cart), with the order export beside it.
 */
export function reorderPages(app: App, deps: AppDeps, services: CheckoutServices): void {
  formScope(app, (scope) => {
    buyerForm(scope, deps, '/:lang/account/orders/:id/reorder', (id) => `/account/orders/${id}`, async ({ who, id }) => {
      const r = await reorderOrder(deps, services, who, id);
      return `/account/reorder/runs/${r.runId}`;
    });

    buyerForm(scope, deps, '/:lang/account/orders/:id/save-list', (id) => `/account/orders/${id}`, async ({ viewer, id, lang, form }) => {
      const o = await getOrder(deps.db, id, { customerId: viewer.customerId });
      const name = one(form.name).trim() || o.number;
      const list = await createOrderList(deps, services, viewer, lang, { name, lines: o.lines.filter((l) => l.skuId).map((l) => ({ sku: l.sku, quantity: l.quantity, note: l.note ?? '' })) });
      return `/account/lists/${list.id}?done=created`;
    });

    buyerForm(scope, deps, '/:lang/account/reorder', () => '/account/reorder', async ({ who, form }) => {
      const picks: HistoryPick[] = all(form.pick).map((v) => {
        const [orderId = '', lineId = ''] = v.split(':');
        const q = Number(one(form[`qty.${lineId}`]));
        return { orderId, lineId, ...(Number.isInteger(q) && q > 0 ? { quantity: q } : {}) };
      });
      const r = await reorderFromHistory(deps, services, who, picks);
      return `/account/reorder/runs/${r.runId}`;
    });
  });

  buyerPage(app, deps, '/:lang/account/reorder', () => '/account/reorder', async ({ req, reply, lang, viewer }) => {
    const orders = await recentOrdersWithLines(deps.db, viewer.customerId, 20);
    return renderStorePage(req, reply, deps, { title: t(lang, 'reorder.history.title'), accountSection: 'reorder' }, (ctx) => html`
      <h1>${ctx.t('reorder.history.title')}</h1>${notice(ctx)}
      <p>${ctx.t('reorder.history.intro')}</p>
      ${orders.length ? html`<form method="post" action="${localePath(lang, '/account/reorder')}" id="history-form">${csrfField(req)}
        ${orders.map((o) => html`<fieldset class="history-order" data-order="${o.number}">
          <legend><a href="${localePath(lang, `/account/orders/${o.id}`)}">${o.number}</a> · ${fmtDate(ctx, o.placedAt)}${o.poNumber ? html` · ${ctx.t('reorder.history.po', { po: o.poNumber })}` : ''}
            <button type="submit" class="button-secondary" formaction="${localePath(lang, `/account/orders/${o.id}/reorder`)}" data-reorder="${o.number}">${ctx.t('reorder.button.reorder')}</button></legend>
          <table><thead><tr><th></th><th>${ctx.t('reorder.col.sku')}</th><th>${ctx.t('reorder.col.product')}</th><th>${ctx.t('reorder.col.quantity')}</th><th>${ctx.t('reorder.col.unitPrice')}</th></tr></thead><tbody>
          ${o.lines.map((l) => html`<tr><td><input type="checkbox" name="pick" value="${o.id}:${l.id}" id="pick-${l.id}" aria-label="${ctx.t('reorder.history.pick', { sku: l.sku })}" data-sku="${l.sku}"></td>
            <td class="mono"><label for="pick-${l.id}">${l.sku}</label></td><td>${l.name}</td>
            <td><input type="number" name="qty.${l.id}" value="${l.quantity}" min="1" step="1" inputmode="numeric" aria-label="${ctx.t('reorder.col.quantity')}"></td><td>${fmt(ctx, l.unitPrice, o.currency)}</td></tr>`)}
          </tbody></table></fieldset>`)}
        <p><button type="submit" class="button" id="history-add">${ctx.t('reorder.history.addPicked')}</button></p>
      </form>` : html`<p id="history-empty">${ctx.t('reorder.history.empty')}</p>`}
      <section id="order-export"><h2>${ctx.t('reorder.export.title')}</h2>
        <form method="get" action="/api/store/exports/orders">
          <input type="hidden" name="locale" value="${lang}">
          <label>${ctx.t('reorder.export.from')} <input type="date" name="from"></label>
          <label>${ctx.t('reorder.export.to')} <input type="date" name="to"></label>
          <label>${ctx.t('reorder.export.format')} <select name="format"><option value="xlsx">Excel (xlsx)</option><option value="csv">CSV</option></select></label>
          <label>${ctx.t('reorder.export.kind')} <select name="kind"><option value="lines">${ctx.t('reorder.export.kindLines')}</option><option value="orders">${ctx.t('reorder.export.kindOrders')}</option></select></label>
          <button type="submit" id="export-download">${ctx.t('reorder.export.download')}</button>
        </form>
        <p><a id="export-xlsx" href="/api/store/exports/orders?format=xlsx&locale=${lang}">${ctx.t('reorder.export.allXlsx')}</a></p>
      </section>`);
  });

  buyerPage(app, deps, '/:lang/account/reorder/runs/:id', (id) => `/account/reorder/runs/${id}`, async ({ req, reply, lang, id, viewer }) => {
    const [run] = await deps.db.select().from(reorderRuns).where(and(eq(reorderRuns.id, id), eq(reorderRuns.customerId, viewer.customerId)));
    if (!run) throw notFound('Reorder', id);
    return renderStorePage(req, reply, deps, { title: t(lang, 'reorder.result.title'), accountSection: 'reorder' }, (ctx: PageCtx) => html`
      <h1>${ctx.t('reorder.result.title')}</h1>
      <p id="reorder-summary" data-lines="${run.linesAdded}">${ctx.t('reorder.result.added', { count: run.linesAdded })}</p>
      ${differencesList(ctx, run.differences)}
      <p><a class="button" id="reorder-to-cart" href="${localePath(lang, '/cart')}">${ctx.t('reorder.result.toCart')}</a>
         <a href="${localePath(lang, '/account/reorder')}">${ctx.t('reorder.result.back')}</a></p>`);
  });
}
