import type { AppDeps } from '../../../platform/http/types.js';
import { query, sql } from '../../../platform/db/database.js';
import { redactSecrets } from '../domain/redact.js';

/** pg-boss 10 keeps jobs in `<schema>.job`; the platform queue uses the default schema. */
export const JOB_SCHEMA = 'pgboss';
export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface JobView {
  id: string;
  name: string;
  state: JobState;
  data: unknown;
  /** For a failed job, `{ message, ... }` of the last error. */
  output: unknown;
  retryCount: number;
  retryLimit: number;
  createdOn: string;
  startedOn: string | null;
  completedOn: string | null;
}

export interface JobFilter {
  state?: JobState;
  name?: string;
  limit?: number;
}

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/**
 * What the jobs page shows: counts per state and the latest jobs. Reads pg-boss's table directly
 * (its API has no listing); payloads and outputs go through redactSecrets before they leave.
 * Completed jobs move to the archive table after pg-boss's retention and are not listed here.
 */
export async function findJobs(deps: AppDeps, f: JobFilter): Promise<{ counts: Record<JobState, number>; items: JobView[] }> {
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 200);
  const job = sql.raw(`${JOB_SCHEMA}.job`);
  const byName = f.name ? sql`AND name = ${f.name}` : sql``;
  const byState = f.state ? sql`AND state = ${f.state}::${sql.raw(JOB_SCHEMA)}.job_state` : sql``;
  const countRows = await query<{ state: JobState; n: string | number }>(
    deps.db,
    sql`SELECT state::text AS state, count(*) AS n FROM ${job} WHERE true ${byName} GROUP BY state`,
  );
  const counts = Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as Record<JobState, number>;
  for (const r of countRows) counts[r.state] = Number(r.n);

  const rows = await query<{
    id: string;
    name: string;
    state: JobState;
    data: unknown;
    output: unknown;
    retry_count: number;
    retry_limit: number;
    created_on: Date | string;
    started_on: Date | string | null;
    completed_on: Date | string | null;
  }>(
    deps.db,
    sql`SELECT id::text AS id, name, state::text AS state, data, output, retry_count, retry_limit, created_on, started_on, completed_on
        FROM ${job} WHERE true ${byName} ${byState}
        ORDER BY created_on DESC, id DESC LIMIT ${limit}`,
  );
  return {
    counts,
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      state: r.state,
      data: redactSecrets(r.data ?? null),
      output: redactSecrets(r.output ?? null),
      retryCount: r.retry_count,
      retryLimit: r.retry_limit,
      createdOn: iso(r.created_on)!,
      startedOn: iso(r.started_on),
      completedOn: iso(r.completed_on),
    })),
  };
}
