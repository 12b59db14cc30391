import { estimateDelivery, type DeliveryEstimate } from './delivery.js';
import { quoteShipping, type ShippingData, type ShippingOption, type ShippingQuoteInput, type UnavailableMethod } from './quote.js';
import type { ShippingSettings } from './settings.js';

export interface ShippingOptionWithEstimate extends ShippingOption {
  delivery: DeliveryEstimate;
}

/**
 * What the checkout shows: each available method with its price and delivery date range.
 * `leadTimeDays` is 0 when every line is in stock, else the longest lead time of the lines.
 */
export function shippingOptions(
  input: ShippingQuoteInput & { leadTimeDays?: number },
  data: ShippingData & { settings: ShippingSettings },
  now: Date,
): { options: ShippingOptionWithEstimate[]; unavailable: UnavailableMethod[] } {
  const q = quoteShipping(input, data);
  return {
    unavailable: q.unavailable,
    options: q.options.map((o) => ({
      ...o,
      delivery: estimateDelivery({
        now,
        timeZone: data.settings.timeZone,
        cutoffHour: data.settings.cutoffHour,
        holidays: data.settings.holidays,
        leadTimeDays: input.leadTimeDays ?? 0,
        processingDays: o.processingDays,
        transitDays: o.transitDays,
      }),
    })),
  };
}
