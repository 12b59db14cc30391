import type { AppDeps } from '../../../platform/http/types.js';
import { SYSTEM_ACTOR } from '../../../platform/auth/principal.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { getChannel } from '../db/channels-repo.js';
import { mapShopifyOrder } from '../domain/shopify-mapper.js';
import { shopifyOrders } from '../providers/shopify-admin.js';
import { readCredentials } from './manage-channels.js';
import { importChannelOrder, type HubDeps, type ImportResult } from './import-channel-order.js';

/**
 * Backfills a Shopify channel from the Admin REST API (orders updated since a date), each order
 * in its own transaction through the same import as webhooks: orders already received dedupe on
 * the ledger, newer versions apply, older ones are ignored.
 */
export async function backfillShopify(deps: AppDeps & { ports: HubDeps['ports'] }, channelId: string, opts: { updatedAtMin?: string; fetchImpl?: typeof fetch } = {}) {
  const channel = await getChannel(deps.db, channelId);
  if (channel.kind !== 'shopify') throw new AppError('validation_failed', `Channel ${channel.name} is not a Shopify channel.`);
  const token = readCredentials(deps, channel).adminAccessToken;
  if (!token || !channel.baseUrl) {
    throw new AppError('validation_failed', `Set the shop URL and an Admin API access token on channel ${channel.name} to backfill.`, { errors: [{ field: 'credentials.adminAccessToken', message: 'is required' }] });
  }
  const results: ImportResult[] = [];
  const errors: { externalId: string; message: string }[] = [];
  for await (const page of shopifyOrders({ shopUrl: channel.baseUrl, accessToken: token, updatedAtMin: opts.updatedAtMin, fetchImpl: opts.fetchImpl })) {
    for (const o of page) {
      try {
        const unified = mapShopifyOrder(o, deps.clock.now());
        results.push(await deps.database.transaction((tx) => importChannelOrder(tx, deps, channelId, unified, { ...SYSTEM_ACTOR, label: 'shopify backfill' })));
      } catch (e) {
        errors.push({ externalId: String(o.id), message: (e as Error).message });
      }
    }
  }
  return { results, errors };
}
