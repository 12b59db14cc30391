import { daysOverdue, type OpenInvoice } from './credit-policy.js';

/** Receivables aging by days past due: 0–30 (including not yet due), 31–60, 61–90, 90+. */
export const AGING_BUCKETS = ['d0_30', 'd31_60', 'd61_90', 'd90_plus'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

export function agingBucket(days: number): AgingBucket {
  if (days <= 30) return 'd0_30';
  if (days <= 60) return 'd31_60';
  if (days <= 90) return 'd61_90';
  return 'd90_plus';
}

export interface AgingRow {
  customerId: string;
  currency: string;
  buckets: Record<AgingBucket, number>;
  notYetDue: number;
  total: number;
}

/** Per customer and currency, plus totals per currency (amounts of different currencies never mix). */
export function agingReport(
  invoices: readonly (OpenInvoice & { customerId: string })[],
  asOf: Date,
): { rows: AgingRow[]; totals: AgingRow[] } {
  const rows = new Map<string, AgingRow>();
  const totals = new Map<string, AgingRow>();
  const empty = (customerId: string, currency: string): AgingRow => ({
    customerId,
    currency,
    buckets: { d0_30: 0, d31_60: 0, d61_90: 0, d90_plus: 0 },
    notYetDue: 0,
    total: 0,
  });
  for (const inv of invoices) {
    if (inv.outstanding <= 0) continue;
    const bucket = agingBucket(daysOverdue(inv.dueDate, asOf));
    const notDue = inv.dueDate.getTime() > asOf.getTime();
    for (const [map, id] of [
      [rows, inv.customerId],
      [totals, '*'],
    ] as const) {
      const key = `${id}\u0000${inv.currency}`;
      const row = map.get(key) ?? empty(id, inv.currency);
      row.buckets[bucket] += inv.outstanding;
      if (notDue) row.notYetDue += inv.outstanding;
      row.total += inv.outstanding;
      map.set(key, row);
    }
  }
  const order = (a: AgingRow, b: AgingRow) => a.customerId.localeCompare(b.customerId) || a.currency.localeCompare(b.currency);
  return { rows: [...rows.values()].sort(order), totals: [...totals.values()].sort(order) };
}
