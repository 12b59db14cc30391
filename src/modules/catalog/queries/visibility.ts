import type { Principal } from '../../../platform/auth/principal.js';

/**
 * Which product visibilities a storefront visitor may see. Guests: public only ('dealers'
 * products never reach them, in lists, pages, search, autocomplete or the sitemap). Signed-in
 * buyers: public and dealers. The customers/pricing issue narrows this to approved dealers (and
 * per-tier visibility) by changing this function only.
 */
export function visibleVisibilities(principal: Principal | undefined): string[] {
  return principal?.kind === 'customer' ? ['public', 'dealers'] : ['public'];
}
