/**
 * The buyer's account area is built by several modules (customers, cart/orders, payments, bulk
 * ordering...). Each registers its section here from its own module file, and every account page
 * renders the same side navigation through `accountNav`. Entries are static (a key, a label key in
 * the i18n catalogs and a path inside the language), so a process-wide list is safe to share.
 */
export interface AccountSection {
  /** Stable id, also used as `data-section` in the HTML for tests. */
  key: string;
  /** i18n key of the link text. */
  labelKey: string;
  /** Path inside the language, e.g. "/account/orders". */
  path: string;
  /** Lower comes first. */
  order: number;
  /** Shown only to buyers whose company is an approved dealer. */
  dealerOnly?: boolean;
}

const sections = new Map<string, AccountSection>();

export function registerAccountSection(s: AccountSection): void {
  sections.set(s.key, s);
}

export function accountSections(opts: { dealer: boolean }): AccountSection[] {
  return [...sections.values()].filter((s) => opts.dealer || !s.dealerOnly).sort((a, b) => a.order - b.order || a.key.localeCompare(b.key));
}
