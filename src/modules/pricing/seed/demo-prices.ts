import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { listVariantRefs } from '../../catalog/index.js';
import { createPriceList } from '../commands/manage-lists.js';
import { setEntries, type VariantBreaks } from '../commands/set-entries.js';
import { loadTiers } from '../db/pricing.repo.js';
import { priceLists } from '../db/pricing.schema.js';

/**
 * Demo dealer prices: one list per tier in each catalog currency, at a share of the catalog list
 * price, with a lower unit price from 50 pieces. A store that already has price lists is left
 * alone. Runs after the catalog's demo data (seedDemoAfter), whose variants it prices.
 */
export const DEMO_TIER_SHARE: Record<string, number> = { A: 0.7, B: 0.78, C: 0.86 };
const VOLUME_BREAK = { minQty: 50, share: 0.95 };

const demoActor: Actor = { type: 'system', id: null, label: 'demo seed', ip: null, requestId: null };

export async function seedDemoPrices(deps: AppDeps): Promise<void> {
  const existing = await deps.db.select({ id: priceLists.id }).from(priceLists).limit(1);
  if (existing.length) return;
  const tiers = await loadTiers(deps.db);
  const variants = (await listVariantRefs(deps.db)).filter((v) => v.listPriceMinor !== null && v.listPriceMinor > 0 && v.currency);
  const currencies = [...new Set(variants.map((v) => v.currency!))].sort();
  for (const currency of currencies) {
    const inCurrency = variants.filter((v) => v.currency === currency);
    for (const tier of tiers) {
      const share = DEMO_TIER_SHARE[tier.code];
      if (share === undefined) continue;
      const list = await createPriceList(deps, demoActor, { name: `${tier.name} dealer prices (${currency}, demo)`, kind: 'tier', tierCode: tier.code, currency });
      const items: VariantBreaks[] = inCurrency.map((v) => {
        const unit = Math.max(1, Math.round(v.listPriceMinor! * share));
        const volume = Math.max(1, Math.round(unit * VOLUME_BREAK.share));
        return { variantId: v.variantId, breaks: volume < unit ? [{ minQty: 1, unitAmount: unit }, { minQty: VOLUME_BREAK.minQty, unitAmount: volume }] : [{ minQty: 1, unitAmount: unit }] };
      });
      await setEntries(deps, demoActor, list.id, items);
    }
  }
}
