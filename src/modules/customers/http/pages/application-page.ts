import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, AppDeps } from '../../../../platform/http/types.js';
import { AppError, isAppError } from '../../../../platform/errors/app-error.js';
import { assertCsrfField, CSRF_FIELD } from '../../../../platform/http/csrf.js';
import { html, langOf, renderStorePage, type PageCtx } from '../../../storefront/index.js';
import { getAccount } from '../../queries/account.js';
import { roleCan } from '../../domain/settings.js';
import { answerInfoRequest, KYC_MAX_BYTES, submitApplication, type Upload } from '../../commands/kyc-apply.js';
import { info } from '../request.js';
import { buyerOrRedirect } from './account-pages.js';
import { bodyOf, csrfField, field, formScope, handleForm, link, messages, pageOpts, stateFromError, type Form, type FormState } from './form-kit.js';

const MB = KYC_MAX_BYTES / 1024 / 1024;
type Account = NonNullable<Awaited<ReturnType<typeof getAccount>>>;

function applicationBody(ctx: PageCtx, a: Account, s: FormState) {
  const app = a.application;
  if (app && app.status !== 'rejected') {
    return html`<h1>${ctx.t('account.application.title')}</h1>
<dl class="logistics"><dt>${ctx.t('account.home.application')}</dt><dd id="application-status" data-status="${app.status}">${ctx.t(`account.application.status.${app.status}`)}</dd>
<dt>${ctx.t('account.application.field.legalName')}</dt><dd>${app.legalName}</dd><dt>${ctx.t('account.application.field.country')}</dt><dd>${app.country}</dd>
${app.vatId ? html`<dt>${ctx.t('account.application.field.vatId')}</dt><dd>${app.vatId}</dd>` : ''}</dl>
${app.status === 'info_requested' ? html`<h2>${ctx.t('account.application.infoTitle')}</h2><blockquote id="info-request">${app.infoRequest}</blockquote>${messages(s)}
<form method="post" action="${link(ctx, '/account/application/answer')}" class="account-form" id="answer-form">${csrfField(ctx.req)}<input type="hidden" name="id" value="${app.id}">
<div class="field ${s.errors?.answer ? 'has-error' : ''}"><label for="f-answer">${ctx.t('account.application.answer')}</label><textarea id="f-answer" name="answer" rows="5" required>${s.values?.answer ?? ''}</textarea>${s.errors?.answer ? html`<p class="error">${s.errors.answer}</p>` : ''}</div>
<p><button type="submit">${ctx.t('account.application.sendAnswer')}</button></p></form>` : ''}
${app.status === 'submitted' ? html`<p class="notice">${ctx.t('account.application.inReview')}</p>` : ''}`;
  }
  if (!roleCan(a.user.role, 'apply')) return html`<h1>${ctx.t('account.application.title')}</h1><p>${ctx.t('account.application.adminOnly')}</p>`;
  const v = s.values ?? {};
  const f = (name: string, o: Parameters<typeof field>[3] = {}) => field(ctx, s, name, { label: ctx.t(`account.application.field.${name}`), ...o });
  return html`<h1>${ctx.t('account.application.title')}</h1><p>${ctx.t('account.application.intro')}</p>
${app?.status === 'rejected' && app.decisionReason ? html`<p class="alert">${ctx.t('account.application.rejectedReason', { reason: app.decisionReason })}</p>` : ''}
${messages(s)}
<form method="post" action="${link(ctx, '/account/application')}" enctype="multipart/form-data" class="account-form" id="application-form">${csrfField(ctx.req)}
<fieldset><legend>${ctx.t('account.application.company')}</legend>
${f('legalName', { required: true, auto: 'organization', value: v.legalName ?? a.customer.companyName ?? '' })}
${f('country', { required: true, attrs: 'maxlength="2" pattern="[A-Za-z]{2}"', hint: ctx.t('account.field.countryHint'), value: v.country ?? a.customer.country ?? '' })}
${f('line1', { required: true, auto: 'address-line1' })}${f('line2', { auto: 'address-line2' })}${f('postcode', { auto: 'postal-code' })}${f('city', { required: true, auto: 'address-level2' })}${f('region', { auto: 'address-level1' })}
${f('vatId', { hint: ctx.t('account.application.vatHint') })}</fieldset>
<fieldset><legend>${ctx.t('account.application.contact')}</legend>
${f('contactName', { required: true, auto: 'name', value: v.contactName ?? a.user.name })}${f('contactEmail', { type: 'email', required: true, auto: 'email', value: v.contactEmail ?? a.user.email })}${f('contactPhone', { type: 'tel', auto: 'tel' })}</fieldset>
<fieldset><legend>${ctx.t('account.application.volumeTitle')}</legend>
${f('expectedVolume', { required: true, attrs: 'inputmode="decimal"' })}${f('volumeCurrency', { required: true, value: v.volumeCurrency ?? 'EUR', attrs: 'maxlength="3" pattern="[A-Za-z]{3}"' })}</fieldset>
<fieldset><legend>${ctx.t('account.application.documents')}</legend><p>${ctx.t('account.application.documentsHint', { mb: MB })}</p>
${f('licence', { type: 'file', required: true, attrs: 'accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"' })}
${f('taxRegistration', { type: 'file', required: true, attrs: 'accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"' })}</fieldset>
<p><button type="submit" id="submit-application">${ctx.t('account.application.submit')}</button></p></form>`;
}

