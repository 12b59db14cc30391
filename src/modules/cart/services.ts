import type { Db } from '../../platform/db/database.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { Address, DutyLine, TaxLine } from '../orders/index.js';

/**
 * What the cart needs from other modules, as one seam: the live implementation
 * (services-live.ts) calls catalog, customers, pricing, tax, customs, shipping and fx through
 * their index.ts; tests may pass literal implementations.
 */
export interface CartSku {
  skuId: string;
  productId: string;
  sku: string;
  name: string;
  /** false: not sold to this buyer any more (hidden, discontinued, unknown). */
  sellable: boolean;
  moq: number;
  orderMultiple: number;
  leadTimeDays: number | null;
  hsCode: string | null;
  originCountry: string | null;
  weightGrams: number | null;
  dimensionsMm: { length: number | null; width: number | null; height: number | null };
}

export interface CartBuyer {
  customerId: string | null;
  kind: 'b2b' | 'b2c';
  tier: string | null;
  email: string | null;
  name: string | null;
  company: string | null;
  vatNumber: string | null;
  /** Where orders on terms are refused (credit freeze), the reason to show; null when free to order. */
  blockedReason?: string | null;
}

export interface LinePrice {
  ok: boolean;
  unitPrice: number;
  /** Why there is no price ("no_price", "no_rate"). */
  reason?: string;
}

export interface ShippingOptionQuote {
  id: string;
  name: string;
  carrier: string | null;
  /** Price in the cart currency, minor units (0 when free). */
  price: number;
  freeReason?: string | null;
  transitDays: { min: number; max: number };
  /** Delivery estimate (YYYY-MM-DD range): stock or lead time + processing + transit, in business days. */
  estimate: { from: string; to: string };
}

export interface TaxQuote {
  pricesIncludeTax: boolean;
  /** Tax per line id and on shipping, minor units. */
  lineTax: Map<string, { tax: number; rate: string }>;
  shippingTax: number;
  total: number;
  taxLines: TaxLine[];
  /** Legal notes for the invoice (reverse charge...). */
  notes: { label: string; key?: string; params?: Record<string, string | number> }[];
  /** The import VAT/GST customs adds when nothing is charged here. */
  importTax: { name: string; rate: string } | null;
}

export interface DutyQuote {
  /** Duty + import tax estimated for the consignment. */
  total: number;
  payableBy: 'seller' | 'buyer';
  /** Part of the buyer's grand total (DDP): equals total; otherwise 0. */
  addToOrderTotal: number;
  lines: DutyLine[];
  /** Per order line, for the frozen order lines. */
  dutyByLine: Map<string, number>;
  explanations: { label: string; key?: string; params?: Record<string, string | number> }[];
}

export interface FxQuote {
  baseCurrency: string;
  /** base → cart currency, with its source (frozen on the order). */
  rate: { rate: string; source: string; asOf: string } | null;
  /** Converts an amount of the cart currency into the base currency (minor units). */
  toBase(amount: number): number;
}

export interface CheckoutServices {
  skus(tx: Db, locale: string, skuIds: string[]): Promise<Map<string, CartSku>>;
  /** SKU ids by code (for adding lines by SKU). */
  skuIdsByCode(tx: Db, codes: string[]): Promise<Map<string, string>>;
  /** The buyer: their tier from the customers module when the caller is the signed-in customer. */
  buyer(tx: Db, who: { customerId: string | null; principal?: Principal }, cart: { email: string | null; vatNumber: string | null; billTo: Address | null }): Promise<CartBuyer>;
  prices(tx: Db, q: { buyer: CartBuyer; currency: string; now: Date; lines: { key: string; skuId: string; quantity: number }[] }): Promise<Map<string, LinePrice>>;
  shippingOptions(
    tx: Db,
    q: {
      now: Date;
      currency: string;
      buyer: CartBuyer;
      shipTo: Address;
      itemsTotal: number;
      lines: { skuId: string; quantity: number; weightGrams: number | null; dimensionsMm: CartSku['dimensionsMm']; readyInDays: number }[];
    },
  ): Promise<ShippingOptionQuote[]>;
  tax(
    tx: Db,
    q: { now: Date; currency: string; buyer: CartBuyer; shipTo: Address; lines: { id: string; amount: number }[]; shipping: number },
    locale: string,
  ): Promise<TaxQuote>;
  /** Estimated duty/import tax for a cross-border consignment; null when none applies (domestic). */
  duty(
    tx: Db,
    q: {
      now: Date;
      currency: string;
      incoterm: string;
      shipTo: Address;
      lines: { id: string; hsCode: string | null; value: number }[];
      freight: number;
      importTax: { name: string; rate: string } | null;
    },
    locale: string,
  ): Promise<DutyQuote | null>;
  fx(tx: Db, now: Date, currency: string): Promise<FxQuote>;
  /** Incoterms the store offers for a destination, the first being the default. */
  incoterms(shipTo: Address | null, origin: string): string[];
  /** Payment methods offered for the cart (live: the payments module's offer by country, tier, terms and amount). */
  paymentMethods(buyer: CartBuyer, currency: string, shipTo: Address | null, ctx?: { tx: Db; amount: number; locale: string }): string[] | Promise<string[]>;
  /**
   * A fee the method adds on top of the order total (cash on delivery), in the cart currency's
   * minor units; shown beside the method at checkout so the buyer sees it before placing.
   */
  paymentMethodFee?(tx: Db, method: string, currency: string): Promise<number>;
  /** The store's own country (domestic orders carry no duty). */
  originCountry(tx: Db): Promise<string>;
}
