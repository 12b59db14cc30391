import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, AppDeps } from '../../../../platform/http/types.js';
import { AppError } from '../../../../platform/errors/app-error.js';
import { clearAuthCookie, setAuthCookie } from '../../../../platform/auth/cookies.js';
import { DEVICE_COOKIE_MAX_AGE_S } from '../../../../platform/auth/device-cookie.js';
import { retryAfterSeconds } from '../../../../platform/auth/throttle-policy.js';
import { html, langOf, renderStorePage, type PageCtx } from '../../../storefront/index.js';
import { customerLogin, customerLogout, verifyCustomerTotp, type LoginResult } from '../../commands/login.js';
import { resendVerification, signUp, verifyEmail } from '../../commands/sign-up.js';
import { confirmPasswordReset, requestPasswordReset } from '../../commands/password-reset.js';
import { acceptInvite } from '../../commands/company.js';
import { info } from '../request.js';
import { pageOpts as opts } from './form-kit.js';
import { CUSTOMER_COOKIE, CUSTOMER_DEVICE_COOKIE } from '../visitor.js';
import { bodyOf, csrfField, field, formScope, handleForm, link, messages, safeNext, select, type FormState } from './form-kit.js';

const hidden = { config: { public: true }, schema: { hide: true } } as const;

/**
 * The outcome of a password sign-in as an error a form or the API can show, or the session
 * cookies set. Shared by the sign-in page and POST /api/store/account/login.
 */
export function applyLogin(req: FastifyRequest, reply: FastifyReply, deps: AppDeps, r: LoginResult) {
  if (r.kind === 'throttled') {
    throw new AppError('rate_limited', 'Too many sign-in attempts. Wait a little and try again.', { key: 'customers.login.throttled', headers: { 'retry-after': String(retryAfterSeconds(r.retryAt, deps.clock.now())) } });
  }
  if (r.kind === 'failed') throw new AppError('unauthenticated', 'The email or password is not right.', { key: 'customers.login.failed' });
  if (r.kind === 'unverified') throw new AppError('forbidden', 'Confirm your email address first: use the link we sent you.', { key: 'customers.login.unverified', extra: { unverified: true } });
  setAuthCookie(req, reply, CUSTOMER_COOKIE, r.token, { maxAgeSeconds: deps.config.sessionTtlMs / 1000 });
  if (r.deviceToken) setAuthCookie(req, reply, CUSTOMER_DEVICE_COOKIE, r.deviceToken, { maxAgeSeconds: DEVICE_COOKIE_MAX_AGE_S });
  reply.header('cache-control', 'no-store');
  return r;
}

function signInForm(ctx: PageCtx, s: FormState, next: string): ReturnType<typeof html> {
  return html`<section class="account-form narrow"><h1>${ctx.t('account.signIn.title')}</h1>${messages(s)}
<form method="post" action="${link(ctx, '/account/sign-in')}" id="sign-in-form" class="account-form">${csrfField(ctx.req)}
<input type="hidden" name="next" value="${next}">
${field(ctx, s, 'email', { type: 'email', required: true, auto: 'username' })}
${field(ctx, s, 'password', { type: 'password', required: true, auto: 'current-password' })}
<p><button type="submit">${ctx.t('account.signIn.submit')}</button></p></form>
<p><a href="${link(ctx, '/account/reset')}">${ctx.t('account.signIn.forgot')}</a> · <a href="${link(ctx, '/account/sign-up')}" id="sign-up-link">${ctx.t('account.signIn.noAccount')}</a></p>
${s.values?.unverified ? html`<form method="post" action="${link(ctx, '/account/verify/resend')}"><input type="hidden" name="email" value="${s.values.email ?? ''}"><button type="submit" class="secondary">${ctx.t('account.verify.resend')}</button></form>` : ''}
</section>`;
}

function codeForm(ctx: PageCtx, s: FormState, next: string) {
  return html`<section class="account-form narrow"><h1>${ctx.t('account.signIn.codeTitle')}</h1><p>${ctx.t('account.signIn.codeIntro')}</p>${messages(s)}
<form method="post" action="${link(ctx, '/account/sign-in/code')}" id="code-form" class="account-form">${csrfField(ctx.req)}
<input type="hidden" name="next" value="${next}">
${field(ctx, s, 'code', { required: true, auto: 'one-time-code', attrs: 'inputmode="numeric" pattern="[0-9 ]{6,8}"' })}
<p><button type="submit">${ctx.t('account.signIn.verify')}</button></p></form></section>`;
}

