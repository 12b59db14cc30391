/**
 * Delivery estimate in business days (Monday to Friday, minus the holidays given), shown as a
 * date range: stock or lead time, plus processing, plus transit. An order after the daily cut-off
 * hour (or on a weekend or holiday) starts counting on the next business day.
 */
export interface DeliveryEstimateInput {
  now: Date;
  /** IANA time zone of the warehouse that ships (cut-off and holidays are local). */
  timeZone?: string;
  /** Orders before this local hour start counting today. */
  cutoffHour?: number;
  /** 0 when in stock, else the lead time in business days (backorder or made to order). */
  leadTimeDays?: number;
  processingDays: number;
  transitDays: { min: number; max: number };
  /** Non-working days of the origin, 'YYYY-MM-DD'. */
  holidays?: string[];
}

export interface DeliveryEstimate {
  /** Local date the order starts counting from. */
  startDate: string;
  /** Expected dispatch date. */
  dispatchDate: string;
  earliest: string;
  latest: string;
  businessDays: { min: number; max: number };
}

function localParts(now: Date, timeZone: string): { date: string; hour: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);

export function isBusinessDay(date: string, holidays: ReadonlySet<string>): boolean {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6 && !holidays.has(date);
}

export function addBusinessDays(date: string, n: number, holidays: ReadonlySet<string>): string {
  let d = date;
  for (let left = n; left > 0; ) {
    d = addDays(d, 1);
    if (isBusinessDay(d, holidays)) left--;
  }
  return d;
}

export function estimateDelivery(input: DeliveryEstimateInput): DeliveryEstimate {
  const holidays = new Set(input.holidays ?? []);
  const { date, hour } = localParts(input.now, input.timeZone ?? 'UTC');
  const cutoff = input.cutoffHour ?? 14;
  const start = isBusinessDay(date, holidays) && hour < cutoff ? date : addBusinessDays(date, 1, holidays);
  const before = (input.leadTimeDays ?? 0) + input.processingDays;
  const dispatch = addBusinessDays(start, before, holidays);
  return {
    startDate: start,
    dispatchDate: dispatch,
    earliest: addBusinessDays(dispatch, input.transitDays.min, holidays),
    latest: addBusinessDays(dispatch, input.transitDays.max, holidays),
    businessDays: { min: before + input.transitDays.min, max: before + input.transitDays.max },
  };
}
