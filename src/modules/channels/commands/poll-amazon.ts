import { and, eq, sql } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import { SYSTEM_ACTOR } from '../../../platform/auth/principal.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { channelPollCursors } from '../db/channels.schema.js';
import { getChannel } from '../db/channels-repo.js';
import { mapAmazonOrder } from '../domain/amazon-mapper.js';
import { AmazonApiError, AmazonRateLimited, createAmazonClient, type AmazonClient } from '../providers/amazon-sp-api.js';
import { readCredentials } from './manage-channels.js';
import { importInBatches, type HubDeps, type ImportResult } from './import-channel-order.js';

type PollDeps = AppDeps & { ports: HubDeps['ports'] };

export interface PollResult {
  status: 'done' | 'throttled' | 'superseded' | 'page_limit';
  pages: number;
  imported: ImportResult[];
  retryAt?: string;
}

/** The SP-API client for a channel, with its LWA token cached (encrypted) in the cursor row. */
export async function amazonClientFor(deps: PollDeps, channelId: string, over: Partial<Parameters<typeof createAmazonClient>[0]> = {}): Promise<AmazonClient> {
  const channel = await getChannel(deps.db, channelId);
  if (channel.kind !== 'amazon') throw new AppError('validation_failed', `Channel ${channel.name} is not an Amazon channel.`);
  const creds = readCredentials(deps, channel);
  if (!creds.clientId || !creds.clientSecret || !creds.refreshToken) {
    throw new AppError('validation_failed', `Channel ${channel.name} lacks its LWA client id, client secret or refresh token.`, { errors: [{ field: 'credentials', message: 'clientId, clientSecret and refreshToken are required' }] });
  }
  const [cur] = await deps.db.select().from(channelPollCursors).where(eq(channelPollCursors.channelId, channelId));
  return createAmazonClient({
    baseUrl: channel.baseUrl ?? 'https://sellingpartnerapi-na.amazon.com',
    tokenUrl: typeof channel.settings.tokenUrl === 'string' ? channel.settings.tokenUrl : undefined,
    credentials: { clientId: creds.clientId, clientSecret: creds.clientSecret, refreshToken: creds.refreshToken },
    accessToken: cur?.accessTokenEnc && cur.accessTokenExpiresAt ? { token: deps.secrets.decrypt(cur.accessTokenEnc), expiresAt: cur.accessTokenExpiresAt } : null,
    onToken: async (t) => {
      await deps.db
        .update(channelPollCursors)
        .set({ accessTokenEnc: deps.secrets.encrypt(t.token), accessTokenExpiresAt: t.expiresAt })
        .where(eq(channelPollCursors.channelId, channelId));
    },
    now: () => deps.clock.now(),
    ...over,
  });
}

/**
 * One poll of an Amazon channel: getOrders for LastUpdatedAfter = watermark up to a window end
 * fixed when the sweep starts, page by page with NextToken, getOrderItems per order, each order
 * imported in its own transaction. The cursor (window and NextToken) is saved after every page,
 * with a compare-and-set on the values this poller started from, so:
 *  - a poller killed mid-pagination resumes at the first page it had not finished (the page it
 *    was on is fetched again; its orders dedupe on the ledger): no gap, no duplicate;
 *  - concurrent pollers may fetch the same page, but only one advances the cursor and the rest
 *    stop; the ledger makes their imports of the same order one order.
 * A 429 parks the channel until the back-off has passed (shared by all processes).
 */
