import { cliActor } from '../../platform/auth/principal.js';
import { UsageError, stringOpt, type CliCommand } from '../types.js';

export const commands: CliCommand[] = [
  {
    name: 'apikey create',
    summary: 'Create an API key for an integration; the key is printed once, alone on the last line',
    usage: '--name N --scopes orders:read,orders:write|* [--rate-limit PER_HOUR]',
    options: { name: { type: 'string' }, scopes: { type: 'string' }, 'rate-limit': { type: 'string' } },
    needs: 'deps',
    check(args) {
      stringOpt(args, 'name', true);
      stringOpt(args, 'scopes', true);
      const rl = stringOpt(args, 'rate-limit');
      if (rl !== undefined && !/^[1-9]\d*$/.test(rl)) throw new UsageError('--rate-limit must be a whole number of requests per hour, e.g. 1000.');
    },
    async run(ctx, args) {
      const name = stringOpt(args, 'name', true);
      const scopes = stringOpt(args, 'scopes', true).split(',').map((s) => s.trim());
      const rl = stringOpt(args, 'rate-limit');
      const { createApiKey } = await import('../../modules/system/index.js');
      const { key, apiKey } = await createApiKey(ctx.deps, cliActor(), {
        name,
        scopes,
        rateLimitPerHour: rl === undefined ? undefined : Number(rl),
      });
      ctx.say(
        `Created API key "${apiKey.name}" (${apiKey.prefix}, id ${apiKey.id}) with scopes ${apiKey.scopes.join(', ')}, ` +
          `${apiKey.rateLimitPerHour} requests/hour. Use it as "Authorization: Bearer <key>". It is shown only now:`,
      );
      ctx.print(key);
    },
  },
];
