import { useEffect, useState } from 'react';
import { useI18n } from '../../core/i18n.js';
import { useResource } from '../../core/hooks.js';
import { Link, type Params } from '../../core/router.js';
import { formatDate } from '../../../../shared/format.js';
import { DataTable } from '../../ui/data-table.js';
import { PageHeader, Section } from '../../ui/page-header.js';
import { Badge } from '../../ui/badge.js';
import { Alert, Button, Kv, Spinner } from '../../ui/misc.js';
import { FormError, SelectField, TextField, errorText } from '../../ui/form.js';
import { useToast } from '../../ui/toast.js';
import { Dialog } from '../../ui/dialog.js';
import { useDialogSubmit } from './dialog-submit.js';
import { financeApi, formatMinor, toMinor, exponentOf, type Invoice } from './api.js';

/**
 * One customer's credit: trade terms and limit (a higher limit above the approval amount waits
 * for a second approver), the freeze with what is overdue, the override request, the promotion
 * proposal, invoices (with the invoice-date correction) and the credit balance.
 */
export default function CustomerCreditPage({ params }: { params: Params }) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const id = params.id!;
  const credit = useResource(() => financeApi.credit(id), [id]);
  const promo = useResource(() => financeApi.promotion(id), [id]);
  const invoices = useResource(() => financeApi.invoices(id), [id]);
  const balance = useResource(() => financeApi.balance(id), [id]);
  const [kind, setKind] = useState('deposit');
  const [deposit, setDeposit] = useState('30');
  const [days, setDays] = useState('30');
  const [from, setFrom] = useState('invoice');
  const [limit, setLimit] = useState('');
  const [currency, setCurrency] = useState('USD');
  const [reason, setReason] = useState('');
  const [termsError, setTermsError] = useState<string>();
  const [overrideError, setOverrideError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [dating, setDating] = useState<Invoice | null>(null);
  useEffect(() => {
    const c = credit.data;
    if (!c) return;
    setKind(c.terms.kind);
    if (c.terms.kind === 'deposit') setDeposit(String(c.terms.depositPercent));
    if (c.terms.kind === 'net') { setDays(String(c.terms.days)); setFrom(c.terms.from); }
    if (c.limit) { setCurrency(c.limit.currency); setLimit((c.limit.amount / 10 ** exponentOf(c.limit.currency)).toFixed(exponentOf(c.limit.currency))); }
  }, [credit.data]);
  if (credit.loading && !credit.data) return <Spinner />;
  if (credit.error || !credit.data) return <Alert tone="error">{errorText(credit.error, t)}</Alert>;
  const c = credit.data;
  const money = (n: number, cur: string) => formatMinor(n, cur, locale);
  const reload = () => Promise.all([credit.reload(), promo.reload(), invoices.reload(), balance.reload()]);

  const saveTerms = async () => {
    setTermsError(undefined);
    const minor = limit.trim() ? toMinor(limit, currency) : null;
    if (limit.trim() && minor === null) return setTermsError(t('payments.bo.badAmount', { currency }));
    setBusy(true);
    try {
      const body = { kind, ...(kind === 'deposit' ? { depositPercent: Number(deposit) } : {}), ...(kind === 'net' ? { netDays: Number(days), netFrom: from } : {}), creditLimit: minor === null ? null : { amount: minor, currency } };
      const r = await financeApi.setTerms(id, body);
      toast.success(t(r.approvalRequired ? 'payments.bo.sentForApproval' : 'payments.bo.termsSaved'));
      await reload();
    } catch (e) {
      setTermsError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  const askOverride = async () => {
    setOverrideError(undefined);
    try {
      await financeApi.requestOverride(id, { reason });
      toast.success(t('payments.bo.sentForApproval'));
      setReason('');
    } catch (e) {
      setOverrideError(errorText(e, t));
    }
  };
  const acceptPromotion = async () => {
    try {
      await financeApi.acceptPromotion(id);
      toast.success(t('payments.bo.promoted'));
      await reload();
    } catch (e) {
      toast.error(errorText(e, t));
    }
  };
  const termsText = c.terms.kind === 'net' ? t('payments.terms.net', { days: c.terms.days, from: c.terms.from }) : c.terms.kind === 'deposit' ? t('payments.terms.deposit', { percent: c.terms.depositPercent }) : t('payments.terms.prepaid');

  return (
    <>
      <PageHeader title={t('payments.bo.customerCredit', { id })} subtitle={c.freeze.frozen ? <Badge tone="red">{t('payments.bo.isFrozen')}</Badge> : c.freeze.overridden ? <Badge tone="amber">{t('payments.bo.isOverridden')}</Badge> : <Badge tone="green">{t('payments.bo.inGoodStanding')}</Badge>} />
      <Section title={t('payments.bo.position')}>
        <Kv items={[
          [t('payments.bo.terms'), <span data-testid="current-terms">{termsText}</span>],
          [t('payments.bo.creditLimit'), c.limit ? money(c.limit.amount, c.limit.currency) : '—'],
          [t('payments.bo.openReceivables'), c.limit ? money(c.openReceivables, c.limit.currency) : String(c.openReceivables)],
          [t('payments.bo.creditBalance'), (balance.data?.balances ?? []).map((b) => money(b.amount, b.currency)).join(', ') || '—'],
          ...(c.override ? [[t('payments.bo.override'), `${c.override.reason} (${c.override.by})`] as [string, string]] : []),
        ]} />
        {c.freeze.overdue.length > 0 && <Alert tone="error" title={t('payments.bo.overdueTitle')}>{c.freeze.overdue.map((o) => `${o.number}: ${money(o.outstanding, o.currency)} · ${t('payments.bo.daysLate', { days: o.daysOverdue })}`).join('; ')}</Alert>}
      </Section>
      {promo.data?.proposal && (
        <Section title={t('payments.bo.promotion')}>
          <p>{t('payments.bo.promotionText', { days: promo.data.proposal.netDays, count: promo.data.proposal.basedOn })}</p>
          <Button variant="primary" data-testid="accept-promotion" onClick={() => void acceptPromotion()}>{t('payments.bo.acceptPromotion', { days: promo.data.proposal.netDays })}</Button>
        </Section>
      )}
      <Section title={t('payments.bo.setTerms')} description={t('payments.bo.setTermsHelp')}>
        <SelectField label={t('payments.bo.terms')} value={kind} onChange={setKind} name="kind" options={['prepaid', 'deposit', 'net'].map((k) => ({ value: k, label: t(`payments.bo.termsKind.${k}`) }))} />
        {kind === 'deposit' && <TextField label={t('payments.bo.depositPercent')} value={deposit} onChange={setDeposit} inputMode="numeric" name="depositPercent" />}
        {kind === 'net' && <><TextField label={t('payments.bo.netDays')} value={days} onChange={setDays} inputMode="numeric" name="netDays" />
          <SelectField label={t('payments.bo.netFrom')} value={from} onChange={setFrom} name="netFrom" options={['invoice', 'shipment'].map((k) => ({ value: k, label: t(`payments.bo.from.${k}`) }))} /></>}
        <TextField label={t('payments.bo.creditLimit')} value={limit} onChange={setLimit} inputMode="decimal" name="creditLimit" />
        <TextField label={t('payments.bo.currency')} value={currency} onChange={(v) => setCurrency(v.toUpperCase())} maxLength={3} name="currency" />
        <FormError message={termsError} />
        <Button variant="primary" busy={busy} data-testid="save-terms" onClick={() => void saveTerms()}>{t('payments.bo.saveTerms')}</Button>
      </Section>
      <Section title={t('payments.bo.overrideTitle')} description={t('payments.bo.overrideHelp')}>
        <TextField label={t('payments.bo.reason')} value={reason} onChange={setReason} name="overrideReason" />
        <FormError message={overrideError} />
        <Button data-testid="request-override" onClick={() => void askOverride()}>{t('payments.bo.requestOverride')}</Button>
        {c.override && <> <Button variant="danger" onClick={() => void financeApi.removeOverride(id).then(reload)}>{t('payments.bo.removeOverride')}</Button></>}
      </Section>
      <Section title={t('payments.bo.invoices')}>
        <DataTable
          columns={[
            { key: 'n', header: t('payments.bo.invoice'), render: (i) => <Link to={`/finance/orders/${i.orderId}`}>{i.number}</Link> },
            { key: 'i', header: t('payments.bo.issued'), render: (i) => formatDate(i.issuedAt, locale) },
            { key: 'd', header: t('payments.bo.due'), render: (i) => formatDate(i.dueAt, locale) },
            { key: 'a', header: t('payments.bo.amount'), className: 'num', render: (i) => money(i.amount, i.currency) },
            { key: 'o', header: t('payments.bo.outstanding'), className: 'num', render: (i) => money(i.outstanding, i.currency) },
            { key: 'l', header: t('payments.bo.daysOverdue'), className: 'num', render: (i) => (i.daysOverdue ? <Badge tone={i.daysOverdue > 60 ? 'red' : 'amber'}>{i.daysOverdue}</Badge> : '—') },
            { key: 'x', header: '', render: (i) => <Button size="sm" data-testid={`correct-date-${i.number}`} onClick={() => setDating(i)}>{t('payments.bo.correctDate')}</Button> },
          ]}
          rows={invoices.data?.items ?? []}
          rowKey={(i) => i.id}
          loading={invoices.loading}
          empty={t('payments.bo.noInvoices')}
          testId="customer-invoices"
        />
      </Section>
      {dating && <InvoiceDateDialog invoice={dating} onClose={() => setDating(null)} onDone={async () => { setDating(null); await reload(); }} />}
    </>
  );
}

/** Corrects the issue date of an invoice (the due date moves with it; audited on the server). */
function InvoiceDateDialog({ invoice, onClose, onDone }: { invoice: Invoice; onClose: () => void; onDone: () => Promise<void> }) {
  const { t } = useI18n();
  const [date, setDate] = useState(invoice.issuedAt.slice(0, 10));
  const { error, setError, busy, run } = useDialogSubmit(onDone);
  const submit = async () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return setError(t('payments.bo.badDate'));
    await run(async () => {
      await financeApi.correctInvoiceDate(invoice.id, new Date(`${date}T00:00:00Z`).toISOString());
      return t('payments.bo.invoiceDateSaved');
    });
  };
  return (
    <Dialog open title={t('payments.bo.invoiceDateTitle', { number: invoice.number })} onClose={onClose}
      footer={<><Button onClick={onClose}>{t('payments.bo.cancel')}</Button> <Button variant="primary" busy={busy} data-testid="invoice-date-submit" onClick={() => void submit()}>{t('payments.bo.saveDate')}</Button></>}>
      <p>{t('payments.bo.invoiceDatePrompt')}</p>
      <TextField label={t('payments.bo.invoiceDate')} value={date} onChange={setDate} type="date" name="invoiceDate" />
      <FormError message={error} />
    </Dialog>
  );
}
