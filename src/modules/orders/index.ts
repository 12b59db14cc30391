export type { Address, ExplainedAmount, TaxLine, DutyLine, FrozenTotals, FxSnapshot, ShippingChoice, ReportedTotals } from './domain/order-types.js';
