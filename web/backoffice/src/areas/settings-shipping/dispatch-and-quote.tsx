import { useEffect, useState } from 'react';
import { api } from '../../core/api.js';
import { useResource } from '../../core/hooks.js';
import { useI18n } from '../../core/i18n.js';
import { FormError, TextAreaField, TextField, useForm } from '../../ui/form.js';
import { Section } from '../../ui/page-header.js';
import { Button, EmptyState } from '../../ui/misc.js';
import { useToast } from '../../ui/toast.js';
import { formatMinor, toMinor } from '../settings-tax/money.js';
import { kgToGrams } from './method-editor.js';
import { formatDate } from '../../../../shared/format.js';

interface Settings {
  timeZone: string;
  cutoffHour: number;
  holidays: string[];
}
interface Option {
  methodId: string;
  name: string;
  amount: { amount: number; currency: string };
  free: boolean;
  delivery: { earliest: string; latest: string; businessDays: { min: number; max: number } };
  explanations: Array<{ key: string; params: Record<string, string | number> }>;
}

/** The warehouse calendar that delivery estimates count in. */
export function DispatchSection({ canWrite }: { canWrite: boolean }) {
  const { t } = useI18n();
  const toast = useToast();
  const res = useResource(() => api.get<Settings>('/api/admin/shipping/settings'), []);
  const [v, setV] = useState({ timeZone: '', cutoffHour: '14', holidays: '' });
  const form = useForm(['timeZone', 'cutoffHour', 'holidays']);
  useEffect(() => {
    if (res.data) setV({ timeZone: res.data.timeZone, cutoffHour: String(res.data.cutoffHour), holidays: res.data.holidays.join('\n') });
  }, [res.data]);
  const save = form.submit(async () => {
    const saved = await api.put<Settings>('/api/admin/shipping/settings', { timeZone: v.timeZone, cutoffHour: Number(v.cutoffHour), holidays: v.holidays.split(/\s+/).filter(Boolean) });
    res.setData(saved);
    toast.success(t('shipping.admin.saved'));
  });
  return (
    <Section title={t('shipping.admin.dispatchTitle')} description={t('shipping.admin.dispatchHelp')}>
      <form onSubmit={save} className="stack" data-testid="dispatch-form">
        <FormError message={form.formError} />
        <div className="grid-3">
          <TextField label={t('shipping.admin.timeZone')} value={v.timeZone} onChange={(timeZone) => setV({ ...v, timeZone })} error={form.error('timeZone')} placeholder="Europe/Amsterdam" />
          <TextField label={t('shipping.admin.cutoffHour')} value={v.cutoffHour} onChange={(cutoffHour) => setV({ ...v, cutoffHour })} error={form.error('cutoffHour')} />
          <TextAreaField label={t('shipping.admin.holidays')} rows={4} value={v.holidays} onChange={(holidays) => setV({ ...v, holidays })} error={form.error('holidays')} hint={t('shipping.admin.holidaysHint')} />
        </div>
        {canWrite ? <div className="form-actions"><Button type="submit" variant="primary" busy={form.busy}>{t('backoffice.common.save')}</Button></div> : null}
      </form>
    </Section>
  );
}

