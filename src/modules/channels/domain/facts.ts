import type { OrderFacts } from '../../rules/index.js';
import type { ResolvedLine } from './sku-mapping.js';
import type { UnifiedOrder } from './unified-order.js';

/** The review facts of a channel order, from what the import found out (pure). */
export function channelOrderFacts(input: {
  orderId: string;
  channelKind: string;
  order: UnifiedOrder;
  lines: ResolvedLine[];
  shortages: OrderFacts['shortages'];
  history: { previousOrders: number; knownAddress: boolean; tier: string | null };
  amountBase: OrderFacts['amountBase'];
}): OrderFacts {
  const unmapped = input.lines.filter((l) => !l.sku).map((l) => l.sellerSku ?? l.asin ?? l.title);
  return {
    orderId: input.orderId,
    channel: input.channelKind,
    amountBase: input.amountBase,
    isFirstOrder: input.history.previousOrders === 0,
    customerTier: input.history.tier,
    shipCountry: input.order.shipTo?.country ?? null,
    shipToKnown: input.history.knownAddress,
    paymentMethod: input.order.paymentMethod,
    paymentTerms: input.order.paymentTerms,
    shortages: input.shortages,
    totalsMismatch: input.order.flags.includes('totals_mismatch'),
    mixedCurrency: input.order.flags.includes('mixed_currency'),
    unmappedSkus: [...new Set(unmapped)],
  };
}
