import type { Db } from '../../../platform/db/database.js';
import type { CustomerSettings } from '../domain/settings.js';
import { loadCustomerSettings } from '../db/customers.repo.js';

/** Read on every storefront request: kept for a few seconds per process (writes here clear it). */
const TTL_MS = 5_000;
let cached: { at: number; value: CustomerSettings } | null = null;

export function invalidateSettingsCache(): void {
  cached = null;
}

export async function cachedCustomerSettings(tx: Db): Promise<CustomerSettings> {
  if (cached && Date.now() - cached.at < TTL_MS) return cached.value;
  const value = await loadCustomerSettings(tx);
  cached = { at: Date.now(), value };
  return value;
}
