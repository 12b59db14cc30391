import fs from 'node:fs';
import { cliActor } from '../../platform/auth/principal.js';
import { UsageError, type CliCommand } from '../types.js';

export const commands: CliCommand[] = [
  {
    name: 'fx refresh',
    summary: 'Fetch the euro reference rates from FX_SOURCE_URL now and store them',
    usage: '',
    needs: 'deps',
    async run(ctx) {
      const { refreshRates } = await import('../../modules/fx/index.js');
      const r = await refreshRates(ctx.deps, cliActor('cli fx refresh'));
      ctx.say(`Stored ${r.rates} rates for ${r.days} day(s) from ${ctx.config.fxSourceUrl}.`);
      ctx.print(r.lastDate ?? '');
    },
  },
  {
    name: 'fx import',
    summary: 'Import an ECB rate file: the daily XML, the 90-day/historical XML or the historical CSV',
    usage: 'FILE',
    positionals: { min: 1, max: 1, names: 'FILE' },
    needs: 'deps',
    check(args) {
      const file = args.positionals[0]!;
      if (!fs.existsSync(file)) throw new UsageError(`${file} does not exist.`);
    },
    async run(ctx, args) {
      const file = args.positionals[0]!;
      const { importRates } = await import('../../modules/fx/index.js');
      const r = await importRates(ctx.deps, { text: fs.readFileSync(file, 'utf8'), origin: `file:${file}`, actor: cliActor('cli fx import') });
      ctx.say(`Imported ${r.rates} rates for ${r.days} day(s), ${r.firstDate} to ${r.lastDate}.`);
      ctx.print(String(r.days));
    },
  },
];
