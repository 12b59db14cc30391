import type { ColumnKey } from './types.js';
import { COLUMN_KEYS } from './types.js';

/** Headers compare without case, accents, spaces or punctuation ("P.O. number" = "po number"). */
export function normaliseHeader(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** English synonyms people write in their own sheets, beside the template's headers in every store language. */
const SYNONYMS: Record<ColumnKey, string[]> = {
  sku: ['sku', 'item', 'item code', 'item number', 'part number', 'part no', 'article', 'product code', 'code'],
  quantity: ['quantity', 'qty', 'amount', 'units', 'pcs'],
  shipTo: ['ship to', 'ship-to', 'ship to label', 'address label', 'delivery address', 'ship to address label'],
  name: ['name', 'contact', 'recipient', 'attention'],
  company: ['company', 'company name'],
  line1: ['address', 'address line 1', 'street', 'address 1', 'line 1'],
  line2: ['address line 2', 'address 2', 'line 2'],
  city: ['city', 'town'],
  region: ['region', 'state', 'province', 'county'],
  postalCode: ['postal code', 'postcode', 'zip', 'zip code'],
  country: ['country', 'country code'],
  phone: ['phone', 'telephone', 'tel'],
  deliveryDate: ['requested delivery date', 'delivery date', 'date', 'required date', 'need by'],
  poNumber: ['po number', 'po', 'purchase order', 'your reference', 'reference'],
  note: ['line note', 'note', 'notes', 'comment', 'remarks'],
};

/** Template headers may carry a hint after the name: "Quantity *", "SKU (required)". */
const stripHint = (h: string) => h.replace(/\(.*\)|\*/g, '');

/**
 * Maps the header row to columns, by name in any store language (the catalogs' `bulk.col.*`
 * texts) or a known synonym; extra columns are ignored, and their position does not matter.
 */
export function matchHeaders(headers: string[], localisedHeaders: Record<ColumnKey, string[]>): { columns: Map<number, ColumnKey>; unknown: string[] } {
  const lookup = new Map<string, ColumnKey>();
  for (const key of COLUMN_KEYS) {
    for (const h of [...SYNONYMS[key], ...(localisedHeaders[key] ?? [])]) {
      for (const n of [normaliseHeader(h), normaliseHeader(stripHint(h))]) if (n && !lookup.has(n)) lookup.set(n, key);
    }
  }
  const columns = new Map<number, ColumnKey>();
  const taken = new Set<ColumnKey>();
  const unknown: string[] = [];
  headers.forEach((h, i) => {
    const n = normaliseHeader(h);
    if (!n) return;
    const key = lookup.get(n) ?? lookup.get(normaliseHeader(stripHint(h)));
    if (key && !taken.has(key)) {
      columns.set(i, key);
      taken.add(key);
    } else unknown.push(h);
  });
  return { columns, unknown };
}
