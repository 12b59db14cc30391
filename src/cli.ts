import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig, ConfigError, type Config } from './platform/config/config.js';
import { DataDirLockedError } from './platform/db/lock.js';
import { isAppError } from './platform/errors/app-error.js';
import type { Database } from './platform/db/database.js';
import type { AppDeps } from './platform/http/types.js';
import { UsageError, type CliCommand, type CliContext } from './cli/types.js';

/**
 * `npx tradelane <command>`: the operator's tool. Commands live one group per file in
 * src/cli/commands/ and are found there at start, so a module adds its own without touching
 * this file. Exit codes: 0 done, 1 refused or failed (message on stderr), 2 usage error,
 * 78 invalid configuration.
 */
const COMMANDS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cli', 'commands');

export async function loadCommands(dir = COMMANDS_DIR): Promise<CliCommand[]> {
  const files = fs
    .readdirSync(dir)
    .filter((f) => /\.(ts|js|mjs)$/.test(f) && !/\.(test|int\.test)\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
    .sort();
  const all: CliCommand[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(path.join(dir, f)).href)) as { commands?: CliCommand[] };
    for (const c of mod.commands ?? []) {
      if (all.some((o) => o.name === c.name)) throw new Error(`Two CLI commands are named "${c.name}" (${f})`);
      all.push(c);
    }
  }
  return all.sort((a, b) => a.name.localeCompare(b.name));
}

function helpText(commands: CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: npx tradelane <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Every command uses DATA_DIR (embedded database, default ./data) or DATABASE_URL (PostgreSQL).',
    'Run `npx tradelane <command> --help` for its options.',
  ].join('\n');
}

const usageOf = (c: CliCommand) => `Usage: npx tradelane ${c.name}${c.usage ? ` ${c.usage}` : ''}`;

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  stdinIsTTY: boolean;
  env: Record<string, string | undefined>;
}

const processIO: CliIO = {
  out: (t) => process.stdout.write(t + '\n'),
  err: (t) => process.stderr.write(t + '\n'),
  stdinIsTTY: !!process.stdin.isTTY,
  env: process.env,
};

export async function runCli(argv: string[], io: CliIO = processIO): Promise<number | 'running'> {
  const commands = await loadCommands();
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    (argv.length === 0 ? io.err : io.out)(helpText(commands));
    return argv.length === 0 ? 2 : 0;
  }
  const words = argv.filter((a) => !a.startsWith('-'));
  const command = [...commands]
    .sort((a, b) => b.name.split(' ').length - a.name.split(' ').length)
    .find((c) => c.name.split(' ').every((w, i) => words[i] === w) && argv.slice(0, c.name.split(' ').length).every((a) => !a.startsWith('-')));
  if (!command) {
    const group = commands.filter((c) => c.name.split(' ')[0] === argv[0]);
    io.err(group.length ? `"${argv.join(' ')}" needs a sub-command:\n${group.map((c) => `  ${usageOf(c)}`).join('\n')}` : `Unknown command "${argv[0]}".\n\n${helpText(commands)}`);
    return 2;
  }

  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv.slice(command.name.split(' ').length),
      options: { ...(command.options ?? {}), help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    io.err(`${(e as Error).message}\n${usageOf(command)}`);
    return 2;
  }
  if (parsed.values.help) {
    io.out(`${usageOf(command)}\n\n${command.summary}`);
    return 0;
  }
  const p = command.positionals ?? { min: 0, max: 0, names: '' };
  if (parsed.positionals.length < p.min || parsed.positionals.length > p.max) {
    io.err(`${parsed.positionals.length < p.min ? `Missing ${p.names}` : `Unexpected argument "${parsed.positionals[p.max]}"`}.\n${usageOf(command)}`);
    return 2;
  }

  try {
    command.check?.({ values: parsed.values, positionals: parsed.positionals });
  } catch (e) {
    return reportError(e, command, io);
  }

  let config: Config;
  try {
    config = loadConfig(io.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      io.err(e.message);
      return 78;
    }
    throw e;
  }

  let database: Database | undefined;
  let deps: AppDeps | undefined;
  const ctx = {
    config,
    say: (line: string) => io.err(line),
    print: (line: string) => io.out(line),
    stdinIsTTY: io.stdinIsTTY,
  } as CliContext;
  try {
    if (command.needs !== 'none') {
      // loaded only when needed, so `--help` and usage errors answer at once
      const { openForCli } = await import('./cli/runtime.js');
      database = await openForCli(config, command.name);
      ctx.database = database;
      if (command.needs === 'deps') {
        const { depsForCli } = await import('./cli/deps.js');
        await database.migrate();
        deps = depsForCli(config, database);
        // pg-boss must be ready before a use case enqueues inside its transaction (PGlite runs
        // one statement at a time, so preparing it mid-transaction would wait on itself).
        await deps.jobs.prepare();
        ctx.deps = deps;
      }
    }
    const result = await command.run(ctx, { values: parsed.values, positionals: parsed.positionals });
    return result ?? 0;
  } catch (e) {
    return reportError(e, command, io);
  } finally {
    const d = ctx.deps ?? deps;
    if (d) await d.jobs.stop().catch(() => undefined);
    if (database) await database.close().catch(() => undefined);
  }
}

function reportError(e: unknown, command: CliCommand, io: CliIO): number {
  if (e instanceof UsageError) {
    io.err(`${e.message}\n${usageOf(command)}`);
    return 2;
  }
  // RestoreRefused and BackupFileError (platform/backup) are matched by name to keep start-up light
  if (e instanceof DataDirLockedError || (e instanceof Error && (e.name === 'RestoreRefused' || e.name === 'BackupFileError'))) {
    io.err(e.message);
    return 1;
  }
  if (isAppError(e)) {
    const fields = (e.details.errors ?? []).map((f) => `  ${f.field.replace(/^body\./, '')}: ${f.message}`);
    io.err([e.message, ...fields.filter((f) => !e.message.includes(f.trim()))].join('\n'));
    return 1;
  }
  const msg = (e as Error)?.message ?? String(e);
  if (/^Cannot connect to PostgreSQL/.test(msg) || /needs PostgreSQL/.test(msg)) {
    io.err(msg);
    return 1;
  }
  io.err(`tradelane ${command.name} failed: ${(e as Error)?.stack ?? msg}`);
  return 1;
}
