import type { Db } from '../../platform/db/database.js';
import type { AppDeps } from '../../platform/http/types.js';
import { liveCheckoutServices, type CheckoutServices } from '../cart/index.js';
import { orderableSkuCodes, searchOrderableSkus } from '../catalog/index.js';
import { listAddresses, listCompanyUsers } from '../customers/index.js';
import { mostOrderedSkus } from '../orders/index.js';
import type { BookAddress } from './domain/validate.js';

/**
 * What bulk ordering needs from other modules, as one seam (tests pass literal ones): the
 * checkout's own services (SKUs, prices, tax, shipping...), the SKU codes for "did you mean" and
 * autocomplete, the buyer's most ordered SKUs, their address book and a user to price as.
 */
export interface BulkServices {
  checkout: CheckoutServices;
  skuCodes(tx: Db): Promise<string[]>;
  searchSkus(tx: Db, q: string, locale: string, limit: number): Promise<{ sku: string; name: string }[]>;
  mostOrdered(tx: Db, customerId: string, limit: number): Promise<{ sku: string; name: string }[]>;
  addressBook(tx: Db, customerId: string): Promise<BookAddress[]>;
  /** The customer user orders are priced for and confirmed to: the given one, else the first active owner. */
  buyerUser(tx: Db, customerId: string, userId?: string | null): Promise<{ id: string; email: string } | null>;
}

/** The live seam: every read goes through the owning module's index. */
export function liveBulkServices(deps: AppDeps, checkout = liveCheckoutServices(deps)): BulkServices {
  return {
    checkout,
    skuCodes: (tx) => orderableSkuCodes(tx),
    searchSkus: (tx, q, locale, limit) => searchOrderableSkus(tx, q, locale, limit),
    mostOrdered: (tx, customerId, limit) => mostOrderedSkus(tx, customerId, limit),
    async addressBook(tx, customerId) {
      const rows = await listAddresses(tx, customerId);
      return rows
        .filter((a) => a.kind === 'shipping')
        .map((a) => ({
          label: a.label || a.name,
          isDefault: a.isDefault,
          address: { name: a.name, company: a.company, line1: a.line1, line2: a.line2, city: a.city, region: a.region, postalCode: a.postcode, countryCode: a.country, phone: a.phone },
        }));
    },
    async buyerUser(tx, customerId, userId) {
      const active = (await listCompanyUsers(tx, customerId)).filter((u) => u.status === 'active');
      const u = active.find((x) => x.id === userId) ?? active.find((x) => x.role === 'owner') ?? active[0];
      return u ? { id: u.id, email: u.email } : null;
    },
  };
}
