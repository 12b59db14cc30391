import type { AppDeps } from '../../../platform/http/types.js';
import { readSecuritySettings, type SecuritySettings } from '../db/staff-repo.js';

/**
 * The security settings as every request needs them (allowlist guard, 2FA-per-role check), read
 * at most every few seconds per process. Another process's change is seen within CACHE_MS; the
 * process that makes a change forgets its copy at once.
 */
export const SECURITY_SETTINGS_CACHE_MS = 5000;

const cache = new WeakMap<object, { at: number; value: Promise<SecuritySettings> }>();

export function cachedSecuritySettings(deps: AppDeps): Promise<SecuritySettings> {
  const now = deps.clock.now().getTime();
  const hit = cache.get(deps.database);
  if (hit && now - hit.at < SECURITY_SETTINGS_CACHE_MS && now >= hit.at) return hit.value;
  const value = readSecuritySettings(deps.db);
  cache.set(deps.database, { at: now, value });
  value.catch(() => cache.delete(deps.database));
  return value;
}

export function forgetCachedSecuritySettings(deps: AppDeps): void {
  cache.delete(deps.database);
}

export async function getSecuritySettings(deps: AppDeps): Promise<SecuritySettings> {
  return readSecuritySettings(deps.db);
}
