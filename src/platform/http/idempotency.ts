import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import type { Principal } from '../auth/principal.js';
import type { JobDefinition } from '../jobs/queue.js';
import { AppError } from '../errors/app-error.js';
import type { AppDeps } from './types.js';
import { idempotencyKeys } from './idempotency.schema.js';

/**
 * `Idempotency-Key` for mutating routes a client may retry. A route opts in by running its use
 * case through `runIdempotent`: the key, the request fingerprint and the response are written in
 * the use case's own transaction, so
 *  - the same key and the same request returns the stored status and body (header
 *    `Idempotent-Replayed: true`) without running anything;
 *  - the same key with another method, path or body is 422 `idempotency_mismatch`;
 *  - a concurrent duplicate blocks on the key's primary key until the first commits, then
 *    replays its response (or runs, if the first failed and rolled back): never twice;
 *  - a request that fails (4xx/5xx) changed nothing and stores nothing, so it may be retried.
 * Keys are scoped per principal (two API keys may use the same key string) and kept 24 hours.
 */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const KEY_RE = /^[\x21-\x7e]{1,255}$/;

export interface IdempotentOutcome<T> {
  status: number;
  body: T;
  replayed: boolean;
}

export interface IdempotencyOptions {
  /** Scope for callers without a principal (e.g. a guest's cart token hash). */
  scope?: string;
  /** Refuse the request when the header is missing (400 naming the header). */
  required?: boolean;
}

export function principalScope(p: Principal | undefined): string | undefined {
  if (!p) return undefined;
  switch (p.kind) {
    case 'staff':
      return `staff:${p.staffId}`;
    case 'apikey':
      return `apikey:${p.keyId}`;
    case 'customer':
      return `customer:${p.customerId}`;
  }
}

/** JSON with object keys sorted, so {a,b} and {b,a} are the same request. */
export function canonicalJson(v: unknown): string {
  if (v === undefined) return 'null';
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(',')}}`;
}

export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(`${method.toUpperCase()} ${path}\n${canonicalJson(body)}`).digest('hex');
}

/** The key from the request, validated; undefined when absent. */
export function idempotencyKeyOf(req: FastifyRequest): string | undefined {
  const raw = req.headers[IDEMPOTENCY_HEADER];
  if (raw === undefined) return undefined;
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (!key || !KEY_RE.test(key)) {
    throw new AppError('validation_failed', 'Idempotency-Key must be 1 to 255 visible ASCII characters (a UUID works well).', {
      errors: [{ field: 'header.idempotency-key', message: 'must be 1-255 visible ASCII characters' }],
    });
  }
  return key;
}

/**
 * Runs `fn` in one transaction, guarded by the request's Idempotency-Key when it has one.
 * `fn` returns the HTTP status and body to send (plain JSON: it is stored and replayed as is).
 */
export async function runIdempotent<T>(
  req: FastifyRequest,
  deps: Pick<AppDeps, 'database' | 'clock'>,
  opts: IdempotencyOptions,
  fn: (tx: Db) => Promise<{ status: number; body: T }>,
): Promise<IdempotentOutcome<T>> {
  const key = idempotencyKeyOf(req);
  if (!key) {
    if (opts.required) {
      throw new AppError('validation_failed', 'Send an Idempotency-Key header (for example a new UUID) so that a retry cannot act twice.', {
        errors: [{ field: 'header.idempotency-key', message: 'is required' }],
      });
    }
    const r = await deps.database.transaction(fn);
    return { status: r.status, body: plainJson(r.body), replayed: false };
  }
  const scope = principalScope(req.principal) ?? opts.scope ?? 'anonymous';
  const path = req.url.split('?')[0]!;
  return withIdempotencyKey(deps, { scope, key, method: req.method, path, body: req.body }, fn);
}

/** The same guard for callers that are not HTTP routes (imports, jobs acting on a client's behalf). */
export async function withIdempotencyKey<T>(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  k: { scope: string; key: string; method: string; path: string; body: unknown },
  fn: (tx: Db) => Promise<{ status: number; body: T }>,
): Promise<IdempotentOutcome<T>> {
  const hash = requestFingerprint(k.method, k.path, k.body);
  return deps.database.transaction(async (tx) => {
    const now = deps.clock.now();
    const claimed = await tx
      .insert(idempotencyKeys)
      .values({
        scope: k.scope,
        key: k.key,
        requestHash: hash,
        method: k.method.toUpperCase(),
        path: k.path,
        responseStatus: 0,
        responseBody: {},
        createdAt: now,
        expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
      })
      // Waits here while another transaction holds the same key uncommitted.
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed.length === 0) {
      const [prior] = await tx
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.scope, k.scope), eq(idempotencyKeys.key, k.key)));
      if (!prior) {
        // Deleted between our insert and select (expiry sweep): the client may simply retry.
        throw new AppError('conflict', 'This Idempotency-Key is being processed; retry in a moment.', { headers: { 'retry-after': '1' } });
      }
      if (prior.requestHash !== hash) {
        throw new AppError(
          'idempotency_mismatch',
          `This Idempotency-Key was already used for a different request (${prior.method} ${prior.path}). Use a new key for a new request.`,
          { errors: [{ field: 'header.idempotency-key', message: 'was used with a different request body' }] },
        );
      }
      return { status: prior.responseStatus, body: prior.responseBody as T, replayed: true };
    }
    const r = await fn(tx);
    const body = plainJson(r.body);
    await tx
      .update(idempotencyKeys)
      .set({ responseStatus: r.status, responseBody: body as object })
      .where(and(eq(idempotencyKeys.scope, k.scope), eq(idempotencyKeys.key, k.key)));
    return { status: r.status, body, replayed: false };
  });
}

/** Sends an outcome, marking replays so clients and logs can tell. */
export function sendIdempotent<T>(reply: FastifyReply, outcome: IdempotentOutcome<T>): FastifyReply {
  if (outcome.replayed) reply.header('idempotent-replayed', 'true');
  return reply.status(outcome.status).send(outcome.body);
}

function plainJson<T>(v: T): T {
  return v === undefined ? (null as T) : (JSON.parse(JSON.stringify(v)) as T);
}

export const IDEMPOTENCY_SWEEP_JOB = 'platform.idempotency-sweep';

/** Hourly removal of expired keys (registered by the orders module, the main user). */
export function idempotencySweepJob(deps: Pick<AppDeps, 'db' | 'clock'>): JobDefinition {
  return {
    name: IDEMPOTENCY_SWEEP_JOB,
    cron: '17 * * * *',
    retryLimit: 2,
    async handler() {
      await deps.db.delete(idempotencyKeys).where(lt(idempotencyKeys.expiresAt, deps.clock.now()));
    },
  };
}

/**
 * For use cases written as `command(deps, ...)` that open their own transaction: runs the
 * command inside the idempotency transaction by handing it deps whose `database.transaction`
 * joins that transaction (and whose `db` is it), so the key, the change and the stored response
 * commit together. Sends the reply (replays marked).
 */
export async function sendIdempotentCommand<T>(
  req: FastifyRequest,
  reply: FastifyReply,
  deps: AppDeps,
  status: number,
  command: (d: AppDeps) => Promise<T>,
): Promise<FastifyReply> {
  const out = await runIdempotent(req, deps, {}, async (tx) => {
    const joined: AppDeps = { ...deps, db: tx, database: { ...deps.database, db: tx, transaction: <R>(fn: (t: Db) => Promise<R>) => fn(tx) } };
    return { status, body: await command(joined) };
  });
  return sendIdempotent(reply, out);
}
