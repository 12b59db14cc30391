import { useEffect, useState } from 'react';
import { useI18n } from '../../core/i18n.js';
import { useResource } from '../../core/hooks.js';
import { api } from '../../core/api.js';
import { PageHeader, Section } from '../../ui/page-header.js';
import { Button } from '../../ui/misc.js';
import { FormError, SelectField, TextField } from '../../ui/form.js';
import { useToast } from '../../ui/toast.js';
import { useAction } from './use-action.js';

interface Rule { currency: string; bufferPercent: string; rounding: { increment: number; direction: 'nearest' | 'up'; ending: number } }
interface Tier { code: string; name: string }

/** Dealer tiers (A/B/C by default, configurable) and, per currency, the FX buffer and rounding of derived prices. */
export default function PricingRulesPage() {
  const { t } = useI18n();
  const { busy, error, run: runAction } = useAction();
  const run = (what: string, fn: () => Promise<void>) => runAction(what, async () => {
    await fn();
    toast.success(t('pricing.bo.saved'));
  });
  const toast = useToast();
  const tiersRes = useResource(() => api.get<{ items: Tier[] }>('/api/admin/pricing/tiers'), []);
  const rulesRes = useResource(() => api.get<{ items: Rule[] }>('/api/admin/pricing/currency-rules'), []);
  const [tiers, setTiers] = useState<Tier[]>([]);
  const [rules, setRules] = useState<Rule[]>([]);
  useEffect(() => { if (tiersRes.data) setTiers(tiersRes.data.items); }, [tiersRes.data]);
  useEffect(() => { if (rulesRes.data) setRules(rulesRes.data.items); }, [rulesRes.data]);
  const setRule = (i: number, r: Partial<Rule>) => setRules(rules.map((x, j) => (j === i ? { ...x, ...r } : x)));
  return (
    <>
      <PageHeader title={t('pricing.bo.rulesTitle')} />
      <FormError message={error} />
      <Section title={t('pricing.bo.tiers')} description={t('pricing.bo.tiersHelp')}>
        {tiers.map((x, i) => (
          <div className="row" key={i} data-testid="tier-row">
            <TextField label={t('pricing.bo.tierCode')} value={x.code} onChange={(v) => setTiers(tiers.map((y, j) => (j === i ? { ...y, code: v.toUpperCase() } : y)))} maxLength={8} />
            <TextField label={t('pricing.bo.name')} value={x.name} onChange={(v) => setTiers(tiers.map((y, j) => (j === i ? { ...y, name: v } : y)))} />
            <Button size="sm" onClick={() => setTiers(tiers.filter((_, j) => j !== i))}>{t('pricing.bo.remove')}</Button>
          </div>
        ))}
        <div className="row">
          <Button size="sm" onClick={() => setTiers([...tiers, { code: '', name: '' }])}>{t('pricing.bo.addTier')}</Button>
          <Button variant="primary" busy={busy === 'tiers'} onClick={() => void run('tiers', async () => setTiers((await api.put<{ items: Tier[] }>('/api/admin/pricing/tiers', { tiers })).items))}>{t('pricing.bo.save')}</Button>
        </div>
      </Section>
      <Section title={t('pricing.bo.currencyRules')} description={t('pricing.bo.currencyRulesHelp')}>
        {rules.map((r, i) => (
          <div className="row" key={i} data-testid="currency-rule">
            <TextField label={t('pricing.bo.currency')} value={r.currency} onChange={(v) => setRule(i, { currency: v.toUpperCase() })} maxLength={3} />
            <TextField label={t('pricing.bo.buffer')} value={r.bufferPercent} onChange={(v) => setRule(i, { bufferPercent: v })} inputMode="decimal" />
            <TextField label={t('pricing.bo.increment')} value={String(r.rounding.increment)} onChange={(v) => setRule(i, { rounding: { ...r.rounding, increment: Number(v) || 1 } })} inputMode="numeric" hint={t('pricing.bo.incrementHint')} />
            <SelectField label={t('pricing.bo.direction')} value={r.rounding.direction} onChange={(v) => setRule(i, { rounding: { ...r.rounding, direction: v as 'nearest' | 'up' } })} options={[{ value: 'nearest', label: t('pricing.bo.direction.nearest') }, { value: 'up', label: t('pricing.bo.direction.up') }]} />
            <TextField label={t('pricing.bo.ending')} value={String(r.rounding.ending)} onChange={(v) => setRule(i, { rounding: { ...r.rounding, ending: Number(v) || 0 } })} inputMode="numeric" hint={t('pricing.bo.endingHint')} />
            <Button size="sm" onClick={() => setRules(rules.filter((_, j) => j !== i))}>{t('pricing.bo.remove')}</Button>
          </div>
        ))}
        <div className="row">
          <Button size="sm" onClick={() => setRules([...rules, { currency: '', bufferPercent: '2', rounding: { increment: 1, direction: 'nearest', ending: 0 } }])}>{t('pricing.bo.addRule')}</Button>
          <Button variant="primary" busy={busy === 'rules'} onClick={() => void run('rules', async () => setRules((await api.put<{ items: Rule[] }>('/api/admin/pricing/currency-rules', { items: rules })).items))}>{t('pricing.bo.save')}</Button>
        </div>
      </Section>
    </>
  );
}
