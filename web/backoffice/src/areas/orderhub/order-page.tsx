import { useState } from 'react';
import { useI18n } from '../../core/i18n.js';
import { useResource } from '../../core/hooks.js';
import { api } from '../../core/api.js';
import { Link, type Params } from '../../core/router.js';
import { useSession } from '../../core/session.js';
import { formatDateTime } from '../../../../shared/format.js';
import { PageHeader, Section } from '../../ui/page-header.js';
import { Badge } from '../../ui/badge.js';
import { Button, Kv } from '../../ui/misc.js';
import { errorText, TextField } from '../../ui/form.js';
import { useToast } from '../../ui/toast.js';
import { hubApi, money } from './api.js';
import { OUTCOME_TONE } from './inbox-page.js';

interface OrderDetail {
  id: string;
  number: string;
  channel: string;
  externalId: string | null;
  status: string;
  currency: string;
  grandTotal: number;
  customerEmail: string | null;
  customerName: string | null;
  companyName: string | null;
  shipTo: { name: string; line1: string; city: string; postalCode?: string | null; countryCode: string } | null;
  reportedTotals: { currency: string; grandTotal: string; items?: string | null; otherCurrencies?: string[] } | null;
  totalsMismatch: boolean;
  note: string | null;
  lines: { id: string; sku: string; externalSku: string | null; name: string; quantity: number; unitPrice: number; lineTotal: number }[];
  events: { id: string; at: string; type: string; message: string | null; actorLabel: string }[];
  reservations: { skuId: string; quantity: number; status: string }[];
}

interface CustomerContext {
  tier: string | null;
  orders: { id: string; number: string; channel: string; status: string; paymentStatus: string; currency: string; grandTotal: number; paid: number | null; outstanding: number | null; placedAt: string }[];
  openReceivables: number | null;
  overdue: { id: string; number: string; daysOverdue: number; outstanding: number; currency: string }[];
  frozen: boolean;
  inquiries: { id: string; status: string; company: string; excerpt: string; createdAt: string }[];
  notes: { id: string; orderId: string; at: string; by: string; text: string }[];
  deliveredTo: { line1: string; city: string; postalCode: string | null; countryCode: string; lastOrder: string }[];
}

interface LedgerRow {
  externalId: string;
  flags: string[];
  unmapped: { sellerSku: string | null; asin: string | null; title: string }[];
  versions: number;
  externalUpdatedAt: string;
  reported: Record<string, { amount: string; currency: string } | null>;
  computed: { subtotal: Record<string, string>; total: Record<string, string> };
  anomalies: string[];
}

/**
 * The order workspace: what the channel reported beside what we computed, the rules' decisions
 * with their explanations, one timeline of every event from every source, and the customer's
 * history beside it. Deep-linkable at /admin/orderhub/orders/<id>.
 */
