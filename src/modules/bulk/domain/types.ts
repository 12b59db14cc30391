import type { Address } from '../../orders/index.js';

/** The columns a bulk order sheet may carry (the template has all of them). */
export const COLUMN_KEYS = [
  'sku', 'quantity', 'shipTo', 'name', 'company', 'line1', 'line2', 'city', 'region', 'postalCode', 'country', 'phone', 'deliveryDate', 'poNumber', 'note',
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

/** One row as the buyer gave it: cell texts by column, and its row number in the sheet (1-based). */
export interface BulkRow {
  rowNo: number;
  cells: Partial<Record<ColumnKey, string>>;
}

export type IssueCode =
  | 'sku_missing' | 'unknown_sku' | 'not_sellable' | 'scientific_notation'
  | 'quantity_missing' | 'quantity_invalid' | 'below_moq' | 'not_multiple'
  | 'ship_to_missing' | 'unknown_ship_to' | 'address_invalid'
  | 'date_invalid' | 'date_past'
  | 'stock_short' | 'backorder' | 'no_price';

/** A problem with one cell: the row and column, and a message (i18n key + params) that says what to do. */
export interface BulkIssue {
  rowNo: number;
  column: ColumnKey;
  code: IssueCode;
  /** Errors stop the order; warnings ask for consent (backorder). */
  severity: 'error' | 'warning';
  key: string;
  params: Record<string, string | number>;
  /** A value the buyer can take with one click (did-you-mean SKU, nearest valid quantity...). */
  suggestion?: string;
}

/** A row that passed: what goes into the order. */
export interface ResolvedLine {
  rowNo: number;
  skuId: string;
  sku: string;
  quantity: number;
  groupKey: string;
  groupLabel: string;
  shipTo: Address;
  deliveryDate: string | null;
  poNumber: string | null;
  note: string;
}
