import { useState } from 'react';
import { useI18n } from '../../core/i18n.js';
import { useCursorPages, useResource } from '../../core/hooks.js';
import { api, type Page } from '../../core/api.js';
import { formatDateTime } from '../../../../shared/format.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { PageHeader } from '../../ui/page-header.js';
import { Badge, type Tone } from '../../ui/badge.js';
import { Alert, Kv, Spinner } from '../../ui/misc.js';
import { Dialog } from '../../ui/dialog.js';
import { SelectField, TextField } from '../../ui/form.js';

export interface OutboxMessage {
  id: string;
  to: string[] | string;
  from?: string;
  subject: string;
  tag: string | null;
  locale?: string | null;
  /** queued | sent | outbox | failed */
  status: string;
  attempts?: number;
  lastError?: string | null;
  createdAt: string;
  sentAt?: string | null;
  text?: string | null;
  attachments?: { filename: string; contentType: string }[];
}

const STATUSES = ['queued', 'sent', 'outbox', 'failed'];
const TONE: Record<string, Tone> = { queued: 'neutral', sent: 'green', outbox: 'blue', failed: 'red' };
const recipients = (to: string[] | string) => (Array.isArray(to) ? to.join(', ') : to);

/** Every email the system sent or kept (without SMTP settings), with a rendered preview. */
export default function OutboxPage() {
  const { t, locale } = useI18n();
  const [status, setStatus] = useState('');
  const [tag, setTag] = useState('');
  const [tagApplied, setTagApplied] = useState('');
  const [open, setOpen] = useState<OutboxMessage | null>(null);
  const pages = useCursorPages((cursor) => api.get<Page<OutboxMessage>>('/api/admin/outbox', { status, tag: tagApplied, cursor }), [status, tagApplied]);

  const columns: Column<OutboxMessage>[] = [
    { key: 'to', header: t('backoffice.outbox.to'), render: (m) => <span className="truncate" style={{ maxWidth: 220 }}>{recipients(m.to)}</span> },
    { key: 'subject', header: t('backoffice.outbox.subject'), render: (m) => <span className="truncate">{m.subject}</span> },
    { key: 'tag', header: t('backoffice.outbox.tag'), render: (m) => (m.tag ? <code>{m.tag}</code> : <span className="muted">—</span>) },
    { key: 'status', header: t('backoffice.common.status'), render: (m) => <Badge tone={TONE[m.status] ?? 'neutral'}>{t(`backoffice.outbox.status.${m.status}`)}</Badge> },
    { key: 'at', header: t('backoffice.outbox.time'), className: 'nowrap', render: (m) => formatDateTime(m.sentAt ?? m.createdAt, locale) },
  ];

  return (
    <>
      <PageHeader title={t('backoffice.outbox.title')} subtitle={t('backoffice.outbox.subtitle')} />
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setTagApplied(tag.trim());
        }}
      >
        <SelectField
          label={t('backoffice.common.status')}
          value={status}
          onChange={setStatus}
          options={[{ value: '', label: t('backoffice.common.all') }, ...STATUSES.map((s) => ({ value: s, label: t(`backoffice.outbox.status.${s}`) }))]}
        />
        <TextField label={t('backoffice.outbox.tag')} value={tag} onChange={setTag} placeholder="staff.invite" />
      </form>
      <DataTable
        columns={[
          ...columns,
          {
            key: 'open',
            header: '',
            className: 'cell-actions',
            render: (m) => (
              <button type="button" className="btn btn-sm" onClick={() => setOpen(m)}>
                {t('backoffice.outbox.preview')}
              </button>
            ),
          },
        ]}
        rows={pages.items}
        rowKey={(m) => m.id}
        loading={pages.loading}
        error={pages.error}
        onRetry={pages.reload}
        pager={pages}
        empty={t('backoffice.outbox.empty')}
        testId="outbox-table"
      />
      <PreviewDialog message={open} onClose={() => setOpen(null)} />
    </>
  );
}

function PreviewDialog({ message, onClose }: { message: OutboxMessage | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const detail = useResource(async () => (message ? api.get<OutboxMessage>(`/api/admin/outbox/${encodeURIComponent(message.id)}`) : undefined), [message?.id]);
  const m = detail.data ?? message;
  return (
    <Dialog open={!!message} title={message?.subject ?? ''} onClose={onClose} wide>
      {!m ? (
        <Spinner />
      ) : (
        <div className="stack">
          <Kv
            items={[
              [t('backoffice.outbox.from'), m.from ?? '—'],
              [t('backoffice.outbox.to'), recipients(m.to)],
              [t('backoffice.outbox.time'), formatDateTime(m.sentAt ?? m.createdAt, locale)],
              [t('backoffice.common.status'), <Badge tone={TONE[m.status] ?? 'neutral'}>{t(`backoffice.outbox.status.${m.status}`)}</Badge>],
              ...(m.attachments?.length ? [[t('backoffice.outbox.attachments'), m.attachments.map((a) => a.filename).join(', ')] as [string, string]] : []),
            ]}
          />
          {m.lastError ? <Alert tone="error">{m.lastError}</Alert> : null}
          {/* sandbox with no allowances: the mail's HTML can neither run script nor reach this page. */}
          <iframe className="preview-frame" title={t('backoffice.outbox.preview')} sandbox="" referrerPolicy="no-referrer" src={`/api/admin/outbox/${encodeURIComponent(m.id)}/html`} data-testid="outbox-preview" />
        </div>
      )}
    </Dialog>
  );
}
