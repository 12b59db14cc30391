import { useState } from 'react';
import { api } from '../../core/api.js';
import { useResource } from '../../core/hooks.js';
import { useI18n } from '../../core/i18n.js';
import { DataTable } from '../../ui/data-table.js';
import { Dialog } from '../../ui/dialog.js';
import { FormError, SelectField, TextField, useForm } from '../../ui/form.js';
import { Section } from '../../ui/page-header.js';
import { Button } from '../../ui/misc.js';
import { formatMinor, toMajor, toMinor } from './money.js';

interface Rule {
  country: string;
  dutyBasis: 'CIF' | 'FOB';
  importTaxBasis: 'CIF' | 'FOB';
  dutyDeMinimis: number | null;
  taxDeMinimis: number | null;
  currency: string;
  note: string | null;
}
type Draft = { country: string; dutyBasis: string; importTaxBasis: string; duty: string; tax: string; currency: string; note: string };

/** Customs value basis (CIF/FOB) and de minimis per destination. */
export function CustomsRulesSection({ canWrite }: { canWrite: boolean }) {
  const { t, locale } = useI18n();
  const res = useResource(() => api.get<{ items: Rule[] }>('/api/admin/customs/countries'), []);
  const [draft, setDraft] = useState<Draft | undefined>();
  const form = useForm(['dutyBasis', 'importTaxBasis', 'dutyDeMinimis', 'taxDeMinimis', 'currency']);
  const set = (k: keyof Draft) => (v: string) => setDraft((d) => d && { ...d, [k]: v });
  const open = (r?: Rule) => {
    form.reset();
    setDraft(r
      ? { country: r.country, dutyBasis: r.dutyBasis, importTaxBasis: r.importTaxBasis, duty: r.dutyDeMinimis === null ? '' : toMajor(r.dutyDeMinimis, r.currency), tax: r.taxDeMinimis === null ? '' : toMajor(r.taxDeMinimis, r.currency), currency: r.currency, note: r.note ?? '' }
      : { country: '', dutyBasis: 'CIF', importTaxBasis: 'CIF', duty: '', tax: '', currency: 'EUR', note: '' });
  };
  const save = form.submit(async () => {
    const d = draft!;
    const minor = (s: string, field: string) => {
      if (!s.trim()) return null;
      const m = toMinor(s, d.currency);
      if (m === undefined) {
        form.setFieldErrors({ [field]: t('tax.admin.badAmount') });
        throw new Error(t('tax.admin.badAmount'));
      }
      return m;
    };
    await api.put(`/api/admin/customs/countries/${d.country.toUpperCase()}`, {
      dutyBasis: d.dutyBasis, importTaxBasis: d.importTaxBasis, dutyDeMinimis: minor(d.duty, 'dutyDeMinimis'), taxDeMinimis: minor(d.tax, 'taxDeMinimis'), currency: d.currency.toUpperCase(), note: d.note || null,
    });
    setDraft(undefined);
    void res.reload();
  });
  const basis = [{ value: 'CIF', label: 'CIF' }, { value: 'FOB', label: 'FOB' }];
  const money = (v: number | null, c: string) => (v === null ? t('tax.admin.none') : formatMinor(v, c, locale));
  return (
    <Section
      title={t('tax.admin.rulesTitle')}
      description={t('tax.admin.rulesHelp')}
      actions={canWrite ? <Button size="sm" icon="plus" onClick={() => open()}>{t('tax.admin.addRule')}</Button> : undefined}
    >
      <DataTable
        testId="customs-rules"
        rows={res.data?.items ?? []}
        rowKey={(r) => r.country}
        loading={res.loading}
        error={res.error}
        onRetry={res.reload}
        columns={[
          { key: 'country', header: t('tax.admin.destination'), render: (r) => r.country },
          { key: 'duty', header: t('tax.admin.dutyBasis'), render: (r) => r.dutyBasis },
          { key: 'tax', header: t('tax.admin.importTaxBasis'), render: (r) => r.importTaxBasis },
          { key: 'dm', header: t('tax.admin.dutyDeMinimis'), render: (r) => money(r.dutyDeMinimis, r.currency), align: 'right' },
          { key: 'tm', header: t('tax.admin.taxDeMinimis'), render: (r) => money(r.taxDeMinimis, r.currency), align: 'right' },
          { key: 'note', header: t('tax.admin.note'), render: (r) => <span className="truncate">{r.note ?? ''}</span> },
          { key: 'edit', header: '', render: (r) => (canWrite ? <Button size="sm" variant="ghost" onClick={() => open(r)}>{t('tax.admin.edit')}</Button> : null) },
        ]}
      />
      <Dialog open={!!draft} title={t('tax.admin.rulesTitle')} onClose={() => setDraft(undefined)} footer={<Button variant="primary" busy={form.busy} onClick={() => void save()}>{t('backoffice.common.save')}</Button>}>
        {draft ? (
          <form onSubmit={save} className="stack">
            <FormError message={form.formError} />
            <div className="grid-3">
              <TextField label={t('tax.admin.destination')} value={draft.country} onChange={set('country')} maxLength={2} hint={t('tax.admin.destinationHelp')} />
              <SelectField label={t('tax.admin.dutyBasis')} value={draft.dutyBasis} onChange={set('dutyBasis')} options={basis} error={form.error('dutyBasis')} />
              <SelectField label={t('tax.admin.importTaxBasis')} value={draft.importTaxBasis} onChange={set('importTaxBasis')} options={basis} error={form.error('importTaxBasis')} />
              <TextField label={t('tax.admin.dutyDeMinimis')} value={draft.duty} onChange={set('duty')} error={form.error('dutyDeMinimis')} hint={t('tax.admin.emptyNone')} />
              <TextField label={t('tax.admin.taxDeMinimis')} value={draft.tax} onChange={set('tax')} error={form.error('taxDeMinimis')} hint={t('tax.admin.emptyNone')} />
              <TextField label={t('tax.admin.currency')} value={draft.currency} onChange={set('currency')} error={form.error('currency')} maxLength={3} />
            </div>
            <TextField label={t('tax.admin.note')} value={draft.note} onChange={set('note')} />
          </form>
        ) : null}
      </Dialog>
    </Section>
  );
}
