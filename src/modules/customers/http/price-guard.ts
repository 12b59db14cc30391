import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../platform/http/types.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { CustomerSettings } from '../domain/settings.js';

/**
 * Price endpoints are rate limited per account and per IP (fixed one-minute windows), and an
 * account or IP that prices a large share of the catalog within an hour is logged and audited as
 * catalog walking. Counters live in this process: with N servers the effective limit is up to N
 * times higher, which still stops a single scraper; the walk detector sees each server's share.
 */
const windows = new Map<string, { start: number; n: number }>();
const walks = new Map<string, { start: number; seen: Set<string>; reported: boolean }>();

export function checkPriceRate(req: FastifyRequest, settings: CustomerSettings, nowMs: number): void {
  const keys = [`ip:${req.ip}`];
  if (req.principal?.kind === 'customer') keys.push(`acct:${req.principal.customerId}`);
  for (const k of keys) {
    let w = windows.get(k);
    if (!w || nowMs - w.start >= 60_000) windows.set(k, (w = { start: nowMs, n: 0 }));
    w.n++;
    if (w.n > settings.priceRequestsPerMinute) {
      throw new AppError('rate_limited', 'Too many price requests. Slow down and try again in a minute.', { headers: { 'retry-after': String(Math.ceil((w.start + 60_000 - nowMs) / 1000)) } });
    }
  }
  if (windows.size > 100_000) windows.clear();
}

export async function noteVariantsSeen(req: FastifyRequest, deps: AppDeps, settings: CustomerSettings, variantIds: string[], nowMs: number): Promise<void> {
  const who = req.principal?.kind === 'customer' ? `acct:${req.principal.customerId}` : `ip:${req.ip}`;
  let w = walks.get(who);
  if (!w || nowMs - w.start >= 3_600_000) walks.set(who, (w = { start: nowMs, seen: new Set(), reported: false }));
  for (const id of variantIds) w.seen.add(id);
  if (!w.reported && w.seen.size > settings.walkAlertVariantsPerHour) {
    w.reported = true;
    deps.log.warn({ who, variants: w.seen.size }, 'catalog walking suspected on price endpoints');
    await recordAudit(deps.db, deps, { type: 'system', id: null, label: 'price-guard', ip: req.ip, requestId: req.id }, {
      action: 'pricing.catalog_walk_suspected', entityType: who.startsWith('acct:') ? 'customer' : 'ip', entityId: who.slice(5), details: { variantsInHour: w.seen.size },
    });
  }
  if (walks.size > 50_000) walks.clear();
}
