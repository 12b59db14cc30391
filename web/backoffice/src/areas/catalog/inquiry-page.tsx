import { useState } from 'react';
import { useI18n } from '../../core/i18n.js';
import { useResource } from '../../core/hooks.js';
import { useSession } from '../../core/session.js';
import { Link, type Params } from '../../core/router.js';
import { formatDate } from '../../../../shared/format.js';
import { PageHeader, Section } from '../../ui/page-header.js';
import { Badge } from '../../ui/badge.js';
import { Alert, Button, Kv, Spinner } from '../../ui/misc.js';
import { errorText, FormError, SelectField, TextAreaField, TextField, useForm } from '../../ui/form.js';
import { useToast } from '../../ui/toast.js';
import { catalogApi, itemsOfStaff } from './inquiry-api.js';
import { STATUS_TONE } from './inquiries-page.js';

const NEXT: Record<string, string[]> = { new: ['replied', 'quoted', 'lost'], replied: ['quoted', 'won', 'lost'], quoted: ['won', 'lost'], won: ['replied'], lost: ['replied'] };

/** One inquiry: the buyer's message and lines, reply by email, status, assignment, history. */
export default function InquiryPage({ params }: { params: Params }) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const { can, session } = useSession();
  const id = params.id!;
  const inq = useResource(() => catalogApi.inquiry(id), [id]);
  // People without staff:read (sales reps) cannot list colleagues: they can still take an inquiry themselves.
  const staff = useResource(async () => {
    const list = itemsOfStaff(await catalogApi.staff().catch(() => []));
    const me = session?.staff;
    return me && !list.some((s) => s.id === me.id) ? [...list, { id: me.id, name: me.name, email: me.email, role: me.role, status: 'active' }] : list;
  }, [session?.staff?.id]);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [quote, setQuote] = useState(false);
  const [note, setNote] = useState('');
  const form = useForm(['body', 'subject']);
  if (inq.error) return <Alert tone="error">{errorText(inq.error, t)}</Alert>;
  if (!inq.data) return <Spinner />;
  const i = inq.data;
  const write = can('inquiries:write');
  const update = async (change: { status?: string; assignedTo?: string | null; note?: string }) => {
    try {
      inq.setData(await catalogApi.updateInquiry(id, change));
      toast.success(t('catalog.admin.common.saved'));
    } catch (e) {
      toast.error(errorText(e, t));
    }
  };
  const reply = form.submit(async () => {
    inq.setData(await catalogApi.replyInquiry(id, { subject: subject || undefined, body, quote }));
    setBody('');
    setSubject('');
    toast.success(t('catalog.admin.inquiries.replySent'));
  });
  return (
    <>
      <PageHeader title={`${i.company} — ${i.name}`} subtitle={<Badge tone={STATUS_TONE[i.status]}>{t(`catalog.admin.inquiryStatus.${i.status}`)}</Badge>}
        actions={write ? (NEXT[i.status] ?? []).map((s) => <Button key={s} size="sm" onClick={() => void update({ status: s })} data-testid={`to-${s}`}>{t(`catalog.admin.inquiries.markAs`, { status: t(`catalog.admin.inquiryStatus.${s}`) })}</Button>) : null} />
      <div className="grid-2">
        <Section title={t('catalog.admin.inquiries.buyer')}>
          <Kv items={[
            [t('catalog.admin.inquiries.email'), <a href={`mailto:${i.email}`}>{i.email}</a>],
            [t('catalog.admin.content.country'), i.country],
            [t('catalog.admin.import.language'), i.locale],
            [t('catalog.admin.inquiries.phone'), i.phone ?? '—'],
            [t('catalog.admin.inquiries.customer'), i.customerId ? <Link to={`/customers/${i.customerId}`} data-testid="inquiry-customer">{t('catalog.admin.inquiries.openCustomer')}</Link> : t('catalog.admin.inquiries.noCustomer')],
            [t('catalog.admin.inquiries.received'), formatDate(i.createdAt, locale)],
          ]} />
          <blockquote data-testid="inquiry-message" style={{ whiteSpace: 'pre-wrap' }}>{i.message}</blockquote>
          {i.lines?.length ? <table className="table"><tbody>{i.lines.map((l) => <tr key={l.id}><td>{l.productName}</td><td className="mono">{l.sku}</td><td>× {l.quantity}</td></tr>)}</tbody></table> : null}
        </Section>
        <Section title={t('catalog.admin.inquiries.assign')}>
          <SelectField label={t('catalog.admin.inquiries.salesRep')} value={i.assignedTo ?? ''} disabled={!write} onChange={(v) => void update({ assignedTo: v || null })}
            options={[{ value: '', label: t('catalog.admin.inquiries.unassigned') }, ...(staff.data ?? []).filter((s) => s.status === 'active').map((s) => ({ value: s.id, label: `${s.name} (${s.email})` }))]} />
          {write ? (
            <div className="stack">
              <TextAreaField label={t('catalog.admin.inquiries.note')} value={note} onChange={setNote} rows={2} />
              <Button size="sm" disabled={!note.trim()} onClick={() => { void update({ note }); setNote(''); }}>{t('catalog.admin.inquiries.addNote')}</Button>
            </div>
          ) : null}
        </Section>
      </div>
      {write ? (
        <Section title={t('catalog.admin.inquiries.reply')} description={t('catalog.admin.inquiries.replyHelp', { locale: i.locale })}>
          <form className="form" onSubmit={reply} data-testid="reply-form">
            <FormError message={form.formError} />
            <TextField label={t('catalog.admin.inquiries.subject')} value={subject} onChange={setSubject} error={form.error('subject')} />
            <TextAreaField label={t('catalog.admin.inquiries.replyBody')} value={body} onChange={setBody} rows={6} error={form.error('body')} dir={i.locale === 'ar' ? 'rtl' : undefined} />
            <label className="row"><input type="checkbox" checked={quote} onChange={(e) => setQuote(e.target.checked)} /> {t('catalog.admin.inquiries.isQuote')}</label>
            <div className="form-actions"><Button type="submit" variant="primary" busy={form.busy} disabled={!body.trim()}>{t('catalog.admin.inquiries.send')}</Button></div>
          </form>
        </Section>
      ) : null}
      <Section title={t('catalog.admin.inquiries.history')}>
        <ol data-testid="inquiry-history">{(i.events ?? []).map((e) => (
          <li key={e.id}><span className="muted">{formatDate(e.at, locale)}</span> · <strong>{t(`catalog.admin.inquiryEvent.${e.kind}`)}</strong> {e.toStatus ? `→ ${t(`catalog.admin.inquiryStatus.${e.toStatus}`)}` : ''} · {e.actorLabel}
            {e.body ? <div style={{ whiteSpace: 'pre-wrap' }}>{e.body}</div> : null}</li>
        ))}</ol>
      </Section>
    </>
  );
}