/** A sample cart's shipping options, prices and delivery dates. */
export function QuotePreview() {
  const { t, locale } = useI18n();
  const form = useForm(['destination.country', 'destination.region', 'subtotal.currency', 'fxRates']);
  const [v, setV] = useState({ country: 'DE', region: '', postcode: '', kg: '2.5', l: '400', w: '300', h: '200', qty: '1', subtotal: '200.00', currency: 'EUR', tier: 'retail', lead: '0', fx: '' });
  const [r, setR] = useState<{ options: Option[]; unavailable: Array<{ code: string; reason: { key: string; params: Record<string, string | number> } }> } | undefined>();
  const set = (k: keyof typeof v) => (x: string) => setV((s) => ({ ...s, [k]: x }));
  const run = form.submit(async () => {
    const cur = v.currency.toUpperCase();
    const grams = kgToGrams(v.kg);
    const subtotal = toMinor(v.subtotal, cur);
    if (grams === undefined || subtotal === undefined) throw new Error(t('shipping.admin.badAmount', { what: t('shipping.admin.weightKg') }));
    const fxRates = Object.fromEntries(v.fx.split(/[\s,]+/).filter(Boolean).map((p) => p.split('=') as [string, string]));
    setR(await api.post('/api/admin/shipping/quote-preview', {
      destination: { country: v.country.toUpperCase(), ...(v.region ? { region: v.region.toUpperCase() } : {}), ...(v.postcode ? { postcode: v.postcode } : {}) },
      items: [{ quantity: Number(v.qty), weightGrams: grams, ...(v.l && v.w && v.h ? { dimensionsMm: { length: Number(v.l), width: Number(v.w), height: Number(v.h) } } : {}) }],
      subtotal: { amount: subtotal, currency: cur }, customerTier: v.tier || 'retail', leadTimeDays: Number(v.lead) || 0, ...(Object.keys(fxRates).length ? { fxRates } : {}),
    }));
  });
  return (
    <Section title={t('shipping.admin.quoteTitle')} description={t('shipping.admin.quoteHelp')}>
      <form onSubmit={run} className="stack" data-testid="quote-preview">
        <FormError message={form.formError} />
        <div className="grid-3">
          <TextField label={t('shipping.admin.country')} value={v.country} onChange={set('country')} maxLength={2} error={form.error('destination.country')} />
          <TextField label={t('shipping.admin.region')} value={v.region} onChange={set('region')} />
          <TextField label={t('shipping.admin.postcode')} value={v.postcode} onChange={set('postcode')} />
          <TextField label={t('shipping.admin.weightKg')} value={v.kg} onChange={set('kg')} />
          <TextField label={t('shipping.admin.dimensionsMm')} value={`${v.l}×${v.w}×${v.h}`} onChange={(x) => { const [l = '', w = '', h = ''] = x.split(/[x×*\s]+/); setV((s) => ({ ...s, l, w, h })); }} />
          <TextField label={t('shipping.admin.quantity')} value={v.qty} onChange={set('qty')} />
          <TextField label={t('shipping.admin.subtotal')} value={v.subtotal} onChange={set('subtotal')} />
          <TextField label={t('shipping.admin.currency')} value={v.currency} onChange={set('currency')} maxLength={3} error={form.error('subtotal.currency')} />
          <TextField label={t('shipping.admin.tier')} value={v.tier} onChange={set('tier')} hint={t('shipping.admin.tiersHint')} />
          <TextField label={t('shipping.admin.leadTime')} value={v.lead} onChange={set('lead')} />
          <TextField label={t('shipping.admin.fxRates')} value={v.fx} onChange={set('fx')} placeholder="EUR=162.37" error={form.error('fxRates')} />
        </div>
        <div className="form-actions"><Button type="submit" variant="primary" busy={form.busy}>{t('shipping.admin.quote')}</Button></div>
      </form>
      {r ? (
        <div className="stack" data-testid="quote-result">
          {r.options.length === 0 ? <EmptyState>{t('shipping.admin.noOptions')}</EmptyState> : null}
          {r.options.map((o) => (
            <div key={o.methodId} className="card"><div className="card-body">
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: 16 }}><strong>{o.name}</strong><strong>{o.free ? t('shipping.admin.free') : formatMinor(o.amount.amount, o.amount.currency, locale)}</strong></div>
              <div>{t('shipping.delivery.range', { earliest: formatDate(`${o.delivery.earliest}T12:00:00Z`, locale), latest: formatDate(`${o.delivery.latest}T12:00:00Z`, locale) })} · {t('shipping.delivery.businessDays', o.delivery.businessDays)}</div>
              <div className="muted">{o.explanations.map((e) => t(e.key, e.params)).join(' · ')}</div>
            </div></div>
          ))}
          {r.unavailable.map((u) => <div key={u.code} className="muted">{`${u.code}: ${t(u.reason.key, u.reason.params)}`}</div>)}
        </div>
      ) : null}
    </Section>
  );
}
