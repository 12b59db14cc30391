import { useEffect, useState } from 'react';
import { useI18n } from '../../core/i18n.js';
import { useResource } from '../../core/hooks.js';
import { useSession } from '../../core/session.js';
import { PageHeader, Section } from '../../ui/page-header.js';
import { Alert, Button } from '../../ui/misc.js';
import { SelectField, errorText } from '../../ui/form.js';
import { useToast } from '../../ui/toast.js';
import { catalogApi, STORE_LOCALES, upload, type ImportPreview, type ImportStatus, type RowError } from './api.js';

/** Bulk import (preview → row errors → apply with progress), exports, translator files and coverage. */
export default function ImportPage() {
  const { t } = useI18n();
  const { can, session } = useSession();
  const toast = useToast();
  const [locale, setLocale] = useState('en');
  const [currency, setCurrency] = useState('USD');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [status, setStatus] = useState<ImportStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [trLocale, setTrLocale] = useState('fr');
  const [covEntity, setCovEntity] = useState('products');
  const coverage = useResource(() => catalogApi.coverage(covEntity), [covEntity]);

  useEffect(() => {
    if (!status || status.status !== 'applying') return;
    const timer = setTimeout(async () => setStatus(await catalogApi.importStatus(status.id)), 1000);
    return () => clearTimeout(timer);
  }, [status]);

  const onFile = async (file: File) => {
    setBusy(true);
    setPreview(null);
    setStatus(null);
    try {
      setPreview(await upload<ImportPreview>(`/api/admin/catalog/imports?locale=${encodeURIComponent(locale)}&currency=${encodeURIComponent(currency)}`, file, session?.csrfToken));
    } catch (e) {
      toast.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  const apply = async () => {
    if (!preview) return;
    try {
      await catalogApi.applyImport(preview.id, currency);
      setStatus(await catalogApi.importStatus(preview.id));
    } catch (e) {
      toast.error(errorText(e, t));
    }
  };
  const onTranslations = async (file: File) => {
    try {
      const r = await upload<{ products: number; errors: RowError[] }>(`/api/admin/catalog/translations/import?locale=${encodeURIComponent(trLocale)}`, file, session?.csrfToken);
      toast.success(t('catalog.admin.import.translationsDone', { n: r.products, errors: r.errors.length }));
      void coverage.reload();
    } catch (e) {
      toast.error(errorText(e, t));
    }
  };
  const errorsTable = (errors: RowError[]) => (
    <table className="table" data-testid="import-errors">
      <thead><tr><th>{t('catalog.admin.import.row')}</th><th>{t('catalog.admin.import.column')}</th><th>{t('catalog.admin.import.problem')}</th></tr></thead>
      <tbody>{errors.slice(0, 500).map((e, i) => <tr key={i}><td>{e.row}</td><td className="mono">{e.column}</td><td>{e.message}</td></tr>)}</tbody>
    </table>
  );
  return (
    <>
      <PageHeader title={t('catalog.admin.nav.import')} subtitle={t('catalog.admin.nav.importDescription')}
        actions={<><a className="btn" href="/api/admin/catalog/export" download>{t('catalog.admin.import.exportXlsx')}</a> <a className="btn" href="/api/admin/catalog/export?format=csv" download>{t('catalog.admin.import.exportCsv')}</a></>} />
      {can('catalog:write') ? (
        <Section title={t('catalog.admin.import.title')} description={t('catalog.admin.import.help')}>
          <div className="row">
            <SelectField label={t('catalog.admin.import.language')} value={locale} onChange={setLocale} options={STORE_LOCALES.map((l) => ({ value: l, label: l }))} />
            <SelectField label={t('catalog.admin.product.currency')} value={currency} onChange={setCurrency} options={['USD', 'EUR', 'CNY', 'GBP', 'JPY'].map((c) => ({ value: c, label: c }))} />
            <label className="btn btn-primary">{busy ? t('catalog.admin.import.reading') : t('catalog.admin.import.choose')}<input type="file" hidden accept=".csv,.xlsx" data-testid="import-file" onChange={(e) => e.target.files?.[0] && void onFile(e.target.files[0])} /></label>
          </div>
          {preview ? (
            <div className="stack" data-testid="import-preview">
              <Alert tone={preview.errors.length ? 'warning' : 'success'}>{t('catalog.admin.import.previewSummary', { format: preview.format, products: preview.products, variants: preview.variants, rows: preview.rows, errors: preview.errors.length })}</Alert>
              {preview.errors.length ? errorsTable(preview.errors) : null}
              {preview.warnings.length ? <details><summary>{t('catalog.admin.import.warnings', { n: preview.warnings.length })}</summary>{errorsTable(preview.warnings)}</details> : null}
              {!status ? <Button variant="primary" onClick={() => void apply()} disabled={!preview.variants} data-testid="apply-import">{t('catalog.admin.import.apply', { n: preview.variants })}</Button> : null}
            </div>
          ) : null}
          {status ? (
            <div className="stack" data-testid="import-status">
              <progress max={100} value={status.progress} aria-label={t('catalog.admin.import.progress')} style={{ width: '100%' }} />
              <p>{t('catalog.admin.import.statusLine', { status: status.status, processed: status.processedRows, total: status.totalRows, applied: status.appliedRows })}</p>
              {status.status !== 'applying' && status.errors.length ? errorsTable(status.errors) : null}
            </div>
          ) : null}
        </Section>
      ) : null}
      <Section title={t('catalog.admin.import.translations')} description={t('catalog.admin.import.translationsHelp')}>
        <div className="row">
          <SelectField label={t('catalog.admin.import.language')} value={trLocale} onChange={setTrLocale} options={STORE_LOCALES.filter((l) => l !== 'en').map((l) => ({ value: l, label: l }))} />
          <a className="btn" href={`/api/admin/catalog/translations/export?locale=${encodeURIComponent(trLocale)}`} download>{t('catalog.admin.import.exportTranslations')}</a>
          {can('catalog:write') ? <label className="btn">{t('catalog.admin.import.importTranslations')}<input type="file" hidden accept=".xlsx" onChange={(e) => e.target.files?.[0] && void onTranslations(e.target.files[0])} /></label> : null}
        </div>
      </Section>
      <Section title={t('catalog.admin.import.coverage')} actions={<SelectField label={t('catalog.admin.import.entity')} value={covEntity} onChange={setCovEntity} options={['products', 'categories', 'pages'].map((e) => ({ value: e, label: t(`catalog.admin.entity.${e}`) }))} />}>
        {coverage.data ? (
          <>
            <table className="table" data-testid="coverage-table">
              <thead><tr>{coverage.data.translated.map((x) => <th key={x.locale}>{x.locale}</th>)}</tr></thead>
              <tbody><tr>{coverage.data.translated.map((x) => <td key={x.locale}>{x.count}/{coverage.data!.total} ({x.percent}%)</td>)}</tr></tbody>
            </table>
            <details><summary>{t('catalog.admin.import.missing', { n: coverage.data.missingTotal })}</summary>
              <ul>{coverage.data.missing.map((m) => <li key={m.id}>{m.label} — <span className="mono">{m.missing.join(' ')}</span></li>)}</ul>
            </details>
          </>
        ) : null}
      </Section>
    </>
  );
}