function signUpForm(ctx: PageCtx, s: FormState) {
  const kind = s.values?.kind ?? 'b2b';
  return html`<section class="account-form narrow"><h1>${ctx.t('account.signUp.title')}</h1><p>${ctx.t('account.signUp.intro')}</p>${messages(s)}
<form method="post" action="${link(ctx, '/account/sign-up')}" id="sign-up-form" class="account-form">${csrfField(ctx.req)}
${select(ctx, s, 'kind', [{ value: 'b2b', label: ctx.t('account.kind.b2b') }, { value: 'b2c', label: ctx.t('account.kind.b2c') }], { value: kind })}
${field(ctx, s, 'name', { required: true, auto: 'name' })}
${field(ctx, s, 'email', { type: 'email', required: true, auto: 'email' })}
${field(ctx, s, 'password', { type: 'password', required: true, auto: 'new-password', hint: ctx.t('account.password.hint') })}
${field(ctx, s, 'companyName', { auto: 'organization', hint: ctx.t('account.signUp.companyHint') })}
${field(ctx, s, 'country', { auto: 'country', attrs: 'maxlength="2" pattern="[A-Za-z]{2}"', hint: ctx.t('account.field.countryHint') })}
<p><button type="submit">${ctx.t('account.signUp.submit')}</button></p></form>
<p><a href="${link(ctx, '/account/sign-in')}">${ctx.t('account.signUp.haveAccount')}</a></p></section>`;
}

const notice = (ctx: PageCtx, title: string, text: string, action?: { href: string; label: string; id?: string }) =>
  html`<section class="account-form narrow"><h1>${title}</h1><p class="notice" role="status" id="form-notice">${text}</p>${action ? html`<p><a class="button" id="${action.id ?? 'next-step'}" href="${action.href}">${action.label}</a></p>` : ''}</section>`;

function tokenForm(ctx: PageCtx, s: FormState, o: { title: string; intro: string; action: string; token: string; password: boolean; submit: string; id: string }) {
  return html`<section class="account-form narrow"><h1>${o.title}</h1><p>${o.intro}</p>${messages(s)}
<form method="post" action="${link(ctx, o.action)}" id="${o.id}" class="account-form">${csrfField(ctx.req)}<input type="hidden" name="token" value="${o.token}">
${o.password ? field(ctx, s, 'password', { type: 'password', required: true, auto: 'new-password', label: ctx.t('account.field.newPassword'), hint: ctx.t('account.password.hint') }) : ''}
<p><button type="submit">${o.submit}</button></p></form></section>`;
}

