import { useState } from 'react';
import { useI18n } from '../../core/i18n.js';
import { api } from '../../core/api.js';
import { PageHeader, Section } from '../../ui/page-header.js';
import { Alert, Button, Kv } from '../../ui/misc.js';
import { FormError, TextField, errorText } from '../../ui/form.js';

interface Explained {
  ok: boolean;
  currency: string;
  unitAmount?: number;
  reason?: string;
  explanation?: {
    listName: string; kind: string; priority: number; minQty: number; method: string; listCurrency: string; listUnitAmount: number; cappedAtQuantity?: number;
    fx?: { rate: string; source: string; asOf: string; bufferPercent: string; effectiveRate: string; rounding: { increment: number; direction: string; ending: number } };
  };
}

/** Price one variant as a buyer would see it, and show why: which list, which break, which rate. */
export default function ExplainPage() {
  const { t } = useI18n();
  const [f, setF] = useState({ variantId: '', quantity: '1', currency: 'EUR', tier: '', customerId: '' });
  const [r, setR] = useState<Explained>();
  const [error, setError] = useState<string>();
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  const run = async () => {
    setError(undefined);
    try {
      setR(await api.get<Explained>('/api/admin/pricing/explain', { variantId: f.variantId, quantity: f.quantity, currency: f.currency, tier: f.tier || undefined, customerId: f.customerId || undefined }));
    } catch (e) {
      setError(errorText(e, t));
    }
  };
  const e = r?.explanation;
  return (
    <>
      <PageHeader title={t('pricing.bo.title')} subtitle={t('pricing.bo.subtitle')} />
      <form className="filters" onSubmit={(ev) => { ev.preventDefault(); void run(); }}>
        <TextField label={t('pricing.bo.variant')} value={f.variantId} onChange={set('variantId')} />
        <TextField label={t('pricing.bo.quantity')} value={f.quantity} onChange={set('quantity')} inputMode="numeric" />
        <TextField label={t('pricing.bo.currency')} value={f.currency} onChange={(v) => set('currency')(v.toUpperCase())} maxLength={3} />
        <TextField label={t('pricing.bo.tier')} value={f.tier} onChange={set('tier')} />
        <TextField label={t('pricing.bo.customer')} value={f.customerId} onChange={set('customerId')} />
        <Button type="submit" variant="primary">{t('pricing.bo.run')}</Button>
      </form>
      <FormError message={error} />
      {r && !r.ok && <Alert tone="warning">{t(`pricing.bo.reason.${r.reason}`)}</Alert>}
      {r?.ok && e && (
        <Section title={t('pricing.bo.result', { amount: r.unitAmount, currency: r.currency })}>
          <Kv
            items={[
              [t('pricing.bo.list'), `${e.listName} (${e.kind}, ${t('pricing.bo.priority')} ${e.priority})`],
              [t('pricing.bo.break'), `≥ ${e.minQty}${e.cappedAtQuantity ? ` · ${t('pricing.bo.capped', { qty: e.cappedAtQuantity })}` : ''}`],
              [t('pricing.bo.method'), t(`pricing.bo.method.${e.method}`)],
              [t('pricing.bo.listPrice'), `${e.listUnitAmount} ${e.listCurrency}`],
              ...(e.fx ? ([[t('pricing.bo.rate'), `${e.fx.rate} (${e.fx.source}, ${e.fx.asOf}) + ${e.fx.bufferPercent} % = ${e.fx.effectiveRate}; ${t('pricing.bo.rounding', { increment: e.fx.rounding.increment, ending: e.fx.rounding.ending })}`]] as [string, string][]) : []),
            ]}
          />
          <p className="muted">{t('pricing.bo.minorUnits')}</p>
        </Section>
      )}
    </>
  );
}
