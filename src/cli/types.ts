import type { ParseArgsConfig } from 'node:util';
import type { Config } from '../platform/config/config.js';
import type { Database } from '../platform/db/database.js';
import type { AppDeps } from '../platform/http/types.js';

/**
 * One `tradelane` command. A module adds commands by dropping a file into src/cli/commands/
 * that exports `commands: CliCommand[]`; src/cli.ts finds it (no list to edit).
 */
export interface CliCommand {
  /** The words that select it: 'migrate', 'staff create', 'fx import'. */
  name: string;
  summary: string;
  /** Arguments after the name, as shown in help: '--email E --role R [--name N]'. */
  usage: string;
  /** node:util parseArgs options; unknown options are usage errors. */
  options?: ParseArgsConfig['options'];
  /** How many positional arguments it takes (default none). */
  positionals?: { min: number; max: number; names: string };
  /**
   * What it needs opened: 'deps' = the database, migrated, and the dependency bag; 'database' =
   * the database as it is (backup/restore manage migrations themselves); 'none' = nothing.
   */
  needs: 'deps' | 'database' | 'none';
  /** Argument checks that need nothing opened: a usage error answers before the database is touched. */
  check?(args: CliArgs): void;
  /** Exit code (default 0), or 'running' for a command that keeps the process alive (worker). */
  run(ctx: CliContext, args: CliArgs): Promise<number | void | 'running'>;
}

export interface CliArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

export interface CliContext {
  config: Config;
  /** Present when `needs` is 'database' or 'deps'. */
  database: Database;
  /** Present when `needs` is 'deps' (and created on demand by restore). */
  deps: AppDeps;
  /** Lines for the person (stderr), so stdout carries only results a script may read. */
  say(line: string): void;
  /** Result lines (stdout). */
  print(line: string): void;
  stdinIsTTY: boolean;
}

/** Wrong or missing arguments: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function stringOpt(args: CliArgs, name: string, required: true): string;
export function stringOpt(args: CliArgs, name: string, required?: false): string | undefined;
export function stringOpt(args: CliArgs, name: string, required = false): string | undefined {
  const v = args.values[name];
  if (v === undefined || v === '') {
    if (required) throw new UsageError(`--${name} is required.`);
    return undefined;
  }
  if (typeof v !== 'string') throw new UsageError(`--${name} needs a value.`);
  return v;
}
