import { useState } from 'react';
import { useI18n } from '../../core/i18n.js';
import { useResource } from '../../core/hooks.js';
import { Link } from '../../core/router.js';
import { useSession } from '../../core/session.js';
import { formatDate, formatDateTime } from '../../../../shared/format.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { PageHeader, Section } from '../../ui/page-header.js';
import { Badge } from '../../ui/badge.js';
import { Button } from '../../ui/misc.js';
import { Dialog } from '../../ui/dialog.js';
import { FormError, TextField, errorText } from '../../ui/form.js';
import { useToast } from '../../ui/toast.js';
import { useDialogSubmit } from './dialog-submit.js';
import { financeApi, formatMinor, toMinor, exponentOf, type Approval, type Invoice, type LetterOfCredit, type Payment } from './api.js';

/**
 * The finance desk: payments to confirm (remittance slips, Western Union, provider mismatches),
 * adjustments waiting for a second approver, L/Cs nearing expiry, overdue invoices, frozen
 * customers, and the aging report as Excel.
 */
export default function FinanceDeskPage() {
  const { t, locale } = useI18n();
  const toast = useToast();
  const session = useSession();
  const me = session.state.status === 'ready' ? session.state.session.staff.id : undefined;
  const overview = useResource(() => financeApi.overview(), []);
  const approvals = useResource(() => financeApi.approvals(), []);
  const lcs = useResource(() => financeApi.lcs({ expiringWithinDays: 14 }), []);
  const [confirming, setConfirming] = useState<Payment | null>(null);
  const money = (n: number, c: string) => formatMinor(n, c, locale);
  const reload = () => Promise.all([overview.reload(), approvals.reload(), lcs.reload()]);

  const decide = async (a: Approval, d: 'approve' | 'reject') => {
    try {
      await financeApi.decide(a.id, d);
      toast.success(t(d === 'approve' ? 'payments.bo.approved' : 'payments.bo.rejected'));
      await reload();
    } catch (e) {
      toast.error(errorText(e, t));
    }
  };

  const paymentCols: Column<Payment>[] = [
    { key: 'order', header: t('payments.bo.order'), render: (p) => <Link to={`/finance/orders/${p.orderId}`}>{p.orderId}</Link> },
    { key: 'method', header: t('payments.bo.method'), render: (p) => t(`payments.method.${p.method}`) },
    { key: 'ref', header: t('payments.bo.reference'), render: (p) => <code>{p.providerRef}</code> },
    { key: 'amount', header: t('payments.bo.claimed'), className: 'num', render: (p) => money(p.amount, p.currency) },
    { key: 'problem', header: t('payments.bo.problem'), render: (p) => (p.problem ? <Badge tone="red">{p.problem}</Badge> : p.hasSlip ? <a href={`/api/admin/payments/${p.id}/slip`} target="_blank" rel="noreferrer">{t('payments.bo.slip')}</a> : String(p.details?.senderName ?? '—')) },
    { key: 'at', header: t('payments.bo.received'), render: (p) => formatDateTime(p.createdAt, locale) },
    { key: 'act', header: '', render: (p) => (p.method === 'card' || p.method === 'paypal' ? null : <Button size="sm" variant="primary" data-testid={`confirm-${p.providerRef}`} onClick={() => setConfirming(p)}>{t('payments.bo.confirm')}</Button>) },
  ];
  const approvalCols: Column<Approval>[] = [
    { key: 'kind', header: t('payments.bo.request'), render: (a) => t(`payments.bo.kind.${a.kind}`) },
    { key: 'subject', header: t('payments.bo.subject'), render: (a) => (a.kind === 'refund' ? <code>{a.subjectId}</code> : <Link to={`/finance/customers/${a.subjectId}`}>{a.subjectId}</Link>) },
    { key: 'amount', header: t('payments.bo.amount'), className: 'num', render: (a) => (a.amount != null && a.currency ? money(a.amount, a.currency) : '—') },
    { key: 'why', header: t('payments.bo.reason'), render: (a) => String(a.payload.reason ?? '—') },
    { key: 'by', header: t('payments.bo.requestedBy'), render: (a) => `${a.requestedByLabel} · ${formatDateTime(a.createdAt, locale)}` },
    {
      key: 'act', header: '', className: 'nowrap',
      render: (a) => a.requestedById === me ? <span className="muted">{t('payments.bo.needsSomeoneElse')}</span> : (
        <>
          <Button size="sm" variant="primary" data-testid={`approve-${a.id}`} onClick={() => void decide(a, 'approve')}>{t('payments.bo.approve')}</Button>{' '}
          <Button size="sm" onClick={() => void decide(a, 'reject')}>{t('payments.bo.reject')}</Button>
        </>
      ),
    },
  ];
  const invoiceCols: Column<Invoice>[] = [
    { key: 'n', header: t('payments.bo.invoice'), render: (i) => <Link to={`/finance/orders/${i.orderId}`}>{i.number}</Link> },
    { key: 'c', header: t('payments.bo.customer'), render: (i) => <Link to={`/finance/customers/${i.customerId}`}>{i.customerId}</Link> },
    { key: 'due', header: t('payments.bo.due'), render: (i) => formatDate(i.dueAt, locale) },
    { key: 'late', header: t('payments.bo.daysOverdue'), className: 'num', render: (i) => <Badge tone={i.daysOverdue > 60 ? 'red' : i.daysOverdue > 30 ? 'amber' : 'neutral'}>{i.daysOverdue}</Badge> },
    { key: 'out', header: t('payments.bo.outstanding'), className: 'num', render: (i) => money(i.outstanding, i.currency) },
  ];
  const lcCols: Column<LetterOfCredit>[] = [
    { key: 'n', header: 'L/C', render: (l) => <Link to={`/finance/orders/${l.orderId}`}>{l.lcNumber}</Link> },
    { key: 'bank', header: t('payments.bo.issuingBank'), render: (l) => l.issuingBank },
    { key: 'amount', header: t('payments.bo.amount'), className: 'num', render: (l) => money(l.amount, l.currency) },
    { key: 'exp', header: t('payments.bo.expiry'), render: (l) => <Badge tone={l.daysToExpiry < 0 ? 'red' : 'amber'}>{formatDate(l.expiryDate, locale)} · {t('payments.bo.daysLeft', { days: l.daysToExpiry })}</Badge> },
    { key: 'st', header: t('payments.bo.status'), render: (l) => t(`payments.bo.lc.${l.status}`) },
  ];

  return (
    <>
      <PageHeader
        title={t('payments.bo.title')}
        subtitle={t('payments.bo.subtitle')}
        actions={<a className="btn btn-secondary" href="/api/admin/receivables/aging?format=xlsx" data-testid="aging-xlsx" download>{t('payments.bo.agingXlsx')}</a>}
      />
      <Section title={t('payments.bo.toConfirm')}>
        <DataTable columns={paymentCols} rows={overview.data?.paymentsToConfirm ?? []} rowKey={(p) => p.id} loading={overview.loading} error={overview.error} onRetry={overview.reload} empty={t('payments.bo.nothingToConfirm')} testId="payments-to-confirm" />
      </Section>
      <Section title={t('payments.bo.approvals')} description={t('payments.bo.approvalsHelp')}>
        <DataTable columns={approvalCols} rows={approvals.data?.items ?? []} rowKey={(a) => a.id} loading={approvals.loading} error={approvals.error} onRetry={approvals.reload} empty={t('payments.bo.noApprovals')} testId="approvals" />
      </Section>
      <Section title={t('payments.bo.lcExpiring')}>
        <DataTable columns={lcCols} rows={lcs.data?.items ?? []} rowKey={(l) => l.id} loading={lcs.loading} error={lcs.error} onRetry={lcs.reload} empty={t('payments.bo.noLcs')} testId="lcs-expiring" />
      </Section>
      <Section title={t('payments.bo.overdue')}>
        <DataTable columns={invoiceCols} rows={overview.data?.overdueInvoices ?? []} rowKey={(i) => i.id} loading={overview.loading} empty={t('payments.bo.noOverdue')} testId="overdue-invoices" />
      </Section>
      <Section title={t('payments.bo.frozen')}>
        <ul data-testid="frozen-customers">
          {(overview.data?.frozenCustomers ?? []).map((f) => (
            <li key={f.customerId}>
              <Link to={`/finance/customers/${f.customerId}`}>{f.customerId}</Link>{' '}
              <Badge tone={f.frozen ? 'red' : 'amber'}>{t(f.frozen ? 'payments.bo.isFrozen' : 'payments.bo.isOverridden')}</Badge>{' '}
              {f.overdue.map((o) => `${o.number} (${t('payments.bo.daysLate', { days: o.daysOverdue })})`).join(', ')}
            </li>
          ))}
          {!overview.data?.frozenCustomers.length && <li className="muted">{t('payments.bo.noFrozen')}</li>}
        </ul>
      </Section>
      {confirming && <ConfirmDialog payment={confirming} onClose={() => setConfirming(null)} onDone={async () => { setConfirming(null); await reload(); }} />}
    </>
  );
}

