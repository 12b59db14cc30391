import type { Db } from '../../../platform/db/database.js';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { hashPassword } from '../../../platform/auth/password.js';
import { createStaffToken, findStaffByEmail, lockOwners, type StaffRow } from '../db/staff-repo.js';
import { staffUsers } from '../db/staff.schema.js';
import { isStaffRole, normaliseEmail, STAFF_LOCALES, type StaffLocale } from '../domain/staff.js';
import type { StaffRole } from '../domain/roles.js';
import { staffView, type StaffView } from '../queries/staff-view.js';
import { assertPasswordAllowed, fieldError } from './errors.js';
import { inviteUrl, sendInvitationMail } from './staff-mail.js';

export interface CreateStaffInput {
  email: string;
  /** Defaults to the part of the email before the @ (the CLI asks only for email and role). */
  name?: string;
  role: StaffRole;
  /** Given: the person is active at once (CLI). Absent: invited, with an emailed link (72 h). */
  password?: string;
  locale?: StaffLocale;
}

export interface CreatedStaff {
  staff: StaffView;
  /** The invitation link, when no password was given (also emailed). */
  inviteUrl?: string;
}

export const emailTaken = () =>
  new AppError('conflict', 'Someone with this email already has an account.', {
    key: 'staff.error.email_taken',
    errors: [{ field: 'body.email', message: 'already has an account' }],
  });

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Inserts a staff row (caller's transaction, owners locked); shared by setup, CLI and invitations. */
export async function insertStaff(
  tx: Db,
  deps: AppDeps,
  input: CreateStaffInput & { status: 'active' | 'invited' },
): Promise<StaffRow> {
  const email = normaliseEmail(input.email);
  if (!EMAIL_RE.test(email)) throw fieldError('body.email', 'staff.error.email_invalid', 'Enter a valid email address.');
  if (!isStaffRole(input.role)) throw fieldError('body.role', 'staff.error.role_invalid', `Unknown role ${input.role}.`);
  const name = (input.name ?? email.split('@')[0]!).trim();
  if (!name) throw fieldError('body.name', 'staff.error.name_required', 'Enter a name.');
  if (await findStaffByEmail(tx, email)) throw emailTaken();
  if (input.password !== undefined) assertPasswordAllowed(input.password, email);
  const now = deps.clock.now();
  const [row] = await tx
    .insert(staffUsers)
    .values({
      id: deps.ids.make('stf'),
      email,
      name,
      role: input.role,
      status: input.status,
      locale: input.locale && (STAFF_LOCALES as readonly string[]).includes(input.locale) ? input.locale : 'en',
      passwordHash: input.password !== undefined ? await hashPassword(input.password) : null,
      passwordChangedAt: input.password !== undefined ? now : null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row!;
}

/**
 * Creates a staff member. With a password (the CLI's `staff create`) the person can sign in at
 * once; without one they are invited: an emailed single-use link lets them choose a password.
 */
export async function createStaff(deps: AppDeps, actor: Actor, input: CreateStaffInput): Promise<CreatedStaff> {
  return deps.database.transaction(async (tx) => {
    await lockOwners(tx);
    const status = input.password !== undefined ? 'active' : 'invited';
    const staff = await insertStaff(tx, deps, { ...input, status });
    let url: string | undefined;
    if (status === 'invited') {
      const { token } = await createStaffToken(tx, deps, 'invite', staff.id);
      url = inviteUrl(deps, token);
      await sendInvitationMail(tx, deps, {
        email: staff.email,
        name: staff.name,
        role: staff.role,
        locale: staff.locale,
        inviter: actor.label,
        url,
      });
    }
    await recordAudit(tx, deps, actor, {
      action: status === 'invited' ? 'staff.invited' : 'staff.created',
      entityType: 'staff',
      entityId: staff.id,
      details: { email: staff.email, name: staff.name, role: staff.role, status },
    });
    return { staff: staffView(staff), ...(url ? { inviteUrl: url } : {}) };
  });
}
