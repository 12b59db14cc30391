import { useState } from 'react';
import { api } from '../../core/api.js';
import { useResource } from '../../core/hooks.js';
import { useI18n } from '../../core/i18n.js';
import { DataTable } from '../../ui/data-table.js';
import { ConfirmDialog, Dialog } from '../../ui/dialog.js';
import { FormError, SelectField, TextAreaField, TextField, useForm } from '../../ui/form.js';
import { Section } from '../../ui/page-header.js';
import { Button } from '../../ui/misc.js';
import { useToast } from '../../ui/toast.js';

interface DutyRate {
  id: string;
  country: string;
  hsPrefix: string;
  rate: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  note: string | null;
  source: string;
}
type Draft = { country: string; hsPrefix: string; rate: string; effectiveFrom: string; effectiveTo: string; note: string };
const EMPTY: Draft = { country: '', hsPrefix: '', rate: '', effectiveFrom: '', effectiveTo: '', note: '' };

const formatHs = (c: string) => (c.length <= 4 ? c : [c.slice(0, 4), c.slice(4, 6), c.slice(6, 8), c.slice(8)].filter(Boolean).join('.'));

/** Duty rates by destination and HS prefix: list, add, edit, remove and CSV import. */
export function DutyRatesSection({ canWrite }: { canWrite: boolean }) {
  const { t } = useI18n();
  const toast = useToast();
  const [filter, setFilter] = useState({ country: '', hs: '' });
  const res = useResource(() => api.get<{ items: DutyRate[] }>('/api/admin/customs/duty-rates', { country: filter.country || undefined, hs: filter.hs || undefined, limit: 1000 }), [filter.country, filter.hs]);
  const [editing, setEditing] = useState<{ id?: string; draft: Draft } | undefined>();
  const [deleting, setDeleting] = useState<DutyRate | undefined>();
  const [importing, setImporting] = useState<{ csv: string; fileName: string; mode: 'merge' | 'replace' } | undefined>();
  const form = useForm(['country', 'hsPrefix', 'rate', 'effectiveFrom', 'effectiveTo', 'note']);
  const importForm = useForm([]);

  const save = form.submit(async () => {
    const d = editing!.draft;
    const body = { country: d.country, hsPrefix: d.hsPrefix, rate: d.rate.replace(',', '.'), effectiveFrom: d.effectiveFrom || null, effectiveTo: d.effectiveTo || null, note: d.note || null };
    if (editing!.id) await api.put(`/api/admin/customs/duty-rates/${editing!.id}`, body);
    else await api.post('/api/admin/customs/duty-rates', body);
    setEditing(undefined);
    toast.success(t('tax.admin.dutySaved'));
    void res.reload();
  });
  const runImport = importForm.submit(async () => {
    const r = await api.post<{ rows: number; countries: string[]; replaced: number }>('/api/admin/customs/duty-rates/import', importing);
    setImporting(undefined);
    toast.success(t('tax.admin.dutyImported', { rows: r.rows, countries: r.countries.join(', ') }));
    void res.reload();
  });
  const set = (k: keyof Draft) => (v: string) => setEditing((e) => e && { ...e, draft: { ...e.draft, [k]: v } });

  return (
    <Section
      title={t('tax.admin.dutyTitle')}
      description={t('tax.admin.dutyHelp')}
      actions={canWrite ? (
        <>
          <label className="btn btn-sm">
            {t('tax.admin.importCsv')}
            <input type="file" accept=".csv,text/csv" hidden data-testid="duty-csv" onChange={async (e) => {
              const f = e.target.files?.[0];
              if (f) setImporting({ csv: await f.text(), fileName: f.name, mode: 'merge' });
              e.target.value = '';
            }} />
          </label>
          <Button size="sm" icon="plus" variant="primary" onClick={() => { form.reset(); setEditing({ draft: EMPTY }); }}>{t('tax.admin.addDutyRate')}</Button>
        </>
      ) : undefined}
    >
      <div className="filters">
        <TextField label={t('tax.admin.country')} value={filter.country} onChange={(v) => setFilter((f) => ({ ...f, country: v.toUpperCase() }))} maxLength={2} />
        <TextField label={t('tax.admin.hsCode')} value={filter.hs} onChange={(v) => setFilter((f) => ({ ...f, hs: v }))} placeholder="8539.52" />
      </div>
      <DataTable
        testId="duty-rates"
        rows={res.data?.items ?? []}
        rowKey={(r) => r.id}
        loading={res.loading}
        error={res.error}
        onRetry={res.reload}
        empty={t('tax.admin.noDutyRates')}
        columns={[
          { key: 'country', header: t('tax.admin.country'), render: (r) => r.country },
          { key: 'hs', header: t('tax.admin.hsCode'), render: (r) => <span className="mono">{formatHs(r.hsPrefix)}</span> },
          { key: 'rate', header: t('tax.admin.ratePercent'), render: (r) => `${r.rate} %`, align: 'right' },
          { key: 'from', header: t('tax.admin.since'), render: (r) => r.effectiveFrom ?? '—' },
          { key: 'to', header: t('tax.admin.until'), render: (r) => r.effectiveTo ?? '—' },
          { key: 'note', header: t('tax.admin.note'), render: (r) => <span className="truncate">{r.note ?? ''}</span> },
          { key: 'source', header: t('tax.admin.rateSource'), render: (r) => r.source },
          {
            key: 'actions', header: '', align: 'right',
            render: (r) => canWrite ? (
              <span className="row">
                <Button size="sm" variant="ghost" onClick={() => { form.reset(); setEditing({ id: r.id, draft: { country: r.country, hsPrefix: r.hsPrefix, rate: r.rate, effectiveFrom: r.effectiveFrom ?? '', effectiveTo: r.effectiveTo ?? '', note: r.note ?? '' } }); }}>{t('tax.admin.edit')}</Button>
                <Button size="sm" variant="ghost" icon="x" onClick={() => setDeleting(r)}>{t('tax.admin.remove')}</Button>
              </span>
            ) : null,
          },
        ]}
      />
      <Dialog
        open={!!editing}
        title={editing?.id ? t('tax.admin.editDutyRate') : t('tax.admin.addDutyRate')}
        onClose={() => setEditing(undefined)}
        footer={<Button variant="primary" busy={form.busy} onClick={() => void save()}>{t('backoffice.common.save')}</Button>}
      >
        {editing ? (
          <form onSubmit={save} className="stack" data-testid="duty-rate-form">
            <FormError message={form.formError} />
            <div className="grid-3">
              <TextField label={t('tax.admin.destination')} value={editing.draft.country} onChange={set('country')} error={form.error('country')} hint={t('tax.admin.destinationHelp')} />
              <TextField label={t('tax.admin.hsCode')} value={editing.draft.hsPrefix} onChange={set('hsPrefix')} error={form.error('hsPrefix')} hint={t('tax.admin.hsHelp')} />
              <TextField label={t('tax.admin.ratePercent')} value={editing.draft.rate} onChange={set('rate')} error={form.error('rate')} />
              <TextField label={t('tax.admin.since')} type="date" value={editing.draft.effectiveFrom} onChange={set('effectiveFrom')} error={form.error('effectiveFrom')} />
              <TextField label={t('tax.admin.until')} type="date" value={editing.draft.effectiveTo} onChange={set('effectiveTo')} error={form.error('effectiveTo')} />
              <TextField label={t('tax.admin.note')} value={editing.draft.note} onChange={set('note')} />
            </div>
          </form>
        ) : null}
      </Dialog>
      <Dialog
        open={!!importing}
        title={t('tax.admin.importCsv')}
        onClose={() => setImporting(undefined)}
        wide
        footer={<Button variant="primary" busy={importForm.busy} onClick={() => void runImport()}>{t('tax.admin.import')}</Button>}
      >
        {importing ? (
          <div className="stack">
            <FormError message={importForm.formError} />
            {importForm.lastError?.problem.errors?.length ? (
              <ul className="field-error" data-testid="import-errors">
                {importForm.lastError.problem.errors.slice(0, 20).map((e, i) => <li key={i}>{`${e.field}: ${e.message}`}</li>)}
              </ul>
            ) : null}
            <p className="muted">{t('tax.admin.csvFormat')}</p>
            <TextAreaField label={importing.fileName} rows={8} value={importing.csv} onChange={(csv) => setImporting((x) => x && { ...x, csv })} spellCheck={false} />
            <SelectField
              label={t('tax.admin.importMode')}
              value={importing.mode}
              onChange={(mode) => setImporting((x) => x && { ...x, mode: mode as 'merge' | 'replace' })}
              options={[{ value: 'merge', label: t('tax.admin.modeMerge') }, { value: 'replace', label: t('tax.admin.modeReplace') }]}
            />
          </div>
        ) : null}
      </Dialog>
      <ConfirmDialog
        open={!!deleting}
        title={t('tax.admin.removeDutyRate')}
        message={deleting ? t('tax.admin.removeDutyRateConfirm', { country: deleting.country, hs: formatHs(deleting.hsPrefix) }) : ''}
        confirmLabel={t('tax.admin.remove')}
        onClose={() => setDeleting(undefined)}
        onConfirm={async () => {
          await api.del(`/api/admin/customs/duty-rates/${deleting!.id}`);
          setDeleting(undefined);
          void res.reload();
        }}
      />
    </Section>
  );
}
