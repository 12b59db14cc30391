/**
 * Review rules: "when <conditions> then <actions>", ordered, editable by staff. Plain JSON so
 * they are stored as is and shown in plain language (i18n keys rules.cond.* / rules.action.*).
 */
export type RuleCondition =
  | { type: 'amount_above'; amount: number; currency: string }
  | { type: 'amount_below'; amount: number; currency: string }
  | { type: 'first_order' }
  | { type: 'customer_tier_in'; tiers: string[] }
  | { type: 'country_in'; countries: string[] }
  | { type: 'country_not_in'; countries: string[] }
  | { type: 'ship_to_known' }
  | { type: 'payment_method_in'; methods: string[] }
  | { type: 'payment_terms_in'; terms: string[] }
  | { type: 'channel_in'; channels: string[] }
  | { type: 'stock_short' }
  | { type: 'totals_mismatch' }
  | { type: 'mixed_currency' }
  | { type: 'unmapped_sku' };

export type RuleAction =
  | { type: 'approve' }
  | { type: 'hold'; reason: string }
  | { type: 'review'; assignRole?: string; assignStaffId?: string }
  | { type: 'second_approval_above'; amount: number; currency: string }
  | { type: 'notify_purchasing' }
  | { type: 'tag'; tag: string };

export interface Rule {
  id: string;
  position: number;
  name: string;
  enabled: boolean;
  /** all = every condition must hold; any = one is enough. No conditions = always. */
  match: 'all' | 'any';
  conditions: RuleCondition[];
  actions: RuleAction[];
}

export interface Shortage {
  sku: string;
  ordered: number;
  available: number;
  short: number;
}

/** What the rules look at for one order; gathered by the caller, literal objects in tests. */
export interface OrderFacts {
  orderId: string;
  channel: string;
  /** Order total in the store's base currency (minor units); null when it cannot be converted. */
  amountBase: { amount: number; currency: string } | null;
  isFirstOrder: boolean;
  customerTier: string | null;
  shipCountry: string | null;
  shipToKnown: boolean;
  paymentMethod: string | null;
  paymentTerms: string | null;
  shortages: Shortage[];
  totalsMismatch: boolean;
  mixedCurrency: boolean;
  unmappedSkus: string[];
}

export type Outcome = 'approved' | 'held' | 'review';

/** One sentence of a decision's explanation: an i18n key with its parameters. */
export interface Explanation {
  key: string;
  params: Record<string, string | number>;
}

export interface Decision {
  outcome: Outcome;
  /** The rule that decided (null: no rule decided, the default applied). */
  ruleId: string | null;
  rulePosition: number | null;
  explanations: Explanation[];
  tags: string[];
  assignee: { role?: string; staffId?: string } | null;
  secondApproval: boolean;
  notifyPurchasing: Shortage[];
}
