import { useEffect, useState } from 'react';
import { api } from '../../core/api.js';
import { useI18n } from '../../core/i18n.js';
import { FormError, SelectField, TextField, useForm } from '../../ui/form.js';
import { Section } from '../../ui/page-header.js';
import { Button } from '../../ui/misc.js';
import { useToast } from '../../ui/toast.js';
import { splitCodes, toMajor, toMinor } from './money.js';
import type { TaxSettings } from './types.js';

interface CountryRow {
  country: string;
  name: string;
  rate: string;
  collect: boolean;
  max: string;
  maxCurrency: string;
}

const toRows = (s: TaxSettings): CountryRow[] =>
  Object.entries(s.countryRates).map(([country, r]) => ({
    country, name: r.name, rate: r.rate, collect: r.collect,
    max: r.maxConsignment ? toMajor(r.maxConsignment.amount, r.maxConsignment.currency) : '', maxCurrency: r.maxConsignment?.currency ?? '',
  }));

/** Seller, rounding, price display per market, US collection states and per-country rates. */
export function TaxSettingsForm({ initial, canWrite, onSaved }: { initial: TaxSettings; canWrite: boolean; onSaved: (s: TaxSettings) => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const form = useForm(['seller.country', 'seller.vatNumber', 'seller.ukVatNumber', 'seller.iossNumber', 'rounding', 'us.collectStates', 'us.shippingTaxableStates']);
  const [s, setS] = useState<TaxSettings>(initial);
  const [display, setDisplay] = useState(initial.priceDisplay.map((r) => ({ ...r, text: r.countries.join(' ') })));
  const [collect, setCollect] = useState(initial.us.collectStates.join(' '));
  const [shipTaxed, setShipTaxed] = useState(initial.us.shippingTaxableStates.join(' '));
  const [rows, setRows] = useState<CountryRow[]>(toRows(initial));
  useEffect(() => setS(initial), [initial]);

  const seller = (k: keyof TaxSettings['seller'], v: string) => setS((x) => ({ ...x, seller: { ...x.seller, [k]: v || undefined } }));

  const save = form.submit(async () => {
    const countryRates: TaxSettings['countryRates'] = {};
    for (const r of rows) {
      if (!r.country) continue;
      const amount = r.max ? toMinor(r.max, r.maxCurrency || 'EUR') : undefined;
      countryRates[r.country.toUpperCase()] = {
        name: r.name, rate: r.rate.replace(',', '.'), collect: r.collect,
        ...(amount !== undefined ? { maxConsignment: { amount, currency: (r.maxCurrency || 'EUR').toUpperCase() } } : {}),
      };
    }
    const body: TaxSettings = {
      ...s,
      seller: { ...s.seller, country: s.seller.country.toUpperCase() },
      priceDisplay: display.map((d) => ({ countries: d.text.trim() === '*' ? ['*'] : splitCodes(d.text), b2c: d.b2c, b2b: d.b2b })),
      us: { collectStates: splitCodes(collect), shippingTaxableStates: splitCodes(shipTaxed) },
      countryRates,
    };
    const saved = await api.put<TaxSettings>('/api/admin/tax/settings', body);
    onSaved(saved);
    toast.success(t('tax.admin.saved'));
  });

  const grossNet = [
    { value: 'gross', label: t('tax.admin.gross') },
    { value: 'net', label: t('tax.admin.net') },
  ];

  return (
    <form onSubmit={save} className="stack" data-testid="tax-settings-form">
      <FormError message={form.formError} />
      <Section title={t('tax.admin.sellerTitle')} description={t('tax.admin.sellerHelp')}>
        <div className="grid-3">
          <TextField label={t('tax.admin.sellerCountry')} value={s.seller.country} onChange={(v) => seller('country', v)} error={form.error('seller.country')} maxLength={2} />
          <TextField label={t('tax.admin.vatNumber')} value={s.seller.vatNumber ?? ''} onChange={(v) => seller('vatNumber', v)} error={form.error('seller.vatNumber')} />
          <TextField label={t('tax.admin.ukVatNumber')} value={s.seller.ukVatNumber ?? ''} onChange={(v) => seller('ukVatNumber', v)} error={form.error('seller.ukVatNumber')} />
          <TextField label={t('tax.admin.iossNumber')} value={s.seller.iossNumber ?? ''} onChange={(v) => seller('iossNumber', v)} hint={t('tax.admin.iossHelp')} />
          <TextField label={t('tax.admin.sellerState')} value={s.seller.region ?? ''} onChange={(v) => seller('region', v)} hint={t('tax.admin.sellerStateHelp')} />
          <SelectField
            label={t('tax.admin.rounding')}
            value={s.rounding}
            onChange={(v) => setS((x) => ({ ...x, rounding: v as TaxSettings['rounding'] }))}
            options={[{ value: 'line', label: t('tax.admin.roundingLine') }, { value: 'total', label: t('tax.admin.roundingTotal') }]}
          />
        </div>
      </Section>

      <Section title={t('tax.admin.displayTitle')} description={t('tax.admin.displayHelp')}>
        <div className="stack">
          {display.map((d, i) => (
            <div className="grid-3" key={i}>
              <TextField label={t('tax.admin.displayCountries')} value={d.text} onChange={(v) => setDisplay((x) => x.map((y, j) => (j === i ? { ...y, text: v } : y)))} error={form.error(`priceDisplay.${i}.countries`)} />
              <SelectField label={t('tax.admin.consumers')} value={d.b2c} options={grossNet} onChange={(v) => setDisplay((x) => x.map((y, j) => (j === i ? { ...y, b2c: v as 'gross' | 'net' } : y)))} />
              <SelectField label={t('tax.admin.businesses')} value={d.b2b} options={grossNet} onChange={(v) => setDisplay((x) => x.map((y, j) => (j === i ? { ...y, b2b: v as 'gross' | 'net' } : y)))} />
            </div>
          ))}
          <div className="row">
            <Button size="sm" icon="plus" onClick={() => setDisplay((x) => [...x, { countries: [], text: '', b2c: 'gross', b2b: 'net' }])}>{t('tax.admin.addMarket')}</Button>
            {display.length > 1 ? <Button size="sm" variant="ghost" onClick={() => setDisplay((x) => x.slice(0, -1))}>{t('tax.admin.removeLast')}</Button> : null}
          </div>
        </div>
      </Section>

      <Section title={t('tax.admin.usTitle')} description={t('tax.admin.usHelp')}>
        <div className="grid-2">
          <TextField label={t('tax.admin.collectStates')} value={collect} onChange={setCollect} error={form.error('us.collectStates')} placeholder="CA NY TX" />
          <TextField label={t('tax.admin.shippingTaxableStates')} value={shipTaxed} onChange={setShipTaxed} error={form.error('us.shippingTaxableStates')} placeholder="NY TX" />
        </div>
      </Section>

      <Section title={t('tax.admin.countryRatesTitle')} description={t('tax.admin.countryRatesHelp')}>
        <div className="stack" data-testid="country-rates">
          {rows.map((r, i) => {
            const set = (patch: Partial<CountryRow>) => setRows((x) => x.map((y, j) => (j === i ? { ...y, ...patch } : y)));
            return (
              <div className="row" key={i}>
                <TextField label={t('tax.admin.country')} value={r.country} onChange={(v) => set({ country: v })} maxLength={2} />
                <TextField label={t('tax.admin.taxName')} value={r.name} onChange={(v) => set({ name: v })} />
                <TextField label={t('tax.admin.ratePercent')} value={r.rate} onChange={(v) => set({ rate: v })} error={form.error(`countryRates.${r.country}.rate`)} />
                <SelectField label={t('tax.admin.collect')} value={r.collect ? 'yes' : 'no'} onChange={(v) => set({ collect: v === 'yes' })} options={[{ value: 'yes', label: t('tax.admin.collectYes') }, { value: 'no', label: t('tax.admin.collectNo') }]} />
                <TextField label={t('tax.admin.maxConsignment')} value={r.max} onChange={(v) => set({ max: v })} />
                <TextField label={t('tax.admin.currency')} value={r.maxCurrency} onChange={(v) => set({ maxCurrency: v.toUpperCase() })} maxLength={3} />
                <Button size="sm" variant="ghost" icon="x" onClick={() => setRows((x) => x.filter((_, j) => j !== i))}>{t('tax.admin.remove')}</Button>
              </div>
            );
          })}
          <div>
            <Button size="sm" icon="plus" onClick={() => setRows((x) => [...x, { country: '', name: 'VAT', rate: '', collect: false, max: '', maxCurrency: '' }])}>{t('tax.admin.addCountry')}</Button>
          </div>
        </div>
      </Section>
      {canWrite ? (
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={form.busy}>{t('backoffice.common.save')}</Button>
        </div>
      ) : null}
    </form>
  );
}
