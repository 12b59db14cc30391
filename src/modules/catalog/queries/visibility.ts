import type { Principal } from '../../../platform/auth/principal.js';

/**
 * Which product visibilities a storefront visitor may see. Guests and buyers who are not
 * approved dealers: public only ('dealers' products never reach them, in lists, pages, search,
 * autocomplete or the sitemap). Approved dealers whose tier may see dealer products (customers
 * settings, "product visibility per tier"): public and dealers. The customers module decides
 * this when it authenticates the buyer.
 */
export function visibleVisibilities(principal: Principal | undefined): string[] {
  return principal?.kind === 'customer' && principal.seesDealerProducts ? ['public', 'dealers'] : ['public'];
}
