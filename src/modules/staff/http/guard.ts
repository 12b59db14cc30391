import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../platform/http/types.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { displayIp, ipAllowed } from '../domain/allowlist.js';
import { cachedSecuritySettings } from '../queries/security-settings.js';

/** Whether a request path belongs to the back office (/admin, /admin/*, /api/admin/*). */
export function isBackOfficePath(rawUrl: string): boolean {
  let path = rawUrl.split('?')[0]!;
  try {
    path = decodeURIComponent(path);
  } catch {
    // undecodable: judge the raw text
  }
  path = path.replace(/\/{2,}/g, '/').toLowerCase();
  return path === '/admin' || path.startsWith('/admin/') || path === '/api/admin' || path.startsWith('/api/admin/');
}

/** The owner's IP allowlist in front of the back office and its API (empty list: no limit). */
export async function backOfficeIpGuard(req: FastifyRequest, deps: AppDeps): Promise<void> {
  const route = req.routeOptions?.url;
  if (!isBackOfficePath(req.url) && !(route && isBackOfficePath(route))) return;
  const { ipAllowlist } = await cachedSecuritySettings(deps);
  if (ipAllowlist.length === 0) return;
  if (ipAllowed(ipAllowlist, req.ip)) return;
  const ip = displayIp(req.ip);
  throw new AppError('ip_not_allowed', `The back office cannot be reached from your address (${ip}).`, {
    key: 'staff.error.ip_not_allowed',
    params: { ip },
  });
}
