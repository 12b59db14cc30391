export interface Explanation {
  key: string;
  params: Record<string, string | number>;
}

export interface TaxSettings {
  seller: { country: string; region?: string; vatNumber?: string; iossNumber?: string; ukVatNumber?: string };
  rounding: 'line' | 'total';
  priceDisplay: Array<{ countries: string[]; b2c: 'gross' | 'net'; b2b: 'gross' | 'net' }>;
  us: { collectStates: string[]; shippingTaxableStates: string[] };
  countryRates: Record<string, { name: string; rate: string; collect: boolean; maxConsignment?: { amount: number; currency: string } }>;
}

export interface TaxLine extends Explanation {
  rate: string;
  base: number;
  amount: number;
}

export interface TaxResult {
  currency: string;
  regime: string;
  pricesIncludeTax: boolean;
  taxLines: TaxLine[];
  totals: { net: number; tax: number; gross: number };
  notes: Explanation[];
  importTax?: { country: string; name: string; rate: string };
}
