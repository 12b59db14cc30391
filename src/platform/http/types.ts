import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { Database, Db } from '../db/database.js';
import type { Clock } from '../clock/clock.js';
import type { Ids } from '../ids/ids.js';
import type { JobDefinition, JobQueue } from '../jobs/queue.js';
import type { Secrets } from '../auth/secrets.js';
import type { Principal } from '../auth/principal.js';
import type { Mail } from '../mail/mail.js';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** Everything a use case may need, built once in main.ts (or the test harness) and passed in. */
export interface AppDeps {
  config: Config;
  database: Database;
  db: Db;
  clock: Clock;
  ids: Ids;
  log: Logger;
  jobs: JobQueue;
  secrets: Secrets;
  mail: Mail;
  /** Outside-service adapters by name (stripe, amazon, ecb...), each with a configurable base URL. */
  providers: Record<string, unknown>;
}

/** A business module as the composition root sees it. Listed in src/modules/modules.ts. */
export interface AppModule {
  name: string;
  routes?(app: App, deps: AppDeps): void | Promise<void>;
  jobs?(deps: AppDeps): JobDefinition[];
  /** Loads this module's part of the demo data; modules run in list order, see seedDemoAfter. */
  seedDemo?(deps: AppDeps): Promise<void>;
  /** Modules whose demo data this module's builds on (e.g. pricing needs the catalog's variants). */
  seedDemoAfter?: string[];
  /** Runs before authentication on every request (e.g. the back-office IP allowlist). */
  guard?(req: FastifyRequest, deps: AppDeps): Promise<void>;
  /** Establishes who is calling; the first module that returns a principal wins. */
  authenticate?(req: FastifyRequest, reply: FastifyReply, deps: AppDeps): Promise<Principal | undefined>;
}
