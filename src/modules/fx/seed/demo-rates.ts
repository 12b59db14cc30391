import type { AppDeps } from '../../../platform/http/types.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { loadEnabledCurrencies, saveEnabledCurrencies, upsertRateDays } from '../db/fx.repo.js';
import { fxCurrencies } from '../db/fx.schema.js';
import { fxImports } from '../db/fx.schema.js';
import { isoDay } from '../domain/convert.js';

/**
 * Demo exchange rates, so a fresh demo store shows prices in every enabled currency without
 * reaching the ECB (the setup must work offline). They are stored under the source `demo`, dated
 * yesterday so that any real publication (today's, or yesterday's overwriting them) wins, and are replaced by the first real ECB refresh (daily job, back office FX → Refresh, or
 * `npx tradelane fx refresh`). The demo store also offers a few currencies in its switcher. Units of currency per 1 EUR, close to the ECB reference rates of
 * late 2026 but not a copy of any published day.
 */
export const DEMO_EUR_RATES: Record<string, string> = {
  USD: '1.1600', JPY: '178.50', GBP: '0.8800', CNY: '8.2500', CHF: '0.9350', AUD: '1.7800', CAD: '1.6300',
  SEK: '10.950', NOK: '11.700', DKK: '7.4600', PLN: '4.2500', CZK: '24.350', HUF: '390.50', RON: '5.0900',
  TRY: '48.900', BRL: '6.2500', MXN: '21.300', INR: '102.80', KRW: '1690.0', SGD: '1.5100', HKD: '9.0300',
  NZD: '2.0200', ZAR: '20.150', IDR: '19300', MYR: '4.8800', THB: '37.700', PHP: '67.500', ILS: '3.8700',
  ISK: '145.50',
};

/** Currencies a demo buyer can switch to (the owner's choice, once made, is left alone). */
export const DEMO_CURRENCIES = ['EUR', 'USD', 'GBP', 'JPY', 'CNY', 'AUD', 'CAD', 'CHF'];

export async function seedDemoRates(deps: AppDeps): Promise<void> {
  const now = deps.clock.now();
  const date = isoDay(new Date(now.getTime() - 86_400_000));
  await deps.database.transaction(async (tx) => {
    const rates = await upsertRateDays(tx, [{ date, rates: DEMO_EUR_RATES }], 'demo', now);
    const chosen = await tx.select({ code: fxCurrencies.code }).from(fxCurrencies).limit(1);
    if (!chosen.length) {
      const { base } = await loadEnabledCurrencies(tx);
      await saveEnabledCurrencies(tx, { base, enabled: [base, ...DEMO_CURRENCIES.filter((c) => c !== base)] }, now);
    }
    const id = deps.ids.make('fxi');
    await tx.insert(fxImports).values({ id, source: 'demo', origin: 'demo data', days: 1, firstDate: date, lastDate: date, createdAt: now });
    await recordAudit(tx, deps, { type: 'system', id: null, label: 'demo seed', ip: null, requestId: null }, {
      action: 'fx.rates_imported', entityType: 'fx_import', entityId: id, details: { origin: 'demo data', rates, firstDate: date, lastDate: date },
    });
  });
}
