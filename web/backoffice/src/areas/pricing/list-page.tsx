import { useEffect, useState } from 'react';
import { useI18n } from '../../core/i18n.js';
import { useResource } from '../../core/hooks.js';
import { navigate, type Params } from '../../core/router.js';
import { useSession } from '../../core/session.js';
import { DataTable } from '../../ui/data-table.js';
import { PageHeader, Section } from '../../ui/page-header.js';
import { Alert, Button, Spinner } from '../../ui/misc.js';
import { FormError, TextField, errorText } from '../../ui/form.js';
import { useToast } from '../../ui/toast.js';
import { importPriceFile, pricingApi, type Entry, type ImportResult } from './api.js';
import { useAction } from './use-action.js';

/** "1:5.00, 100:4.20" ⇄ quantity breaks. */
const breaksText = (e: Entry) => e.breaks.map((b) => `${b.minQty}:${b.unitPrice}`).join(', ');
const parseBreaks = (s: string) => s.split(',').map((p) => p.trim()).filter(Boolean).map((p) => {
  const [q, price] = p.split(':').map((x) => x.trim());
  return { minQty: Number(q), unitPrice: price ?? '' };
});

/** One price list: its settings, the quantity breaks per variant, import (dry run first) and export. */
export default function PriceListPage({ params }: { params: Params }) {
  const { t } = useI18n();
  const { busy, error, run } = useAction();
  const toast = useToast();
  const { session } = useSession();
  const list = useResource(() => pricingApi.list(params.id!), [params.id]);
  const [after, setAfter] = useState<string | undefined>();
  const entries = useResource(() => pricingApi.entries(params.id!, after), [params.id, after]);
  const [meta, setMeta] = useState({ name: '', priority: '0', validFrom: '', validTo: '', active: true });
  const [entry, setEntry] = useState({ variantId: '', breaks: '1:' });
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult>();
  useEffect(() => {
    const l = list.data;
    if (l) setMeta({ name: l.name, priority: String(l.priority), validFrom: l.validFrom ?? '', validTo: l.validTo ?? '', active: l.active });
  }, [list.data]);
  if (list.loading && !list.data) return <Spinner />;
  if (list.error || !list.data) return <Alert tone="error">{errorText(list.error, t)}</Alert>;
  const l = list.data;
  return (
    <>
      <PageHeader title={l.name} subtitle={`${t(`pricing.bo.kind.${l.kind}`)}${l.tierCode ? ` ${l.tierCode}` : ''} · ${l.currency}`}
        actions={<>
          <a className="btn" href={pricingApi.exportUrl(l.id, 'csv')} download>{t('pricing.bo.exportCsv')}</a>{' '}
          <a className="btn" href={pricingApi.exportUrl(l.id, 'xlsx')} download>{t('pricing.bo.exportXlsx')}</a>
        </>} />
      <FormError message={error} />
      <Section title={t('pricing.bo.settings')}>
        <div className="grid-2">
          <TextField label={t('pricing.bo.name')} value={meta.name} onChange={(v) => setMeta({ ...meta, name: v })} />
          <TextField label={t('pricing.bo.priority')} value={meta.priority} onChange={(v) => setMeta({ ...meta, priority: v })} inputMode="numeric" />
          <TextField label={t('pricing.bo.validFrom')} value={meta.validFrom} onChange={(v) => setMeta({ ...meta, validFrom: v })} type="date" />
          <TextField label={t('pricing.bo.validTo')} value={meta.validTo} onChange={(v) => setMeta({ ...meta, validTo: v })} type="date" />
        </div>
        <label className="row"><input type="checkbox" checked={meta.active} onChange={(e) => setMeta({ ...meta, active: e.target.checked })} /> {t('pricing.bo.active')}</label>
        <div className="row">
          <Button variant="primary" busy={busy === 'meta'} onClick={() => void run('meta', async () => {
            await pricingApi.update(l.id, { name: meta.name, priority: Number(meta.priority) || 0, validFrom: meta.validFrom || null, validTo: meta.validTo || null, active: meta.active });
            toast.success(t('pricing.bo.saved'));
            await list.reload();
          })}>{t('pricing.bo.save')}</Button>
          <Button busy={busy === 'delete'} onClick={() => { if (window.confirm(t('pricing.bo.confirmDelete'))) void run('delete', async () => { await pricingApi.remove(l.id); navigate('/pricing/lists'); }); }}>{t('pricing.bo.delete')}</Button>
        </div>
      </Section>
      <Section title={t('pricing.bo.entries')} description={t('pricing.bo.entriesHelp')}>
        <DataTable rows={entries.data?.items ?? []} rowKey={(e) => e.variantId} loading={entries.loading} error={entries.error} empty={t('pricing.bo.noEntries')} testId="price-entries" columns={[
          { key: 'variant', header: t('pricing.bo.variant'), render: (e) => <code>{e.variantId}</code> },
          { key: 'breaks', header: t('pricing.bo.breaks'), render: (e) => e.breaks.map((b) => t('pricing.bo.breakValue', { qty: b.minQty, price: b.unitPrice })).join(' · ') },
          { key: 'edit', header: '', render: (e) => <Button size="sm" onClick={() => setEntry({ variantId: e.variantId, breaks: breaksText(e) })}>{t('pricing.bo.edit')}</Button> },
        ]} />
        <div className="row">
          {after && <Button size="sm" onClick={() => setAfter(undefined)}>{t('pricing.bo.first')}</Button>}
          {entries.data?.next && <Button size="sm" onClick={() => setAfter(entries.data!.next!)}>{t('pricing.bo.next')}</Button>}
        </div>
        <div className="grid-2">
          <TextField label={t('pricing.bo.variant')} value={entry.variantId} onChange={(v) => setEntry({ ...entry, variantId: v })} />
          <TextField label={t('pricing.bo.breaks')} value={entry.breaks} onChange={(v) => setEntry({ ...entry, breaks: v })} hint={t('pricing.bo.breaksHint', { currency: l.currency })} />
        </div>
        <Button busy={busy === 'entry'} onClick={() => void run('entry', async () => {
          await pricingApi.setEntry(l.id, entry.variantId.trim(), parseBreaks(entry.breaks));
          toast.success(t('pricing.bo.saved'));
          await entries.reload();
          await list.reload();
        })}>{t('pricing.bo.setPrices')}</Button>
      </Section>
      <Section title={t('pricing.bo.import')} description={t('pricing.bo.importHelp')}>
        <input type="file" accept=".csv,.xlsx,text/csv" aria-label={t('pricing.bo.file')} onChange={(e) => { setFile(e.target.files?.[0] ?? null); setResult(undefined); }} />
        <div className="row">
          <Button disabled={!file} busy={busy === 'check'} onClick={() => void run('check', async () => setResult(await importPriceFile(l.id, file!, true, session?.csrfToken)))}>{t('pricing.bo.check')}</Button>
          <Button variant="primary" disabled={!file || !result || result.errors.length > 0} busy={busy === 'import'} onClick={() => void run('import', async () => {
            setResult(await importPriceFile(l.id, file!, false, session?.csrfToken));
            toast.success(t('pricing.bo.imported'));
            await entries.reload();
            await list.reload();
          })}>{t('pricing.bo.importNow')}</Button>
        </div>
        {result && (
          <Alert tone={result.errors.length ? 'error' : 'success'} title={t('pricing.bo.importResult', { shape: result.shape, variants: result.variants, prices: result.prices, skipped: result.skipped })}>
            {result.errors.length ? <ul>{result.errors.slice(0, 50).map((e, i) => <li key={i}>{e.message}</li>)}</ul> : result.applied ? t('pricing.bo.applied') : t('pricing.bo.readyToImport')}
          </Alert>
        )}
      </Section>
    </>
  );
}