export function authPages(app: App, deps: AppDeps): void {

  formScope(app, (scope) => {
    scope.get('/:lang/account/sign-in', hidden, async (req, reply) => {
      const lang = langOf(req);
      const next = safeNext(lang, (req.query as { next?: string }).next);
      const p = req.principal;
      if (p?.kind === 'customer' && p.mfaPassed) return reply.redirect(next, 303);
      if (p?.kind === 'customer') return renderStorePage(req, reply, deps, opts(req, 'account.signIn.title'), (ctx) => codeForm(ctx, {}, next));
      reply.header('cache-control', 'no-store');
      return renderStorePage(req, reply, deps, opts(req, 'account.signIn.title'), (ctx) => signInForm(ctx, {}, next));
    });
    scope.post('/:lang/account/sign-in', hidden, async (req, reply) => {
      const lang = langOf(req);
      const b = bodyOf(req);
      const next = safeNext(lang, b.next);
      return handleForm(req, reply, deps, opts(req, 'account.signIn.title'), async () => {
        try {
          const r = applyLogin(req, reply, deps, await customerLogin(deps, { email: b.email ?? '', password: b.password ?? '', deviceToken: req.cookies?.[CUSTOMER_DEVICE_COOKIE] }, info(req)));
          return r.mfaRequired ? `/${lang}/account/sign-in/code?next=${encodeURIComponent(next)}` : next;
        } catch (e) {
          if (e instanceof AppError && e.details.extra?.unverified) b.unverified = '1';
          throw e;
        }
      }, (ctx, s) => signInForm(ctx, s, next));
    });
    scope.get('/:lang/account/sign-in/code', hidden, async (req, reply) => {
      const lang = langOf(req);
      const next = safeNext(lang, (req.query as { next?: string }).next);
      if (req.principal?.kind !== 'customer') return reply.redirect(`/${lang}/account/sign-in`, 303);
      return renderStorePage(req, reply, deps, opts(req, 'account.signIn.codeTitle'), (ctx) => codeForm(ctx, {}, next));
    });
    scope.post('/:lang/account/sign-in/code', hidden, async (req, reply) => {
      const lang = langOf(req);
      const b = bodyOf(req);
      const next = safeNext(lang, b.next);
      const p = req.principal;
      if (p?.kind !== 'customer') return reply.redirect(`/${lang}/account/sign-in`, 303);
      return handleForm(req, reply, deps, opts(req, 'account.signIn.codeTitle'), async () => {
        const r = await verifyCustomerTotp(deps, { userId: p.customerUserId, sessionId: p.sessionId, code: (b.code ?? '').replace(/\s/g, '') }, info(req));
        setAuthCookie(req, reply, CUSTOMER_DEVICE_COOKIE, r.deviceToken, { maxAgeSeconds: DEVICE_COOKIE_MAX_AGE_S });
        return next;
      }, (ctx, s) => codeForm(ctx, s, next));
    });
    scope.post('/:lang/account/sign-out', hidden, async (req, reply) => {
      const lang = langOf(req);
      const token = req.cookies?.[CUSTOMER_COOKIE];
      if (token) await customerLogout(deps, token);
      clearAuthCookie(req, reply, CUSTOMER_COOKIE);
      return reply.redirect(`/${lang}/`, 303);
    });

    scope.get('/:lang/account/sign-up', hidden, async (req, reply) =>
      renderStorePage(req, reply, deps, opts(req, 'account.signUp.title'), (ctx) => signUpForm(ctx, { values: { kind: (req.query as { kind?: string }).kind === 'b2c' ? 'b2c' : 'b2b' } })));
    scope.post('/:lang/account/sign-up', hidden, async (req, reply) => {
      const lang = langOf(req);
      const b = bodyOf(req);
      return handleForm(req, reply, deps, opts(req, 'account.signUp.title'), async () => {
        await signUp(deps, { kind: b.kind === 'b2c' ? 'b2c' : 'b2b', email: b.email ?? '', password: b.password ?? '', name: (b.name ?? '').trim(), companyName: b.companyName || null, country: b.country ? b.country.trim().toUpperCase() : null, locale: lang }, info(req));
        return `/${lang}/account/sign-up/sent`;
      }, (ctx, s) => signUpForm(ctx, s));
    });
    scope.get('/:lang/account/sign-up/sent', hidden, async (req, reply) =>
      renderStorePage(req, reply, deps, opts(req, 'account.signUp.title'), (ctx) => notice(ctx, ctx.t('account.signUp.sentTitle'), ctx.t('account.signUp.sent'))));

    scope.get('/:lang/account/verify', hidden, async (req, reply) => {
      const token = String((req.query as { token?: string }).token ?? '');
      return renderStorePage(req, reply, deps, opts(req, 'account.verify.title'), (ctx) =>
        tokenForm(ctx, {}, { title: ctx.t('account.verify.title'), intro: ctx.t('account.verify.intro'), action: '/account/verify', token, password: false, submit: ctx.t('account.verify.submit'), id: 'verify-form' }));
    });
    scope.post('/:lang/account/verify', hidden, async (req, reply) => {
      const b = bodyOf(req);
      return handleForm(req, reply, deps, opts(req, 'account.verify.title'), async () => {
        await verifyEmail(deps, b.token ?? '', info(req));
        return { render: { notice: 'verified' } };
      }, (ctx, s) => s.notice === 'verified'
        ? notice(ctx, ctx.t('account.verify.doneTitle'), ctx.t('account.verify.done'), { href: link(ctx, '/account/sign-in'), label: ctx.t('account.signIn.title'), id: 'go-sign-in' })
        : tokenForm(ctx, s, { title: ctx.t('account.verify.title'), intro: ctx.t('account.verify.intro'), action: '/account/verify', token: b.token ?? '', password: false, submit: ctx.t('account.verify.submit'), id: 'verify-form' }));
    });
    scope.post('/:lang/account/verify/resend', hidden, async (req, reply) => {
      const b = bodyOf(req);
      await resendVerification(deps, b.email ?? '', info(req));
      return renderStorePage(req, reply, deps, opts(req, 'account.verify.title'), (ctx) => notice(ctx, ctx.t('account.verify.title'), ctx.t('account.verify.resent')));
    });

    const resetRequest = (ctx: PageCtx, s: FormState) => html`<section class="account-form narrow"><h1>${ctx.t('account.reset.title')}</h1><p>${ctx.t('account.reset.intro')}</p>${messages(s)}
<form method="post" action="${link(ctx, '/account/reset')}" id="reset-form" class="account-form">${csrfField(ctx.req)}
${field(ctx, s, 'email', { type: 'email', required: true, auto: 'email' })}<p><button type="submit">${ctx.t('account.reset.submit')}</button></p></form></section>`;
    const resetConfirm = (ctx: PageCtx, s: FormState, token: string) =>
      tokenForm(ctx, s, { title: ctx.t('account.reset.newTitle'), intro: ctx.t('account.reset.newIntro'), action: '/account/reset', token, password: true, submit: ctx.t('account.reset.save'), id: 'reset-confirm-form' });
    scope.get('/:lang/account/reset', hidden, async (req, reply) => {
      const token = (req.query as { token?: string }).token;
      return renderStorePage(req, reply, deps, opts(req, 'account.reset.title'), (ctx) => (token ? resetConfirm(ctx, {}, String(token)) : resetRequest(ctx, {})));
    });
    scope.post('/:lang/account/reset', hidden, async (req, reply) => {
      const b = bodyOf(req);
      if (b.token) {
        return handleForm(req, reply, deps, opts(req, 'account.reset.title'), async () => {
          const r = await confirmPasswordReset(deps, b.token!, b.password ?? '', info(req));
          return { render: { notice: r.twoFactor ? 'done2fa' : 'done' } };
        }, (ctx, s) => s.notice
          ? notice(ctx, ctx.t('account.reset.doneTitle'), ctx.t(s.notice === 'done2fa' ? 'account.reset.done2fa' : 'account.reset.done'), { href: link(ctx, '/account/sign-in'), label: ctx.t('account.signIn.title'), id: 'go-sign-in' })
          : resetConfirm(ctx, s, b.token!));
      }
      return handleForm(req, reply, deps, opts(req, 'account.reset.title'), async () => {
        await requestPasswordReset(deps, b.email ?? '', info(req));
        return { render: { notice: 'sent' } };
      }, (ctx, s) => (s.notice ? notice(ctx, ctx.t('account.reset.title'), ctx.t('account.reset.sent')) : resetRequest(ctx, s)));
    });

    const inviteForm = (ctx: PageCtx, s: FormState, token: string) =>
      tokenForm(ctx, s, { title: ctx.t('account.invite.title'), intro: ctx.t('account.invite.intro'), action: '/account/invite', token, password: true, submit: ctx.t('account.invite.submit'), id: 'invite-form' });
    scope.get('/:lang/account/invite', hidden, async (req, reply) =>
      renderStorePage(req, reply, deps, opts(req, 'account.invite.title'), (ctx) => inviteForm(ctx, {}, String((req.query as { token?: string }).token ?? ''))));
    scope.post('/:lang/account/invite', hidden, async (req, reply) => {
      const b = bodyOf(req);
      return handleForm(req, reply, deps, opts(req, 'account.invite.title'), async () => {
        await acceptInvite(deps, b.token ?? '', b.password ?? '', info(req));
        return { render: { notice: 'done' } };
      }, (ctx, s) => (s.notice ? notice(ctx, ctx.t('account.invite.doneTitle'), ctx.t('account.invite.done'), { href: link(ctx, '/account/sign-in'), label: ctx.t('account.signIn.title'), id: 'go-sign-in' }) : inviteForm(ctx, s, b.token ?? '')));
    });
  });
}
