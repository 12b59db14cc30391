import { useState } from 'react';
import { useI18n } from '../../core/i18n.js';
import { useResource } from '../../core/hooks.js';
import { Link, type Params } from '../../core/router.js';
import { useSession } from '../../core/session.js';
import { formatDateTime } from '../../../../shared/format.js';
import { PageHeader, Section } from '../../ui/page-header.js';
import { Badge } from '../../ui/badge.js';
import { Alert, Button, Kv } from '../../ui/misc.js';
import { Dialog } from '../../ui/dialog.js';
import { errorText, TextAreaField } from '../../ui/form.js';
import { useToast } from '../../ui/toast.js';
import { formatMinor, ordersApi, type OrderDetail } from './api.js';
import { STATUS_TONE } from './orders-page.js';

const address = (a: Record<string, string | null> | null) =>
  a ? [a.company, a.name, a.line1, a.line2, [a.postalCode, a.city, a.region].filter(Boolean).join(' '), a.countryCode, a.phone].filter(Boolean).join('\n') : '—';

/** One order: frozen totals with their explanations, lines, timeline, cancellation with a reason. */
export default function OrderPage({ params }: { params: Params }) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const { can } = useSession();
  const res = useResource(() => ordersApi.get(params.id!), [params.id]);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const o: OrderDetail | undefined = res.data;
  if (res.error) return <Alert tone="error">{errorText(res.error, t)}</Alert>;
  if (!o) return <p className="muted">{t('backoffice.common.loading')}</p>;
  const m = (n: number) => formatMinor(n, o.currency, locale);
  const canCancel = o.allowedEvents.includes('cancel') && can('orders:write');

  return (
    <>
      <PageHeader
        title={
          <>
            <span className="mono">{o.number}</span> <Badge tone={STATUS_TONE[o.status] ?? 'neutral'}>{t(`orders.status.${o.status}`)}</Badge>{' '}
            <Badge tone={o.paymentStatus === 'paid' ? 'green' : 'neutral'}>{t(`orders.paymentStatus.${o.paymentStatus}`)}</Badge>
          </>
        }
        subtitle={<Link to="/orders">{t('orders.admin.back')}</Link>}
        actions={
          <>
            <a className="button" href={ordersApi.proformaUrl(o.id)} data-testid="order-proforma">{t('orders.account.proforma')}</a>{' '}
            {canCancel ? (
              <Button variant="danger" onClick={() => setCancelling(true)} data-testid="order-cancel">
                {t('orders.admin.cancel')}
              </Button>
            ) : null}
          </>
        }
      />
      {o.status === 'cancelled' ? <Alert tone="warning">{t('orders.admin.cancelledBecause', { reason: o.cancelReason ?? '' })}</Alert> : null}
      <div className="grid-2">
        <Section title={t('orders.admin.details')}>
          <Kv
            items={[
              [t('orders.admin.placed'), formatDateTime(o.placedAt, locale)],
              [t('orders.admin.channel'), o.channel + (o.externalId ? ` · ${o.externalId}` : '')],
              [t('orders.admin.customer'), `${o.companyName ?? o.customerName ?? '—'}${o.customerEmail ? ` <${o.customerEmail}>` : ''}`],
              [t('orders.admin.placedBy'), o.placedByLabel],
              [t('orders.proforma.vatNumber'), o.vatNumber ?? '—'],
              [t('orders.proforma.incoterm'), o.incoterm ?? '—'],
              [t('orders.proforma.paymentMethod'), t(`orders.paymentMethod.${o.paymentMethod}`)],
              [t('orders.admin.paymentDue'), o.paymentDueAt ? formatDateTime(o.paymentDueAt, locale) : '—'],
              [t('orders.proforma.shipping'), o.shipping ? `${o.shipping.name}${o.shipping.estimate ? ` (${o.shipping.estimate.from} – ${o.shipping.estimate.to})` : ''}` : '—'],
              [t('orders.admin.fx'), o.fx ? `1 ${o.fx.from} = ${o.fx.rate} ${o.fx.to} (${o.fx.source}, ${o.fx.asOf})` : '—'],
            ]}
          />
        </Section>
        <Section title={t('orders.admin.addresses')}>
          <Kv items={[[t('orders.proforma.shipTo'), <pre key="s" style={{ margin: 0 }}>{address(o.shipTo)}</pre>], [t('orders.proforma.billTo'), <pre key="b" style={{ margin: 0 }}>{address(o.billTo)}</pre>]]} />
        </Section>
      </div>
      <Section title={t('orders.account.lines')}>
        <table className="table" data-testid="order-lines">
          <thead>
            <tr>
              <th>{t('orders.proforma.col.sku')}</th><th>{t('orders.proforma.col.description')}</th><th>{t('orders.proforma.col.hsCode')}</th>
              <th style={{ textAlign: 'right' }}>{t('orders.proforma.col.quantity')}</th><th style={{ textAlign: 'right' }}>{t('orders.proforma.col.unitPrice')}</th>
              <th style={{ textAlign: 'right' }}>{t('orders.proforma.col.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {o.lines.map((l) => (
              <tr key={l.id}>
                <td className="mono">{l.sku}</td>
                <td>{l.name}{l.backorderedQuantity ? <span className="cell-sub">{t('orders.proforma.backordered', { quantity: l.backorderedQuantity, days: l.leadTimeDays ?? 0 })}</span> : null}</td>
                <td className="mono">{l.hsCode ?? ''}</td>
                <td style={{ textAlign: 'right' }}>{l.quantity}</td>
                <td style={{ textAlign: 'right' }}>{m(l.unitPrice)}</td>
                <td style={{ textAlign: 'right' }}>{m(l.lineTotal)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title={t('orders.account.totals')}>
        <table className="table" data-testid="order-totals">
          <tbody>
            {o.totals.explanations.map((e, i) => (
              <tr key={i} className={e.kind === 'grand_total' ? 'strong' : e.included ? '' : 'muted'}>
                <td>{e.label}</td>
                <td style={{ textAlign: 'right' }}>{e.kind === 'note' && !e.amount ? '' : e.included ? m(e.amount) : `(${m(e.amount)})`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title={t('orders.admin.timeline')}>
        <ol className="timeline" data-testid="order-timeline">
          {o.events.map((e) => (
            <li key={e.id}>
              <span className="muted">{formatDateTime(e.at, locale)}</span> · <strong>{e.type}</strong>
              {e.toStatus ? ` → ${t(`orders.status.${e.toStatus}`)}` : ''} · {e.actorLabel}
              {e.message ? <div className="cell-sub">{e.message}</div> : null}
            </li>
          ))}
        </ol>
      </Section>
      <Dialog
        open={cancelling}
        title={t('orders.admin.cancelTitle', { number: o.number })}
        onClose={() => setCancelling(false)}
        footer={
          <>
            <Button onClick={() => setCancelling(false)}>{t('backoffice.common.cancel')}</Button>
            <Button
              variant="danger"
              busy={busy}
              data-testid="order-cancel-confirm"
              onClick={async () => {
                setBusy(true);
                setError(undefined);
                try {
                  await ordersApi.cancel(o.id, reason, o.version);
                  toast.success(t('orders.admin.cancelledToast', { number: o.number }));
                  setCancelling(false);
                  setReason('');
                  await res.reload();
                } catch (e) {
                  setError(errorText(e, t));
                } finally {
                  setBusy(false);
                }
              }}
            >
              {t('orders.admin.cancel')}
            </Button>
          </>
        }
      >
        <div className="stack">
          <p>{t('orders.admin.cancelBody')}</p>
          <TextAreaField label={t('orders.admin.reason')} value={reason} onChange={setReason} required data-testid="order-cancel-reason" />
          {error ? <Alert tone="error">{error}</Alert> : null}
        </div>
      </Dialog>
    </>
  );
}
