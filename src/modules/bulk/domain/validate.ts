import type { Address } from '../../orders/index.js';
import type { BulkIssue, BulkRow, ColumnKey, IssueCode, ResolvedLine } from './types.js';
import { didYouMean, normaliseCode } from './did-you-mean.js';
import { looksScientific, parseDate, parseQuantity } from './cells.js';
import { normaliseHeader } from './columns.js';

export interface SkuInfo {
  skuId: string;
  sku: string;
  moq: number;
  orderMultiple: number;
  sellable: boolean;
}

export interface StockInfo {
  available: number;
  backorderAllowed: boolean;
  leadTimeDays: number | null;
}

export interface BookAddress {
  label: string;
  address: Address;
  isDefault: boolean;
}

export interface ValidationContext {
  /** Known SKUs by normalised code. */
  skus: Map<string, SkuInfo>;
  /** Every orderable code, for "did you mean". */
  knownCodes: string[];
  /** The buyer's ship-to addresses. */
  book: BookAddress[];
  /** YYYY-MM-DD in the store's time. */
  today: string;
  stock: Map<string, StockInfo>;
  /** Checks an address typed in the address columns (the checkout's country rules). */
  checkAddress(a: Address): { field: string; message: string }[];
}

const ADDRESS_COLUMNS: ColumnKey[] = ['name', 'company', 'line1', 'line2', 'city', 'region', 'postalCode', 'country', 'phone'];

function issue(rowNo: number, column: ColumnKey, code: IssueCode, params: Record<string, string | number> = {}, extra: Partial<BulkIssue> = {}): BulkIssue {
  return { rowNo, column, code, severity: code === 'backorder' ? 'warning' : 'error', key: `bulk.issue.${code}`, params, ...extra };
}

/**
 * Checks every row the way checkout would, before anything is priced or ordered: SKU known and
 * orderable (else the nearest code), quantity whole and within MOQ / multiples, nothing damaged by
 * Excel's scientific notation, ship-to known (a label of the address book, or a complete
 * address), delivery date not in the past, and stock for the total asked per SKU. Pure: the
 * caller loads the lookups.
 */
