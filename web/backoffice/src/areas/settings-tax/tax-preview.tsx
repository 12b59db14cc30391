import { useState } from 'react';
import { api } from '../../core/api.js';
import { useI18n } from '../../core/i18n.js';
import { FormError, SelectField, TextField, useForm } from '../../ui/form.js';
import { Section } from '../../ui/page-header.js';
import { Button, Kv } from '../../ui/misc.js';
import { formatMinor, toMinor } from './money.js';
import type { TaxResult } from './types.js';

/** Try the settings on a sample sale: the explanation lines a buyer would see. */
export function TaxPreview() {
  const { t, locale } = useI18n();
  const form = useForm(['shipTo.country', 'shipTo.region', 'shipTo.postcode', 'buyer.vatNumber', 'currency', 'fxRates']);
  const [v, setV] = useState({ country: 'FR', region: '', postcode: '', kind: 'b2c', vatNumber: '', currency: 'EUR', amount: '100.00', fx: '', date: '' });
  const [result, setResult] = useState<TaxResult | undefined>();
  const set = (k: keyof typeof v) => (x: string) => setV((s) => ({ ...s, [k]: x }));

  const run = form.submit(async () => {
    const amount = toMinor(v.amount, v.currency);
    if (amount === undefined) throw new Error(t('tax.admin.badAmount'));
    const fxRates = Object.fromEntries(v.fx.split(/[\s,]+/).filter(Boolean).map((p) => p.split('=') as [string, string]));
    setResult(
      await api.post<TaxResult>('/api/admin/tax/preview', {
        currency: v.currency.toUpperCase(),
        shipTo: { country: v.country.toUpperCase(), ...(v.region ? { region: v.region.toUpperCase() } : {}), ...(v.postcode ? { postcode: v.postcode } : {}) },
        buyer: { kind: v.kind, ...(v.vatNumber ? { vatNumber: v.vatNumber } : {}) },
        lines: [{ id: 'sample', amount }],
        ...(Object.keys(fxRates).length ? { fxRates } : {}),
        ...(v.date ? { date: v.date } : {}),
      }),
    );
  });

  return (
    <Section title={t('tax.admin.previewTitle')} description={t('tax.admin.previewHelp')}>
      <form onSubmit={run} className="stack" data-testid="tax-preview">
        <FormError message={form.formError} />
        <div className="grid-3">
          <TextField label={t('tax.admin.country')} value={v.country} onChange={set('country')} error={form.error('shipTo.country')} maxLength={2} />
          <TextField label={t('tax.admin.region')} value={v.region} onChange={set('region')} error={form.error('shipTo.region')} />
          <TextField label={t('tax.admin.postcode')} value={v.postcode} onChange={set('postcode')} />
          <SelectField label={t('tax.admin.buyer')} value={v.kind} onChange={set('kind')} options={[{ value: 'b2c', label: t('tax.admin.consumer') }, { value: 'b2b', label: t('tax.admin.business') }]} />
          <TextField label={t('tax.admin.buyerVat')} value={v.vatNumber} onChange={set('vatNumber')} />
          <TextField label={t('tax.admin.onDate')} type="date" value={v.date} onChange={set('date')} />
          <TextField label={t('tax.admin.currency')} value={v.currency} onChange={set('currency')} maxLength={3} />
          <TextField label={t('tax.admin.amount')} value={v.amount} onChange={set('amount')} />
          <TextField label={t('tax.admin.fxRates')} value={v.fx} onChange={set('fx')} placeholder="GBP=0.85" error={form.error('fxRates')} />
        </div>
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={form.busy}>{t('tax.admin.compute')}</Button>
        </div>
      </form>
      {result ? (
        <div className="stack" data-testid="tax-preview-result">
          <Kv
            items={[
              [t('tax.admin.regime'), t(`tax.admin.regime.${result.regime}`)],
              [t('tax.admin.pricesIncludeTax'), result.pricesIncludeTax ? t('tax.admin.gross') : t('tax.admin.net')],
              ...result.taxLines.map((l): [string, string] => [t(l.key, l.params), formatMinor(l.amount, result.currency, locale)]),
              [t('tax.admin.net'), formatMinor(result.totals.net, result.currency, locale)],
              [t('tax.admin.totalTax'), formatMinor(result.totals.tax, result.currency, locale)],
              [t('tax.admin.gross'), formatMinor(result.totals.gross, result.currency, locale)],
            ]}
          />
          {result.notes.map((n) => (
            <p className="muted" key={n.key}>{t(n.key, n.params)}</p>
          ))}
        </div>
      ) : null}
    </Section>
  );
}
