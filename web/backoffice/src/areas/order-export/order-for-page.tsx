import { useState } from 'react';
import { useI18n } from '../../core/i18n.js';
import { useResource } from '../../core/hooks.js';
import { Link, navigate } from '../../core/router.js';
import { formatDateTime } from '../../../../shared/format.js';
import { PageHeader, Section } from '../../ui/page-header.js';
import { FormError, SelectField, TextAreaField, TextField, errorText, useForm } from '../../ui/form.js';
import { Alert, Button, EmptyState, Spinner } from '../../ui/misc.js';
import { useToast } from '../../ui/toast.js';
import { reorderApi, type Address, type Difference, type HistoryOrder, type PutResult } from './api.js';

function money(amount: number | null | undefined, currency: string, locale: string): string {
  if (amount === null || amount === undefined) return '—';
  const f = new Intl.NumberFormat(locale, { style: 'currency', currency });
  return f.format(amount / 10 ** (f.resolvedOptions().maximumFractionDigits ?? 2));
}

type T = (k: string, p?: Record<string, unknown>) => string;

function differenceText(t: T, d: Difference, locale: string): string {
  switch (d.kind) {
    case 'price_changed':
      return t('reorder.diff.priceChanged', { sku: d.sku, name: d.name, old: money(d.oldUnitPrice, d.currency!, locale), new: money(d.newUnitPrice, d.currency!, locale), up: (d.newUnitPrice ?? 0) > (d.oldUnitPrice ?? 0) ? 'up' : 'down' });
    case 'not_sold':
      return t('reorder.diff.notSold', { sku: d.sku, name: d.name });
    case 'short_stock':
      return t(d.backorder ? 'reorder.diff.backorder' : 'reorder.diff.shortStock', { sku: d.sku, name: d.name, requested: d.requested, available: d.available });
    case 'quantity_adjusted':
      return t('reorder.diff.quantityAdjusted', { sku: d.sku, name: d.name, from: d.from, to: d.to });
    case 'no_price':
      return t('reorder.diff.noPrice', { sku: d.sku, name: d.name, currency: d.currency });
    case 'not_added':
      return t('reorder.diff.notAdded', { sku: d.sku, name: d.name, message: d.message });
  }
}

function CustomerSearch() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [applied, setApplied] = useState('');
  const res = useResource(() => (applied ? reorderApi.customers(applied) : Promise.resolve({ items: [] })), [applied]);
  return (
    <Section title={t('reorder.bo.chooseCustomer')}>
      <form className="row" style={{ gap: 8, alignItems: 'flex-end' }} onSubmit={(e) => { e.preventDefault(); setApplied(q); }}>
        <TextField label={t('reorder.bo.customerSearch')} value={q} onChange={setQ} data-testid="order-for-search" />
        <Button type="submit" variant="primary">{t('reorder.bo.find')}</Button>
      </form>
      {res.loading && applied ? <Spinner /> : null}
      <ul className="plain-list">
        {(res.data?.items ?? []).map((c) => (
          <li key={c.id}><Link to={`/order-for/${c.id}`} data-testid="order-for-customer">{c.companyName ?? c.adminEmail ?? c.id}</Link> {c.adminEmail ? <span className="cell-sub">{c.adminEmail}</span> : null}</li>
        ))}
      </ul>
    </Section>
  );
}

/**
 * Staff order for a customer (an order that came by email or phone): reorder a past order, pick
 * lines from several, or order from a saved list, all into the customer's cart with that buyer's
 * prices; see the differences; then place it. The order and the cart fill record who entered them.
 */
