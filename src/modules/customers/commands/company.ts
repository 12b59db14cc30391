import { and, eq, ne } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { hashPassword } from '../../../platform/auth/password.js';
import { revokeSessionsOf } from '../../../platform/auth/sessions.js';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors/app-error.js';
import { COMPANY_ROLES, roleCan, type CompanyRole } from '../domain/settings.js';
import { customerAddresses, customerUsers } from '../db/customers.schema.js';
import { consumeToken, findCustomer, findUser, findUserByEmail, issueToken, normaliseEmail, type CustomerUserRow } from '../db/customers.repo.js';
import { accountUrl, customerActor, sendCustomerMail, type RequestInfo } from './context.js';
import { checkPassword } from './sign-up.js';

const INVITE_TTL_MS = 7 * 24 * 3600_000;

function mustBe(user: CustomerUserRow, what: Parameters<typeof roleCan>[1]) {
  if (!roleCan(user.role, what)) throw forbidden(`Your company role (${user.role}) does not allow this.`);
}

/** A company admin adds a colleague; they get a link to choose a password. */
export async function inviteCompanyUser(deps: AppDeps, actingUserId: string, input: { email: string; name: string; role: CompanyRole }, req: RequestInfo) {
  if (!COMPANY_ROLES.includes(input.role)) throw invalid('role', 'Choose admin, buyer or viewer.');
  const email = normaliseEmail(input.email);
  return deps.database.transaction(async (tx) => {
    const actor = await findUser(tx, actingUserId);
    if (!actor) throw notFound('User');
    mustBe(actor, 'manageUsers');
    const customer = await findCustomer(tx, actor.customerId);
    if (customer?.kind !== 'b2b') throw forbidden('Only business accounts have several users.');
    if (await findUserByEmail(tx, email)) throw new AppError('conflict', 'This email already has an account. Use another address.', { errors: [{ field: 'email', message: 'already registered' }] });
    const now = deps.clock.now();
    const id = deps.ids.make('cusr');
    await tx.insert(customerUsers).values({ id, customerId: actor.customerId, email, name: input.name.trim(), role: input.role, status: 'invited', locale: actor.locale, createdAt: now, updatedAt: now });
    const token = await issueToken(tx, deps.ids, id, 'invite', now, INVITE_TTL_MS);
    await sendCustomerMail(tx, deps, { to: email, locale: actor.locale, key: 'customers.mail.invite', params: { name: input.name, company: customer.companyName ?? '', inviter: actor.name }, url: accountUrl(deps, actor.locale, `/account/invite?token=${token}`) });
    await recordAudit(tx, deps, customerActor(actor, req), { action: 'customer.user_invited', entityType: 'customer_user', entityId: id, details: { email, role: input.role } });
    return { id, email, name: input.name, role: input.role, status: 'invited' };
  });
}

export async function acceptInvite(deps: AppDeps, token: string, password: string, req: RequestInfo): Promise<void> {
  await deps.database.transaction(async (tx) => {
    const now = deps.clock.now();
    const userId = await consumeToken(tx, token, 'invite', now);
    const user = userId ? await findUser(tx, userId, true) : undefined;
    if (!user) throw new AppError('unprocessable', 'This invitation is not valid any more. Ask your company admin for a new one.');
    checkPassword(password, user.email);
    await tx.update(customerUsers).set({ passwordHash: await hashPassword(password), status: 'active', emailVerifiedAt: now, updatedAt: now }).where(eq(customerUsers.id, user.id));
    await recordAudit(tx, deps, customerActor(user, req), { action: 'customer.invite_accepted', entityType: 'customer_user', entityId: user.id });
  });
}

