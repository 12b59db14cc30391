import { useState } from 'react';
import { useI18n } from '../../core/i18n.js';
import { useResource } from '../../core/hooks.js';
import { api } from '../../core/api.js';
import type { Params } from '../../core/router.js';
import { formatDateTime } from '../../../../shared/format.js';
import { PageHeader, Section } from '../../ui/page-header.js';
import { Badge } from '../../ui/badge.js';
import { Alert, Button, Kv, Spinner } from '../../ui/misc.js';
import { FormError, SelectField, TextAreaField, TextField, errorText } from '../../ui/form.js';
import { STATUS_TONE } from './kyc-queue-page.js';

interface Application {
  id: string;
  status: string;
  legalName: string;
  country: string;
  address: Record<string, string | null>;
  vatId: string | null;
  vatCheck: Record<string, unknown> | null;
  contact: { name: string; email: string; phone?: string | null };
  expectedVolume: string;
  volumeCurrency: string;
  proposedTier: string | null;
  infoRequest: string | null;
  infoResponse: string | null;
  decisionReason: string | null;
  submittedAt: string;
  events: { id: string; event: string; toStatus: string; actor: string; note: string | null; at: string }[];
}

/** One application: details, documents (for staff with customers:kyc), history and the decision. */
export default function KycApplicationPage({ params }: { params: Params }) {
  const { t, locale } = useI18n();
  const app = useResource(() => api.get<Application>(`/api/admin/kyc/applications/${params.id}`), [params.id]);
  const tiers = useResource(() => api.get<{ items: { code: string; name: string }[] }>('/api/admin/pricing/tiers'), []);
  const [event, setEvent] = useState('approve');
  const [tier, setTier] = useState('');
  const [terms, setTerms] = useState('30');
  const [limit, setLimit] = useState('10000');
  const [currency, setCurrency] = useState('EUR');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  if (app.loading && !app.data) return <Spinner />;
  if (app.error || !app.data) return <Alert tone="error">{errorText(app.error, t)}</Alert>;
  const a = app.data;
  const open = a.status === 'submitted' || a.status === 'info_requested';
  const decide = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const body =
        event === 'approve'
          ? { event, tier: tier || a.proposedTier || '', paymentTermsDays: Number(terms), creditLimit: { amount: limit, currency } }
          : event === 'reject' ? { event, reason: text } : { event, message: text };
      await api.post(`/api/admin/kyc/applications/${a.id}/decision`, body);
      await app.reload();
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <PageHeader title={a.legalName} subtitle={<Badge tone={STATUS_TONE[a.status] ?? 'neutral'}>{t(`customers.bo.status.${a.status}`)}</Badge>} />
      <Section title={t('customers.bo.details')}>
        <Kv
          items={[
            [t('customers.bo.country'), a.country],
            [t('customers.bo.address'), Object.values(a.address).filter(Boolean).join(', ')],
            [t('customers.bo.vat'), a.vatId ? `${a.vatId} ${a.vatCheck?.checked ? '✓' : ''}` : '—'],
            [t('customers.bo.contact'), `${a.contact.name} <${a.contact.email}>`],
            [t('customers.bo.volume'), `${a.expectedVolume} ${a.volumeCurrency}`],
            [t('customers.bo.proposedTier'), a.proposedTier ?? '—'],
            [t('customers.bo.submitted'), formatDateTime(a.submittedAt, locale)],
          ]}
        />
        <p>
          <a className="btn btn-sm" href={`/api/admin/kyc/applications/${a.id}/documents/licence`} target="_blank" rel="noreferrer">{t('customers.bo.licence')}</a>{' '}
          <a className="btn btn-sm" href={`/api/admin/kyc/applications/${a.id}/documents/taxRegistration`} target="_blank" rel="noreferrer">{t('customers.bo.taxRegistration')}</a>
        </p>
        {a.infoRequest && <Alert title={t('customers.bo.infoRequest')}>{a.infoRequest}</Alert>}
        {a.infoResponse && <Alert tone="success" title={t('customers.bo.infoResponse')}>{a.infoResponse}</Alert>}
      </Section>
      {open && (
        <Section title={t('customers.bo.decision')}>
          <SelectField label={t('customers.bo.action')} value={event} onChange={setEvent} options={['approve', 'request_info', 'reject'].map((e) => ({ value: e, label: t(`customers.bo.event.${e}`) }))} />
          {event === 'approve' ? (
            <>
              <SelectField label={t('customers.bo.tier')} value={tier || a.proposedTier || ''} onChange={setTier} options={(tiers.data?.items ?? []).map((x) => ({ value: x.code, label: x.name }))} />
              <TextField label={t('customers.bo.terms')} value={terms} onChange={setTerms} inputMode="numeric" />
              <TextField label={t('customers.bo.creditLimit')} value={limit} onChange={setLimit} inputMode="decimal" />
              <TextField label={t('customers.bo.currency')} value={currency} onChange={(v) => setCurrency(v.toUpperCase())} maxLength={3} />
            </>
          ) : (
            <TextAreaField label={t(event === 'reject' ? 'customers.bo.reason' : 'customers.bo.message')} value={text} onChange={setText} />
          )}
          <FormError message={error} />
          <Button variant="primary" busy={busy} onClick={() => void decide()}>{t(`customers.bo.event.${event}`)}</Button>
        </Section>
      )}
      <Section title={t('customers.bo.history')}>
        <ul>
          {a.events.map((e) => (
            <li key={e.id}>
              {formatDateTime(e.at, locale)} · {t(`customers.bo.status.${e.toStatus}`)} · {e.actor}{e.note ? ` · ${e.note}` : ''}
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