export default function OrderPage({ params }: { params: Params }) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const toast = useToast();
  const id = params.orderId!;
  const order = useResource(() => api.get<OrderDetail>(`/api/admin/orders/${encodeURIComponent(id)}`), [id]);
  const review = useResource(() => hubApi.history(id), [id]);
  const ledger = useResource(() => api.get<{ items: LedgerRow[] }>('/api/admin/channels/orders', { orderId: id }), [id]);
  const context = useResource(() => api.get<CustomerContext>(`/api/admin/orderhub/orders/${encodeURIComponent(id)}/customer`), [id]);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');

  const addNote = async () => {
    setBusy(true);
    try {
      await api.post(`/api/admin/orderhub/orders/${encodeURIComponent(id)}/notes`, { text: note });
      setNote('');
      toast.success(t('channels.ui.order.noteAdded'));
      await Promise.all([order.reload(), context.reload()]);
    } catch (e) {
      toast.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  const [busy, setBusy] = useState(false);

  const act = async (action: { type: 'approve' } | { type: 'hold'; reason: string }) => {
    setBusy(true);
    try {
      const r = await hubApi.bulk([id], action);
      const res = r.results[0]!;
      if (res.ok) toast.success(t(`channels.ui.outcome.${res.outcome}`));
      else toast.error(res.message ?? '');
      await Promise.all([order.reload(), review.reload()]);
    } catch (e) {
      toast.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  if (order.error) return <p style={{ color: 'var(--danger)' }}>{errorText(order.error, t)}</p>;
  const o = order.data;
  if (!o) return <p className="muted">{t('backoffice.common.loading')}</p>;
  const l = ledger.data?.items[0];
  const current = review.data?.items[0];
  const timeline = [
    ...o.events.filter((e) => e.type !== 'note').map((e) => ({ at: e.at, what: e.type, detail: e.message ?? '', who: e.actorLabel })),
    ...(review.data?.items ?? []).map((d) => ({ at: d.at, what: `review.${d.outcome}`, detail: d.explanations.map((x) => x.text).join(' '), who: d.decidedBy })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const c = context.data;
  const past = c?.orders ?? [];

  return (
    <>
      <PageHeader
        title={`${o.number} · ${t(`channels.ui.kind.${o.channel}`)}`}
        subtitle={o.externalId ? `${t('channels.ui.order.externalId')}: ${o.externalId}` : undefined}
        actions={<Link to="/orderhub">{t('channels.ui.order.back')}</Link>}
      />
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr)', gap: 16 }}>
        <div className="stack">
          <Section title={t('channels.ui.order.review')}>
            {current ? (
              <div data-testid="order-review">
                <Badge tone={OUTCOME_TONE[current.outcome] ?? 'neutral'}>{t(`channels.ui.outcome.${current.outcome}`)}</Badge>{' '}
                {current.assignee ? <span className="muted">→ {current.assignee.role ?? current.assignee.staffId}</span> : null}
                <ul>{current.explanations.map((e, i) => <li key={i}>{e.text}</li>)}</ul>
              </div>
            ) : <p className="muted">{t('channels.ui.order.notReviewed')}</p>}
            {can('orders:approve') ? (
              <div className="row" style={{ gap: 8 }}>
                <Button variant="primary" busy={busy} onClick={() => void act({ type: 'approve' })}>{t('channels.ui.action.approve')}</Button>
                <TextField label={t('channels.ui.action.holdReason')} value={reason} onChange={setReason} />
                <Button busy={busy} disabled={!reason.trim()} onClick={() => void act({ type: 'hold', reason })}>{t('channels.ui.action.hold')}</Button>
              </div>
            ) : null}
          </Section>
          <Section title={t('channels.ui.order.lines')}>
            <table className="table">
              <thead><tr><th>SKU</th><th>{t('channels.ui.order.channelSku')}</th><th>{t('channels.ui.order.item')}</th><th style={{ textAlign: 'right' }}>{t('channels.ui.order.qty')}</th><th style={{ textAlign: 'right' }}>{t('channels.ui.col.total')}</th></tr></thead>
              <tbody>
                {o.lines.map((x) => (
                  <tr key={x.id}><td className="mono">{x.sku}</td><td className="mono">{x.externalSku ?? '—'}</td><td>{x.name}</td><td style={{ textAlign: 'right' }}>{x.quantity}</td><td style={{ textAlign: 'right' }}>{money(x.lineTotal, o.currency, locale)}</td></tr>
                ))}
              </tbody>
            </table>
            <Kv
              items={[
                [t('channels.ui.order.ours'), money(o.grandTotal, o.currency, locale)],
                [t('channels.ui.order.reported'), o.reportedTotals ? `${o.reportedTotals.grandTotal} ${o.reportedTotals.currency}` : '—'],
                [t('channels.ui.order.reserved'), String(o.reservations.filter((r) => r.status === 'active').reduce((a, r) => a + r.quantity, 0))],
              ]}
            />
            {l ? (
              <div data-testid="order-flags">
                {l.flags.map((f) => <Badge key={f} tone="amber">{t(`channels.ui.flag.${f}`)}</Badge>)}
                {l.unmapped.length ? <p>{t('channels.ui.order.unmapped', { skus: l.unmapped.map((u) => u.sellerSku ?? u.asin).join(', ') })} <Link to="/orderhub/channels">{t('channels.ui.order.mapNow')}</Link></p> : null}
                {l.anomalies.map((a, i) => <p key={i} className="muted">{a}</p>)}
              </div>
            ) : null}
          </Section>
          <Section title={t('channels.ui.order.timeline')}>
            <ol className="timeline" data-testid="order-timeline">
              {timeline.map((e, i) => (
                <li key={i}><span className="muted nowrap">{formatDateTime(e.at, locale)}</span> <strong>{e.what}</strong> {e.detail} <span className="muted">— {e.who}</span></li>
              ))}
              {l ? <li><span className="muted nowrap">{formatDateTime(l.externalUpdatedAt, locale)}</span> <strong>channel.version</strong> {t('channels.ui.order.versions', { count: l.versions })}</li> : null}
            </ol>
          </Section>
          <Section title={t('channels.ui.order.notes')}>
            <ul data-testid="order-notes">
              {o.events.filter((e) => e.type === 'note').map((e) => (
                <li key={e.id}><span className="muted nowrap">{formatDateTime(e.at, locale)}</span> {e.message} <span className="muted">— {e.actorLabel}</span></li>
              ))}
            </ul>
            <div className="row" style={{ gap: 8, alignItems: 'flex-end' }}>
              <TextField label={t('channels.ui.order.noteLabel')} value={note} onChange={setNote} />
              <Button busy={busy} disabled={!note.trim()} onClick={() => void addNote()} data-testid="add-note">{t('channels.ui.order.addNote')}</Button>
            </div>
          </Section>
        </div>
        <aside className="stack" data-testid="customer-history">
          <Section title={t('channels.ui.order.customer')}>
            <Kv items={[[t('channels.ui.col.customer'), o.customerName ?? '—'], ['Email', o.customerEmail ?? '—'], [t('channels.ui.order.company'), o.companyName ?? '—'], [t('channels.ui.order.shipTo'), o.shipTo ? `${o.shipTo.line1}, ${o.shipTo.city} ${o.shipTo.postalCode ?? ''} ${o.shipTo.countryCode}` : '—']]} />
          </Section>
          <Section title={t('channels.ui.order.pastOrders', { count: past.length })}>
            {past.length === 0 ? <p className="muted" data-testid="first-order">{t('channels.ui.order.firstOrder')}</p> : (
              <ul data-testid="past-orders">
                {past.map((p) => (
                  <li key={p.id}>
                    <Link to={`/orderhub/orders/${p.id}`}>{p.number}</Link> · {formatDateTime(p.placedAt, locale)} · {money(p.grandTotal, p.currency, locale)} · {t(`channels.ui.status.${p.status}`)}
                    {p.outstanding ? <> · <span style={{ color: 'var(--danger)' }}>{t('channels.ui.order.open', { amount: money(p.outstanding, p.currency, locale) })}</span></> : p.paid ? <> · {t('channels.ui.order.paid')}</> : null}
                  </li>
                ))}
              </ul>
            )}
          </Section>
          <Section title={t('channels.ui.order.payments')}>
            {c?.frozen ? <p style={{ color: 'var(--danger)' }}>{t('channels.ui.order.frozen')}</p> : null}
            {c && c.overdue.length ? (
              <ul data-testid="overdue">{c.overdue.map((i) => <li key={i.id}>{t('channels.ui.order.overdue', { number: i.number, days: i.daysOverdue, amount: money(i.outstanding, i.currency, locale) })}</li>)}</ul>
            ) : <p className="muted">{t('channels.ui.order.noOverdue')}</p>}
            {c?.tier ? <p>{t('channels.ui.order.tier', { tier: c.tier })}</p> : null}
          </Section>
          <Section title={t('channels.ui.order.inquiries', { count: c?.inquiries.length ?? 0 })}>
            {c?.inquiries.length ? <ul>{c.inquiries.map((q) => <li key={q.id}>{formatDateTime(q.createdAt, locale)} · {q.status} · {q.excerpt}</li>)}</ul> : <p className="muted">—</p>}
          </Section>
          <Section title={t('channels.ui.order.customerNotes')}>
            {c?.notes.filter((n) => n.orderId !== o.id).length ? (
              <ul>{c.notes.filter((n) => n.orderId !== o.id).map((n) => <li key={n.id}>{n.text} <span className="muted">— {n.by}, <Link to={`/orderhub/orders/${n.orderId}`}>{formatDateTime(n.at, locale)}</Link></span></li>)}</ul>
            ) : <p className="muted">—</p>}
          </Section>
          <Section title={t('channels.ui.order.deliveredTo')}>
            {c?.deliveredTo.length ? (
              <ul data-testid="delivered-to">{c.deliveredTo.map((a, i) => <li key={i}>{a.line1}, {a.city} {a.postalCode ?? ''} {a.countryCode} <span className="muted">({a.lastOrder})</span></li>)}</ul>
            ) : <p className="muted">{t('channels.ui.order.noneDelivered')}</p>}
          </Section>
        </aside>
      </div>
    </>
  );
}