export default function OrderForPage({ params }: { params: { customerId?: string } }) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const customerId = params.customerId;
  const buyers = useResource(() => (customerId ? reorderApi.buyers(customerId) : Promise.resolve({ items: [] })), [customerId]);
  const history = useResource(() => (customerId ? reorderApi.history(customerId) : Promise.resolve({ orders: [] as HistoryOrder[] })), [customerId]);
  const lists = useResource(() => (customerId ? reorderApi.lists(customerId) : Promise.resolve({ items: [] })), [customerId]);
  const runs = useResource(() => (customerId ? reorderApi.runs(customerId) : Promise.resolve({ items: [] })), [customerId]);
  const [buyer, setBuyer] = useState('');
  const [picked, setPicked] = useState<Record<string, string>>({});
  const [result, setResult] = useState<PutResult | null>(null);
  const [shipFrom, setShipFrom] = useState<Address | null>(null);
  const [po, setPo] = useState('');
  const [busy, setBusy] = useState(false);
  const placeForm = useForm(['shipTo', 'poNumber']);
  const listForm = useForm(['name', 'lines']);
  const [listName, setListName] = useState('');
  const [listLines, setListLines] = useState('');

  if (!customerId) {
    return (
      <>
        <PageHeader title={t('reorder.bo.orderForTitle')} subtitle={t('reorder.bo.orderForSubtitle')} />
        <CustomerSearch />
      </>
    );
  }
  const buyerId = buyer || buyers.data?.items[0]?.id || '';
  const run = async (fn: () => Promise<PutResult>, ship: Address | null) => {
    setBusy(true);
    try {
      const r = await fn();
      setResult(r);
      if (ship) setShipFrom(ship);
      void runs.reload();
    } catch (e) {
      toast.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  const orders = history.data?.orders ?? [];
  const currency = result?.quote?.currency ?? orders[0]?.currency ?? 'EUR';
  // Lines picked from history or a list ship, by default, where the latest order went.
  const ship = shipFrom ?? orders[0]?.shipTo ?? null;

  return (
    <>
      <PageHeader title={t('reorder.bo.orderForTitle')} subtitle={<Link to="/order-for">{t('reorder.bo.otherCustomer')}</Link>} />
      {buyers.data && !buyers.data.items.length ? <Alert tone="warning">{t('reorder.bo.noBuyers')}</Alert> : null}
      <Section title={t('reorder.bo.actingFor')}>
        <SelectField label={t('reorder.bo.buyer')} value={buyerId} onChange={setBuyer} options={(buyers.data?.items ?? []).map((b) => ({ value: b.id, label: `${b.name} <${b.email}> (${b.role})` }))} data-testid="order-for-buyer" />
      </Section>

      <Section title={t('reorder.bo.pastOrders')} actions={
        <Button variant="primary" busy={busy} disabled={!buyerId || !Object.keys(picked).length} data-testid="order-for-add-picked"
          onClick={() => run(() => reorderApi.fromHistory(customerId, buyerId, Object.entries(picked).map(([lineId, orderId]) => ({ orderId, lineId }))), null)}>
          {t('reorder.bo.addPicked')}
        </Button>
      }>
        {history.loading ? <Spinner /> : !orders.length ? <EmptyState>{t('reorder.bo.noOrders')}</EmptyState> : orders.map((o) => (
          <div key={o.id} className="card" style={{ marginBottom: 8 }}>
            <div className="card-head row" style={{ justifyContent: 'space-between' }}>
              <span><Link to={`/orders/${o.id}`}><strong className="mono">{o.number}</strong></Link> · {formatDateTime(o.placedAt, locale)}{o.poNumber ? ` · PO ${o.poNumber}` : ''}</span>
              <Button size="sm" busy={busy} disabled={!buyerId} data-testid={`order-for-reorder-${o.number}`} onClick={() => run(() => reorderApi.reorder(customerId, o.id, buyerId), o.shipTo ?? null)}>
                {t('reorder.button.reorder')}
              </Button>
            </div>
            <table className="table"><tbody>
              {o.lines.map((l) => (
                <tr key={l.id}>
                  <td style={{ width: 30 }}><input type="checkbox" aria-label={l.sku} checked={!!picked[l.id]} onChange={(e) => setPicked((p) => { const n = { ...p }; if (e.target.checked) n[l.id] = o.id; else delete n[l.id]; return n; })} /></td>
                  <td className="mono">{l.sku}</td><td>{l.name}</td><td>{l.quantity}</td><td>{money(l.unitPrice, o.currency, locale)}</td>
                </tr>
              ))}
            </tbody></table>
          </div>
        ))}
      </Section>

      <Section title={t('reorder.bo.lists')}>
        {!(lists.data?.items ?? []).length ? <EmptyState>{t('reorder.bo.noLists')}</EmptyState> : (
          <table className="table"><tbody>
            {lists.data!.items.map((l) => (
              <tr key={l.id}><td>{l.name}</td><td>{l.lineCount}</td><td>{l.ownerLabel}{l.shared ? ` · ${t('reorder.lists.shared')}` : ''}</td>
                <td><Button size="sm" busy={busy} disabled={!buyerId} onClick={() => run(() => reorderApi.orderList(customerId, l.id, buyerId, currency), null)}>{t('reorder.lists.order')}</Button></td></tr>
            ))}
          </tbody></table>
        )}
      </Section>

      <Section title={t('reorder.bo.newList')} description={t('reorder.bo.newListHint')}>
        <form onSubmit={listForm.submit(async () => {
          // "SKU quantity" per line, as pasted from an email or a spreadsheet; the server checks every SKU.
          const lines = listLines.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map((l) => {
            const [sku = '', qty] = l.split(/[\t ,;]+/);
            return { sku, quantity: qty === undefined ? 1 : Number(qty) };
          });
          await reorderApi.createList(customerId, { name: listName, lines });
          toast.success(t('reorder.bo.listCreated'));
          setListName('');
          setListLines('');
          void lists.reload();
        })}>
          <TextField label={t('reorder.lists.name')} value={listName} onChange={setListName} error={listForm.error('name')} data-testid="order-for-list-name" />
          <TextAreaField label={t('reorder.lists.paste')} value={listLines} onChange={setListLines} rows={4} error={listForm.error('lines')} data-testid="order-for-list-lines" />
          <FormError message={listForm.formError} />
          <Button type="submit" busy={listForm.busy} data-testid="order-for-list-create">{t('reorder.lists.create')}</Button>
        </form>
      </Section>

      {result ? (
        <Section title={t('reorder.bo.cart')} description={t('reorder.bo.added', { count: result.linesAdded })}>
          {result.differences.length ? (
            <ul data-testid="order-for-differences">{result.differences.map((d, i) => <li key={i} data-kind={d.kind}>{differenceText(t, d, locale)}</li>)}</ul>
          ) : <p>{t('reorder.result.noDifferences')}</p>}
          {result.quote ? (
            <table className="table"><tbody>
              {result.quote.lines.map((l) => <tr key={l.id}><td className="mono">{l.sku}</td><td>{l.name}</td><td>{l.quantity}</td><td>{money(l.unitPrice, result.quote!.currency, locale)}</td><td>{money(l.lineTotal, result.quote!.currency, locale)}</td></tr>)}
            </tbody></table>
          ) : null}
          <form onSubmit={placeForm.submit(async () => {
            if (!ship) throw new Error(t('reorder.bo.needShipTo'));
            const r = await reorderApi.checkout(customerId, { customerUserId: buyerId, cartId: result.cartId, shipTo: ship, poNumber: po || null });
            toast.success(t('reorder.bo.placed', { number: r.order.number }));
            setResult(null);
            navigate(`/orders/${r.order.id}`);
          })}>
            <p>{ship ? t('reorder.bo.shipTo', { address: [ship.name, ship.company, ship.line1, ship.postalCode, ship.city, ship.countryCode].filter(Boolean).join(', ') }) : t('reorder.bo.needShipTo')}</p>
            <TextField label={t('reorder.col.poNumber')} value={po} onChange={setPo} error={placeForm.error('poNumber')} />
            <FormError message={placeForm.formError} />
            <Button type="submit" variant="primary" busy={placeForm.busy} disabled={!ship || !result.linesAdded} data-testid="order-for-place">{t('reorder.bo.place')}</Button>
          </form>
        </Section>
      ) : null}

      <Section title={t('reorder.bo.runs')}>
        {!(runs.data?.items ?? []).length ? <EmptyState>{t('reorder.bo.noRuns')}</EmptyState> : (
          <table className="table"><tbody>
            {runs.data!.items.map((r) => <tr key={r.id}><td>{formatDateTime(r.createdAt, locale)}</td><td>{t(`reorder.bo.source.${r.sourceType}`)}</td><td>{r.enteredByLabel}</td><td>{r.linesAdded}</td></tr>)}
          </tbody></table>
        )}
      </Section>
    </>
  );
}
