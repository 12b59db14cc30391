import { useState } from 'react';
import { useI18n } from '../../core/i18n.js';
import { useResource } from '../../core/hooks.js';
import { api } from '../../core/api.js';
import { Link } from '../../core/router.js';
import { formatDateTime } from '../../../../shared/format.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { PageHeader } from '../../ui/page-header.js';
import { Badge } from '../../ui/badge.js';
import { SelectField, TextField } from '../../ui/form.js';

export interface CustomerRow {
  id: string;
  kind: string;
  companyName: string | null;
  country: string | null;
  tier: string | null;
  paymentTermsDays: number | null;
  status: string;
  createdAt: string;
  users: number;
  adminEmail: string | null;
}

/** Buyers and companies: search by company or email, filter by tier. */
export default function CustomersPage() {
  const { t, locale } = useI18n();
  const [q, setQ] = useState('');
  const [tier, setTier] = useState('');
  const tiers = useResource(() => api.get<{ items: { code: string; name: string }[] }>('/api/admin/pricing/tiers'), []);
  const list = useResource(() => api.get<{ items: CustomerRow[] }>('/api/admin/customers', { q: q || undefined, tier: tier || undefined, limit: 200 }), [q, tier]);
  const columns: Column<CustomerRow>[] = [
    { key: 'company', header: t('customers.bo.company'), render: (c) => <Link to={`/customers/${c.id}`}>{c.companyName ?? c.adminEmail ?? c.id}</Link> },
    { key: 'email', header: t('customers.bo.email'), render: (c) => c.adminEmail ?? '—' },
    { key: 'kind', header: t('customers.bo.kind'), render: (c) => t(`customers.bo.kind.${c.kind}`) },
    { key: 'country', header: t('customers.bo.country'), render: (c) => c.country ?? '—' },
    { key: 'tier', header: t('customers.bo.tier'), render: (c) => (c.tier ? <Badge tone="blue">{c.tier}</Badge> : '—') },
    { key: 'users', header: t('customers.bo.users'), className: 'num', render: (c) => c.users },
    { key: 'created', header: t('customers.bo.created'), render: (c) => formatDateTime(c.createdAt, locale) },
  ];
  return (
    <>
      <PageHeader title={t('customers.bo.customersTitle')} actions={<Link className="btn" to="/customers/settings">{t('customers.bo.settingsNav')}</Link>} />
      <div className="filters">
        <TextField label={t('customers.bo.search')} value={q} onChange={setQ} type="search" />
        <SelectField label={t('customers.bo.tier')} value={tier} onChange={setTier} options={[{ value: '', label: t('customers.bo.all') }, ...(tiers.data?.items ?? []).map((x) => ({ value: x.code, label: x.name }))]} />
      </div>
      <DataTable columns={columns} rows={list.data?.items ?? []} rowKey={(c) => c.id} loading={list.loading} error={list.error} onRetry={list.reload} empty={t('customers.bo.noCustomers')} testId="customers" />
    </>
  );
}
