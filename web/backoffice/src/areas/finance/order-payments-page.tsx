import { useState } from 'react';
import { useI18n } from '../../core/i18n.js';
import { useResource } from '../../core/hooks.js';
import { Link, type Params } from '../../core/router.js';
import { formatDate, formatDateTime } from '../../../../shared/format.js';
import { DataTable } from '../../ui/data-table.js';
import { PageHeader, Section } from '../../ui/page-header.js';
import { Badge } from '../../ui/badge.js';
import { Alert, Button, Kv, Spinner } from '../../ui/misc.js';
import { FormError, SelectField, TextField, errorText } from '../../ui/form.js';
import { useToast } from '../../ui/toast.js';
import { Dialog } from '../../ui/dialog.js';
import { useDialogSubmit } from './dialog-submit.js';
import { financeApi, formatMinor, toMinor, exponentOf, type Payment } from './api.js';

/**
 * An order's money: the derived position, payments and refunds, recording a payment (idempotent
 * on method + reference), refunds (above the approval amount they wait for a second approver)
 * and the order's letters of credit with their documents and status.
 */
export default function OrderPaymentsPage({ params }: { params: Params }) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const id = params.id!;
  const data = useResource(() => financeApi.orderPayments(id), [id]);
  const lcs = useResource(() => financeApi.lcs({ orderId: id }), [id]);
  const [method, setMethod] = useState('tt');
  const [reference, setReference] = useState('');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState('');
  const [valueDate, setValueDate] = useState(new Date().toISOString().slice(0, 10));
  const [error, setError] = useState<string>();
  const [lc, setLc] = useState({ lcNumber: '', issuingBank: '', advisingBank: '', amount: '', expiryDate: '', latestShipmentDate: '' });
  const [lcError, setLcError] = useState<string>();
  const [refunding, setRefunding] = useState<Payment | null>(null);
  if (data.loading && !data.data) return <Spinner />;
  if (data.error || !data.data) return <Alert tone="error">{errorText(data.error, t)}</Alert>;
  const d = data.data;
  const cur = currency || d.payments[0]?.currency || (lcs.data?.items[0]?.currency ?? '');
  const money = (n: number, c: string) => formatMinor(n, c, locale);
  const reload = () => Promise.all([data.reload(), lcs.reload()]);
  const orderCurrency = d.payments[0]?.currency ?? currency;

  const record = async () => {
    setError(undefined);
    const c = (currency || orderCurrency).toUpperCase();
    const minor = toMinor(amount, c);
    if (!c || minor === null || minor <= 0) return setError(t('payments.bo.badAmount', { currency: c || '—' }));
    try {
      const r = await financeApi.record(id, { method, reference, amount: minor, currency: c, valueDate });
      toast.success(t(r.created ? 'payments.bo.recorded' : 'payments.bo.alreadyRecorded'));
      setReference('');
      setAmount('');
      await reload();
    } catch (e) {
      setError(errorText(e, t));
    }
  };
  const addLc = async () => {
    setLcError(undefined);
    const c = (currency || orderCurrency).toUpperCase();
    const minor = toMinor(lc.amount, c);
    if (minor === null) return setLcError(t('payments.bo.badAmount', { currency: c }));
    try {
      await financeApi.addLc(id, { ...lc, amount: minor, currency: c });
      toast.success(t('payments.bo.lcRecorded'));
      await reload();
    } catch (e) {
      setLcError(errorText(e, t));
    }
  };
  const updateLc = async (lcId: string, body: Record<string, unknown>) => {
    try {
      await financeApi.updateLc(lcId, body);
      await reload();
    } catch (e) {
      toast.error(errorText(e, t));
    }
  };

  return (
    <>
      <PageHeader title={t('payments.bo.orderPayments', { id })} subtitle={<><Badge tone={d.position.status === 'paid' ? 'green' : d.position.status === 'unpaid' ? 'neutral' : 'blue'}>{t(`payments.status.${d.position.status}`)}</Badge> <Link to={`/orders/${id}`}>{t('payments.bo.openOrder')}</Link></>} />
      {d.flaggedReason && <Alert tone="error" title={t('payments.bo.flagged')}>{d.flaggedReason}</Alert>}
      {cur && <Section title={t('payments.bo.position')}>
        <Kv items={[
          [t('payments.bo.paid'), money(d.position.paid, cur)],
          [t('payments.bo.refundedAmount'), money(d.position.refunded, cur)],
          [t('payments.bo.depositDue'), money(d.position.depositDue, cur)],
          [t('payments.bo.balanceDue'), money(d.position.balanceDue, cur)],
          [t('payments.bo.overpaid'), money(d.position.overpaid, cur)],
        ]} />
      </Section>}
      <Section title={t('payments.bo.payments')}>
        <DataTable
          columns={[
            { key: 'm', header: t('payments.bo.method'), render: (p) => t(`payments.method.${p.method}`) },
            { key: 'r', header: t('payments.bo.reference'), render: (p) => <code>{p.providerRef}</code> },
            { key: 'a', header: t('payments.bo.amount'), className: 'num', render: (p) => money(p.amount, p.currency) },
            { key: 's', header: t('payments.bo.status'), render: (p) => <Badge tone={p.state === 'confirmed' ? 'green' : p.state === 'failed' ? 'red' : 'amber'}>{t(`payments.bo.state.${p.state}`)}</Badge> },
            { key: 'v', header: t('payments.bo.valueDate'), render: (p) => (p.valueDate ? formatDate(p.valueDate, locale) : '—') },
            { key: 'b', header: t('payments.bo.recordedBy'), render: (p) => `${p.recordedByLabel}${p.confirmedByLabel ? ` → ${p.confirmedByLabel}` : ''}` },
            { key: 'x', header: '', render: (p) => (p.state === 'confirmed' ? <Button size="sm" data-testid={`refund-${p.providerRef}`} onClick={() => setRefunding(p)}>{t('payments.bo.refund')}</Button> : null) },
          ]}
          rows={d.payments}
          rowKey={(p) => p.id}
          empty={t('payments.bo.noPayments')}
          testId="order-payments"
        />
        {d.refunds.length > 0 && <ul data-testid="order-refunds">{d.refunds.map((r) => <li key={r.id}>{formatDateTime(r.createdAt, locale)} · {money(r.amount, r.currency)} · {r.state} · {r.reason} · {r.createdByLabel}</li>)}</ul>}
      </Section>
      <Section title={t('payments.bo.recordPayment')} description={t('payments.bo.recordHelp')}>
        <SelectField label={t('payments.bo.method')} value={method} onChange={setMethod} name="method" options={['tt', 'lc', 'western_union', 'cod'].map((m) => ({ value: m, label: t(`payments.method.${m}`) }))} />
        <TextField label={t('payments.bo.reference')} value={reference} onChange={setReference} name="reference" />
        <TextField label={t('payments.bo.amount')} value={amount} onChange={setAmount} inputMode="decimal" name="amount" />
        <TextField label={t('payments.bo.currency')} value={currency || orderCurrency} onChange={(v) => setCurrency(v.toUpperCase())} maxLength={3} name="currency" />
        <TextField label={t('payments.bo.valueDate')} value={valueDate} onChange={setValueDate} type="date" name="valueDate" />
        <FormError message={error} />
        <Button variant="primary" data-testid="record-payment" onClick={() => void record()}>{t('payments.bo.record')}</Button>
      </Section>
      <Section title={t('payments.bo.lcTitle')}>
        {(lcs.data?.items ?? []).map((l) => (
          <div key={l.id} className="card" data-testid={`lc-${l.lcNumber}`}>
            <Kv items={[
              ['L/C', l.lcNumber],
              [t('payments.bo.issuingBank'), l.issuingBank],
              [t('payments.bo.advisingBank'), l.advisingBank],
              [t('payments.bo.amount'), money(l.amount, l.currency)],
              [t('payments.bo.expiry'), <>{formatDate(l.expiryDate, locale)} {l.expiryWarning && <Badge tone="amber">{t('payments.bo.daysLeft', { days: l.daysToExpiry })}</Badge>}</>],
              [t('payments.bo.latestShipment'), formatDate(l.latestShipmentDate, locale)],
              [t('payments.bo.status'), t(`payments.bo.lc.${l.status}`)],
            ]} />
            <p>{Object.entries(l.documents).map(([doc, done]) => (
              <label key={doc} style={{ marginRight: 12 }}><input type="checkbox" checked={done} onChange={(e) => void updateLc(l.id, { documents: { [doc]: e.target.checked } })} /> {t(`payments.bo.doc.${doc}`)}</label>
            ))}</p>
            <SelectField label={t('payments.bo.status')} value={l.status} onChange={(s) => void updateLc(l.id, { status: s })} options={(lcs.data?.statuses ?? []).map((s) => ({ value: s, label: t(`payments.bo.lc.${s}`) }))} />
          </div>
        ))}
        <h3>{t('payments.bo.addLc')}</h3>
        {(['lcNumber', 'issuingBank', 'advisingBank', 'amount'] as const).map((k) => <TextField key={k} label={t(`payments.bo.lcField.${k}`)} value={lc[k]} onChange={(v) => setLc({ ...lc, [k]: v })} name={k} />)}
        <TextField label={t('payments.bo.expiry')} type="date" value={lc.expiryDate} onChange={(v) => setLc({ ...lc, expiryDate: v })} name="expiryDate" />
        <TextField label={t('payments.bo.latestShipment')} type="date" value={lc.latestShipmentDate} onChange={(v) => setLc({ ...lc, latestShipmentDate: v })} name="latestShipmentDate" />
        <FormError message={lcError} />
        <Button onClick={() => void addLc()}>{t('payments.bo.addLc')}</Button>
      </Section>
      {refunding && <RefundDialog payment={refunding} onClose={() => setRefunding(null)} onDone={async () => { setRefunding(null); await reload(); }} />}
    </>
  );
}

