import { useEffect, useState } from 'react';
import { useI18n } from '../../core/i18n.js';
import { useResource } from '../../core/hooks.js';
import { api } from '../../core/api.js';
import { formatDateTime } from '../../../../shared/format.js';
import { DataTable } from '../../ui/data-table.js';
import { PageHeader, Section } from '../../ui/page-header.js';
import { Badge } from '../../ui/badge.js';
import { Button } from '../../ui/misc.js';
import { FormError, TextField } from '../../ui/form.js';
import { useToast } from '../../ui/toast.js';
import { useAction } from '../pricing/use-action.js';

interface Rate { currency: string; rate: string; source: string; date: string; overrideId?: string }
interface Snapshot { asOf: string; publishedOn: string | null; rates: Rate[]; imports: { id: string; origin: string; days: number; lastDate: string | null; createdAt: string }[] }
interface Override { id: string; currency: string; rate: string; reason: string; validFrom: string; expiresAt: string; createdBy?: string; revokedAt?: string | null }

/** ECB reference rates in force, the last imports, manual overrides with an expiry, and the currencies offered. */
export default function FxPage() {
  const { t, locale } = useI18n();
  const { busy, error, run } = useAction();
  const toast = useToast();
  const rates = useResource(() => api.get<Snapshot>('/api/admin/fx/rates'), []);
  const overrides = useResource(() => api.get<{ items: Override[] }>('/api/admin/fx/overrides'), []);
  const currencies = useResource(() => api.get<{ base: string; enabled: string[] }>('/api/admin/fx/currencies'), []);
  const [o, setO] = useState({ currency: 'JPY', rate: '', reason: '', expiresAt: '' });
  const [cur, setCur] = useState({ base: 'EUR', enabled: '' });
  useEffect(() => { if (currencies.data) setCur({ base: currencies.data.base, enabled: currencies.data.enabled.join(', ') }); }, [currencies.data]);
  return (
    <>
      <PageHeader title={t('fx.bo.title')} subtitle={t('fx.bo.subtitle', { date: rates.data?.publishedOn ?? '—' })}
        actions={<Button variant="primary" busy={busy === 'refresh'} onClick={() => void run('refresh', async () => {
          const r = await api.post<{ rates: number; lastDate: string | null }>('/api/admin/fx/refresh');
          toast.success(t('fx.bo.refreshed', { rates: r.rates, date: r.lastDate ?? '—' }));
          await rates.reload();
        })}>{t('fx.bo.refresh')}</Button>} />
      <FormError message={error} />
      <Section title={t('fx.bo.rates')}>
        <DataTable rows={rates.data?.rates ?? []} rowKey={(r) => r.currency} loading={rates.loading} error={rates.error} onRetry={rates.reload} empty={t('fx.bo.noRates')} testId="fx-rates" columns={[
          { key: 'currency', header: t('fx.bo.currency'), render: (r) => <code>{r.currency}</code> },
          { key: 'rate', header: t('fx.bo.rate'), className: 'num', render: (r) => r.rate },
          { key: 'source', header: t('fx.bo.source'), render: (r) => (r.overrideId ? <Badge tone="red">{t('fx.bo.override')}</Badge> : r.source) },
          { key: 'asOf', header: t('fx.bo.asOf'), render: (r) => r.date },
        ]} />
        {(rates.data?.imports ?? []).length > 0 && <p className="muted">{t('fx.bo.lastImports')}: {rates.data!.imports.map((i) => `${formatDateTime(i.createdAt, locale)} ${i.origin} (${i.days})`).join(' · ')}</p>}
      </Section>
      <Section title={t('fx.bo.overrides')} description={t('fx.bo.overridesHelp')}>
        <DataTable rows={overrides.data?.items ?? []} rowKey={(x) => x.id} empty={t('fx.bo.noOverrides')} testId="fx-overrides" columns={[
          { key: 'currency', header: t('fx.bo.currency'), render: (x) => x.currency },
          { key: 'rate', header: t('fx.bo.rate'), className: 'num', render: (x) => x.rate },
          { key: 'reason', header: t('fx.bo.reason'), render: (x) => x.reason },
          { key: 'expires', header: t('fx.bo.expiresAt'), render: (x) => formatDateTime(x.expiresAt, locale) },
          { key: 'end', header: '', render: (x) => <Button size="sm" busy={busy === x.id} onClick={() => void run(x.id, async () => { await api.del(`/api/admin/fx/overrides/${encodeURIComponent(x.id)}`); await overrides.reload(); await rates.reload(); })}>{t('fx.bo.endNow')}</Button> },
        ]} />
        <div className="grid-2">
          <TextField label={t('fx.bo.currency')} value={o.currency} onChange={(v) => setO({ ...o, currency: v.toUpperCase() })} maxLength={3} />
          <TextField label={t('fx.bo.ratePerEur')} value={o.rate} onChange={(v) => setO({ ...o, rate: v })} inputMode="decimal" />
          <TextField label={t('fx.bo.reason')} value={o.reason} onChange={(v) => setO({ ...o, reason: v })} />
          <TextField label={t('fx.bo.expiresAt')} value={o.expiresAt} onChange={(v) => setO({ ...o, expiresAt: v })} type="datetime-local" />
        </div>
        <Button busy={busy === 'override'} onClick={() => void run('override', async () => {
          await api.post('/api/admin/fx/overrides', { currency: o.currency, rate: o.rate, reason: o.reason, expiresAt: o.expiresAt ? new Date(o.expiresAt).toISOString() : '' });
          toast.success(t('fx.bo.overrideSet'));
          setO({ ...o, rate: '', reason: '' });
          await overrides.reload();
          await rates.reload();
        })}>{t('fx.bo.setOverride')}</Button>
      </Section>
      <Section title={t('fx.bo.currencies')} description={t('fx.bo.currenciesHelp')}>
        <div className="grid-2">
          <TextField label={t('fx.bo.base')} value={cur.base} onChange={(v) => setCur({ ...cur, base: v.toUpperCase() })} maxLength={3} />
          <TextField label={t('fx.bo.enabled')} value={cur.enabled} onChange={(v) => setCur({ ...cur, enabled: v.toUpperCase() })} hint="EUR, USD, JPY, GBP" />
        </div>
        <Button busy={busy === 'currencies'} onClick={() => void run('currencies', async () => {
          await api.put('/api/admin/fx/currencies', { base: cur.base, enabled: cur.enabled.split(/[\s,]+/).filter(Boolean) });
          toast.success(t('fx.bo.saved'));
          await currencies.reload();
        })}>{t('fx.bo.save')}</Button>
      </Section>
    </>
  );
}
