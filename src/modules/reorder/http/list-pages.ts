import type { App, AppDeps } from '../../../platform/http/types.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { t } from '../../../platform/i18n/i18n.js';
import { html, localePath, raw, renderStorePage } from '../../storefront/index.js';
import type { CheckoutServices } from '../../cart/index.js';
import { createOrderList, deleteOrderList, getOrderList, listOrderLists, updateOrderList, type ListLineInput } from '../commands/order-lists.js';
import { orderFromList } from '../commands/reorder.js';
import { displayCurrency } from './store-pages.js';
import { all, buyerForm, buyerPage, csrfField, fmtDate, formScope, notice, one } from './page-kit.js';

/**
 * "SKU quantity" per line (tab, space, comma or semicolon between; quantity 1 when left out), as
 * people paste from a spreadsheet. A bad quantity names its line.
 */
export function parsePastedLines(text: string): ListLineInput[] {
  const out: ListLineInput[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const [sku = '', qty] = line.split(/[\t ,;]+/);
    const quantity = qty === undefined ? 1 : Number(qty);
    if (!Number.isInteger(quantity) || quantity < 1) {
      throw new AppError('validation_failed', `Line ${i + 1} (${line}): the quantity must be a whole number of at least 1.`, { errors: [{ field: 'body.add', message: `line ${i + 1}: quantity must be a whole number of at least 1` }], key: 'reorder.error.pastedQuantity', params: { line: i + 1, text: line } });
    }
    out.push({ sku, quantity });
  });
  return out;
}