/** How much of a confirmed payment to refund and why (above the approval amount it waits for a second approver). */
function RefundDialog({ payment, onClose, onDone }: { payment: Payment; onClose: () => void; onDone: () => Promise<void> }) {
  const { t, locale } = useI18n();
  const exp = exponentOf(payment.currency);
  const [amount, setAmount] = useState((payment.amount / 10 ** exp).toFixed(exp));
  const [reason, setReason] = useState('');
  const { error, setError, busy, run } = useDialogSubmit(onDone);
  const submit = async () => {
    const minor = toMinor(amount, payment.currency);
    if (minor === null || minor <= 0) return setError(t('payments.bo.badAmount', { currency: payment.currency }));
    if (reason.trim().length < 3) return setError(t('payments.bo.reasonTooShort'));
    await run(async () => {
      const r = await financeApi.refund(payment.id, { amount: minor, reason: reason.trim() });
      return t(r.approvalRequired ? 'payments.bo.sentForApproval' : 'payments.bo.refunded');
    });
  };
  return (
    <Dialog open title={t('payments.bo.refundTitle', { reference: payment.providerRef })} onClose={onClose}
      footer={<><Button onClick={onClose}>{t('payments.bo.cancel')}</Button> <Button variant="danger" busy={busy} data-testid="refund-submit" onClick={() => void submit()}>{t('payments.bo.refund')}</Button></>}>
      <p>{t('payments.bo.refundHelp', { amount: formatMinor(payment.amount, payment.currency, locale) })}</p>
      <TextField label={t('payments.bo.refundPrompt', { currency: payment.currency })} value={amount} onChange={setAmount} inputMode="decimal" name="refundAmount" />
      <TextField label={t('payments.bo.refundReason')} value={reason} onChange={setReason} name="refundReason" />
      <FormError message={error} />
    </Dialog>
  );
}
