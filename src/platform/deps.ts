import pino, { type Logger } from 'pino';
import type { Config } from './config/config.js';
import type { Database } from './db/database.js';
import { systemClock, type Clock } from './clock/clock.js';
import { createIds } from './ids/ids.js';
import { createJobQueue } from './jobs/queue.js';
import { createMail, mailJob } from './mail/mail.js';
import { createSecrets, loadOrCreateSecret } from './auth/secrets.js';
import type { AppDeps, AppModule } from './http/types.js';

export interface DepsOptions {
  clock?: Clock;
  log?: Logger;
  providers?: Record<string, unknown>;
  /** pg-boss schema (tests on PostgreSQL may isolate it). */
  jobSchema?: string;
  /** Whether this process runs queue maintenance and cron. */
  superviseJobs?: boolean;
}

/** Builds the dependency bag once, and registers every module's job definitions on the queue. */
export function createDeps(config: Config, database: Database, modules: AppModule[], opts: DepsOptions = {}): AppDeps {
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? pino({ level: config.logLevel });
  const ids = createIds(() => Date.now());
  const jobs = createJobQueue({ database, log, schema: opts.jobSchema, supervise: opts.superviseJobs });
  const secrets = createSecrets(loadOrCreateSecret(config.appSecret, config.dataDir));
  const mail = createMail({ jobs, clock, ids, from: config.mailFrom, smtpUrl: config.smtpUrl });
  const deps: AppDeps = {
    config,
    database,
    db: database.db,
    clock,
    ids,
    log,
    jobs,
    secrets,
    mail,
    providers: opts.providers ?? {},
  };
  jobs.define(mailJob({ db: database.db, clock, smtpUrl: config.smtpUrl }));
  for (const m of modules) for (const def of m.jobs?.(deps) ?? []) jobs.define(def);
  return deps;
}
