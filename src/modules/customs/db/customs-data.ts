import { query, sql, type Db } from '../../../platform/db/database.js';
import { isEuMemberState } from '../../tax/index.js';
import type { CountryCustomsRule, CustomsData, DutyRate } from '../domain/duty.js';

export interface CountryRuleRow {
  country: string;
  dutyBasis: 'CIF' | 'FOB';
  importTaxBasis: 'CIF' | 'FOB';
  dutyDeMinimis: number | null;
  taxDeMinimis: number | null;
  currency: string;
  note: string | null;
}

export function toRule(r: CountryRuleRow, country: string): CountryCustomsRule {
  return {
    country,
    dutyBasis: r.dutyBasis,
    importTaxBasis: r.importTaxBasis,
    dutyDeMinimis: r.dutyDeMinimis === null ? null : { amount: Number(r.dutyDeMinimis), currency: r.currency },
    taxDeMinimis: r.taxDeMinimis === null ? null : { amount: Number(r.taxDeMinimis), currency: r.currency },
  };
}

const RULE_JSON = sql`json_build_object('country', country, 'dutyBasis', duty_basis, 'importTaxBasis', import_tax_basis,
  'dutyDeMinimis', duty_de_minimis, 'taxDeMinimis', tax_de_minimis, 'currency', currency, 'note', note)`;

/**
 * Duty rates and the customs rule for one destination, in one query. EU member states also get
 * the EU-wide rows (common customs tariff, EU de minimis); the country's own rule wins.
 */
export async function loadCustomsData(tx: Db, country: string): Promise<CustomsData> {
  const group = isEuMemberState(country) ? 'EU' : country;
  const [row] = await query<{ rates: DutyRate[]; rules: CountryRuleRow[] }>(
    tx,
    sql`SELECT
          (SELECT coalesce(json_agg(json_build_object('id', id, 'country', country, 'hsPrefix', hs_prefix, 'rate', rate,
                    'effectiveFrom', effective_from::text, 'effectiveTo', effective_to::text, 'note', note)), '[]'::json)
             FROM customs_duty_rates WHERE country IN (${country}, ${group})) AS rates,
          (SELECT coalesce(json_agg(${RULE_JSON}), '[]'::json) FROM customs_country_rules WHERE country IN (${country}, ${group})) AS rules`,
  );
  const rules = row?.rules ?? [];
  const rule = rules.find((r) => r.country === country) ?? rules.find((r) => r.country === group);
  return { rates: row?.rates ?? [], rule: rule ? toRule(rule, country) : null };
}
