import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { formatMoney, money } from '../../../platform/money/index.js';
import { t } from '../../../platform/i18n/i18n.js';
import { html, langOf, renderStorePage, type Html, type PageCtx } from '../../storefront/index.js';
import type { BulkServices } from '../services.js';
import { COLUMN_KEYS } from '../domain/types.js';
import { getUploadView, listUploads } from '../queries/upload-view.js';
import { BULK_JS } from './bulk-island.js';

const hidden = { config: { public: true }, schema: { hide: true } } as const;
type View = Awaited<ReturnType<typeof getUploadView>>;

function signedIn(req: FastifyRequest, reply: FastifyReply, path: string): string | null {
  const p = req.principal;
  if (p?.kind === 'customer') return p.customerId;
  const lang = langOf(req);
  void reply.redirect(`/${lang}/account/sign-in?next=${encodeURIComponent(`/${lang}${path}`)}`, 303);
  return null;
}

const script = html`<script src="/assets/bulk/bulk.js" defer></script>`;

function uploadsList(ctx: PageCtx, items: Awaited<ReturnType<typeof listUploads>>): Html {
  if (!items.length) return html`<p class="muted">${ctx.t('bulk.page.noUploads')}</p>`;
  return html`<table class="bulk-uploads"><thead><tr><th>${ctx.t('bulk.page.file')}</th><th>${ctx.t('bulk.page.status')}</th><th>${ctx.t('bulk.page.enteredBy')}</th><th>${ctx.t('bulk.page.date')}</th></tr></thead><tbody>
${items.map((u) => html`<tr><td><a href="/${ctx.locale}/account/bulk/${u.id}">${u.filename ?? ctx.t('bulk.page.quickOrder')}</a></td><td data-status="${u.status}">${ctx.t(`bulk.status.${u.status}`)}${u.status === 'validating' || u.status === 'applying' ? ` (${u.progressDone}/${u.progressTotal})` : ''}</td><td>${u.enteredByType === 'staff' ? ctx.t('bulk.page.byStaff', { who: u.enteredByLabel }) : ctx.t('bulk.page.byYou')}</td><td>${new Date(u.createdAt).toLocaleString(ctx.locale)}</td></tr>`)}
</tbody></table>`;
}

