import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, AppDeps } from '../../../../platform/http/types.js';
import type { Principal } from '../../../../platform/auth/principal.js';
import { AppError } from '../../../../platform/errors/app-error.js';
import { t } from '../../../../platform/i18n/i18n.js';
import { html, langOf, renderStorePage, type PageCtx } from '../../../storefront/index.js';
import { getAccount, listAddresses, listCompanyUsers } from '../../queries/account.js';
import { roleCan } from '../../domain/settings.js';
import { disableCustomerTotp, enableCustomerTotp, startCustomerTotp } from '../../commands/totp.js';
import { deleteAddress, inviteCompanyUser, saveAddress, updateCompanyUser, type AddressInput } from '../../commands/company.js';
import { info } from '../request.js';
import { currencySwitcher, displayCurrencyOf } from './currency.js';
import { bodyOf, csrfField, field, formScope, handleForm, link, messages, pageOpts, select, type FormState } from './form-kit.js';

const hidden = { config: { public: true }, schema: { hide: true } } as const;
type Buyer = Extract<Principal, { kind: 'customer' }>;
type Account = NonNullable<Awaited<ReturnType<typeof getAccount>>>;

/** A signed-in buyer (2FA done) or a redirect to the sign-in page that comes back here. */
export function buyerOrRedirect(req: FastifyRequest, reply: FastifyReply): Buyer | null {
  const p = req.principal;
  if (p?.kind === 'customer' && p.mfaPassed) return p;
  const lang = langOf(req);
  void reply.header('cache-control', 'no-store').redirect(`/${lang}/account/sign-in?next=${encodeURIComponent(req.url.split('#')[0]!)}`, 303);
  return null;
}

const statusText = (ctx: PageCtx, status: string | undefined) => ctx.t(`account.application.status.${status ?? 'none'}`);

function homeBody(ctx: PageCtx, a: Account, cur: { currency: string; choices: string[] }) {
  const c = a.customer;
  const app = a.application;
  const canApply = roleCan(a.user.role, 'apply') && (!app || app.status === 'rejected');
  return html`<h1>${ctx.t('account.home.title')}</h1>
<p>${ctx.t('account.home.hello', { name: a.user.name })}</p>
<dl class="logistics" id="account-summary">
  <dt>${ctx.t('account.home.company')}</dt><dd id="account-company">${c.companyName ?? '—'}</dd>
  <dt>${ctx.t('account.home.kind')}</dt><dd>${ctx.t(`account.kind.${c.kind}`)}</dd>
  <dt>${ctx.t('account.home.role')}</dt><dd>${ctx.t(`account.role.${a.user.role}`)}</dd>
  <dt>${ctx.t('account.home.application')}</dt><dd id="application-status" data-status="${app?.status ?? 'none'}">${statusText(ctx, app?.status)}</dd>
  <dt>${ctx.t('account.home.tier')}</dt><dd id="account-tier" data-tier="${c.tier ?? ''}">${c.tier ? ctx.t('account.home.tierValue', { tier: c.tier }) : ctx.t('account.home.noTier')}</dd>
  ${c.tier ? html`<dt>${ctx.t('account.home.terms')}</dt><dd>${c.paymentTermsDays ? ctx.t('account.home.termsValue', { days: c.paymentTermsDays }) : ctx.t('account.home.prepayment')}</dd>
  <dt>${ctx.t('account.home.creditLimit')}</dt><dd>${c.creditLimit ? `${c.creditLimit} ${c.creditCurrency}` : '—'}</dd>` : ''}
</dl>
${app?.status === 'info_requested' ? html`<p class="alert" role="status">${ctx.t('account.home.infoRequested')} <a href="${link(ctx, '/account/application')}">${ctx.t('account.home.answer')}</a></p>` : ''}
${app?.status === 'rejected' && app.decisionReason ? html`<p class="alert">${ctx.t('account.application.rejectedReason', { reason: app.decisionReason })}</p>` : ''}
${currencySwitcher(ctx, cur)}
${canApply ? html`<p><a class="button" id="apply-link" href="${link(ctx, '/account/application')}">${ctx.t('account.home.apply')}</a></p>` : ''}
<form method="post" action="${link(ctx, '/account/sign-out')}">${csrfField(ctx.req)}<button type="submit" class="secondary" id="sign-out">${ctx.t('account.signOut')}</button></form>`;
}

