/**
 * The shapes an order freezes at placement. Plain JSON (stored in jsonb), amounts in minor
 * units of the order currency.
 */
export interface Address {
  name: string;
  company?: string | null;
  line1: string;
  line2?: string | null;
  city: string;
  /** State/province code where the country uses them (US, CA, AU...). */
  region?: string | null;
  postalCode?: string | null;
  /** ISO 3166-1 alpha-2. */
  countryCode: string;
  phone?: string | null;
  email?: string | null;
}

/** One line of the totals breakdown with the text that explains it ("VAT 25.5 % (FI)"). */
export interface ExplainedAmount {
  kind: 'items' | 'discount' | 'shipping' | 'tax' | 'duty' | 'import_tax' | 'grand_total' | 'note';
  /** Explanation in English; `key`/`params` render it in the buyer's language. */
  label: string;
  key?: string;
  params?: Record<string, string | number>;
  amount: number;
  /** false: shown for information, not part of the grand total (DAP duty "payable by recipient"). */
  included: boolean;
}

export interface TaxLine {
  /** "VAT 25.5 % (FI)", "Reverse charge", "Sales tax 6.25 % (TX)". */
  label: string;
  key?: string;
  params?: Record<string, string | number>;
  jurisdiction: string;
  /** Exact decimal percent, "25.5". */
  rate: string;
  base: number;
  amount: number;
  /** Legal note printed on the invoice (reverse charge). */
  note?: string | null;
}

export interface DutyLine {
  label: string;
  key?: string;
  params?: Record<string, string | number>;
  kind: 'duty' | 'import_tax';
  hsCode?: string | null;
  rate: string;
  base: number;
  amount: number;
}

export interface FrozenTotals {
  currency: string;
  pricesIncludeTax: boolean;
  items: number;
  discount: number;
  shipping: number;
  tax: number;
  /** Duty + import taxes in the buyer's total (DDP). */
  duty: number;
  grandTotal: number;
  taxLines: TaxLine[];
  dutyLines: DutyLine[];
  /** Who pays duty: 'seller' (DDP, included) or 'buyer' (estimate payable by the recipient). */
  dutyPayableBy: 'seller' | 'buyer' | null;
  /** Estimated duty + import tax the recipient pays on delivery (not in the grand total). */
  dutyEstimateForRecipient: number;
  explanations: ExplainedAmount[];
}

export interface FxSnapshot {
  /** Conversion from `from` (base currency) into the order currency. */
  from: string;
  to: string;
  rate: string;
  source: string;
  asOf: string;
}

export interface ShippingChoice {
  methodId: string;
  name: string;
  carrier?: string | null;
  price: number;
  transitDays?: { min: number; max: number } | null;
  /** Delivery estimate as a date range (YYYY-MM-DD). */
  estimate?: { from: string; to: string } | null;
}

/** A channel's own totals, verbatim as exact decimal strings (never recomputed). */
export interface ReportedTotals {
  currency: string;
  items?: string | null;
  shipping?: string | null;
  tax?: string | null;
  discount?: string | null;
  grandTotal: string;
  /** Other currencies found inside the same channel order (kept and flagged, never converted). */
  otherCurrencies?: string[];
  raw?: Record<string, unknown>;
}
