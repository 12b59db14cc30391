import { useState } from 'react';
import { api } from '../../core/api.js';
import { useResource } from '../../core/hooks.js';
import { useI18n } from '../../core/i18n.js';
import { DataTable } from '../../ui/data-table.js';
import { TextField } from '../../ui/form.js';
import { Section } from '../../ui/page-header.js';
import { Badge } from '../../ui/badge.js';
import { Button } from '../../ui/misc.js';
import { useToast } from '../../ui/toast.js';

interface EuRates {
  date: string;
  source: { name: string; asOf: string };
  countries: Array<{ country: string; from: string; standard: string; reduced: string[]; exceptions: Array<{ name: string; standard: string }> }>;
}
interface UsRates {
  date: string;
  source: { name: string; asOf: string };
  states: Array<{ state: string; rate: string; source: string; collect: boolean }>;
}

const today = () => new Date().toISOString().slice(0, 10);

/** EU VAT rates on a chosen date, from the dated table in the project. */
export function EuRatesSection() {
  const { t } = useI18n();
  const [date, setDate] = useState(today());
  const res = useResource(() => api.get<EuRates>('/api/admin/tax/eu-rates', { date }), [date]);
  return (
    <Section title={t('tax.admin.euTitle')} description={res.data ? t('tax.admin.source', { name: res.data.source.name, asOf: res.data.source.asOf }) : undefined}>
      <div className="filters">
        <TextField label={t('tax.admin.onDate')} type="date" value={date} onChange={setDate} />
      </div>
      <DataTable
        testId="eu-rates"
        rows={res.data?.countries ?? []}
        rowKey={(r) => r.country}
        loading={res.loading}
        error={res.error}
        columns={[
          { key: 'country', header: t('tax.admin.country'), render: (r) => r.country },
          { key: 'standard', header: t('tax.admin.standardRate'), render: (r) => `${r.standard} %`, align: 'right' },
          { key: 'reduced', header: t('tax.admin.reducedRates'), render: (r) => r.reduced.map((x) => `${x} %`).join(', ') },
          { key: 'from', header: t('tax.admin.since'), render: (r) => (r.from === '0000-01-01' ? '—' : r.from) },
          { key: 'exceptions', header: t('tax.admin.exceptions'), render: (r) => r.exceptions.map((e) => `${e.name} ${e.standard} %`).join(' · ') },
        ]}
      />
    </Section>
  );
}

/** US state rates (built-in or imported from a Streamlined Sales Tax file) and the import. */
export function UsRatesSection({ canWrite }: { canWrite: boolean }) {
  const { t } = useI18n();
  const toast = useToast();
  const res = useResource(() => api.get<UsRates>('/api/admin/tax/us-rates'), []);
  const [busy, setBusy] = useState(false);
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      const r = await api.post<{ state: string; version: string }>('/api/admin/tax/us-rates/import', { fileName: file.name, csv: await file.text() });
      toast.success(t('tax.admin.sstImported', { state: r.state, version: r.version }));
      res.reload();
    } catch (e) {
      toast.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section
      title={t('tax.admin.usRatesTitle')}
      description={t('tax.admin.usRatesHelp')}
      actions={canWrite ? (
        <label className="btn btn-sm">
          {busy ? t('tax.admin.importing') : t('tax.admin.importSst')}
          <input type="file" accept=".csv,text/csv" hidden data-testid="sst-file" onChange={(e) => void upload(e.target.files?.[0])} />
        </label>
      ) : undefined}
    >
      <DataTable
        testId="us-rates"
        rows={res.data?.states ?? []}
        rowKey={(r) => r.state}
        loading={res.loading}
        error={res.error}
        onRetry={res.reload}
        columns={[
          { key: 'state', header: t('tax.admin.state'), render: (r) => r.state },
          { key: 'rate', header: t('tax.admin.stateRate'), render: (r) => `${r.rate} %`, align: 'right' },
          { key: 'source', header: t('tax.admin.rateSource'), render: (r) => (r.source === 'built-in' ? t('tax.admin.builtIn') : r.source) },
          { key: 'collect', header: t('tax.admin.collect'), render: (r) => (r.collect ? <Badge tone="green">{t('tax.admin.collectYes')}</Badge> : <Badge>{t('tax.admin.collectNo')}</Badge>) },
        ]}
      />
      {res.error ? <Button size="sm" onClick={res.reload}>{t('backoffice.common.retry')}</Button> : null}
    </Section>
  );
}
