import path from 'node:path';
import { UsageError, stringOpt, type CliCommand } from '../types.js';

const where = (kind: string, dataDir: string) => (kind === 'pglite' ? `the embedded database in ${dataDir}` : 'PostgreSQL (DATABASE_URL)');

export const commands: CliCommand[] = [
  {
    name: 'migrate',
    summary: 'Apply pending database migrations (the server also does this at start)',
    usage: '',
    needs: 'deps', // opening with 'deps' migrates; preparing the queue creates pg-boss's tables too
    async run(ctx) {
      const { databaseLevel } = await import('../../platform/backup/schema-info.js');
      const level = await databaseLevel({ query: (t, v) => ctx.database.exec(t, v) });
      ctx.say(`${where(ctx.database.kind, ctx.config.dataDir)} is migrated: ${level.count} migrations, latest ${level.lastTag}.`);
    },
  },
  {
    name: 'seed',
    summary: 'Load the demo data (idempotent: tops up what is missing)',
    usage: '--demo',
    options: { demo: { type: 'boolean' } },
    needs: 'deps',
    check(args) {
      if (!args.values.demo) throw new UsageError('Say --demo: the demo data is the only seed there is.');
    },
    async run(ctx) {
      const { seedDemo } = await import('../../modules/system/index.js');
      const { MODULES } = await import('../../modules/modules.js');
      await seedDemo(ctx.deps, MODULES);
      ctx.say(`Demo data loaded into ${where(ctx.database.kind, ctx.config.dataDir)}.`);
    },
  },
  {
    name: 'backup',
    summary:
      'Write the whole database to one gzip file: a consistent snapshot (while the server runs, on PostgreSQL), ' +
      'with pending jobs; job history is not kept',
    usage: '--to FILE',
    options: { to: { type: 'string' } },
    needs: 'database',
    check: (args) => void stringOpt(args, 'to', true),
    async run(ctx, args) {
      const file = path.resolve(stringOpt(args, 'to', true));
      const { backupDatabase } = await import('../../platform/backup/backup.js');
      const { createSecrets, loadOrCreateSecret } = await import('../../platform/auth/secrets.js');
      const secrets = createSecrets(loadOrCreateSecret(ctx.config.appSecret, ctx.config.dataDir));
      const s = await backupDatabase(ctx.database, file, { secrets });
      ctx.say(
        `Backed up ${s.rows} rows in ${s.tables} tables and ${s.jobs} pending jobs from ${where(ctx.database.kind, ctx.config.dataDir)} ` +
          `(${(s.bytes / 1024).toFixed(1)} KiB). Keep APP_SECRET (or ${path.join(ctx.config.dataDir, 'secret.key')}) with it: ` +
          `API keys and encrypted values need it.`,
      );
      ctx.print(file);
    },
  },
  {
    name: 'restore',
    summary: 'Load a backup file into an empty database (--force empties a non-empty one first)',
    usage: 'FILE [--force]',
    options: { force: { type: 'boolean' } },
    positionals: { min: 1, max: 1, names: 'FILE' },
    needs: 'database',
    async run(ctx, args) {
      const file = path.resolve(args.positionals[0]!);
      const { restoreDatabase } = await import('../../platform/backup/restore.js');
      const { depsForCli } = await import('../deps.js');
      const deps = depsForCli(ctx.config, ctx.database);
      ctx.deps = deps;
      const s = await restoreDatabase(ctx.database, file, { force: !!args.values.force, jobs: deps.jobs, secrets: deps.secrets });
      for (const w of s.warnings) ctx.say(`Warning: ${w}`);
      ctx.say(`Restored ${s.rows} rows in ${s.tables} tables and ${s.jobs} pending jobs into ${where(ctx.database.kind, ctx.config.dataDir)}.`);
    },
  },
];
