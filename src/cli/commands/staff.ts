import { cliActor } from '../../platform/auth/principal.js';
import { STAFF_ROLES, type StaffRole } from '../../modules/staff/domain/roles.js';
import { UsageError, stringOpt, type CliCommand } from '../types.js';

export const commands: CliCommand[] = [
  {
    name: 'staff create',
    summary: 'Create a staff account (the first owner, or anyone); without a password and a terminal, an invitation link',
    usage: `--email E --role ${STAFF_ROLES.join('|')} [--name N] [--password P]`,
    options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
    needs: 'deps',
    check(args) {
      stringOpt(args, 'email', true);
      const role = stringOpt(args, 'role', true);
      if (!(STAFF_ROLES as readonly string[]).includes(role)) {
        throw new UsageError(`--role must be one of ${STAFF_ROLES.join(', ')}.`);
      }
      if (args.values.password === '') throw new UsageError('--password is empty; leave it out to be asked for one.');
    },
    async run(ctx, args) {
      const email = stringOpt(args, 'email', true);
      const role = stringOpt(args, 'role', true);
      const name = stringOpt(args, 'name') ?? email.split('@')[0]!;
      let password = args.values.password === undefined ? undefined : String(args.values.password);
      if (password === undefined && ctx.stdinIsTTY) {
        const { promptNewPassword } = await import('../prompt.js');
        password = await promptNewPassword(ctx.say);
      }
      const { createStaff } = await import('../../modules/staff/index.js');
      const created = await createStaff(ctx.deps, cliActor(), { email, name, role: role as StaffRole, password });
      if (created.inviteUrl) {
        ctx.say(`Invited ${created.staff.email} as ${created.staff.role}. The invitation was emailed (or is in the outbox); the link:`);
        ctx.print(created.inviteUrl);
      } else {
        ctx.say(`Created ${created.staff.email} as ${created.staff.role}. Sign in at ${ctx.config.publicUrl}/admin`);
        ctx.print(created.staff.id);
      }
    },
  },
];
