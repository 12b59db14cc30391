import { useState } from 'react';
import { useI18n } from '../../core/i18n.js';
import { useResource } from '../../core/hooks.js';
import { Link, navigate, useLocation } from '../../core/router.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { PageHeader, Section } from '../../ui/page-header.js';
import { Badge } from '../../ui/badge.js';
import { Button } from '../../ui/misc.js';
import { FormError, SelectField, TextField, errorText } from '../../ui/form.js';
import { pricingApi, type PriceList } from './api.js';

/** Price lists: retail, one per tier (A/B/C…) and per customer, with currency, validity and priority. */
export default function PriceListsPage() {
  const { t } = useI18n();
  const loc = useLocation();
  const customerId = loc.search.get('customerId') ?? '';
  const lists = useResource(() => pricingApi.lists(customerId ? { customerId } : {}), [customerId]);
  const tiers = useResource(() => pricingApi.tiers(), []);
  const [f, setF] = useState({ name: '', kind: customerId ? 'customer' : 'tier', tierCode: 'A', customerId, currency: 'EUR', validFrom: '', validTo: '', priority: '0' });
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  const create = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const l = await pricingApi.create({
        name: f.name, kind: f.kind as PriceList['kind'], currency: f.currency, priority: Number(f.priority) || 0,
        tierCode: f.kind === 'tier' ? f.tierCode : null, customerId: f.kind === 'customer' ? f.customerId : null,
        validFrom: f.validFrom || null, validTo: f.validTo || null,
      });
      navigate(`/pricing/lists/${l.id}`);
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  const columns: Column<PriceList>[] = [
    { key: 'name', header: t('pricing.bo.name'), render: (l) => <Link to={`/pricing/lists/${l.id}`}>{l.name}</Link> },
    { key: 'kind', header: t('pricing.bo.kind'), render: (l) => <Badge tone={l.kind === 'customer' ? 'blue' : 'neutral'}>{t(`pricing.bo.kind.${l.kind}`)}{l.tierCode ? ` ${l.tierCode}` : ''}</Badge> },
    { key: 'customer', header: t('pricing.bo.customer'), render: (l) => (l.customerId ? <Link to={`/customers/${l.customerId}`}>{l.customerId}</Link> : '—') },
    { key: 'currency', header: t('pricing.bo.currency'), render: (l) => l.currency },
    { key: 'validity', header: t('pricing.bo.validity'), render: (l) => `${l.validFrom ?? '…'} – ${l.validTo ?? '…'}` },
    { key: 'priority', header: t('pricing.bo.priority'), className: 'num', render: (l) => l.priority },
    { key: 'variants', header: t('pricing.bo.variants'), className: 'num', render: (l) => l.variants ?? 0 },
    { key: 'active', header: t('pricing.bo.active'), render: (l) => (l.active ? '✓' : '—') },
  ];
  return (
    <>
      <PageHeader title={t('pricing.bo.listsTitle')} subtitle={t('pricing.bo.listsSubtitle')} />
      <DataTable columns={columns} rows={lists.data?.items ?? []} rowKey={(l) => l.id} loading={lists.loading} error={lists.error} onRetry={lists.reload} empty={t('pricing.bo.noLists')} testId="price-lists" />
      <Section title={t('pricing.bo.newList')}>
        <div className="grid-2">
          <TextField label={t('pricing.bo.name')} value={f.name} onChange={set('name')} />
          <SelectField label={t('pricing.bo.kind')} value={f.kind} onChange={set('kind')} options={['retail', 'tier', 'customer'].map((k) => ({ value: k, label: t(`pricing.bo.kind.${k}`) }))} />
          {f.kind === 'tier' && <SelectField label={t('pricing.bo.tier')} value={f.tierCode} onChange={set('tierCode')} options={(tiers.data?.items ?? []).map((x) => ({ value: x.code, label: x.name }))} />}
          {f.kind === 'customer' && <TextField label={t('pricing.bo.customer')} value={f.customerId} onChange={set('customerId')} hint={t('pricing.bo.customerHint')} />}
          <TextField label={t('pricing.bo.currency')} value={f.currency} onChange={(v) => set('currency')(v.toUpperCase())} maxLength={3} />
          <TextField label={t('pricing.bo.priority')} value={f.priority} onChange={set('priority')} inputMode="numeric" />
          <TextField label={t('pricing.bo.validFrom')} value={f.validFrom} onChange={set('validFrom')} type="date" />
          <TextField label={t('pricing.bo.validTo')} value={f.validTo} onChange={set('validTo')} type="date" />
        </div>
        <FormError message={error} />
        <Button variant="primary" busy={busy} onClick={() => void create()}>{t('pricing.bo.create')}</Button>
      </Section>
    </>
  );
}