export async function pollAmazonChannel(deps: PollDeps, channelId: string, opts: { client?: AmazonClient; maxPages?: number } = {}): Promise<PollResult> {
  const channel = await getChannel(deps.db, channelId);
  const marketplaceIds = (channel.settings.marketplaceIds as string[] | undefined) ?? [];
  if (!marketplaceIds.length) throw new AppError('validation_failed', `Set the marketplace ids of channel ${channel.name}.`, { errors: [{ field: 'settings.marketplaceIds', message: 'is required' }] });
  const now = deps.clock.now();
  const initial = typeof channel.settings.initialLastUpdatedAfter === 'string' ? new Date(channel.settings.initialLastUpdatedAfter) : new Date(now.getTime() - 30 * 86400_000);
  await deps.db.insert(channelPollCursors).values({ channelId, watermark: initial }).onConflictDoNothing();
  const [cursor] = await deps.db.select().from(channelPollCursors).where(eq(channelPollCursors.channelId, channelId));
  if (cursor!.notBefore && cursor!.notBefore > now) return { status: 'throttled', pages: 0, imported: [], retryAt: cursor!.notBefore.toISOString() };

  const client = opts.client ?? (await amazonClientFor(deps, channelId));
  let watermark = cursor!.watermark ?? initial;
  let token = cursor!.nextToken;
  // Amazon wants LastUpdatedBefore at least two minutes in the past.
  let windowEnd = token && cursor!.windowEnd ? cursor!.windowEnd : new Date(now.getTime() - 2 * 60_000);
  const imported: ImportResult[] = [];
  let pages = 0;
  for (;;) {
    if (opts.maxPages !== undefined && pages >= opts.maxPages) return { status: 'page_limit', pages, imported };
    let page;
    try {
      page = await client.getOrders({ marketplaceIds, lastUpdatedAfter: watermark.toISOString(), lastUpdatedBefore: windowEnd.toISOString(), nextToken: token });
    } catch (e) {
      if (e instanceof AmazonRateLimited) return park(deps, channelId, e, pages, imported);
      if (e instanceof AmazonApiError && e.status === 400 && token) {
        // An expired NextToken: start the window again from the watermark (imports dedupe).
        await casCursor(deps, channelId, { watermark, token }, { watermark, token: null, windowEnd: null });
        token = null;
        windowEnd = new Date(now.getTime() - 2 * 60_000);
        continue;
      }
      await deps.db.update(channelPollCursors).set({ lastError: (e as Error).message }).where(eq(channelPollCursors.channelId, channelId));
      throw e;
    }
    pages++;
    // Items of every order of the page first (no transaction open during network calls), then
    // the page is imported as one batch.
    const unified = [];
    for (const o of page.orders) {
      let items;
      try {
        items = await client.getOrderItems(o.AmazonOrderId);
      } catch (e) {
        if (e instanceof AmazonRateLimited) {
          // What was fetched of the page goes in; the cursor stays at the page, so the rest
          // comes again after the back-off (the ledger makes the repeats no-ops).
          imported.push(...(await importInBatches(deps.database, deps, channelId, unified, { ...SYSTEM_ACTOR, label: `amazon poller (${channel.name})` })));
          return park(deps, channelId, e, pages, imported);
        }
        throw e;
      }
      unified.push(mapAmazonOrder(o, items, deps.clock.now()));
    }
    imported.push(...(await importInBatches(deps.database, deps, channelId, unified, { ...SYSTEM_ACTOR, label: `amazon poller (${channel.name})` })));
    const next = page.nextToken;
    const advanced = await casCursor(
      deps,
      channelId,
      { watermark, token },
      next ? { watermark, token: next, windowEnd } : { watermark: windowEnd, token: null, windowEnd: null },
    );
    if (!advanced) return { status: 'superseded', pages, imported };
    if (!next) return { status: 'done', pages, imported };
    token = next;
  }
}

async function casCursor(
  deps: PollDeps,
  channelId: string,
  from: { watermark: Date; token: string | null },
  to: { watermark: Date; token: string | null; windowEnd: Date | null },
): Promise<boolean> {
  const rows = await deps.db
    .update(channelPollCursors)
    .set({ watermark: to.watermark, nextToken: to.token, windowEnd: to.windowEnd, lastPolledAt: deps.clock.now(), lastError: null })
    .where(
      and(
        eq(channelPollCursors.channelId, channelId),
        eq(channelPollCursors.watermark, from.watermark),
        from.token === null ? sql`${channelPollCursors.nextToken} IS NULL` : eq(channelPollCursors.nextToken, from.token),
      ),
    )
    .returning({ id: channelPollCursors.channelId });
  return rows.length > 0;
}

async function park(deps: PollDeps, channelId: string, e: AmazonRateLimited, pages: number, imported: ImportResult[]): Promise<PollResult> {
  const retryAt = new Date(deps.clock.now().getTime() + e.retryAfterMs);
  await deps.db.update(channelPollCursors).set({ notBefore: retryAt, lastError: e.message }).where(eq(channelPollCursors.channelId, channelId));
  return { status: 'throttled', pages, imported, retryAt: retryAt.toISOString() };
}
