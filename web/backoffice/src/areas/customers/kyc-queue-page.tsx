import { useState } from 'react';
import { useI18n } from '../../core/i18n.js';
import { useResource } from '../../core/hooks.js';
import { api } from '../../core/api.js';
import { Link } from '../../core/router.js';
import { formatDateTime } from '../../../../shared/format.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { PageHeader } from '../../ui/page-header.js';
import { Badge, type Tone } from '../../ui/badge.js';
import { SelectField } from '../../ui/form.js';

export interface QueueItem {
  id: string;
  status: string;
  legalName: string;
  country: string;
  vatId: string | null;
  vatCheck: { checked?: boolean } | null;
  expectedVolume: string;
  volumeCurrency: string;
  proposedTier: string | null;
  submittedAt: string;
  age: { ageHours: number; targetHours: number; overdue: boolean } | null;
}

const STATUSES = ['submitted', 'info_requested', 'approved', 'rejected'];
export const STATUS_TONE: Record<string, Tone> = { submitted: 'blue', info_requested: 'neutral', approved: 'green', rejected: 'red' };

/** Dealer applications, oldest first, with their age against the target decision time. */
export default function KycQueuePage() {
  const { t, locale } = useI18n();
  const [status, setStatus] = useState('submitted');
  const q = useResource(() => api.get<{ targetHours: number; items: QueueItem[] }>('/api/admin/kyc/applications', { status: status || undefined }), [status]);
  const columns: Column<QueueItem>[] = [
    { key: 'company', header: t('customers.bo.company'), render: (a) => <Link to={`/kyc/${a.id}`}>{a.legalName}</Link> },
    { key: 'country', header: t('customers.bo.country'), render: (a) => a.country },
    { key: 'vat', header: t('customers.bo.vat'), render: (a) => (a.vatId ? <code>{a.vatId}</code> : <span className="muted">—</span>) },
    { key: 'volume', header: t('customers.bo.volume'), className: 'num', render: (a) => `${a.expectedVolume} ${a.volumeCurrency}` },
    { key: 'tier', header: t('customers.bo.proposedTier'), render: (a) => a.proposedTier ?? '—' },
    { key: 'status', header: t('customers.bo.status'), render: (a) => <Badge tone={STATUS_TONE[a.status] ?? 'neutral'}>{t(`customers.bo.status.${a.status}`)}</Badge> },
    {
      key: 'age', header: t('customers.bo.age'), className: 'nowrap',
      render: (a) => a.age ? <Badge tone={a.age.overdue ? 'red' : 'neutral'}>{t('customers.bo.ageValue', { hours: a.age.ageHours, target: a.age.targetHours })}</Badge> : formatDateTime(a.submittedAt, locale),
    },
  ];
  return (
    <>
      <PageHeader title={t('customers.bo.title')} subtitle={t('customers.bo.subtitle', { hours: q.data?.targetHours ?? 48 })} />
      <div className="filters">
        <SelectField label={t('customers.bo.status')} value={status} onChange={setStatus} options={[{ value: '', label: t('customers.bo.all') }, ...STATUSES.map((s) => ({ value: s, label: t(`customers.bo.status.${s}`) }))]} />
      </div>
      <DataTable columns={columns} rows={q.data?.items ?? []} rowKey={(a) => a.id} loading={q.loading} error={q.error} onRetry={q.reload} empty={t('customers.bo.empty')} testId="kyc-queue" />
    </>
  );
}
