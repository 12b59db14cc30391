import { cliActor } from '../../platform/auth/principal.js';
import type { CliCommand } from '../types.js';

export const commands: CliCommand[] = [
  {
    name: 'security clear-allowlist',
    summary: 'Empty the back-office IP allowlist (the way back in after a lock-out)',
    usage: '',
    needs: 'deps',
    async run(ctx) {
      const { clearAllowlist } = await import('../../modules/staff/index.js');
      const { cleared } = await clearAllowlist(ctx.deps, cliActor());
      ctx.say(
        cleared.length
          ? `Cleared the back-office IP allowlist (${cleared.join(', ')}); /admin is reachable from any address again.`
          : 'The back-office IP allowlist was already empty; /admin is reachable from any address.',
      );
    },
  },
];
