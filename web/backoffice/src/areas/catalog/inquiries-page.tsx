import { useState } from 'react';
import { useI18n } from '../../core/i18n.js';
import { useResource } from '../../core/hooks.js';
import { Link } from '../../core/router.js';
import { formatRelative } from '../../../../shared/format.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { PageHeader } from '../../ui/page-header.js';
import { Badge, type Tone } from '../../ui/badge.js';
import { Button } from '../../ui/misc.js';
import { TextField } from '../../ui/form.js';
import { catalogApi, type Inquiry } from './api.js';

export const STATUS_TONE: Record<string, Tone> = { new: 'blue', replied: 'violet', quoted: 'amber', won: 'green', lost: 'neutral' };

/** The inquiry inbox: newest first, by status, searchable. */
export default function InquiriesPage() {
  const { t, locale } = useI18n();
  const [status, setStatus] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = useResource(() => catalogApi.inquiries({ status: status || undefined, q: q || undefined, page }), [status, q, page]);
  const counts = list.data?.statusCounts ?? {};
  const columns: Column<Inquiry>[] = [
    { key: 'from', header: t('catalog.admin.inquiries.from'), render: (i) => <><Link to={`/inquiries/${i.id}`}><strong>{i.company}</strong></Link><span className="cell-sub">{i.name} · {i.email}</span></> },
    { key: 'country', header: t('catalog.admin.content.country'), render: (i) => `${i.country} · ${i.locale}` },
    { key: 'message', header: t('catalog.admin.inquiries.message'), render: (i) => <span className="truncate" title={i.message}>{i.message.slice(0, 90)}</span> },
    { key: 'lines', header: t('catalog.admin.inquiries.products'), align: 'right', render: (i) => i.lineCount ?? 0 },
    { key: 'status', header: t('catalog.admin.inquiries.status'), render: (i) => <Badge tone={STATUS_TONE[i.status]}>{t(`catalog.admin.inquiryStatus.${i.status}`)}</Badge> },
    { key: 'received', header: t('catalog.admin.inquiries.received'), render: (i) => formatRelative(i.createdAt, locale) },
  ];
  return (
    <>
      <PageHeader title={t('catalog.admin.nav.inquiries')} subtitle={t('catalog.admin.nav.inquiriesDescription')} />
      <div className="filters row" role="group" aria-label={t('catalog.admin.inquiries.status')}>
        {['', 'new', 'replied', 'quoted', 'won', 'lost'].map((s) => (
          <Button key={s || 'all'} size="sm" variant={status === s ? 'primary' : 'secondary'} onClick={() => { setStatus(s); setPage(1); }} data-testid={`status-${s || 'all'}`}>
            {s ? t(`catalog.admin.inquiryStatus.${s}`) : t('catalog.admin.common.all')}{s && counts[s] ? ` (${counts[s]})` : ''}
          </Button>
        ))}
        <TextField label={t('catalog.admin.common.search')} value={q} onChange={(v) => { setQ(v); setPage(1); }} />
      </div>
      <DataTable columns={columns} rows={list.data?.items ?? []} rowKey={(i) => i.id} loading={list.loading} error={list.error} onRetry={list.reload} empty={t('catalog.admin.inquiries.empty')} testId="inquiries-table"
        pager={{ page, hasPrev: page > 1, hasNext: page * 50 < (list.data?.total ?? 0), prev: () => setPage(page - 1), next: () => setPage(page + 1) }} />
    </>
  );
}