function preview(ctx: PageCtx, v: View): Html {
  const fmt = (minor: number | null) => (minor === null ? '—' : formatMoney(money(minor, v.currency), ctx.locale));
  const errors = v.issues.filter((i) => i.severity === 'error');
  const warnings = v.issues.filter((i) => i.severity === 'warning');
  const rowsWithIssues = [...new Set(v.issues.map((i) => i.rowNo))];
  const rowOf = new Map(v.rows.map((r) => [r.rowNo, r]));
  const editable = v.status === 'ready';
  const issuesTable = v.issues.length
    ? html`<section class="bulk-issues" aria-labelledby="issues-h"><h2 id="issues-h">${ctx.t('bulk.page.issuesTitle', { errors: errors.length, warnings: warnings.length })}</h2>
<table><thead><tr><th>${ctx.t('bulk.page.row')}</th><th>${ctx.t('bulk.page.column')}</th><th>${ctx.t('bulk.page.value')}</th><th>${ctx.t('bulk.page.whatToDo')}</th></tr></thead><tbody>
${v.issues.map((i) => {
  const cell = rowOf.get(i.rowNo)?.cells[i.column] ?? '';
  return html`<tr class="issue ${i.severity}" data-severity="${i.severity}" data-code="${i.code}" data-row="${i.rowNo}" data-column="${i.column}">
<td>${i.rowNo}</td><td>${ctx.t(`bulk.col.${i.column}`)}</td>
<td>${editable && i.severity === 'error'
    ? html`<input class="fix" name="fix-${i.rowNo}-${i.column}" data-row="${i.rowNo}" data-column="${i.column}" value="${i.suggestion ?? cell}" aria-label="${ctx.t('bulk.page.fixLabel', { row: i.rowNo, column: ctx.t(`bulk.col.${i.column}`) })}">`
    : cell}</td>
<td>${i.message}</td></tr>`;
})}
</tbody></table>
${editable && errors.length ? html`<p><button type="button" id="bulk-fix" class="button">${ctx.t('bulk.page.applyFixes')}</button> <span class="muted">${ctx.t('bulk.page.fixHint', { rows: rowsWithIssues.length })}</span></p>` : ''}
</section>`
    : html`<p class="ok" id="bulk-no-issues">${ctx.t('bulk.page.noIssues')}</p>`;
  const groups = v.preview?.groups ?? [];
  return html`${issuesTable}
<section class="bulk-preview"><h2>${ctx.t('bulk.page.previewTitle', { orders: groups.length, lines: v.preview?.lineCount ?? 0 })}</h2>
${groups.map((g) => html`<article class="bulk-group" data-group="${g.label}">
<h3>${ctx.t('bulk.page.shipTo', { label: g.label })}</h3>
<p class="muted">${[g.shipTo.name, g.shipTo.company, g.shipTo.line1, g.shipTo.city, g.shipTo.postalCode, g.shipTo.countryCode].filter(Boolean).join(', ')}</p>
${g.problems.map((p) => html`<p class="error" role="alert">${p}</p>`)}
<table><thead><tr><th>${ctx.t('bulk.page.row')}</th><th>SKU</th><th>${ctx.t('bulk.page.product')}</th><th>${ctx.t('bulk.col.quantity')}</th><th>${ctx.t('bulk.page.unitPrice')}</th><th>${ctx.t('bulk.page.lineTotal')}</th><th>${ctx.t('bulk.page.stock')}</th></tr></thead><tbody>
${g.lines.map((l) => html`<tr data-row="${l.rowNo}"><td>${l.rowNo}</td><td>${l.sku}</td><td>${l.name}</td><td>${l.quantity}</td><td>${fmt(l.unitPrice)}</td><td>${fmt(l.lineTotal)}</td><td>${ctx.t(`inventory.availability.${l.availability}`, { available: '', backordered: l.backordered, days: '' })}</td></tr>`)}
</tbody><tfoot>
<tr><td colspan="5">${ctx.t('bulk.page.items')}</td><td>${fmt(g.totals.items)}</td><td></td></tr>
<tr><td colspan="5">${g.shipping ? ctx.t('bulk.page.shipping', { method: g.shipping.name }) : ctx.t('bulk.page.noShipping')}</td><td>${fmt(g.totals.shipping)}</td><td></td></tr>
${g.totals.tax ? html`<tr><td colspan="5">${ctx.t('bulk.page.tax')}</td><td>${fmt(g.totals.tax)}</td><td></td></tr>` : ''}
${g.totals.duty ? html`<tr><td colspan="5">${ctx.t('bulk.page.duty')}</td><td>${fmt(g.totals.duty)}</td><td></td></tr>` : ''}
<tr class="total"><td colspan="5">${ctx.t('bulk.page.shipmentTotal')}</td><td class="group-total">${fmt(g.totals.grandTotal)}</td><td></td></tr>
</tfoot></table></article>`)}
${groups.length ? html`<p class="bulk-grand">${ctx.t('bulk.page.grandTotal')}: <strong>${fmt(v.preview?.grandTotal ?? 0)}</strong></p>` : ''}
</section>
${editable ? html`<form id="bulk-confirm" class="bulk-confirm">
${warnings.some((w) => w.code === 'backorder') ? html`<label><input type="checkbox" name="acceptBackorders"> ${ctx.t('bulk.page.acceptBackorders')}</label>` : ''}
${v.duplicateOf ? html`<p class="warning" role="alert">${ctx.t('bulk.page.duplicate')}</p><label><input type="checkbox" name="orderAgain"> ${ctx.t('bulk.page.orderAgain')}</label>` : ''}
<button type="submit" class="button primary" ${errors.length ? 'disabled' : ''}>${ctx.t('bulk.page.confirm', { orders: groups.length })}</button>
<p class="error" id="bulk-error" role="alert" hidden></p>
</form>` : ''}`;
}

function uploadPage(ctx: PageCtx, v: View): Html {
  const busy = v.status === 'validating' || v.status === 'applying';
  return html`<h1>${v.filename ?? ctx.t('bulk.page.quickOrder')}</h1>
<div id="bulk-upload" data-upload="${v.id}" data-status="${v.status}" data-base="/api/store/bulk">
<p class="bulk-status">${ctx.t('bulk.page.status')}: <strong data-status-text>${ctx.t(`bulk.status.${v.status}`)}</strong></p>
${busy ? html`<div class="bulk-progress"><progress id="bulk-progress" max="${v.progress.total || 1}" value="${v.progress.done}"></progress> <span id="bulk-progress-text">${v.progress.done} / ${v.progress.total}</span>
<p class="muted">${ctx.t('bulk.page.canLeave')}</p></div>` : ''}
${v.shipments.length ? html`<section class="bulk-orders"><h2>${ctx.t('bulk.page.ordersTitle')}</h2><ul>
${v.shipments.map((s) => html`<li data-shipment="${s.status}">${s.label}: ${s.orderId ? html`<a class="order-link" href="/${ctx.locale}/account/orders/${s.orderId}">${s.orderNumber}</a>` : ctx.t(`bulk.status.${s.status}`)} ${s.error ? html`<span class="error">${s.error}</span>` : ''}</li>`)}
</ul></section>` : ''}
${v.status === 'validating' ? '' : preview(ctx, v)}
</div>${script}`;
}