function profileBody(ctx: PageCtx, a: Account, s: FormState, setup?: { secret: string; qr: string }) {
  const u = a.user;
  return html`<h1>${ctx.t('account.profile.title')}</h1>
<dl class="logistics"><dt>${ctx.t('account.field.name')}</dt><dd>${u.name}</dd><dt>${ctx.t('account.field.email')}</dt><dd>${u.email}</dd>
<dt>${ctx.t('account.home.role')}</dt><dd>${ctx.t(`account.role.${u.role}`)}</dd></dl>
<h2>${ctx.t('account.twoFactor.title')}</h2>${messages(s)}
<p id="two-factor-status" data-on="${u.twoFactor ? 'true' : 'false'}">${ctx.t(u.twoFactor ? 'account.twoFactor.on' : 'account.twoFactor.off')}</p>
${u.twoFactor
  ? html`<form method="post" action="${link(ctx, '/account/profile/2fa/disable')}" class="account-form" id="totp-disable-form">${csrfField(ctx.req)}
      ${field(ctx, s, 'password', { type: 'password', required: true, auto: 'current-password' })}${field(ctx, s, 'code', { required: true, auto: 'one-time-code', attrs: 'inputmode="numeric"' })}
      <p><button type="submit" class="secondary">${ctx.t('account.twoFactor.disable')}</button></p></form>`
  : setup
    ? html`<p>${ctx.t('account.twoFactor.scan')}</p><p><img src="${setup.qr}" alt="${ctx.t('account.twoFactor.qrAlt')}" width="240" height="240"></p>
      <p>${ctx.t('account.twoFactor.manual')} <code id="totp-secret">${setup.secret}</code></p>
      <form method="post" action="${link(ctx, '/account/profile/2fa/enable')}" class="account-form" id="totp-enable-form">${csrfField(ctx.req)}
      ${field(ctx, s, 'code', { required: true, auto: 'one-time-code', attrs: 'inputmode="numeric"' })}<p><button type="submit">${ctx.t('account.twoFactor.enable')}</button></p></form>`
    : html`<form method="post" action="${link(ctx, '/account/profile/2fa/start')}" id="totp-start-form">${csrfField(ctx.req)}<button type="submit">${ctx.t('account.twoFactor.start')}</button></form>`}`;
}

function usersBody(ctx: PageCtx, a: Account, users: Awaited<ReturnType<typeof listCompanyUsers>>, s: FormState) {
  const admin = roleCan(a.user.role, 'manageUsers') && a.customer.kind === 'b2b';
  const roles = ['admin', 'buyer', 'viewer'].map((r) => ({ value: r, label: ctx.t(`account.role.${r}`) }));
  return html`<h1>${ctx.t('account.users.title')}</h1><p>${ctx.t('account.users.intro')}</p>${messages(s)}
<table id="company-users"><thead><tr><th>${ctx.t('account.field.name')}</th><th>${ctx.t('account.field.email')}</th><th>${ctx.t('account.field.role')}</th><th>${ctx.t('account.users.status')}</th>${admin ? html`<th></th>` : ''}</tr></thead>
<tbody>${users.map((u) => html`<tr data-user="${u.email}"><td>${u.name}</td><td>${u.email}</td><td>${ctx.t(`account.role.${u.role}`)}</td><td>${ctx.t(`account.users.status.${u.status}`)}</td>
${admin && u.id !== a.user.id ? html`<td><form method="post" action="${link(ctx, `/account/users/${u.id}`)}" class="row">${csrfField(ctx.req)}
<label class="visually-hidden" for="role-${u.id}">${ctx.t('account.field.role')}</label><select id="role-${u.id}" name="role">${roles.map((r) => html`<option value="${r.value}" ${r.value === u.role ? 'selected' : ''}>${r.label}</option>`)}</select>
<select name="status" aria-label="${ctx.t('account.users.status')}">${['active', 'disabled'].map((st) => html`<option value="${st}" ${st === (u.status === 'disabled' ? 'disabled' : 'active') ? 'selected' : ''}>${ctx.t(`account.users.status.${st}`)}</option>`)}</select>
<button type="submit" class="secondary">${ctx.t('account.save')}</button></form></td>` : admin ? html`<td></td>` : ''}</tr>`)}</tbody></table>
${admin ? html`<h2>${ctx.t('account.users.invite')}</h2><form method="post" action="${link(ctx, '/account/users')}" class="account-form" id="invite-user-form">${csrfField(ctx.req)}
${field(ctx, s, 'name', { required: true })}${field(ctx, s, 'email', { type: 'email', required: true, auto: 'off' })}${select(ctx, s, 'role', roles, { value: s.values?.role ?? 'buyer' })}
<p><button type="submit">${ctx.t('account.users.sendInvite')}</button></p></form>` : ''}`;
}

