import { useEffect, useState } from 'react';
import { useI18n } from '../../core/i18n.js';
import { useSession } from '../../core/session.js';
import { PageHeader, Section } from '../../ui/page-header.js';
import { FormError, TextAreaField, TextField, errorText } from '../../ui/form.js';
import { Alert, Button } from '../../ui/misc.js';
import { bulkApi, type BulkView } from './api.js';

function money(amount: number, currency: string, locale: string): string {
  const f = new Intl.NumberFormat(locale, { style: 'currency', currency });
  return f.format(amount / 10 ** (f.resolvedOptions().maximumFractionDigits ?? 2));
}

/**
 * A spreadsheet order that arrived by email, entered for the customer: upload the file (or paste
 * its cells), see the same row-level checks and per-ship-to preview the buyer would, fix cells,
 * confirm. The orders record the staff member who entered them.
 */
export default function BulkForPage({ params }: { params?: { customerId?: string } }) {
  const { t, locale } = useI18n();
  const { session } = useSession();
  const [customerId, setCustomerId] = useState(params?.customerId ?? '');
  const [text, setText] = useState('');
  const [view, setView] = useState<BulkView | null>(null);
  const [fixes, setFixes] = useState<Record<string, string>>({});
  const [accept, setAccept] = useState(false);
  const [again, setAgain] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const run = async (fn: () => Promise<BulkView>) => {
    setBusy(true);
    setError(undefined);
    try {
      setView(await fn());
      setFixes({});
    } catch (e) {
      setError(e instanceof Error && !('problem' in e) ? e.message : errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  // A running job (large file, placing orders): poll until it is done.
  useEffect(() => {
    if (!view || (view.status !== 'validating' && view.status !== 'applying')) return;
    const timer = setTimeout(() => void bulkApi.get(customerId, view.id).then(setView, () => undefined), 1000);
    return () => clearTimeout(timer);
  }, [view, customerId]);

  const errors = view?.issues.filter((i) => i.severity === 'error') ?? [];
  return (
    <>
      <PageHeader title={t('bulk.bo.title')} subtitle={t('bulk.bo.subtitle')} />
      <Section title={t('bulk.bo.customer')}>
        <div className="row" style={{ gap: 8, alignItems: 'flex-end' }}>
          <TextField label={t('bulk.bo.customerId')} value={customerId} onChange={setCustomerId} data-testid="bulk-for-customer" />
          {customerId && (
            <a className="btn btn-secondary" href={bulkApi.templateUrl(customerId, locale)} download>
              {t('bulk.bo.template')}
            </a>
          )}
        </div>
      </Section>
      {customerId && (
        <Section title={t('bulk.bo.enter')} description={t('bulk.bo.enterHint')}>
          <input type="file" accept=".xlsx,.csv" data-testid="bulk-for-file" disabled={busy} onChange={(e) => e.target.files?.[0] && void run(() => bulkApi.upload(customerId, e.target.files![0]!, session?.csrfToken))} />
          <TextAreaField label={t('bulk.bo.paste')} value={text} onChange={setText} rows={6} data-testid="bulk-for-text" />
          <Button variant="primary" busy={busy} disabled={!text.trim()} onClick={() => void run(() => bulkApi.pad(customerId, text))} data-testid="bulk-for-check">
            {t('bulk.bo.check')}
          </Button>
          <FormError message={error} />
        </Section>
      )}
      {view && (
        <Section title={t('bulk.bo.result', { status: t(`bulk.status.${view.status}`) })}>
          {(view.status === 'validating' || view.status === 'applying') && <progress max={view.progress.total || 1} value={view.progress.done} />}
          {view.issues.length > 0 && (
            <table className="table" data-testid="bulk-for-issues">
              <thead><tr><th>{t('bulk.page.row')}</th><th>{t('bulk.page.column')}</th><th>{t('bulk.page.whatToDo')}</th><th>{t('bulk.page.value')}</th></tr></thead>
              <tbody>
                {view.issues.map((i) => {
                  const k = `${i.rowNo}.${i.column}`;
                  return (
                    <tr key={`${k}.${i.code}`} data-severity={i.severity}>
                      <td>{i.rowNo}</td><td>{t(`bulk.col.${i.column}`)}</td><td>{i.message}</td>
                      <td>{i.severity === 'error' && view.status === 'ready' ? <input value={fixes[k] ?? i.suggestion ?? ''} onChange={(e) => setFixes((f) => ({ ...f, [k]: e.target.value }))} aria-label={k} /> : null}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {errors.length > 0 && view.status === 'ready' && (
            <Button busy={busy} onClick={() => void run(() => bulkApi.fix(customerId, view.id, errors.map((i) => ({ rowNo: i.rowNo, column: i.column, value: fixes[`${i.rowNo}.${i.column}`] ?? i.suggestion ?? '' }))))}>
              {t('bulk.page.applyFixes')}
            </Button>
          )}
          {view.preview && (
            <ul data-testid="bulk-for-groups">
              {view.preview.groups.map((g) => <li key={g.key}>{t('bulk.page.shipTo', { label: g.label })}: {g.lines.length} · {money(g.totals.grandTotal, view.currency, locale)}</li>)}
            </ul>
          )}
          {view.duplicateOf && view.status === 'ready' && <Alert tone="warning">{t('bulk.page.duplicate')}</Alert>}
          {view.status === 'ready' && (
            <div className="row" style={{ gap: 12, alignItems: 'center' }}>
              {view.issues.some((i) => i.code === 'backorder') && <label><input type="checkbox" checked={accept} onChange={(e) => setAccept(e.target.checked)} /> {t('bulk.page.acceptBackorders')}</label>}
              {view.duplicateOf && <label><input type="checkbox" checked={again} onChange={(e) => setAgain(e.target.checked)} /> {t('bulk.page.orderAgain')}</label>}
              <Button variant="primary" busy={busy} disabled={errors.length > 0} onClick={() => void run(() => bulkApi.confirm(customerId, view.id, { acceptBackorders: accept, orderAgain: again }))} data-testid="bulk-for-confirm">
                {t('bulk.page.confirm', { orders: view.preview?.groups.length ?? 0 })}
              </Button>
            </div>
          )}
          {view.shipments.length > 0 && (
            <ul data-testid="bulk-for-orders">
              {view.shipments.map((s) => <li key={s.id}>{s.label}: {s.orderId ? <a href={`/admin/orders/${s.orderId}`}>{s.orderNumber}</a> : t(`bulk.status.${s.status}`)} {s.error}</li>)}
            </ul>
          )}
        </Section>
      )}
    </>
  );
}
