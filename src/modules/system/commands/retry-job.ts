import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { AppError, notFound } from '../../../platform/errors/app-error.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { query, sql } from '../../../platform/db/database.js';
import { JOB_SCHEMA } from '../queries/find-jobs.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Puts a failed job back in the queue (one more try), recorded in the audit log. */
export async function retryJob(deps: AppDeps, actor: Actor, name: string, id: string): Promise<void> {
  if (!UUID.test(id)) throw notFound('Job', id);
  await deps.database.transaction(async (tx) => {
    const [job] = await query<{ state: string }>(
      tx,
      sql`SELECT state::text AS state FROM ${sql.raw(`${JOB_SCHEMA}.job`)} WHERE name = ${name} AND id = ${id}::uuid FOR UPDATE`,
    );
    if (!job) throw notFound('Job', id);
    if (job.state !== 'failed') {
      throw new AppError('conflict', `Only a failed job can be retried; this one is ${job.state}.`, {
        key: 'system.jobs.not_failed',
        params: { state: job.state },
      });
    }
    const client = deps.database.clientOf(tx);
    await deps.jobs.boss.retry(name, id, { db: { executeSql: (text: string, values?: unknown[]) => client.query(text, values) } } as any);
    await recordAudit(tx, deps, actor, { action: 'job.retried', entityType: 'job', entityId: id, details: { name } });
  });
}
