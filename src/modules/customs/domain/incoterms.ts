/**
 * Incoterms® 2020 rules Tradelane offers at checkout and what each means for the buyer's total.
 * DDU (withdrawn in 2010) is accepted and shown as DAP, its successor.
 */
export const INCOTERMS = ['EXW', 'FCA', 'FOB', 'CIF', 'DAP', 'DDP'] as const;
export type Incoterm = (typeof INCOTERMS)[number];

type Party = 'seller' | 'buyer';

export interface IncotermRules {
  code: Incoterm;
  /** FOB and CIF are for sea and inland waterway transport only. */
  seaOnly: boolean;
  pays: { exportClearance: Party; mainFreight: Party; insurance: Party; importDuty: Party; importTax: Party };
  /** Whether the seller must insure the goods (CIF: minimum cover, Institute Cargo Clauses C). */
  sellerMustInsure: boolean;
  /** What the buyer's order total contains besides the goods. */
  inBuyerTotal: { freight: boolean; insurance: boolean; dutyAndTax: boolean };
  /** i18n key of a one-line summary for buyers: who pays what, where the goods are handed over. */
  summary: string;
}

const S: Party = 'seller';
const B: Party = 'buyer';

export const INCOTERM_RULES: Record<Incoterm, IncotermRules> = {
  EXW: { code: 'EXW', seaOnly: false, pays: { exportClearance: B, mainFreight: B, insurance: B, importDuty: B, importTax: B }, sellerMustInsure: false, inBuyerTotal: { freight: false, insurance: false, dutyAndTax: false }, summary: 'tax.incoterm.summary.EXW' },
  FCA: { code: 'FCA', seaOnly: false, pays: { exportClearance: S, mainFreight: B, insurance: B, importDuty: B, importTax: B }, sellerMustInsure: false, inBuyerTotal: { freight: false, insurance: false, dutyAndTax: false }, summary: 'tax.incoterm.summary.FCA' },
  FOB: { code: 'FOB', seaOnly: true, pays: { exportClearance: S, mainFreight: B, insurance: B, importDuty: B, importTax: B }, sellerMustInsure: false, inBuyerTotal: { freight: false, insurance: false, dutyAndTax: false }, summary: 'tax.incoterm.summary.FOB' },
  CIF: { code: 'CIF', seaOnly: true, pays: { exportClearance: S, mainFreight: S, insurance: S, importDuty: B, importTax: B }, sellerMustInsure: true, inBuyerTotal: { freight: true, insurance: true, dutyAndTax: false }, summary: 'tax.incoterm.summary.CIF' },
  DAP: { code: 'DAP', seaOnly: false, pays: { exportClearance: S, mainFreight: S, insurance: S, importDuty: B, importTax: B }, sellerMustInsure: false, inBuyerTotal: { freight: true, insurance: false, dutyAndTax: false }, summary: 'tax.incoterm.summary.DAP' },
  DDP: { code: 'DDP', seaOnly: false, pays: { exportClearance: S, mainFreight: S, insurance: S, importDuty: S, importTax: S }, sellerMustInsure: false, inBuyerTotal: { freight: true, insurance: false, dutyAndTax: true }, summary: 'tax.incoterm.summary.DDP' },
};

/** Reads an Incoterm as people write it ("ddp", "DDU", "CIF Rotterdam"); undefined when unknown. */
export function parseIncoterm(input: string): Incoterm | undefined {
  const code = input.trim().slice(0, 3).toUpperCase();
  if (code === 'DDU') return 'DAP';
  return (INCOTERMS as readonly string[]).includes(code) ? (code as Incoterm) : undefined;
}