export async function updateCompanyUser(deps: AppDeps, actingUserId: string, userId: string, patch: { role?: CompanyRole; status?: 'active' | 'disabled' }, req: RequestInfo) {
  return deps.database.transaction(async (tx) => {
    const actor = await findUser(tx, actingUserId);
    const target = await findUser(tx, userId, true);
    if (!actor || !target || target.customerId !== actor.customerId) throw notFound('User', userId);
    mustBe(actor, 'manageUsers');
    if (patch.role && !COMPANY_ROLES.includes(patch.role)) throw invalid('role', 'Choose admin, buyer or viewer.');
    const demoting = (patch.role && patch.role !== 'admin') || patch.status === 'disabled';
    if (target.role === 'admin' && demoting) {
      const others = await tx.select({ id: customerUsers.id }).from(customerUsers).where(and(eq(customerUsers.customerId, actor.customerId), eq(customerUsers.role, 'admin'), eq(customerUsers.status, 'active'), ne(customerUsers.id, target.id)));
      if (!others.length) throw new AppError('conflict', 'A company keeps at least one active admin. Make someone else admin first.');
    }
    await tx.update(customerUsers).set({ ...patch, updatedAt: deps.clock.now() }).where(eq(customerUsers.id, userId));
    if (patch.status === 'disabled') await revokeSessionsOf(tx, 'customer', userId);
    await recordAudit(tx, deps, customerActor(actor, req), { action: 'customer.user_updated', entityType: 'customer_user', entityId: userId, details: patch });
  });
}

export interface AddressInput {
  kind: 'shipping' | 'billing';
  label?: string | null;
  name: string;
  company?: string | null;
  line1: string;
  line2?: string | null;
  city: string;
  region?: string | null;
  postcode?: string | null;
  country: string;
  phone?: string | null;
  isDefault?: boolean;
}

/** Several ship-to addresses; one billing address (a new billing address replaces the old). */
export async function saveAddress(deps: AppDeps, actingUserId: string, id: string | null, input: AddressInput, req: RequestInfo) {
  return deps.database.transaction(async (tx) => {
    const actor = await findUser(tx, actingUserId);
    if (!actor) throw notFound('User');
    mustBe(actor, 'manageAddresses');
    const now = deps.clock.now();
    const customerId = actor.customerId;
    if (id) {
      const [row] = await tx.select().from(customerAddresses).where(eq(customerAddresses.id, id)).for('update');
      if (!row || row.customerId !== customerId) throw notFound('Address', id);
    }
    if (input.kind === 'billing') {
      await tx.delete(customerAddresses).where(and(eq(customerAddresses.customerId, customerId), eq(customerAddresses.kind, 'billing'), id ? ne(customerAddresses.id, id) : undefined));
    }
    const isDefault = input.kind === 'billing' ? true : !!input.isDefault;
    if (isDefault) await tx.update(customerAddresses).set({ isDefault: false }).where(and(eq(customerAddresses.customerId, customerId), eq(customerAddresses.kind, input.kind)));
    const values = { ...input, isDefault, label: input.label ?? null, company: input.company ?? null, line2: input.line2 ?? null, region: input.region ?? null, postcode: input.postcode ?? null, phone: input.phone ?? null, updatedAt: now };
    let addressId = id;
    if (id) await tx.update(customerAddresses).set(values).where(eq(customerAddresses.id, id));
    else {
      addressId = deps.ids.make('adr');
      await tx.insert(customerAddresses).values({ ...values, id: addressId, customerId, createdAt: now });
    }
    await recordAudit(tx, deps, customerActor(actor, req), { action: id ? 'customer.address_updated' : 'customer.address_added', entityType: 'customer_address', entityId: addressId!, details: { kind: input.kind, country: input.country } });
    const [row] = await tx.select().from(customerAddresses).where(eq(customerAddresses.id, addressId!));
    return row!;
  });
}

export async function deleteAddress(deps: AppDeps, actingUserId: string, id: string, req: RequestInfo) {
  await deps.database.transaction(async (tx) => {
    const actor = await findUser(tx, actingUserId);
    if (!actor) throw notFound('User');
    mustBe(actor, 'manageAddresses');
    const rows = await tx.delete(customerAddresses).where(and(eq(customerAddresses.id, id), eq(customerAddresses.customerId, actor.customerId))).returning();
    if (!rows.length) throw notFound('Address', id);
    await recordAudit(tx, deps, customerActor(actor, req), { action: 'customer.address_deleted', entityType: 'customer_address', entityId: id });
  });
}