/** The buyer's bulk order pages in the store's frame (all 8 languages), account side navigation included. */
export function bulkPages(app: App, deps: AppDeps, services: BulkServices): void {
  app.get('/assets/bulk/bulk.js', hidden, async (_req, reply) => reply.header('content-type', 'text/javascript; charset=utf-8').header('cache-control', 'public, max-age=300').send(BULK_JS));

  app.get('/:lang/account/bulk', hidden, async (req, reply) => {
    const customerId = signedIn(req, reply, '/account/bulk');
    if (!customerId) return reply;
    const items = await listUploads(deps.db, customerId);
    return renderStorePage(req, reply, deps, { title: t(langOf(req), 'bulk.page.title'), accountSection: 'bulk' }, (ctx) => html`<h1>${ctx.t('bulk.page.title')}</h1>
<p>${ctx.t('bulk.page.intro')}</p>
<section class="bulk-template"><h2>${ctx.t('bulk.page.templateTitle')}</h2>
<ul><li><a id="template-xlsx" href="/api/store/bulk/template?format=xlsx&amp;locale=${ctx.locale}" download>${ctx.t('bulk.page.templateXlsx')}</a></li>
<li><a id="template-prefill" href="/api/store/bulk/template?format=xlsx&amp;prefill=1&amp;locale=${ctx.locale}" download>${ctx.t('bulk.page.templatePrefill')}</a></li>
<li><a id="template-csv" href="/api/store/bulk/template?format=csv&amp;locale=${ctx.locale}" download>${ctx.t('bulk.page.templateCsv')}</a></li></ul></section>
<section><h2>${ctx.t('bulk.page.uploadTitle')}</h2>
<form id="bulk-form" data-base="/api/store/bulk" enctype="multipart/form-data">
<label>${ctx.t('bulk.page.fileLabel')} <input type="file" name="file" accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" required></label>
<button type="submit" class="button primary">${ctx.t('bulk.page.upload')}</button>
<p class="error" id="bulk-error" role="alert" hidden></p>
</form><p class="muted">${ctx.t('bulk.page.columnsHint', { columns: COLUMN_KEYS.map((k) => ctx.t(`bulk.col.${k}`)).join(', ') })}</p></section>
<section><h2>${ctx.t('bulk.page.historyTitle')}</h2>${uploadsList(ctx, items)}</section>${script}`);
  });

  app.get('/:lang/account/bulk/:id', hidden, async (req, reply) => {
    const id = (req.params as { id: string }).id;
    const customerId = signedIn(req, reply, `/account/bulk/${id}`);
    if (!customerId) return reply;
    const lang = langOf(req);
    const v = await getUploadView(deps.db, id, customerId, lang);
    return renderStorePage(req, reply, deps, { title: v.filename ?? t(lang, 'bulk.page.quickOrder'), accountSection: 'bulk' }, (ctx) => uploadPage(ctx, v));
  });

  app.get('/:lang/account/quick-order', hidden, async (req, reply) => {
    const customerId = signedIn(req, reply, '/account/quick-order');
    if (!customerId) return reply;
    void services;
    return renderStorePage(req, reply, deps, { title: t(langOf(req), 'bulk.page.quickTitle'), accountSection: 'quick-order' }, (ctx) => html`<h1>${ctx.t('bulk.page.quickTitle')}</h1>
<p>${ctx.t('bulk.page.quickIntro')}</p>
<form id="quick-form" data-base="/api/store/bulk">
<p><label>${ctx.t('bulk.page.quickSearch')} <input id="sku-search" list="sku-options" autocomplete="off"></label>
<datalist id="sku-options"></datalist> <label>${ctx.t('bulk.col.quantity')} <input id="sku-qty" type="number" min="1" value="1"></label>
<button type="button" id="sku-add" class="button">${ctx.t('bulk.page.quickAdd')}</button></p>
<p><label>${ctx.t('bulk.page.quickPaste')}<br><textarea name="text" id="quick-text" rows="12" cols="50" placeholder="LED-100W 20&#10;PANEL-60 50"></textarea></label></p>
<button type="submit" class="button primary">${ctx.t('bulk.page.quickCheck')}</button>
<p class="error" id="bulk-error" role="alert" hidden></p>
</form>${script}`);
  });
}
