import { useState } from 'react';
import { useI18n } from '../../core/i18n.js';
import { PageHeader, Section } from '../../ui/page-header.js';
import { SelectField, TextField } from '../../ui/form.js';
import { reorderApi } from './api.js';

const STATUSES = ['placed', 'in_review', 'on_hold', 'approved', 'processing', 'shipped', 'cancelled'];

/**
 * Orders and order lines to xlsx or CSV with the order list's filters. The files are plain
 * downloads (GET with the session cookie); text cells are escaped against formulas on the server.
 */
export default function ExportPage() {
  const { t, locale } = useI18n();
  const [f, setF] = useState({ from: '', to: '', status: '', channel: '', country: '', customerId: '', q: '' });
  const set = (k: keyof typeof f) => (v: string) => setF((d) => ({ ...d, [k]: v }));
  const query = { ...Object.fromEntries(Object.entries(f).filter(([, v]) => v)), locale };
  const links = [
    { id: 'export-xlsx', label: t('reorder.bo.downloadXlsx'), href: reorderApi.exportUrl({ ...query, format: 'xlsx' }) },
    { id: 'export-csv-orders', label: t('reorder.bo.downloadCsvOrders'), href: reorderApi.exportUrl({ ...query, format: 'csv', kind: 'orders' }) },
    { id: 'export-csv-lines', label: t('reorder.bo.downloadCsvLines'), href: reorderApi.exportUrl({ ...query, format: 'csv', kind: 'lines' }) },
  ];
  return (
    <>
      <PageHeader title={t('reorder.bo.exportTitle')} subtitle={t('reorder.bo.exportSubtitle')} />
      <Section title={t('reorder.bo.filters')}>
        <div className="filters row" style={{ flexWrap: 'wrap', gap: 8, alignItems: 'flex-end' }}>
          <TextField label={t('reorder.bo.from')} type="date" value={f.from} onChange={set('from')} />
          <TextField label={t('reorder.bo.to')} type="date" value={f.to} onChange={set('to')} />
          <SelectField label={t('reorder.bo.status')} value={f.status} onChange={set('status')} options={[{ value: '', label: t('reorder.bo.any') }, ...STATUSES.map((s) => ({ value: s, label: t(`orders.status.${s}`) }))]} />
          <TextField label={t('reorder.bo.channel')} value={f.channel} onChange={set('channel')} placeholder="storefront, amazon…" />
          <TextField label={t('reorder.bo.country')} value={f.country} onChange={(v) => set('country')(v.toUpperCase())} maxLength={2} style={{ width: 70 }} />
          <TextField label={t('reorder.bo.customerId')} value={f.customerId} onChange={set('customerId')} />
          <TextField label={t('reorder.bo.search')} value={f.q} onChange={set('q')} />
        </div>
      </Section>
      <Section title={t('reorder.bo.download')} description={t('reorder.bo.downloadHint')}>
        <div className="row" style={{ gap: 8 }}>
          {links.map((l) => (
            <a key={l.id} className="btn btn-secondary" id={l.id} href={l.href} download>
              {l.label}
            </a>
          ))}
        </div>
      </Section>
    </>
  );
}