/**
 * The multipart form is read part by part: `_csrf` first (checked before anything else is
 * read), then fields, then the files, each refused past the size limit while streaming.
 */
async function readApplicationForm(req: FastifyRequest): Promise<{ fields: Form; files: Record<string, Upload> }> {
  const fields: Form = {};
  const files: Record<string, Upload> = {};
  let checked = false;
  for await (const part of req.parts()) {
    if (!checked) {
      assertCsrfField(req, part.fieldname === CSRF_FIELD && part.type === 'field' ? part.value : undefined);
      checked = true;
      if (part.fieldname === CSRF_FIELD) continue;
    }
    if (part.type === 'file') {
      if (part.fieldname !== 'licence' && part.fieldname !== 'taxRegistration') {
        part.file.resume();
        continue;
      }
      let data: Buffer;
      try {
        data = await part.toBuffer();
      } catch {
        throw new AppError('payload_too_large', `${part.filename} is larger than ${MB} MB.`, { errors: [{ field: part.fieldname, message: `Upload a file of at most ${MB} MB.`, key: 'account.application.tooLarge', params: { mb: MB } }] });
      }
      if (data.length) files[part.fieldname] = { filename: part.filename, data };
    } else fields[part.fieldname] = String(part.value);
  }
  if (!checked) assertCsrfField(req, undefined);
  return { fields, files };
}

export function applicationPages(app: App, deps: AppDeps): void {
  const hidden = { config: { public: true }, schema: { hide: true } } as const;
  const render = async (req: FastifyRequest, reply: FastifyReply, userId: string, s: FormState, status?: number) => {
    const a = (await getAccount(deps.db, userId))!;
    return renderStorePage(req, reply, deps, pageOpts(req, 'account.application.title', { accountSection: 'application', status }), (ctx) => applicationBody(ctx, a, s));
  };

  app.get('/:lang/account/application', hidden, async (req, reply) => {
    const p = buyerOrRedirect(req, reply);
    if (!p) return reply;
    reply.header('cache-control', 'private, no-store');
    return render(req, reply, p.customerUserId, {});
  });

  void app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: KYC_MAX_BYTES, files: 2, fields: 20, fieldSize: 16 * 1024 } });
    scope.post('/:lang/account/application', { config: { public: true, csrfInMultipart: true }, bodyLimit: 2 * KYC_MAX_BYTES + 256 * 1024, schema: { hide: true } }, async (req, reply) => {
      const p = buyerOrRedirect(req, reply);
      if (!p) return reply;
      let fields: Form = {};
      try {
        if (!req.isMultipart()) throw new AppError('unsupported_media_type', 'Send the form with its two documents.');
        const form = await readApplicationForm(req);
        fields = form.fields;
        const b = fields;
        await submitApplication(deps, p.customerUserId, {
          legalName: b.legalName ?? '', country: (b.country ?? '').trim().toUpperCase(),
          address: { line1: b.line1 ?? '', line2: b.line2 || null, city: b.city ?? '', region: b.region || null, postcode: b.postcode || null },
          vatId: b.vatId || null, contact: { name: b.contactName ?? '', email: (b.contactEmail ?? '').trim(), phone: b.contactPhone || null },
          expectedVolume: (b.expectedVolume ?? '').replace(/[\s,]/g, ''), volumeCurrency: (b.volumeCurrency ?? '').trim().toUpperCase(),
        }, { licence: form.files.licence, taxRegistration: form.files.taxRegistration }, info(req));
      } catch (e) {
        if (!isAppError(e) || e.code === 'csrf_failed') throw e;
        const a = (await getAccount(deps.db, p.customerUserId))!;
        return renderStorePage(req, reply, deps, pageOpts(req, 'account.application.title', { accountSection: 'application', status: e.status }), (ctx) => applicationBody(ctx, a, stateFromError(ctx, e, fields, { address: 'line1', contact: 'contactEmail' })));
      }
      return reply.redirect(`/${langOf(req)}/account?applied=1`, 303);
    });
  });

  formScope(app, (scope) => {
    scope.post('/:lang/account/application/answer', hidden, async (req, reply) => {
      const p = buyerOrRedirect(req, reply);
      if (!p) return reply;
      const b = bodyOf(req);
      const a = (await getAccount(deps.db, p.customerUserId))!;
      return handleForm(req, reply, deps, pageOpts(req, 'account.application.title', { accountSection: 'application' }), async () => {
        await answerInfoRequest(deps, p.customerUserId, b.id ?? '', b.answer ?? '', info(req));
        return `/${langOf(req)}/account/application`;
      }, (ctx, s) => applicationBody(ctx, a, s));
    });
  });
}
