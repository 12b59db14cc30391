import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Database, Db } from '../db/database.js';

/**
 * The durable job queue (pg-boss 10) in the application's own database. A job enqueued with a
 * transaction is written by that transaction: it exists only if the use case commits, and once
 * committed it runs even if the process dies (an active job whose worker vanished expires and is
 * retried). On PGlite it runs through `db.executeSql` in the server process.
 */
export interface JobDefinition<T = any> {
  name: string;
  handler: (data: T, meta: { id: string; retryCount: number }) => Promise<void>;
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  expireInSeconds?: number;
  /** Concurrent handlers in one worker process. */
  concurrency?: number;
  /** Cron schedule (UTC) for recurring jobs, e.g. '0 16 * * *'. */
  cron?: string;
}

export interface EnqueueOptions {
  singletonKey?: string;
  startAfter?: Date | number;
  priority?: number;
}

export interface JobQueue {
  readonly boss: PgBoss;
  define<T>(def: JobDefinition<T>): void;
  /** Enqueue; pass the use case's transaction so the job commits or rolls back with it. */
  enqueue(tx: Db | null, name: string, data: object, opts?: EnqueueOptions): Promise<string | null>;
  /** Create queues and schedules (needed before enqueueing); idempotent. */
  prepare(): Promise<void>;
  /** Start working the defined queues in this process. */
  work(): Promise<void>;
  /** Run every due job now, then return: for tests and the CLI. */
  drain(names?: string[], opts?: { maxRounds?: number }): Promise<number>;
  stop(): Promise<void>;
  definitions(): JobDefinition[];
}

export interface QueueOptions {
  database: Database;
  log: Logger;
  /** Maintenance (expiry, archiving) and cron run here. Off in pure enqueue-only processes. */
  supervise?: boolean;
  schema?: string;
}

export function createJobQueue(opts: QueueOptions): JobQueue {
  const { database, log } = opts;
  const schema = opts.schema ?? 'pgboss';
  const defs = new Map<string, JobDefinition>();
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => database.exec(text, values) } as any,
    schema,
    supervise: opts.supervise ?? true,
    schedule: opts.supervise ?? true,
    migrate: true,
    // PGlite serialises every query; modest polling keeps an idle server idle.
    monitorStateIntervalSeconds: 60,
    maintenanceIntervalSeconds: 120,
  } as any);
  boss.on('error', (err: Error) => log.error({ err }, 'job queue error'));
  let started = false;
  let prepared = false;
  let workers: string[] = [];

  async function ensureStarted() {
    if (!started) {
      await boss.start();
      started = true;
    }
  }

  return {
    boss,
    define(def) {
      defs.set(def.name, def as JobDefinition);
    },
    definitions: () => [...defs.values()],
    async prepare() {
      await ensureStarted();
      for (const def of defs.values()) {
        const existing = await boss.getQueue(def.name);
        const queueOpts = {
          name: def.name,
          retryLimit: def.retryLimit ?? 5,
          retryDelay: def.retryDelaySeconds ?? 10,
          retryBackoff: def.retryBackoff ?? true,
          expireInSeconds: def.expireInSeconds ?? 15 * 60,
        };
        if (!existing) await boss.createQueue(def.name, queueOpts as any);
        else await boss.updateQueue(def.name, queueOpts as any);
        if (def.cron && (opts.supervise ?? true)) await boss.schedule(def.name, def.cron, {}, { tz: 'UTC' });
      }
      prepared = true;
    },
    async enqueue(tx, name, data, o = {}) {
      if (!defs.has(name)) throw new Error(`Job ${name} is not defined`);
      if (!prepared) await this.prepare();
      const sendOpts: Record<string, unknown> = {};
      if (o.singletonKey) sendOpts.singletonKey = o.singletonKey;
      if (o.startAfter) sendOpts.startAfter = o.startAfter instanceof Date ? o.startAfter : new Date(o.startAfter);
      if (o.priority) sendOpts.priority = o.priority;
      if (tx) {
        const client = database.clientOf(tx);
        sendOpts.db = { executeSql: (text: string, values?: unknown[]) => client.query(text, values) };
      }
      return boss.send(name, data, sendOpts as any);
    },
    async work() {
      if (!prepared) await this.prepare();
      for (const def of defs.values()) {
        const id = await boss.work(
          def.name,
          { batchSize: 1, pollingIntervalSeconds: 2, localConcurrency: def.concurrency ?? 1 } as any,
          async (jobs: any[]) => {
            for (const job of jobs) {
              await def.handler(job.data, { id: job.id, retryCount: job.retryCount ?? 0 });
            }
          },
        );
        workers.push(id);
      }
    },
    async drain(names, { maxRounds = 50 } = {}) {
      if (!prepared) await this.prepare();
      let done = 0;
      const list = names ?? [...defs.keys()];
      for (let round = 0; round < maxRounds; round++) {
        let any = false;
        for (const name of list) {
          const def = defs.get(name)!;
          const jobs: any[] = (await boss.fetch(name, { batchSize: 20, includeMetadata: true } as any)) ?? [];
          for (const job of jobs) {
            any = true;
            try {
              await def.handler(job.data, { id: job.id, retryCount: job.retryCount ?? 0 });
              await boss.complete(name, job.id);
              done++;
            } catch (err) {
              await boss.fail(name, job.id, { message: (err as Error).message, stack: (err as Error).stack });
            }
          }
        }
        if (!any) break;
      }
      return done;
    },
    async stop() {
      if (!started) return;
      for (const w of workers) await boss.offWork(w).catch(() => undefined);
      workers = [];
      await boss.stop({ graceful: true, close: false, timeout: 5000 } as any);
      started = false;
      prepared = false;
    },
  };
}
