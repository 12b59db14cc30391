import { useState } from 'react';
import { useI18n } from '../../core/i18n.js';
import { useCursorPages } from '../../core/hooks.js';
import { Link } from '../../core/router.js';
import { formatDateTime } from '../../../../shared/format.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { PageHeader } from '../../ui/page-header.js';
import { Badge, type Tone } from '../../ui/badge.js';
import { Button } from '../../ui/misc.js';
import { SelectField, TextField } from '../../ui/form.js';
import { CHANNELS, formatMinor, ordersApi, PAYMENT_STATUSES, STATUSES, type OrderRow } from './api.js';

export const STATUS_TONE: Record<string, Tone> = { placed: 'blue', in_review: 'amber', on_hold: 'red', approved: 'green', processing: 'violet', shipped: 'violet', cancelled: 'neutral' };

interface Filters {
  status: string;
  paymentStatus: string;
  channel: string;
  country: string;
  customerId: string;
  from: string;
  to: string;
  q: string;
}
const EMPTY: Filters = { status: '', paymentStatus: '', channel: '', country: '', customerId: '', from: '', to: '', q: '' };

/** Every order of every channel, newest first, with the filters staff use day to day. */
export default function OrdersPage() {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [applied, setApplied] = useState<Filters>(EMPTY);
  const pages = useCursorPages(
    (cursor) =>
      ordersApi.list({
        ...Object.fromEntries(Object.entries(applied).filter(([, v]) => v)),
        ...(applied.to ? { to: `${applied.to}T23:59:59.999Z` } : {}),
        cursor,
      }),
    [JSON.stringify(applied)],
  );
  const set = (k: keyof Filters) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const opt = (prefix: string, values: string[]) => [{ value: '', label: t('orders.admin.any') }, ...values.map((v) => ({ value: v, label: prefix ? t(`${prefix}.${v}`) : v }))];

  const columns: Column<OrderRow>[] = [
    { key: 'number', header: t('orders.admin.number'), render: (o) => <Link to={`/orders/${o.id}`}><strong className="mono">{o.number}</strong></Link> },
    { key: 'placed', header: t('orders.admin.placed'), render: (o) => formatDateTime(o.placedAt, locale) },
    {
      key: 'customer',
      header: t('orders.admin.customer'),
      render: (o) => (
        <>
          {o.companyName ?? o.customerName ?? '—'}
          {o.customerEmail ? <span className="cell-sub">{o.customerEmail}</span> : null}
        </>
      ),
    },
    { key: 'channel', header: t('orders.admin.channel'), render: (o) => o.channel },
    { key: 'country', header: t('orders.admin.country'), render: (o) => o.shipCountry ?? '—' },
    { key: 'status', header: t('orders.admin.status'), render: (o) => <Badge tone={STATUS_TONE[o.status] ?? 'neutral'}>{t(`orders.status.${o.status}`)}</Badge> },
    { key: 'payment', header: t('orders.admin.payment'), render: (o) => <Badge tone={o.paymentStatus === 'paid' ? 'green' : 'neutral'}>{t(`orders.paymentStatus.${o.paymentStatus}`)}</Badge> },
    { key: 'total', header: t('orders.admin.total'), align: 'right', render: (o) => formatMinor(o.grandTotal, o.currency, locale) },
  ];

  return (
    <>
      <PageHeader title={t('orders.admin.title')} subtitle={t('orders.admin.subtitle')} />
      <form
        className="filters row"
        style={{ flexWrap: 'wrap', gap: 8, alignItems: 'flex-end', marginBottom: 12 }}
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(draft);
        }}
      >
        <TextField label={t('orders.admin.search')} value={draft.q} onChange={set('q')} placeholder={t('orders.admin.searchHint')} data-testid="orders-search" />
        <SelectField label={t('orders.admin.status')} value={draft.status} onChange={set('status')} options={opt('orders.status', STATUSES)} data-testid="orders-status" />
        <SelectField label={t('orders.admin.payment')} value={draft.paymentStatus} onChange={set('paymentStatus')} options={opt('orders.paymentStatus', PAYMENT_STATUSES)} />
        <SelectField label={t('orders.admin.channel')} value={draft.channel} onChange={set('channel')} options={opt('', CHANNELS)} />
        <TextField label={t('orders.admin.country')} value={draft.country} onChange={(v) => set('country')(v.toUpperCase())} maxLength={2} style={{ width: 70 }} />
        <TextField label={t('orders.admin.customerId')} value={draft.customerId} onChange={set('customerId')} />
        <TextField label={t('orders.admin.from')} type="date" value={draft.from} onChange={set('from')} />
        <TextField label={t('orders.admin.to')} type="date" value={draft.to} onChange={set('to')} />
        <Button type="submit" variant="primary">{t('orders.admin.apply')}</Button>
        <Button onClick={() => { setDraft(EMPTY); setApplied(EMPTY); }}>{t('orders.admin.clear')}</Button>
      </form>
      <DataTable
        columns={columns}
        rows={pages.items}
        rowKey={(o) => o.id}
        loading={pages.loading}
        error={pages.error}
        onRetry={pages.reload}
        empty={t('orders.admin.empty')}
        pager={{ page: pages.page, hasPrev: pages.hasPrev, hasNext: pages.hasNext, prev: pages.prev, next: () => void pages.next() }}
        testId="orders-table"
      />
    </>
  );
}
