import { useEffect, useState } from 'react';
import { useI18n } from '../../core/i18n.js';
import { useResource } from '../../core/hooks.js';
import { api } from '../../core/api.js';
import { PageHeader, Section } from '../../ui/page-header.js';
import { Alert, Button, Spinner } from '../../ui/misc.js';
import { FormError, SelectField, TextField, errorText } from '../../ui/form.js';
import { useToast } from '../../ui/toast.js';

interface TierRule { countries: string[]; minVolumeEurMinor: number; tier: string }
interface Settings {
  hidePricesForGuests: boolean; retailPricesForVerifiedB2c: boolean; catalogRequiresLogin: boolean; dealerProductTiers: string[];
  kycTargetHours: number; tierRules: TierRule[]; defaultTier: string | null; priceRequestsPerMinute: number; walkAlertVariantsPerHour: number;
}

function Toggle({ label, checked, onChange, id }: { label: string; checked: boolean; onChange: (v: boolean) => void; id: string }) {
  return <label className="row" htmlFor={id}><input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {label}</label>;
}

/** The login wall, per-tier product visibility, KYC target time and the rules that pre-fill the proposed tier. */
export default function CustomerSettingsPage() {
  const { t } = useI18n();
  const toast = useToast();
  const loaded = useResource(() => api.get<Settings>('/api/admin/customers/settings'), []);
  const tiers = useResource(() => api.get<{ items: { code: string; name: string }[] }>('/api/admin/pricing/tiers'), []);
  const [s, setS] = useState<Settings>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => { if (loaded.data) setS(loaded.data); }, [loaded.data]);
  if (loaded.error) return <Alert tone="error">{errorText(loaded.error, t)}</Alert>;
  if (!s) return <Spinner />;
  const tierOptions = (tiers.data?.items ?? []).map((x) => ({ value: x.code, label: x.name }));
  const set = <K extends keyof Settings>(k: K, v: Settings[K]) => setS({ ...s, [k]: v });
  const setRule = (i: number, r: Partial<TierRule>) => set('tierRules', s.tierRules.map((x, j) => (j === i ? { ...x, ...r } : x)));
  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setS(await api.put<Settings>('/api/admin/customers/settings', s));
      toast.success(t('customers.bo.saved'));
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <PageHeader title={t('customers.bo.settingsTitle')} />
      <Section title={t('customers.bo.wall')} description={t('customers.bo.wallHelp')}>
        <Toggle id="hide-prices" label={t('customers.bo.hidePricesForGuests')} checked={s.hidePricesForGuests} onChange={(v) => set('hidePricesForGuests', v)} />
        <Toggle id="retail-b2c" label={t('customers.bo.retailPricesForVerifiedB2c')} checked={s.retailPricesForVerifiedB2c} onChange={(v) => set('retailPricesForVerifiedB2c', v)} />
        <Toggle id="catalog-login" label={t('customers.bo.catalogRequiresLogin')} checked={s.catalogRequiresLogin} onChange={(v) => set('catalogRequiresLogin', v)} />
        <fieldset><legend>{t('customers.bo.dealerProductTiers')}</legend>
          {tierOptions.map((o) => <Toggle key={o.value} id={`dpt-${o.value}`} label={o.label} checked={s.dealerProductTiers.includes(o.value)}
            onChange={(v) => set('dealerProductTiers', v ? [...s.dealerProductTiers, o.value] : s.dealerProductTiers.filter((x) => x !== o.value))} />)}
          <p className="muted">{t('customers.bo.dealerProductTiersHelp')}</p>
        </fieldset>
      </Section>
      <Section title={t('customers.bo.kycSettings')}>
        <TextField label={t('customers.bo.kycTargetHours')} value={String(s.kycTargetHours)} onChange={(v) => set('kycTargetHours', Number(v) || 0)} inputMode="numeric" />
        <SelectField label={t('customers.bo.defaultTier')} value={s.defaultTier ?? ''} onChange={(v) => set('defaultTier', v || null)} options={[{ value: '', label: '—' }, ...tierOptions]} />
        <h3>{t('customers.bo.tierRules')}</h3>
        <p className="muted">{t('customers.bo.tierRulesHelp')}</p>
        {s.tierRules.map((r, i) => (
          <div className="row" key={i} data-testid="tier-rule">
            <TextField label={t('customers.bo.ruleCountries')} value={r.countries.join(',')} onChange={(v) => setRule(i, { countries: v.toUpperCase().split(/[\s,]+/).filter(Boolean) })} />
            <TextField label={t('customers.bo.ruleMinVolume')} value={String(r.minVolumeEurMinor / 100)} onChange={(v) => setRule(i, { minVolumeEurMinor: Math.round((Number(v) || 0) * 100) })} inputMode="decimal" />
            <SelectField label={t('customers.bo.tier')} value={r.tier} onChange={(v) => setRule(i, { tier: v })} options={tierOptions} />
            <Button size="sm" onClick={() => set('tierRules', s.tierRules.filter((_, j) => j !== i))}>{t('customers.bo.remove')}</Button>
          </div>
        ))}
        <Button size="sm" onClick={() => set('tierRules', [...s.tierRules, { countries: [], minVolumeEurMinor: 0, tier: tierOptions[0]?.value ?? 'C' }])}>{t('customers.bo.addRule')}</Button>
      </Section>
      <Section title={t('customers.bo.priceGuard')}>
        <TextField label={t('customers.bo.priceRequestsPerMinute')} value={String(s.priceRequestsPerMinute)} onChange={(v) => set('priceRequestsPerMinute', Number(v) || 0)} inputMode="numeric" />
        <TextField label={t('customers.bo.walkAlertVariantsPerHour')} value={String(s.walkAlertVariantsPerHour)} onChange={(v) => set('walkAlertVariantsPerHour', Number(v) || 0)} inputMode="numeric" />
      </Section>
      <FormError message={error} />
      <Button variant="primary" busy={busy} onClick={() => void save()}>{t('customers.bo.save')}</Button>
    </>
  );
}
