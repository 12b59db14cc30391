import type { FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { actorOf } from '../../../platform/auth/principal.js';
import { AppError, isAppError } from '../../../platform/errors/app-error.js';
import { assertCsrfField } from '../../../platform/http/csrf.js';
import { currencyExponent, formatMoney, money } from '../../../platform/money/index.js';
import { html, renderStorePage, langOf, type Html, type PageCtx } from '../../storefront/index.js';
import { getBuyerView, cachedCustomerSettings } from '../../customers/index.js';
import type { OrderDetail } from '../../orders/index.js';
import { paymentInstructions } from '../queries/instructions.js';
import { startCardPayment } from '../commands/start-card-payment.js';
import { startPayPalPayment, capturePayPalReturn } from '../commands/paypal-payment.js';
import { submitRemittanceSlip, submitWesternUnion } from '../commands/buyer-submissions.js';
import { assertBuyerOfOrder } from './access.js';

const hidden = { config: { public: true }, schema: { hide: true } } as const;
type Instructions = Awaited<ReturnType<typeof paymentInstructions>>;

/** "1,234.50" in the order currency → minor units, exactly (no floats); null when malformed. */
export function toMinor(input: string, currency: string): number | null {
  const s = input.trim().replace(/[\s\u00a0']/g, '');
  const m = /^(\d{1,15})(?:[.,](\d+))?$/.exec(s.replace(/,(?=\d{3}(\D|$))/g, ''));
  if (!m) return null;
  const exp = currencyExponent(currency);
  const frac = m[2] ?? '';
  if (frac.length > exp) return null;
  const n = Number(m[1]) * 10 ** exp + Number(frac.padEnd(exp, '0') || '0');
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

const q = (token: string | undefined) => (token ? `?token=${encodeURIComponent(token)}` : '');
const tokenOf = (req: FastifyRequest) => {
  // `t` on return URLs: PayPal appends its own `token` (its order id) to the return URL.
  const query = req.query as { t?: unknown; token?: unknown };
  const t = query.t ?? query.token ?? (req.body as { token?: unknown } | undefined)?.token;
  return typeof t === 'string' && t.length <= 100 ? t : undefined;
};
const csrfInput = (ctx: PageCtx) => (ctx.csrfToken ? html`<input type="hidden" name="_csrf" value="${ctx.csrfToken}">` : '');

function payBody(ctx: PageCtx, o: OrderDetail, info: Instructions, token: string | undefined, opts: { error?: string; notice?: string } = {}): Html {
  const T = ctx.t;
  const m = (n: number) => formatMoney(money(n, info.currency), ctx.locale);
  const base = `/${ctx.locale}/pay/${encodeURIComponent(o.id)}`;
  const hiddenToken = token ? html`<input type="hidden" name="token" value="${token}">` : '';
  const offered = new Set(info.methods.map((x) => x.method));
  const instr = (method: string) => info.methods.find((x) => x.method === method && x.offered) as { instructions?: string | null; fee?: number } | undefined;
  const section = (method: string, inner: Html) =>
    html`<section class="card pay-method" id="method-${method}" data-method="${method}"><h2>${T(`payments.method.${method}`)}</h2>${instr(method)?.instructions ? html`<p class="instructions">${instr(method)!.instructions!}</p>` : ''}${inner}</section>`;
  const paid = info.dueNow <= 0;
  const amountField = (name: string) =>
    html`<label>${T('payments.pay.amountSent', { currency: info.currency })} <input name="${name}" inputmode="decimal" required value="${(info.dueNow / 10 ** currencyExponent(info.currency)).toFixed(currencyExponent(info.currency))}"></label>`;
  return html`<h1>${T('payments.pay.title', { number: o.number })}</h1>
    ${opts.error ? html`<p class="notice error" role="alert" id="pay-error">${opts.error}</p>` : ''}
    ${opts.notice ? html`<p class="notice" role="status" id="pay-notice">${opts.notice}</p>` : ''}
    <table class="totals" id="pay-summary"><tbody>
      <tr><th scope="row">${T('payments.pay.total')}</th><td>${m(info.total)}</td></tr>
      ${info.codFee ? html`<tr><th scope="row">${T('payments.pay.codFee')}</th><td>${m(info.codFee)}</td></tr>` : ''}
      <tr><th scope="row">${T('payments.pay.status')}</th><td id="pay-status" data-status="${info.status}">${T(`payments.status.${info.status}`)}</td></tr>
      ${info.depositRequired > 0 ? html`<tr><th scope="row">${T('payments.pay.deposit', { percent: info.depositPercent ?? 30 })}</th><td id="pay-deposit">${m(info.depositRequired)}</td></tr>` : ''}
      <tr><th scope="row">${T('payments.pay.balanceDue')}</th><td id="pay-balance">${m(info.balanceDue)}</td></tr>
      <tr class="grand"><th scope="row">${T(info.depositDue > 0 ? 'payments.pay.depositDueNow' : 'payments.pay.dueNow')}</th><td id="pay-due-now">${m(Math.max(0, info.dueNow))}</td></tr>
    </tbody></table>
    ${info.invoice ? html`<p id="pay-invoice">${T('payments.pay.onTerms', { invoice: info.invoice.number, date: new Intl.DateTimeFormat(ctx.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(info.invoice.dueAt)) })}</p>` : ''}
    ${paid ? html`<p class="notice" id="pay-done">${T('payments.pay.nothingDue')}</p>` : html`
    <p>${T('payments.pay.choose')}</p>
    ${offered.has('card') ? section('card', html`<form method="post" action="${base}/card">${csrfInput(ctx)}${hiddenToken}<p>${T('payments.pay.cardNote')}</p><button type="submit" class="button" id="pay-card">${T('payments.pay.cardButton', { amount: m(info.dueNow) })}</button></form>`) : ''}
    ${offered.has('paypal') ? section('paypal', html`<form method="post" action="${base}/paypal">${csrfInput(ctx)}${hiddenToken}<button type="submit" class="button" id="pay-paypal">${T('payments.pay.paypalButton', { amount: m(info.dueNow) })}</button></form>`) : ''}
    ${offered.has('tt') && info.bankTransfer ? section('tt', html`
      <dl class="bank-details" id="bank-details">
        ${info.bankTransfer.bankDetails ? html`<dt>${T('payments.bank.beneficiary')}</dt><dd>${info.bankTransfer.bankDetails.beneficiary}</dd>
        <dt>${T('payments.bank.bankName')}</dt><dd>${info.bankTransfer.bankDetails.bankName}</dd>
        ${info.bankTransfer.bankDetails.iban ? html`<dt>IBAN</dt><dd class="mono">${info.bankTransfer.bankDetails.iban}</dd>` : ''}
        ${info.bankTransfer.bankDetails.accountNumber ? html`<dt>${T('payments.bank.account')}</dt><dd class="mono">${info.bankTransfer.bankDetails.accountNumber}</dd>` : ''}
        <dt>SWIFT/BIC</dt><dd class="mono">${info.bankTransfer.bankDetails.swift}</dd>` : ''}
        <dt>${T('payments.bank.reference')}</dt><dd class="mono" id="tt-reference">${info.bankTransfer.referenceToQuote}</dd>
        <dt>${T('payments.bank.amount')}</dt><dd>${m(info.dueNow)}</dd>
      </dl>
      <form method="post" action="${base}/slip${q(token)}" enctype="multipart/form-data" id="slip-form">
        ${csrfInput(ctx)}<h3>${T('payments.slip.title')}</h3>
        <label>${T('payments.slip.reference')} <input name="reference" required minlength="3" maxlength="120"></label>
        ${amountField('amount')}
        <label>${T('payments.slip.valueDate')} <input name="valueDate" type="date"></label>
        <label>${T('payments.slip.file')} <input name="file" type="file" accept="application/pdf,image/jpeg,image/png" required></label>
        <button type="submit" class="button" id="slip-submit">${T('payments.slip.submit')}</button>
      </form>`) : ''}
    ${offered.has('lc') ? section('lc', html`<p>${T('payments.lc.howTo', { amount: m(info.total), reference: o.number })}</p>
      ${info.bankTransfer?.bankDetails ? html`<p>${T('payments.lc.beneficiary', { beneficiary: info.bankTransfer.bankDetails.beneficiary, bank: info.bankTransfer.bankDetails.bankName, swift: info.bankTransfer.bankDetails.swift })}</p>` : ''}
      <p>${T('payments.lc.documents')}</p>`) : ''}
    ${offered.has('western_union') ? section('western_union', html`
      <form method="post" action="${base}/western-union" id="wu-form">${csrfInput(ctx)}${hiddenToken}
        <label>MTCN <input name="mtcn" required pattern="[0-9]{10}" inputmode="numeric" maxlength="10"></label>
        <label>${T('payments.wu.sender')} <input name="senderName" required minlength="2" maxlength="120"></label>
        ${amountField('amount')}
        <button type="submit" class="button" id="wu-submit">${T('payments.wu.submit')}</button>
      </form>`) : ''}
    ${offered.has('cod') ? section('cod', html`<p id="cod-note">${T('payments.cod.note', { amount: m(info.balanceDue) })}</p>`) : ''}
    ${info.methods.length === 0 ? html`<p class="notice">${T('payments.pay.noMethods')}</p>` : ''}`}
    <p><a href="${token ? `/${ctx.locale}/` : `/${ctx.locale}/account/payments`}">${T('payments.pay.back')}</a></p>`;
}

/**
 * The buyer's payment pages (server-rendered, work without JavaScript): pay an order with any
 * method offered to them, the return page after the card or PayPal page, the remittance slip and
 * the Western Union form. Guests reach their order with the signed link from checkout.
 */
export function payPageRoutes(app: App, deps: AppDeps) {
  const viewerTier = async (req: FastifyRequest) => (await getBuyerView(deps.db, req.principal, await cachedCustomerSettings(deps.db))).tier;
  const actor = (req: FastifyRequest) => actorOf(req.principal, req.ip, String(req.id));

  async function render(req: FastifyRequest, reply: FastifyReply, orderId: string, opts: { error?: string; notice?: string; status?: number } = {}) {
    const token = tokenOf(req);
    const o = await assertBuyerOfOrder(req, deps, orderId, token);
    const info = await paymentInstructions(deps.db, o, await viewerTier(req));
    reply.header('cache-control', 'private, no-store');
    return renderStorePage(req, reply, deps, { title: `${o.number}`, status: opts.status, accountSection: req.principal?.kind === 'customer' ? 'payments' : undefined }, (ctx) =>
      payBody(ctx, o, info, token, { error: opts.error, notice: opts.notice ?? noticeOf(ctx, req) }),
    );
  }
  const noticeOf = (ctx: PageCtx, req: FastifyRequest) => {
    const s = (req.query as { submitted?: string }).submitted;
    return s === 'slip' || s === 'wu' ? ctx.t(`payments.pay.submitted.${s}`) : undefined;
  };
  /** Posts that fail show the page again with the reason; anything unexpected stays a 500. */
  async function orError(req: FastifyRequest, reply: FastifyReply, orderId: string, fn: () => Promise<unknown>) {
    try {
      return await fn();
    } catch (e) {
      if (!isAppError(e) || e.code === 'csrf_failed' || e.code === 'not_found') throw e;
      const detail = [e.message, ...(e.details.errors ?? []).map((x) => x.message)].join(' ');
      return render(req, reply, orderId, { error: detail, status: e.status });
    }
  }
  const params = (req: FastifyRequest) => req.params as { lang: string; id: string };

  app.get('/:lang/pay/:id', hidden, async (req, reply) => {
    langOf(req);
    return render(req, reply, params(req).id);
  });

  /** After the card or PayPal page: says what happened; the webhook (or the capture) records the money. */
  app.get('/:lang/pay/:id/return', hidden, async (req, reply) => {
    const lang = langOf(req);
    const { id } = params(req);
    const query = req.query as { result?: string; token?: string; paypal?: string };
    const token = tokenOf(req);
    const o = await assertBuyerOfOrder(req, deps, id, token);
    if (query.paypal) {
      await orError(req, reply, id, () => capturePayPalReturn(deps, actor(req), o.id));
      if (reply.sent) return reply;
    }
    const info = await paymentInstructions(deps.db, o, await viewerTier(req));
    reply.header('cache-control', 'private, no-store');
    const cancelled = query.result === 'cancelled';
    return renderStorePage(req, reply, deps, { title: o.number }, (ctx) => html`<h1>${ctx.t(cancelled ? 'payments.return.cancelledTitle' : 'payments.return.title', { number: o.number })}</h1>
      <p id="return-message" data-status="${info.status}">${ctx.t(cancelled ? 'payments.return.cancelled' : info.status === 'unpaid' ? 'payments.return.pending' : 'payments.return.received')}</p>
      <p>${ctx.t('payments.pay.status')}: <strong id="return-status">${ctx.t(`payments.status.${info.status}`)}</strong></p>
      <p><a class="button" href="/${lang}/pay/${encodeURIComponent(o.id)}${q(token)}" id="return-to-pay">${ctx.t('payments.return.toOrder')}</a></p>`);
  });

  // Plain urlencoded forms (CSRF from the hidden `_csrf` field, read by the access check).
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    const redirectTo = (reply: FastifyReply, req: FastifyRequest, url: string) => {
      // A page that moves on to the provider's hosted page: a 303 from a form post to another
      // origin is refused by the form-action CSP, a Refresh from a page of ours is not.
      reply.header('refresh', `0;url=${url}`).header('cache-control', 'no-store');
      return renderStorePage(req, reply, deps, { title: 'Redirect' }, (ctx) => html`<p>${ctx.t('payments.pay.redirecting')}</p><p><a class="button" id="continue-to-provider" href="${url}">${ctx.t('payments.pay.continue')}</a></p>`).then(() => reply);
    };
    const returnUrls = (lang: string, orderId: string, token: string | undefined) => {
      const back = `${deps.config.publicUrl}/${lang}/pay/${encodeURIComponent(orderId)}/return${token ? `?t=${encodeURIComponent(token)}&` : '?'}`;
      return { successUrl: `${back}result=paid`, cancelUrl: `${back}result=cancelled` };
    };
    scope.post('/:lang/pay/:id/card', hidden, async (req, reply) => {
      const lang = langOf(req);
      const token = tokenOf(req);
      const o = await assertBuyerOfOrder(req, deps, params(req).id, token);
      return orError(req, reply, o.id, async () => {
        const r = await startCardPayment(deps, actor(req), o.id, returnUrls(lang, o.id, token));
        return redirectTo(reply, req, r.url);
      });
    });
    scope.post('/:lang/pay/:id/paypal', hidden, async (req, reply) => {
      const lang = langOf(req);
      const token = tokenOf(req);
      const o = await assertBuyerOfOrder(req, deps, params(req).id, token);
      return orError(req, reply, o.id, async () => {
        const urls = returnUrls(lang, o.id, token);
        const r = await startPayPalPayment(deps, actor(req), o.id, { returnUrl: urls.successUrl, cancelUrl: urls.cancelUrl, locale: lang });
        return redirectTo(reply, req, r.url);
      });
    });
    scope.post('/:lang/pay/:id/western-union', hidden, async (req, reply) => {
      const lang = langOf(req);
      const token = tokenOf(req);
      const o = await assertBuyerOfOrder(req, deps, params(req).id, token);
      const b = req.body as Record<string, string>;
      return orError(req, reply, o.id, async () => {
        const mtcn = (b.mtcn ?? '').replace(/\D/g, '');
        const amount = toMinor(b.amount ?? '', o.currency);
        const errors = [];
        if (mtcn.length !== 10) errors.push({ field: 'mtcn', message: 'Enter the 10-digit MTCN from the Western Union receipt.' });
        if ((b.senderName ?? '').trim().length < 2) errors.push({ field: 'senderName', message: 'Enter the sender name as on the receipt.' });
        if (amount === null) errors.push({ field: 'amount', message: `Enter the amount sent in ${o.currency}, e.g. 1250.00.` });
        if (errors.length) throw new AppError('validation_failed', 'Some details of the transfer are missing.', { errors });
        await submitWesternUnion(deps, actor(req), { orderId: o.id, mtcn, senderName: b.senderName!.trim(), amount: amount!, currency: o.currency });
        return reply.redirect(`/${lang}/pay/${encodeURIComponent(o.id)}${token ? `?token=${encodeURIComponent(token)}&` : '?'}submitted=wu`, 303);
      });
    });
  });

  // The remittance slip: multipart, CSRF from its first part.
  void app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: 10 * 1024 * 1024 + 1, files: 1, fields: 8 } });
    scope.post('/:lang/pay/:id/slip', { config: { public: true, csrfInMultipart: true }, schema: { hide: true } }, async (req, reply) => {
      const lang = langOf(req);
      const token = tokenOf(req);
      const o = await assertBuyerOfOrder(req, deps, params(req).id, token);
      return orError(req, reply, o.id, async () => {
        if (!req.isMultipart()) throw new AppError('unsupported_media_type', 'Send the form with the slip attached.');
        const fields: Record<string, string> = {};
        let file: { data: Buffer; filename: string } | undefined;
        let csrfChecked = false;
        for await (const part of req.parts()) {
          if (part.type === 'file') {
            if (!csrfChecked) assertCsrfField(req, undefined);
            csrfChecked = true;
            const data = await part.toBuffer().catch(() => {
              throw new AppError('payload_too_large', 'The slip is larger than 10 MB.', { errors: [{ field: 'file', message: 'Upload a smaller scan.' }] });
            });
            if (data.length) file = { data, filename: part.filename };
          } else {
            if (part.fieldname === '_csrf') {
              assertCsrfField(req, part.value);
              csrfChecked = true;
            } else fields[part.fieldname] = String(part.value ?? '').trim();
          }
        }
        if (!csrfChecked) assertCsrfField(req, undefined);
        const amount = toMinor(fields.amount ?? '', o.currency);
        const errors = [];
        if ((fields.reference ?? '').length < 3) errors.push({ field: 'reference', message: 'Enter the bank reference of the transfer (3-120 characters).' });
        if (amount === null) errors.push({ field: 'amount', message: `Enter the amount sent in ${o.currency}, e.g. 1250.00.` });
        if (fields.valueDate && !/^\d{4}-\d{2}-\d{2}$/.test(fields.valueDate)) errors.push({ field: 'valueDate', message: 'Use the format YYYY-MM-DD.' });
        if (!file) errors.push({ field: 'file', message: 'Choose the slip (PDF, JPEG or PNG).' });
        if (errors.length) throw new AppError('validation_failed', 'Some details of the transfer are missing.', { errors });
        await submitRemittanceSlip(deps, actor(req), { orderId: o.id, reference: fields.reference!, amount: amount!, currency: o.currency, valueDate: fields.valueDate || null, file: file! });
        return reply.redirect(`/${lang}/pay/${encodeURIComponent(o.id)}${token ? `?token=${encodeURIComponent(token)}&` : '?'}submitted=slip`, 303);
      });
    });
  });
}

