import { useState } from 'react';
import { useI18n } from '../../core/i18n.js';
import { useResource } from '../../core/hooks.js';
import { Link, navigate } from '../../core/router.js';
import { useSession } from '../../core/session.js';
import { formatDate } from '../../../../shared/format.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { PageHeader } from '../../ui/page-header.js';
import { Badge } from '../../ui/badge.js';
import { Button } from '../../ui/misc.js';
import { SelectField, TextField } from '../../ui/form.js';
import { catalogApi, type ProductRow } from './api.js';

/** Products with search by name or SKU, visibility filter and the expired-certificate flag. */
export default function ProductsPage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const [q, setQ] = useState('');
  const [visibility, setVisibility] = useState('');
  const [expired, setExpired] = useState('');
  const [page, setPage] = useState(1);
  const list = useResource(() => catalogApi.products({ q: q || undefined, visibility: visibility || undefined, expiredCertificates: expired || undefined, page }), [q, visibility, expired, page]);
  const total = list.data?.total ?? 0;
  const columns: Column<ProductRow>[] = [
    { key: 'name', header: t('catalog.admin.product.name'), render: (p) => <><Link to={`/catalog/products/${p.id}`}><strong>{p.name}</strong></Link><span className="cell-sub mono">{p.skus.slice(0, 3).join(', ')}{p.skus.length > 3 ? ` +${p.skus.length - 3}` : ''}</span></> },
    { key: 'visibility', header: t('catalog.admin.product.visibility'), render: (p) => <Badge tone={p.visibility === 'public' ? 'green' : p.visibility === 'dealers' ? 'blue' : 'neutral'}>{t(`catalog.admin.visibility.${p.visibility}`)}</Badge> },
    { key: 'locales', header: t('catalog.admin.product.languages'), render: (p) => <span className="mono">{p.locales.join(' ')}</span> },
    { key: 'certs', header: t('catalog.admin.product.certificates'), render: (p) => (p.expiredCertificates ? <Badge tone="red">{t('catalog.admin.product.expiredCount', { n: p.expiredCertificates })}</Badge> : <span className="muted">—</span>) },
    { key: 'updated', header: t('catalog.admin.common.updated'), render: (p) => formatDate(p.updatedAt, locale) },
  ];
  return (
    <>
      <PageHeader
        title={t('catalog.admin.nav.products')}
        subtitle={t('catalog.admin.products.subtitle', { n: total })}
        actions={can('catalog:write') ? <Button variant="primary" icon="plus" onClick={() => navigate('/catalog/products/new')} data-testid="new-product">{t('catalog.admin.products.new')}</Button> : null}
      />
      <div className="filters row">
        <TextField label={t('catalog.admin.common.search')} value={q} onChange={(v) => { setQ(v); setPage(1); }} placeholder={t('catalog.admin.products.searchHint')} data-testid="product-search" />
        <SelectField label={t('catalog.admin.product.visibility')} value={visibility} onChange={(v) => { setVisibility(v); setPage(1); }}
          options={[{ value: '', label: t('catalog.admin.common.all') }, ...['public', 'dealers', 'hidden'].map((v) => ({ value: v, label: t(`catalog.admin.visibility.${v}`) }))]} />
        <SelectField label={t('catalog.admin.product.certificates')} value={expired} onChange={(v) => { setExpired(v); setPage(1); }}
          options={[{ value: '', label: t('catalog.admin.common.all') }, { value: 'true', label: t('catalog.admin.products.expiredOnly') }]} />
      </div>
      <DataTable columns={columns} rows={list.data?.items ?? []} rowKey={(p) => p.id} loading={list.loading} error={list.error} onRetry={list.reload} empty={t('catalog.admin.products.empty')} testId="products-table"
        pager={{ page, hasPrev: page > 1, hasNext: page * 50 < total, prev: () => setPage(page - 1), next: () => setPage(page + 1) }} />
    </>
  );
}