type AddressRow = Awaited<ReturnType<typeof listAddresses>>[number];
const ADDRESS_FIELDS = ['label', 'name', 'company', 'line1', 'line2', 'postcode', 'city', 'region', 'country', 'phone'] as const;

function addressesBody(ctx: PageCtx, a: Account, list: AddressRow[], s: FormState, editing: AddressRow | null) {
  const can = roleCan(a.user.role, 'manageAddresses');
  const values = s.values ?? (editing ? Object.fromEntries(Object.entries(editing).map(([k, v]) => [k, v === null ? '' : String(v)])) : { kind: 'shipping' });
  const st: FormState = { ...s, values };
  const one = (x: AddressRow) => html`<li class="card" data-address="${x.label ?? x.id}" data-kind="${x.kind}"><strong>${x.label || ctx.t(`account.address.kind.${x.kind}`)}</strong>${x.isDefault ? html` <span class="badge">${ctx.t('account.address.default')}</span>` : ''}
<address>${[x.name, x.company, x.line1, x.line2, [x.postcode, x.city].filter(Boolean).join(' '), x.region, x.country, x.phone].filter(Boolean).map((l) => html`${l}<br>`)}</address>
${can ? html`<p><a href="${link(ctx, `/account/addresses?edit=${x.id}`)}">${ctx.t('account.edit')}</a></p><form method="post" action="${link(ctx, `/account/addresses/${x.id}/delete`)}">${csrfField(ctx.req)}<button type="submit" class="secondary">${ctx.t('account.delete')}</button></form>` : ''}</li>`;
  const shipping = list.filter((x) => x.kind === 'shipping');
  const billing = list.filter((x) => x.kind === 'billing');
  return html`<h1>${ctx.t('account.address.title')}</h1><p>${ctx.t('account.address.intro')}</p>
<h2>${ctx.t('account.address.shipping')}</h2>${shipping.length ? html`<ul class="grid" id="ship-to-addresses">${shipping.map(one)}</ul>` : html`<p>${ctx.t('account.address.none')}</p>`}
<h2>${ctx.t('account.address.billing')}</h2>${billing.length ? html`<ul class="grid" id="billing-address">${billing.map(one)}</ul>` : html`<p>${ctx.t('account.address.none')}</p>`}
${can ? html`<h2 id="address-form-title">${editing ? ctx.t('account.address.editTitle') : ctx.t('account.address.add')}</h2>${messages(st)}
<form method="post" action="${link(ctx, editing ? `/account/addresses/${editing.id}` : '/account/addresses')}" class="account-form" id="address-form">${csrfField(ctx.req)}
${select(ctx, st, 'kind', [{ value: 'shipping', label: ctx.t('account.address.kind.shipping') }, { value: 'billing', label: ctx.t('account.address.kind.billing') }])}
${ADDRESS_FIELDS.map((f) => field(ctx, st, f, { required: ['name', 'line1', 'city', 'country'].includes(f), label: ctx.t(`account.address.field.${f}`), ...(f === 'country' ? { attrs: 'maxlength="2" pattern="[A-Za-z]{2}"', hint: ctx.t('account.field.countryHint') } : {}) }))}
<div class="field"><label><input type="checkbox" name="isDefault" value="1" ${values.isDefault === 'true' || values.isDefault === '1' ? 'checked' : ''}> ${ctx.t('account.address.makeDefault')}</label></div>
<p><button type="submit">${ctx.t('account.save')}</button>${editing ? html` <a href="${link(ctx, '/account/addresses')}">${ctx.t('account.cancel')}</a>` : ''}</p></form>` : ''}`;
}

