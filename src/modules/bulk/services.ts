import { sql } from 'drizzle-orm';
import { query, type Db } from '../../platform/db/database.js';
import type { AppDeps } from '../../platform/http/types.js';
import { liveCheckoutServices, type CheckoutServices } from '../cart/index.js';
import { listAddresses, listCompanyUsers } from '../customers/index.js';
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

/**
 * The live seam. SKU codes, search and order history are read with plain SQL on the catalog and
 * order tables because neither index offers a list of codes or a per-customer SKU ranking yet;
 * they are read-only and move to those modules' index when they do.
 */
export function liveBulkServices(deps: AppDeps, checkout = liveCheckoutServices(deps)): BulkServices {
  return {
    checkout,
    async skuCodes(tx) {
      const rows = await query<{ sku: string }>(tx, sql`SELECT v.sku FROM catalog_variants v JOIN catalog_products p ON p.id = v.product_id WHERE p.visibility <> 'hidden'`);
      return rows.map((r) => r.sku);
    },
    async searchSkus(tx, q, locale, limit) {
      const like = `${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
      return query<{ sku: string; name: string }>(
        tx,
        sql`SELECT v.sku, coalesce((SELECT name FROM catalog_product_texts t WHERE t.product_id = p.id ORDER BY (t.locale = ${locale}) DESC, (t.locale = 'en') DESC LIMIT 1), v.sku) AS name
            FROM catalog_variants v JOIN catalog_products p ON p.id = v.product_id
            WHERE p.visibility <> 'hidden' AND v.sku ILIKE ${like} ORDER BY v.sku LIMIT ${limit}`,
      );
    },
    async mostOrdered(tx, customerId, limit) {
      return query<{ sku: string; name: string }>(
        tx,
        sql`SELECT l.sku, max(l.name) AS name FROM order_lines l JOIN orders o ON o.id = l.order_id
            WHERE o.customer_id = ${customerId} AND o.status <> 'cancelled' AND l.sku_id IS NOT NULL
            GROUP BY l.sku ORDER BY sum(l.quantity) DESC, l.sku LIMIT ${limit}`,
      );
    },
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
