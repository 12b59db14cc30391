import { useState, type FormEvent } from 'react';
import { useI18n } from '../../core/i18n.js';
import { useCursorPages } from '../../core/hooks.js';
import { api, type Page } from '../../core/api.js';
import { navigate, useLocation } from '../../core/router.js';
import { formatDateTime } from '../../../../shared/format.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { PageHeader } from '../../ui/page-header.js';
import { Badge } from '../../ui/badge.js';
import { Button, Kv } from '../../ui/misc.js';
import { TextField } from '../../ui/form.js';

export interface AuditEntry {
  id: string;
  at: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  ip: string | null;
  requestId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  details: Record<string, unknown>;
}

const FILTERS = ['actor', 'action', 'entityType', 'entityId', 'from', 'to'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

/** A date input's day as an instant: the start of `from`'s day, the end of `to`'s, in local time. */
function dayBound(day: string, end: boolean): string | undefined {
  if (!day) return undefined;
  const d = new Date(`${day}T00:00:00`);
  if (Number.isNaN(d.getTime())) return undefined;
  if (end) {
    d.setDate(d.getDate() + 1);
    d.setMilliseconds(-1);
  }
  return d.toISOString();
}

/**
 * Who did what, when and from where. Filters live in the URL so other screens can link to the
 * history of one entity (/audit?entityType=staff&entityId=stf_...).
 */
export default function AuditPage() {
  const { t, locale } = useI18n();
  const { search } = useLocation();
  const applied = Object.fromEntries(FILTERS.map((f) => [f, search.get(f) ?? ''])) as Filters;
  const [draft, setDraft] = useState<Filters>(applied);
  const pages = useCursorPages(
    (cursor) =>
      api.get<Page<AuditEntry>>('/api/admin/audit', {
        actor: applied.actor,
        action: applied.action,
        entityType: applied.entityType,
        entityId: applied.entityId,
        from: dayBound(applied.from, false),
        to: dayBound(applied.to, true),
        cursor,
        limit: 50,
      }),
    [search.toString()],
  );

  const apply = (f: Filters) => {
    const qs = new URLSearchParams();
    for (const k of FILTERS) if (f[k].trim()) qs.set(k, f[k].trim());
    navigate(`/audit${qs.toString() ? `?${qs}` : ''}`, { replace: true });
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    apply(draft);
  };
  const set = (k: keyof Filters) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));

  const columns: Column<AuditEntry>[] = [
    { key: 'at', header: t('backoffice.audit.when'), className: 'nowrap', render: (r) => <span title={r.at}>{formatDateTime(r.at, locale)}</span> },
    {
      key: 'actor',
      header: t('backoffice.audit.actor'),
      render: (r) => (
        <>
          {r.actorLabel} <Badge tone={r.actorType === 'staff' ? 'blue' : r.actorType === 'apikey' ? 'violet' : 'neutral'}>{t(`backoffice.audit.actorType.${r.actorType}`)}</Badge>
        </>
      ),
    },
    { key: 'action', header: t('backoffice.audit.action'), render: (r) => <code>{r.action}</code> },
    {
      key: 'entity',
      header: t('backoffice.audit.entity'),
      render: (r) => (r.entityType ? <span className="mono">{r.entityType}{r.entityId ? ` · ${r.entityId}` : ''}</span> : <span className="muted">—</span>),
    },
    { key: 'ip', header: t('backoffice.audit.ip'), render: (r) => <span className="mono">{r.ip ?? '—'}</span> },
  ];

  return (
    <>
      <PageHeader title={t('backoffice.audit.title')} subtitle={t('backoffice.audit.subtitle')} />
      <form className="filters" onSubmit={onSubmit} data-testid="audit-filters">
        <TextField label={t('backoffice.audit.actor')} value={draft.actor} onChange={set('actor')} placeholder={t('backoffice.audit.actorPlaceholder')} />
        <TextField label={t('backoffice.audit.action')} value={draft.action} onChange={set('action')} placeholder="staff.created" />
        <TextField label={t('backoffice.audit.entityType')} value={draft.entityType} onChange={set('entityType')} placeholder="staff" />
        <TextField label={t('backoffice.audit.entityId')} value={draft.entityId} onChange={set('entityId')} />
        <TextField label={t('backoffice.common.from')} type="date" value={draft.from} onChange={set('from')} />
        <TextField label={t('backoffice.common.to')} type="date" value={draft.to} onChange={set('to')} />
        <div className="row">
          <Button type="submit" variant="primary">
            {t('backoffice.common.apply')}
          </Button>
          <Button
            onClick={() => {
              const empty = Object.fromEntries(FILTERS.map((f) => [f, ''])) as Filters;
              setDraft(empty);
              apply(empty);
            }}
          >
            {t('backoffice.common.reset')}
          </Button>
        </div>
      </form>
      <DataTable
        columns={columns}
        rows={pages.items}
        rowKey={(r) => r.id}
        loading={pages.loading}
        error={pages.error}
        onRetry={pages.reload}
        empty={t('backoffice.audit.empty')}
        pager={pages}
        testId="audit-table"
        expand={(r) => (
          <div className="stack">
            <Kv
              items={[
                [t('backoffice.audit.when'), r.at],
                [t('backoffice.audit.actorId'), <span className="mono">{r.actorId ?? '—'}</span>],
                [t('backoffice.audit.requestId'), <span className="mono">{r.requestId ?? '—'}</span>],
              ]}
            />
            <pre>{JSON.stringify(r.details ?? {}, null, 2)}</pre>
          </div>
        )}
      />
    </>
  );
}