/** Saved order lists in the buyer's account: create, edit, share in the company, order from. */
export function listPages(app: App, deps: AppDeps, services: CheckoutServices): void {
  formScope(app, (scope) => {
    buyerForm(scope, deps, '/:lang/account/lists', () => '/account/lists', async ({ viewer, lang, form }) => {
      const list = await createOrderList(deps, services, viewer, lang, { name: one(form.name), shared: one(form.shared) === 'on', lines: parsePastedLines(one(form.add)) });
      return `/account/lists/${list.id}?done=created`;
    });

    buyerForm(scope, deps, '/:lang/account/lists/:id', (id) => `/account/lists/${id}`, async ({ viewer, lang, id, form }) => {
      const qtys = all(form.qty);
      const notes = all(form.note);
      const kept: ListLineInput[] = all(form.sku).map((sku, i) => ({ sku, quantity: Number(qtys[i] ?? 0), note: notes[i] ?? '' })).filter((l) => l.quantity !== 0);
      const version = Number(one(form.version));
      await updateOrderList(deps, services, viewer, lang, id, {
        name: one(form.name), shared: one(form.shared) === 'on', lines: [...kept, ...parsePastedLines(one(form.add))], ...(Number.isInteger(version) ? { version } : {}),
      });
      return `/account/lists/${id}?done=saved`;
    });

    buyerForm(scope, deps, '/:lang/account/lists/:id/delete', (id) => `/account/lists/${id}`, async ({ viewer, id }) => {
      await deleteOrderList(deps, viewer, id);
      return '/account/lists?done=deleted';
    });

    buyerForm(scope, deps, '/:lang/account/lists/:id/order', (id) => `/account/lists/${id}`, async ({ req, who, viewer, id }) => {
      const r = await orderFromList(deps, services, who, viewer, id, { currency: await displayCurrency(deps, req) });
      return `/account/reorder/runs/${r.runId}`;
    });
  });

  buyerPage(app, deps, '/:lang/account/lists', () => '/account/lists', async ({ req, reply, lang, viewer }) => {
    const lists = await listOrderLists(deps.db, viewer);
    return renderStorePage(req, reply, deps, { title: t(lang, 'reorder.lists.title'), accountSection: 'lists' }, (ctx) => html`
      <h1>${ctx.t('reorder.lists.title')}</h1>${notice(ctx)}
      ${lists.length ? html`<table id="order-lists"><thead><tr><th>${ctx.t('reorder.lists.name')}</th><th>${ctx.t('reorder.lists.lines')}</th><th>${ctx.t('reorder.lists.owner')}</th><th>${ctx.t('reorder.lists.updated')}</th></tr></thead><tbody>
        ${lists.map((l) => html`<tr data-list="${l.name}"><td><a href="${localePath(lang, `/account/lists/${l.id}`)}">${l.name}</a></td><td>${l.lineCount}</td>
          <td>${l.mine ? ctx.t('reorder.lists.you') : l.ownerLabel}${l.shared ? html` · <span class="badge" data-shared>${ctx.t('reorder.lists.shared')}</span>` : ''}</td><td>${fmtDate(ctx, l.updatedAt)}</td></tr>`)}
      </tbody></table>` : html`<p id="lists-empty">${ctx.t('reorder.lists.empty')}</p>`}
      <h2>${ctx.t('reorder.lists.new')}</h2>
      <form method="post" action="${localePath(lang, '/account/lists')}" id="new-list">${csrfField(req)}
        <p><label>${ctx.t('reorder.lists.name')} <input name="name" required maxlength="120"></label></p>
        <p><label>${ctx.t('reorder.lists.paste')}<br><textarea name="add" rows="6" cols="40" placeholder="${'SKU-1 10\nSKU-2 4'}"></textarea></label></p>
        <p><label><input type="checkbox" name="shared"> ${ctx.t('reorder.lists.shareWithCompany')}</label></p>
        <button type="submit" class="button">${ctx.t('reorder.lists.create')}</button>
      </form>`);
  });

  buyerPage(app, deps, '/:lang/account/lists/:id', (id) => `/account/lists/${id}`, async ({ req, reply, lang, id, viewer }) => {
    const list = await getOrderList(deps.db, viewer, id);
    const ro = list.canEdit ? '' : raw('readonly');
    return renderStorePage(req, reply, deps, { title: list.name, accountSection: 'lists' }, (ctx) => html`
      <p><a href="${localePath(lang, '/account/lists')}">${ctx.t('reorder.lists.back')}</a></p>
      <h1 id="list-name">${list.name}</h1>${notice(ctx)}
      <p>${list.shared ? ctx.t('reorder.lists.sharedBy', { owner: list.ownerLabel }) : ctx.t('reorder.lists.private')}</p>
      <form method="post" action="${localePath(lang, `/account/lists/${id}/order`)}">${csrfField(req)}
        <button type="submit" class="button" id="list-order" ${list.lines.length ? '' : raw('disabled')}>${ctx.t('reorder.lists.order')}</button></form>
      <form method="post" action="${localePath(lang, `/account/lists/${id}`)}" id="list-form">${csrfField(req)}
        <input type="hidden" name="version" value="${list.version}">
        ${list.canEdit ? html`<p><label>${ctx.t('reorder.lists.name')} <input name="name" value="${list.name}" required maxlength="120"></label></p>
          <p><label><input type="checkbox" name="shared" id="list-shared" ${list.shared ? raw('checked') : ''}> ${ctx.t('reorder.lists.shareWithCompany')}</label></p>` : html`<input type="hidden" name="name" value="${list.name}">`}
        <table id="list-lines"><thead><tr><th>${ctx.t('reorder.col.sku')}</th><th>${ctx.t('reorder.col.product')}</th><th>${ctx.t('reorder.col.quantity')}</th><th>${ctx.t('reorder.col.note')}</th></tr></thead><tbody>
        ${list.lines.map((l) => html`<tr data-sku="${l.sku}"><td class="mono">${l.sku}<input type="hidden" name="sku" value="${l.sku}"></td><td>${l.name}</td>
          <td><input type="number" name="qty" value="${l.quantity}" min="0" step="1" ${ro} aria-label="${ctx.t('reorder.col.quantity')}"></td><td><input name="note" value="${l.note}" maxlength="500" ${ro} aria-label="${ctx.t('reorder.col.note')}"></td></tr>`)}
        </tbody></table>
        ${list.canEdit ? html`<p class="hint">${ctx.t('reorder.lists.zeroRemoves')}</p>
          <p><label>${ctx.t('reorder.lists.paste')}<br><textarea name="add" rows="4" cols="40"></textarea></label></p>
          <button type="submit" id="list-save">${ctx.t('reorder.lists.save')}</button>` : html`<p>${ctx.t('reorder.lists.readOnly')}</p>`}
      </form>
      ${list.canEdit ? html`<form method="post" action="${localePath(lang, `/account/lists/${id}/delete`)}">${csrfField(req)}<button type="submit" class="button-secondary" id="list-delete">${ctx.t('reorder.lists.delete')}</button></form>` : ''}`);
  });
}
