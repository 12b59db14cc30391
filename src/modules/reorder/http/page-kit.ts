import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { isAppError } from '../../../platform/errors/app-error.js';
import { problemOf } from '../../../platform/http/problem.js';
import { csrfHiddenInput } from '../../../platform/http/csrf.js';
import { formatMoney, money } from '../../../platform/money/index.js';
import { html, raw, langOf, localePath, type Html, type PageCtx } from '../../storefront/index.js';
import type { ReorderDifference } from '../domain/differences.js';
import { buyerContext } from './who.js';

export const hidden = { config: { public: true }, schema: { hide: true } } as const;
export type FormBody = Record<string, string | string[]>;

/**
 * The urlencoded parser for this module's page forms. Repeated names (the checkboxes of "build
 * from history") stay arrays; everything else is a string, as the CSRF check expects.
 */
export function formScope(app: App, fn: (scope: App) => void): void {
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 256 * 1024 }, (_req, body, done) => {
      const out: FormBody = {};
      for (const [k, v] of new URLSearchParams(body as string)) {
        const prev = out[k];
        out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
      }
      done(null, out);
    });
    fn(scope as unknown as App);
  });
}

export const formOf = (req: FastifyRequest): FormBody => (req.body && typeof req.body === 'object' ? (req.body as FormBody) : {});
export const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
export const all = (v: string | string[] | undefined): string[] => (Array.isArray(v) ? v : v ? [v] : []);
export const csrfField = (req: FastifyRequest): Html => raw(csrfHiddenInput(req));

/** Not signed in as a buyer: to the sign-in page, back here afterwards. */
export function signInRedirect(reply: FastifyReply, lang: string, path: string) {
  return reply.redirect(`/${lang}/account/sign-in?next=${encodeURIComponent(`/${lang}${path}`)}`, 303);
}

/** A refused form action goes back to `path` with the reason (translated) shown at the top. */
export async function tryAction(req: FastifyRequest, reply: FastifyReply, lang: string, back: string, action: () => Promise<string>) {
  try {
    return reply.redirect(await action(), 303);
  } catch (e) {
    if (!isAppError(e)) throw e;
    const p = problemOf(e, String(req.id), lang);
    const detail = p.errors?.length ? `${p.detail} ${p.errors.map((x) => x.message).filter((m) => m !== p.detail).join(' ')}`.trim() : p.detail;
    const sep = back.includes('?') ? '&' : '?';
    return reply.redirect(`${localePath(lang, back)}${sep}error=${encodeURIComponent(detail ?? e.message)}`, 303);
  }
}

export function notice(ctx: PageCtx): Html {
  const q = ctx.req.query as { error?: string; done?: string };
  if (q.error) return html`<p class="notice error" id="reorder-error" role="alert">${q.error}</p>`;
  if (q.done) return html`<p class="notice" id="reorder-done" role="status">${ctx.t(`reorder.done.${q.done}`)}</p>`;
  return html``;
}

export const fmt = (ctx: PageCtx, amount: number, currency: string) => formatMoney(money(amount, currency), ctx.locale);
export const fmtDate = (ctx: PageCtx, iso: string) => new Intl.DateTimeFormat(ctx.locale, { dateStyle: 'medium' }).format(new Date(iso));

/** Each difference as a sentence in the buyer's language. */
export function differenceText(ctx: PageCtx, d: ReorderDifference): string {
  switch (d.kind) {
    case 'price_changed':
      return ctx.t('reorder.diff.priceChanged', { sku: d.sku, name: d.name, old: fmt(ctx, d.oldUnitPrice, d.currency), new: fmt(ctx, d.newUnitPrice, d.currency), up: d.newUnitPrice > d.oldUnitPrice ? 'up' : 'down' });
    case 'not_sold':
      return ctx.t('reorder.diff.notSold', { sku: d.sku, name: d.name });
    case 'short_stock':
      return ctx.t(d.backorder ? 'reorder.diff.backorder' : 'reorder.diff.shortStock', { sku: d.sku, name: d.name, requested: d.requested, available: d.available });
    case 'quantity_adjusted':
      return ctx.t('reorder.diff.quantityAdjusted', { sku: d.sku, name: d.name, from: d.from, to: d.to });
    case 'no_price':
      return ctx.t('reorder.diff.noPrice', { sku: d.sku, name: d.name, currency: d.currency });
    case 'not_added':
      return ctx.t('reorder.diff.notAdded', { sku: d.sku, name: d.name, message: d.message });
  }
}

export function differencesList(ctx: PageCtx, diffs: ReorderDifference[]): Html {
  if (!diffs.length) return html`<p id="reorder-no-differences">${ctx.t('reorder.result.noDifferences')}</p>`;
  return html`<ul class="reorder-differences" id="reorder-differences">${diffs.map((d) => html`<li data-kind="${d.kind}" data-sku="${d.sku}">${differenceText(ctx, d)}</li>`)}</ul>`;
}

type BuyerCtx = Awaited<ReturnType<typeof buyerContext>>;
export interface FormCtx extends BuyerCtx {
  req: FastifyRequest;
  lang: string;
  id: string;
  form: FormBody;
}

/**
 * A buyer's form post: signed out, to sign-in and back; otherwise the action runs and says where
 * to go next (a path inside the language), and a refusal goes back to `back` with the reason.
 */
export function buyerForm(scope: App, deps: AppDeps, route: string, back: (id: string) => string, action: (c: FormCtx) => Promise<string>): void {
  scope.post(route, hidden, async (req, reply) => {
    const lang = langOf(req);
    const id = (req.params as { id?: string }).id ?? '';
    if (req.principal?.kind !== 'customer') return signInRedirect(reply, lang, back(id));
    return tryAction(req, reply, lang, back(id), async () => localePath(lang, await action({ req, lang, id, form: formOf(req), ...(await buyerContext(deps.db, req, lang)) })));
  });
}

/** A buyer's page: signed out, to sign-in and back here; otherwise rendered with the buyer's context. */
export function buyerPage(app: App, deps: AppDeps, route: string, here: (id: string) => string, render: (c: Omit<FormCtx, 'form'> & { reply: FastifyReply }) => Promise<unknown>): void {
  app.get(route, hidden, async (req, reply) => {
    const lang = langOf(req);
    const id = (req.params as { id?: string }).id ?? '';
    if (req.principal?.kind !== 'customer') return signInRedirect(reply, lang, here(id));
    return render({ req, reply, lang, id, ...(await buyerContext(deps.db, req, lang)) });
  });
}
