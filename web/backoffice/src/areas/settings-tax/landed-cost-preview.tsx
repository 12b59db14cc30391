import { useState } from 'react';
import { api } from '../../core/api.js';
import { useI18n } from '../../core/i18n.js';
import { FormError, SelectField, TextField, useForm } from '../../ui/form.js';
import { Section } from '../../ui/page-header.js';
import { Button, Kv } from '../../ui/misc.js';
import { formatMinor, toMinor } from './money.js';
import type { Explanation } from './types.js';

interface LandedCost {
  currency: string;
  incoterm: string;
  customsValue: { basis: string; amount: number };
  dutyLines: Array<{ lineId: string; amount: number; label: Explanation }>;
  duty: number;
  importTax: { amount: number; label: Explanation } | null;
  total: number;
  addToOrderTotal: number;
  explanations: Explanation[];
}

/** Duty and import tax of a sample consignment under each Incoterm. */
export function LandedCostPreview() {
  const { t, locale } = useI18n();
  const form = useForm(['incoterm', 'destination.country', 'lines.0.hsCode', 'fxRates']);
  const [v, setV] = useState({ incoterm: 'DDP', country: 'US', postcode: '', currency: 'EUR', hs: '8539.52', value: '1000.00', freight: '100.00', insurance: '', fx: '' });
  const [r, setR] = useState<LandedCost | undefined>();
  const set = (k: keyof typeof v) => (x: string) => setV((s) => ({ ...s, [k]: x }));
  const run = form.submit(async () => {
    const cur = v.currency.toUpperCase();
    const [value, freight, insurance] = [toMinor(v.value, cur), toMinor(v.freight || '0', cur), v.insurance ? toMinor(v.insurance, cur) : 0];
    if (value === undefined || freight === undefined || insurance === undefined) throw new Error(t('tax.admin.badAmount'));
    const fxRates = Object.fromEntries(v.fx.split(/[\s,]+/).filter(Boolean).map((p) => p.split('=') as [string, string]));
    setR(await api.post<LandedCost>('/api/admin/customs/landed-cost/preview', {
      incoterm: v.incoterm, destination: { country: v.country.toUpperCase(), ...(v.postcode ? { postcode: v.postcode } : {}) }, currency: cur,
      lines: [{ id: 'sample', hsCode: v.hs, value }], freight, insurance, ...(Object.keys(fxRates).length ? { fxRates } : {}),
    }));
  });
  return (
    <Section title={t('tax.admin.landedTitle')} description={t('tax.admin.landedHelp')}>
      <form onSubmit={run} className="stack" data-testid="landed-cost-preview">
        <FormError message={form.formError} />
        <div className="grid-3">
          <SelectField label="Incoterm" value={v.incoterm} onChange={set('incoterm')} options={['EXW', 'FCA', 'FOB', 'CIF', 'DAP', 'DDP'].map((x) => ({ value: x, label: x }))} />
          <TextField label={t('tax.admin.destination')} value={v.country} onChange={set('country')} maxLength={2} error={form.error('destination.country')} />
          <TextField label={t('tax.admin.postcode')} value={v.postcode} onChange={set('postcode')} />
          <TextField label={t('tax.admin.hsCode')} value={v.hs} onChange={set('hs')} error={form.error('lines.0.hsCode')} />
          <TextField label={t('tax.admin.goodsValue')} value={v.value} onChange={set('value')} />
          <TextField label={t('tax.admin.currency')} value={v.currency} onChange={set('currency')} maxLength={3} />
          <TextField label={t('tax.admin.freight')} value={v.freight} onChange={set('freight')} />
          <TextField label={t('tax.admin.insurance')} value={v.insurance} onChange={set('insurance')} />
          <TextField label={t('tax.admin.fxRates')} value={v.fx} onChange={set('fx')} placeholder="EUR=1" error={form.error('fxRates')} />
        </div>
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={form.busy}>{t('tax.admin.compute')}</Button>
        </div>
      </form>
      {r ? (
        <div className="stack" data-testid="landed-cost-result">
          <Kv
            items={[
              [t('tax.admin.customsValue', { basis: r.customsValue.basis }), formatMinor(r.customsValue.amount, r.currency, locale)],
              ...r.dutyLines.map((d): [string, string] => [t(d.label.key, d.label.params), formatMinor(d.amount, r.currency, locale)]),
              ...(r.importTax ? [[t(r.importTax.label.key, r.importTax.label.params), formatMinor(r.importTax.amount, r.currency, locale)] as [string, string]] : []),
              [t('tax.admin.addedToTotal'), formatMinor(r.addToOrderTotal, r.currency, locale)],
            ]}
          />
          <p className="muted">{t(r.explanations.at(-1)!.key, r.explanations.at(-1)!.params)}</p>
        </div>
      ) : null}
    </Section>
  );
}
