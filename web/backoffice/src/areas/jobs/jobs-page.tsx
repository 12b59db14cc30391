import { useState } from 'react';
import { useI18n } from '../../core/i18n.js';
import { useResource } from '../../core/hooks.js';
import { api } from '../../core/api.js';
import { useSession } from '../../core/session.js';
import { formatDateTime, formatNumber } from '../../../../shared/format.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { PageHeader } from '../../ui/page-header.js';
import { Badge, type Tone } from '../../ui/badge.js';
import { Button, Kv } from '../../ui/misc.js';
import { errorText, TextField } from '../../ui/form.js';
import { useToast } from '../../ui/toast.js';

/** pg-boss states, in the order a person looks for trouble. */
const STATES = ['failed', 'retry', 'active', 'created', 'completed', 'cancelled'] as const;
const TONE: Record<string, Tone> = { failed: 'red', retry: 'amber', active: 'blue', created: 'neutral', completed: 'green', cancelled: 'neutral' };

export interface Job {
  id: string;
  name: string;
  state: string;
  data?: unknown;
  /** Error text of a failed job (the server flattens pg-boss' output). */
  error?: string | null;
  output?: unknown;
  retryCount?: number;
  retryLimit?: number;
  createdOn?: string;
  createdAt?: string;
  startedOn?: string | null;
  completedOn?: string | null;
}

interface JobsReply {
  counts: Record<string, number> | { state: string; count: number }[];
  items: Job[];
}

function countsOf(c: JobsReply['counts'] | undefined): Record<string, number> {
  if (!c) return {};
  if (Array.isArray(c)) return Object.fromEntries(c.map((x) => [x.state, Number(x.count)]));
  return c;
}

export function jobError(j: Job): string | undefined {
  if (j.error) return j.error;
  const o = j.output as { message?: string; stack?: string } | string | null | undefined;
  if (!o) return undefined;
  if (typeof o === 'string') return o;
  return o.message ?? (Object.keys(o).length ? JSON.stringify(o) : undefined);
}

export default function JobsPage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const toast = useToast();
  const [state, setState] = useState<string>('failed');
  const [name, setName] = useState('');
  const [nameApplied, setNameApplied] = useState('');
  const res = useResource(() => api.get<JobsReply>('/api/admin/jobs', { state, name: nameApplied }), [state, nameApplied]);
  const counts = countsOf(res.data?.counts);
  const [retrying, setRetrying] = useState<string | null>(null);

  const retry = async (j: Job) => {
    setRetrying(j.id);
    try {
      await api.post(`/api/admin/jobs/${encodeURIComponent(j.name)}/${encodeURIComponent(j.id)}/retry`, {});
      toast.success(t('backoffice.jobs.retried', { name: j.name }));
      await res.reload();
    } catch (e) {
      toast.error(errorText(e, t));
    } finally {
      setRetrying(null);
    }
  };

  const columns: Column<Job>[] = [
    { key: 'name', header: t('backoffice.jobs.name'), render: (j) => <code>{j.name}</code> },
    { key: 'state', header: t('backoffice.common.status'), render: (j) => <Badge tone={TONE[j.state] ?? 'neutral'}>{t(`backoffice.jobs.state.${j.state}`)}</Badge> },
    { key: 'attempts', header: t('backoffice.jobs.attempts'), align: 'right', render: (j) => (j.retryCount !== undefined ? `${j.retryCount}${j.retryLimit !== undefined ? ` / ${j.retryLimit}` : ''}` : '') },
    { key: 'created', header: t('backoffice.common.created'), className: 'nowrap', render: (j) => formatDateTime(j.createdOn ?? j.createdAt, locale) },
    {
      key: 'error',
      header: t('backoffice.jobs.error'),
      render: (j) => {
        const e = jobError(j);
        return e ? <span className="truncate" style={{ color: 'var(--danger)' }} title={e}>{e}</span> : <span className="muted">—</span>;
      },
    },
    {
      key: 'actions',
      header: '',
      className: 'cell-actions',
      render: (j) =>
        can('jobs:manage') && (j.state === 'failed' || j.state === 'cancelled') ? (
          <Button
            size="sm"
            icon="refresh"
            busy={retrying === j.id}
            onClick={(e) => {
              e.stopPropagation();
              void retry(j);
            }}
          >
            {t('backoffice.common.retry')}
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('backoffice.jobs.title')}
        subtitle={t('backoffice.jobs.subtitle')}
        actions={
          <Button icon="refresh" onClick={() => void res.reload()}>
            {t('backoffice.common.refresh')}
          </Button>
        }
      />
      <div className="row" style={{ marginBottom: 12 }}>
        {STATES.map((s) => (
          <button key={s} type="button" className={`stat${state === s ? ' active' : ''}`} onClick={() => setState(s)} data-testid={`jobs-state-${s}`}>
            <div className="stat-label">{t(`backoffice.jobs.state.${s}`)}</div>
            <div className="stat-value">{formatNumber(counts[s] ?? 0, locale)}</div>
          </button>
        ))}
      </div>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setNameApplied(name.trim());
        }}
      >
        <TextField label={t('backoffice.jobs.name')} value={name} onChange={setName} placeholder="mail.send" />
        <Button type="submit">{t('backoffice.common.apply')}</Button>
      </form>
      <DataTable
        columns={columns}
        rows={res.data?.items ?? []}
        rowKey={(j) => j.id}
        loading={res.loading}
        error={res.error}
        onRetry={res.reload}
        empty={t('backoffice.jobs.empty', { state: t(`backoffice.jobs.state.${state}`) })}
        testId="jobs-table"
        expand={(j) => (
          <div className="stack">
            <Kv
              items={[
                ['id', <span className="mono">{j.id}</span>],
                [t('backoffice.jobs.started'), formatDateTime(j.startedOn, locale) || '—'],
                [t('backoffice.jobs.finished'), formatDateTime(j.completedOn, locale) || '—'],
              ]}
            />
            {jobError(j) ? <pre style={{ color: 'var(--danger)' }}>{jobError(j)}</pre> : null}
            <pre>{JSON.stringify(j.data ?? {}, null, 2)}</pre>
          </div>
        )}
      />
    </>
  );
}