function ConfirmDialog({ payment, onClose, onDone }: { payment: Payment; onClose: () => void; onDone: () => Promise<void> }) {
  const { t, locale } = useI18n();
  const exp = exponentOf(payment.currency);
  const [amount, setAmount] = useState((payment.amount / 10 ** exp).toFixed(exp));
  const [valueDate, setValueDate] = useState(payment.valueDate ?? new Date().toISOString().slice(0, 10));
  const [bankRef, setBankRef] = useState(payment.providerRef);
  const { error, setError, busy, run } = useDialogSubmit(onDone);
  const submit = async () => {
    const minor = toMinor(amount, payment.currency);
    if (minor === null || minor <= 0) return setError(t('payments.bo.badAmount', { currency: payment.currency }));
    await run(async () => {
      await financeApi.confirm(payment.id, { amount: minor, valueDate, bankReference: bankRef || undefined });
      return t('payments.bo.confirmed');
    });
  };
  return (
    <Dialog open title={t('payments.bo.confirmTitle', { reference: payment.providerRef })} onClose={onClose}
      footer={<><Button onClick={onClose}>{t('payments.bo.cancel')}</Button> <Button variant="primary" busy={busy} data-testid="confirm-submit" onClick={() => void submit()}>{t('payments.bo.confirm')}</Button></>}>
      <p>{t('payments.bo.confirmHelp', { claimed: formatMinor(payment.amount, payment.currency, locale) })}</p>
      <TextField label={t('payments.bo.amountReceived', { currency: payment.currency })} value={amount} onChange={setAmount} inputMode="decimal" name="amount" />
      <TextField label={t('payments.bo.valueDate')} value={valueDate} onChange={setValueDate} type="date" name="valueDate" />
      <TextField label={t('payments.bo.bankReference')} value={bankRef} onChange={setBankRef} name="bankReference" />
      <FormError message={error} />
    </Dialog>
  );
}