export function validateRows(rows: BulkRow[], ctx: ValidationContext): { issues: BulkIssue[]; lines: ResolvedLine[] } {
  const issues: BulkIssue[] = [];
  const lines: ResolvedLine[] = [];
  const byLabel = new Map(ctx.book.map((b) => [normaliseHeader(b.label), b]));
  const labels = ctx.book.map((b) => b.label).join(', ');
  const fallback = ctx.book.find((b) => b.isDefault) ?? (ctx.book.length === 1 ? ctx.book[0] : undefined);

  for (const row of rows) {
    const c = row.cells;
    if (!Object.values(c).some((v) => v && v.trim())) continue;
    const before = issues.length;
    const n = row.rowNo;

    // SKU
    const skuText = (c.sku ?? '').trim();
    let sku: SkuInfo | undefined;
    if (!skuText) issues.push(issue(n, 'sku', 'sku_missing'));
    else if (looksScientific(skuText)) issues.push(issue(n, 'sku', 'scientific_notation', { value: skuText }));
    else {
      sku = ctx.skus.get(normaliseCode(skuText));
      if (!sku) {
        const guess = didYouMean(skuText, ctx.knownCodes);
        issues.push(issue(n, 'sku', 'unknown_sku', { sku: skuText, suggestion: guess ?? '' }, guess ? { suggestion: guess, key: 'bulk.issue.unknown_sku_guess' } : {}));
      } else if (!sku.sellable) issues.push(issue(n, 'sku', 'not_sellable', { sku: sku.sku }));
    }

    // Quantity
    const q = parseQuantity(c.quantity);
    let quantity: number | null = null;
    if (!q.ok) {
      const code = q.reason === 'missing' ? 'quantity_missing' : q.reason === 'scientific' ? 'scientific_notation' : 'quantity_invalid';
      issues.push(issue(n, 'quantity', code, { value: c.quantity ?? '' }));
    } else {
      quantity = q.value;
      if (sku) {
        const m = Math.max(1, sku.orderMultiple);
        const smallest = Math.ceil(Math.max(1, sku.moq) / m) * m;
        if (quantity < sku.moq) issues.push(issue(n, 'quantity', 'below_moq', { sku: sku.sku, moq: sku.moq, multiple: m, suggestion: smallest }, { suggestion: String(smallest) }));
        else if (quantity % m !== 0) {
          const up = Math.ceil(quantity / m) * m;
          issues.push(issue(n, 'quantity', 'not_multiple', { sku: sku.sku, multiple: m, quantity, suggestion: up }, { suggestion: String(up) }));
        }
      }
    }

    // Ship-to: a label of the address book, or a full address in the address columns.
    const label = (c.shipTo ?? '').trim();
    const typed = ADDRESS_COLUMNS.some((k) => (c[k] ?? '').trim());
    let shipTo: Address | null = null;
    let groupKey = '';
    let groupLabel = '';
    if (label) {
      const b = byLabel.get(normaliseHeader(label));
      if (!b) issues.push(issue(n, 'shipTo', 'unknown_ship_to', { label, labels }));
      else [shipTo, groupKey, groupLabel] = [b.address, `book:${normaliseHeader(b.label)}`, b.label];
    } else if (typed) {
      const a: Address = {
        name: (c.name ?? '').trim(),
        company: c.company?.trim() || null,
        line1: (c.line1 ?? '').trim(),
        line2: c.line2?.trim() || null,
        city: (c.city ?? '').trim(),
        region: c.region?.trim() || null,
        postalCode: c.postalCode?.trim() || null,
        countryCode: (c.country ?? '').trim().toUpperCase(),
        phone: c.phone?.trim() || null,
      };
      const problems = ctx.checkAddress(a);
      if (problems.length) {
        const first = problems[0]!;
        const col = (ADDRESS_COLUMNS.find((k) => first.field.endsWith(k === 'country' ? 'countryCode' : k)) ?? 'line1') as ColumnKey;
        issues.push(issue(n, col, 'address_invalid', { problem: first.message }));
      } else {
        shipTo = a;
        groupKey = `addr:${[a.name, a.line1, a.city, a.postalCode, a.countryCode].map((x) => normaliseHeader(x ?? '')).join('|')}`;
        groupLabel = `${a.name}, ${a.city} (${a.countryCode})`;
      }
    } else if (fallback) [shipTo, groupKey, groupLabel] = [fallback.address, `book:${normaliseHeader(fallback.label)}`, fallback.label];
    else issues.push(issue(n, 'shipTo', 'ship_to_missing', { labels }));

    // Requested delivery date
    const d = parseDate(c.deliveryDate);
    let deliveryDate: string | null = null;
    if (!d.ok) issues.push(issue(n, 'deliveryDate', 'date_invalid', { value: c.deliveryDate ?? '' }));
    else if (d.value && d.value < ctx.today) issues.push(issue(n, 'deliveryDate', 'date_past', { date: d.value, today: ctx.today }, { suggestion: ctx.today }));
    else deliveryDate = d.value;

    if (issues.length === before && sku && quantity !== null && shipTo) {
      lines.push({ rowNo: n, skuId: sku.skuId, sku: sku.sku, quantity, groupKey, groupLabel, shipTo, deliveryDate, poNumber: c.poNumber?.trim() || null, note: (c.note ?? '').trim() });
    }
  }

  // Stock is judged on the total asked per SKU over the whole order, as the reservation will be.
  const asked = new Map<string, number>();
  for (const l of lines) asked.set(l.skuId, (asked.get(l.skuId) ?? 0) + l.quantity);
  const short = new Set<string>();
  for (const l of lines) {
    const s = ctx.stock.get(l.skuId);
    const total = asked.get(l.skuId)!;
    if (!s || total <= s.available) continue;
    if (s.backorderAllowed) {
      issues.push(issue(l.rowNo, 'quantity', 'backorder', { sku: l.sku, available: s.available, requested: total, days: s.leadTimeDays ?? 0 }));
    } else {
      issues.push(issue(l.rowNo, 'quantity', 'stock_short', { sku: l.sku, available: s.available, requested: total }, { suggestion: String(Math.max(0, s.available)) }));
      short.add(l.skuId);
    }
  }
  issues.sort((a, b) => a.rowNo - b.rowNo || a.column.localeCompare(b.column));
  return { issues, lines: lines.filter((l) => !short.has(l.skuId)) };
}