function addressInput(b: Record<string, string>): AddressInput {
  const opt = (k: string) => (b[k]?.trim() ? b[k]!.trim() : null);
  return {
    kind: b.kind === 'billing' ? 'billing' : 'shipping', label: opt('label'), name: b.name?.trim() ?? '', company: opt('company'), line1: b.line1?.trim() ?? '', line2: opt('line2'),
    city: b.city?.trim() ?? '', region: opt('region'), postcode: opt('postcode'), country: (b.country ?? '').trim().toUpperCase(), phone: opt('phone'), isDefault: b.isDefault === '1',
  };
}

/** Field checks the JSON API gets from its zod schema, for the HTML form. */
export function checkAddressInput(a: AddressInput): void {
  const errors = [
    !a.name && { field: 'name', message: 'Enter the name of the recipient.' },
    !a.line1 && { field: 'line1', message: 'Enter the street address.' },
    !a.city && { field: 'city', message: 'Enter the city.' },
    !/^[A-Z]{2}$/.test(a.country) && { field: 'country', message: 'Use a 2-letter country code such as DE.' },
  ].filter(Boolean) as { field: string; message: string }[];
  if (errors.length) throw new AppError('validation_failed', 'Check the highlighted fields.', { errors });
}

export function accountPages(app: App, deps: AppDeps): void {
  const account = async (p: Buyer) => (await getAccount(deps.db, p.customerUserId))!;

  formScope(app, (scope) => {
    scope.get('/:lang/account', hidden, async (req, reply) => {
      const p = buyerOrRedirect(req, reply);
      if (!p) return reply;
      const [a, cur] = await Promise.all([account(p), displayCurrencyOf(req, deps.db)]);
      reply.header('cache-control', 'private, no-store');
      return renderStorePage(req, reply, deps, pageOpts(req, 'account.home.title', { accountSection: 'account' }), (ctx) => homeBody(ctx, a, cur));
    });

    const profile = (req: FastifyRequest, reply: FastifyReply, a: Account, s: FormState, setup?: { secret: string; qr: string }, status?: number) =>
      renderStorePage(req, reply, deps, pageOpts(req, 'account.profile.title', { accountSection: 'profile', status }), (ctx) => profileBody(ctx, a, s, setup));
    scope.get('/:lang/account/profile', hidden, async (req, reply) => {
      const p = buyerOrRedirect(req, reply);
      if (!p) return reply;
      return profile(req, reply, await account(p), {});
    });
    scope.post('/:lang/account/profile/2fa/start', hidden, async (req, reply) => {
      const p = buyerOrRedirect(req, reply);
      if (!p) return reply;
      const a = await account(p);
      if (a.user.twoFactor) return reply.redirect(`/${langOf(req)}/account/profile`, 303);
      const setup = await startCustomerTotp(deps, p.customerUserId);
      reply.header('cache-control', 'no-store');
      return profile(req, reply, a, {}, setup);
    });
    scope.post('/:lang/account/profile/2fa/enable', hidden, async (req, reply) => {
      const p = buyerOrRedirect(req, reply);
      if (!p) return reply;
      const b = bodyOf(req);
      try {
        await enableCustomerTotp(deps, p.customerUserId, (b.code ?? '').replace(/\s/g, ''), info(req));
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        // A wrong code keeps the same pending secret: show the QR again.
        const setup = await startCustomerTotp(deps, p.customerUserId).catch(() => undefined);
        return profile(req, reply, await account(p), { formError: e.code === 'validation_failed' ? null : e.message, errors: { code: renderCodeError(langOf(req)) } }, setup, e.status);
      }
      return reply.redirect(`/${langOf(req)}/account/profile?done=on`, 303);
    });
    scope.post('/:lang/account/profile/2fa/disable', hidden, async (req, reply) => {
      const p = buyerOrRedirect(req, reply);
      if (!p) return reply;
      const a = await account(p);
      return handleForm(req, reply, deps, pageOpts(req, 'account.profile.title', { accountSection: 'profile' }), async () => {
        const b = bodyOf(req);
        await disableCustomerTotp(deps, p.customerUserId, { password: b.password ?? '', code: (b.code ?? '').replace(/\s/g, '') }, info(req));
        return `/${langOf(req)}/account/profile?done=off`;
      }, (ctx, s) => profileBody(ctx, a, s));
    });

    const usersPage = async (req: FastifyRequest, reply: FastifyReply, p: Buyer, s: FormState, status?: number) => {
      const [a, users] = await Promise.all([account(p), listCompanyUsers(deps.db, p.customerId)]);
      return renderStorePage(req, reply, deps, pageOpts(req, 'account.users.title', { accountSection: 'users', status }), (ctx) => usersBody(ctx, a, users, s));
    };
    scope.get('/:lang/account/users', hidden, async (req, reply) => {
      const p = buyerOrRedirect(req, reply);
      if (!p) return reply;
      return usersPage(req, reply, p, {});
    });
    scope.post('/:lang/account/users', hidden, async (req, reply) => {
      const p = buyerOrRedirect(req, reply);
      if (!p) return reply;
      const b = bodyOf(req);
      const [a, users] = await Promise.all([account(p), listCompanyUsers(deps.db, p.customerId)]);
      return handleForm(req, reply, deps, pageOpts(req, 'account.users.title', { accountSection: 'users' }), async () => {
        await inviteCompanyUser(deps, p.customerUserId, { email: b.email ?? '', name: (b.name ?? '').trim(), role: (b.role ?? 'buyer') as 'buyer' }, info(req));
        return `/${langOf(req)}/account/users?invited=1`;
      }, (ctx, s) => usersBody(ctx, a, users, s));
    });
    scope.post('/:lang/account/users/:id', hidden, async (req, reply) => {
      const p = buyerOrRedirect(req, reply);
      if (!p) return reply;
      const b = bodyOf(req);
      const [a, users] = await Promise.all([account(p), listCompanyUsers(deps.db, p.customerId)]);
      return handleForm(req, reply, deps, pageOpts(req, 'account.users.title', { accountSection: 'users' }), async () => {
        await updateCompanyUser(deps, p.customerUserId, (req.params as { id: string }).id, { role: (b.role || undefined) as 'buyer' | undefined, status: b.status === 'disabled' ? 'disabled' : b.status === 'active' ? 'active' : undefined }, info(req));
        return `/${langOf(req)}/account/users`;
      }, (ctx, s) => usersBody(ctx, a, users, s));
    });

    const addressPage = async (req: FastifyRequest, reply: FastifyReply, p: Buyer, s: FormState, editId: string | null, status?: number) => {
      const [a, list] = await Promise.all([account(p), listAddresses(deps.db, p.customerId)]);
      const editing = editId ? list.find((x) => x.id === editId) ?? null : null;
      return renderStorePage(req, reply, deps, pageOpts(req, 'account.address.title', { accountSection: 'addresses', status }), (ctx) => addressesBody(ctx, a, list, s, editing));
    };
    scope.get('/:lang/account/addresses', hidden, async (req, reply) => {
      const p = buyerOrRedirect(req, reply);
      if (!p) return reply;
      return addressPage(req, reply, p, {}, (req.query as { edit?: string }).edit ?? null);
    });
    const save = async (req: FastifyRequest, reply: FastifyReply, id: string | null) => {
      const p = buyerOrRedirect(req, reply);
      if (!p) return reply;
      const [a, list] = await Promise.all([account(p), listAddresses(deps.db, p.customerId)]);
      const editing = id ? list.find((x) => x.id === id) ?? null : null;
      return handleForm(req, reply, deps, pageOpts(req, 'account.address.title', { accountSection: 'addresses' }), async () => {
        const input = addressInput(bodyOf(req));
        checkAddressInput(input);
        await saveAddress(deps, p.customerUserId, id, input, info(req));
        return `/${langOf(req)}/account/addresses`;
      }, (ctx, s) => addressesBody(ctx, a, list, s, editing));
    };
    scope.post('/:lang/account/addresses', hidden, async (req, reply) => save(req, reply, null));
    scope.post('/:lang/account/addresses/:id', hidden, async (req, reply) => save(req, reply, (req.params as { id: string }).id));
    scope.post('/:lang/account/addresses/:id/delete', hidden, async (req, reply) => {
      const p = buyerOrRedirect(req, reply);
      if (!p) return reply;
      await deleteAddress(deps, p.customerUserId, (req.params as { id: string }).id, info(req));
      return reply.redirect(`/${langOf(req)}/account/addresses`, 303);
    });
  });
}

const renderCodeError = (locale: string) => t(locale, 'account.fieldError.code');
