import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, AppDeps } from '../../../../platform/http/types.js';
import { isAppError, type AppError } from '../../../../platform/errors/app-error.js';
import { problemOf } from '../../../../platform/http/problem.js';
import { csrfHiddenInput } from '../../../../platform/http/csrf.js';
import { t } from '../../../../platform/i18n/i18n.js';
import { html, raw, langOf, localePath, renderStorePage, type Html, type PageCtx, type StorePageOptions } from '../../../storefront/index.js';

/**
 * Small kit for the buyer account pages: plain HTML forms that post urlencoded (or multipart for
 * uploads), re-render with errors beside the fields, and redirect (303) on success, so every
 * page works before and without JavaScript.
 */
export type Form = Record<string, string>;

export interface FormState {
  values?: Form;
  errors?: Record<string, string>;
  formError?: string | null;
  notice?: string | null;
}

/** The hidden `_csrf` input for a signed-in buyer's form ('' for guests). */
export const csrfField = (req: FastifyRequest): Html => raw(csrfHiddenInput(req));

/** Registers the urlencoded parser for the routes added inside `fn` (Fastify scope). */
export function formScope(app: App, fn: (scope: App) => void): void {
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 32 * 1024 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    fn(scope as unknown as App);
  });
}

export const bodyOf = (req: FastifyRequest): Form => (req.body && typeof req.body === 'object' ? (req.body as Form) : {});

/** Turns an AppError into field errors (translated when the catalog has `account.fieldError.<field>`) and a form message. */
export function stateFromError(ctx: PageCtx, e: AppError, values: Form, alias: Record<string, string> = {}): FormState {
  const p = problemOf(e, String(ctx.req.id), ctx.locale);
  const errors: Record<string, string> = {};
  for (const fe of p.errors ?? []) {
    const raw = fe.field.replace(/^body\./, '');
    const field = alias[raw] ?? raw;
    const key = `account.fieldError.${raw}`;
    const tr = ctx.t(key);
    errors[field] ??= tr === key ? fe.message : tr;
  }
  const formError = Object.keys(errors).length ? ctx.t('account.form.fix') : p.detail;
  return { values, errors, formError };
}

/** Runs a form action; on an AppError re-renders the page with the errors and the error's status. */
export async function handleForm(
  req: FastifyRequest, reply: FastifyReply, deps: AppDeps, opts: StorePageOptions,
  action: () => Promise<string | { render: FormState }>,
  render: (ctx: PageCtx, state: FormState) => Html | Promise<Html>,
) {
  const values = bodyOf(req);
  try {
    const r = await action();
    if (typeof r === 'string') return reply.redirect(r, 303);
    return renderStorePage(req, reply, deps, opts, (ctx) => render(ctx, { values, ...r.render }));
  } catch (e) {
    if (!isAppError(e)) throw e;
    if (e.details.headers) for (const [k, v] of Object.entries(e.details.headers)) reply.header(k, v);
    return renderStorePage(req, reply, deps, { ...opts, status: e.status }, (ctx) => render(ctx, stateFromError(ctx, e, values)));
  }
}

export function field(ctx: PageCtx, s: FormState, name: string, opts: { type?: string; required?: boolean; auto?: string; value?: string; label?: string; hint?: string; attrs?: string } = {}): Html {
  const err = s.errors?.[name];
  const value = opts.type === 'password' || opts.type === 'file' ? '' : (opts.value ?? s.values?.[name] ?? '');
  const id = `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
  return html`<div class="field ${err ? 'has-error' : ''}"><label for="${id}">${opts.label ?? ctx.t(`account.field.${name}`)}</label>
<input id="${id}" name="${name}" type="${opts.type ?? 'text'}" ${opts.type === 'file' ? '' : html`value="${value}"`} ${opts.required ? raw('required') : ''} autocomplete="${opts.auto ?? 'on'}" ${opts.attrs ? raw(opts.attrs) : ''} ${err ? html`aria-invalid="true" aria-describedby="${id}-err"` : ''}>
${opts.hint ? html`<small>${opts.hint}</small>` : ''}${err ? html`<p class="error" id="${id}-err" data-error-for="${name}">${err}</p>` : ''}</div>`;
}

export function select(ctx: PageCtx, s: FormState, name: string, options: { value: string; label: string }[], opts: { value?: string; label?: string } = {}): Html {
  const current = opts.value ?? s.values?.[name] ?? '';
  const err = s.errors?.[name];
  const id = `f-${name}`;
  return html`<div class="field ${err ? 'has-error' : ''}"><label for="${id}">${opts.label ?? ctx.t(`account.field.${name}`)}</label>
<select id="${id}" name="${name}">${options.map((o) => html`<option value="${o.value}" ${o.value === current ? raw('selected') : ''}>${o.label}</option>`)}</select>
${err ? html`<p class="error" data-error-for="${name}">${err}</p>` : ''}</div>`;
}

export function messages(s: FormState): Html {
  return html`${s.formError ? html`<p class="alert" role="alert" id="form-error">${s.formError}</p>` : ''}${s.notice ? html`<p class="notice" role="status" id="form-notice">${s.notice}</p>` : ''}`;
}

export const link = (ctx: PageCtx, path: string) => localePath(ctx.locale, path);

/** Only local paths inside the store are followed after sign-in (no open redirect). */
export function safeNext(locale: string, next: unknown): string {
  return typeof next === 'string' && next.startsWith(`/${locale}/`) && !next.startsWith('//') && !/[\\\s]/.test(next) ? next : localePath(locale, '/account');
}

/** Page options with the title from the catalog in the page's language; account pages are never indexed. */
export const pageOpts = (req: FastifyRequest, titleKey: string, extra: Partial<StorePageOptions> = {}): StorePageOptions => ({ title: t(langOf(req), titleKey), noindex: true, ...extra });
