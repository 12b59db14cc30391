import { useState } from 'react';
import { useI18n } from '../../core/i18n.js';
import { useResource } from '../../core/hooks.js';
import { Link } from '../../core/router.js';
import { DataTable } from '../../ui/data-table.js';
import { PageHeader } from '../../ui/page-header.js';
import { TextField } from '../../ui/form.js';
import { financeApi } from './api.js';

/** Find a customer to set terms, credit limit or a freeze override. */
export default function CustomersCreditPage() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const list = useResource(() => financeApi.customers(q), [q]);
  return (
    <>
      <PageHeader title={t('payments.bo.creditTitle')} subtitle={t('payments.bo.creditSubtitle')} />
      <div className="filters"><TextField label={t('payments.bo.search')} value={q} onChange={setQ} name="q" /></div>
      <DataTable
        columns={[
          { key: 'c', header: t('payments.bo.customer'), render: (c) => <Link to={`/finance/customers/${c.id}`}>{c.companyName ?? c.adminEmail ?? c.id}</Link> },
          { key: 'e', header: t('payments.bo.email'), render: (c) => c.adminEmail ?? '—' },
          { key: 'k', header: t('payments.bo.country'), render: (c) => c.country ?? '—' },
          { key: 't', header: t('payments.bo.tier'), render: (c) => c.tier ?? '—' },
        ]}
        rows={list.data?.items ?? []}
        rowKey={(c) => c.id}
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        empty={t('payments.bo.noCustomers')}
        testId="credit-customers"
      />
    </>
  );
}
