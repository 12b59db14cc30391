import { useState } from 'react';
import { useI18n } from '../../core/i18n.js';
import { useResource } from '../../core/hooks.js';
import { api } from '../../core/api.js';
import { useSession } from '../../core/session.js';
import { formatDateTime } from '../../../../shared/format.js';
import { PageHeader, Section } from '../../ui/page-header.js';
import { Badge } from '../../ui/badge.js';
import { Button, CopyButton } from '../../ui/misc.js';
import { errorText, SelectField, TextField } from '../../ui/form.js';
import { useToast } from '../../ui/toast.js';

interface Channel { id: string; kind: string; name: string; baseUrl: string | null; settings: Record<string, unknown>; enabled: boolean; credentialsSet: string[] }
interface Waiting { id: string; channelId: string; externalId: string; orderId: string | null; unmapped: { sellerSku: string | null; asin: string | null; title: string }[] }
interface Delivery { id: string; event: string; eventId: string; status: string; attempts: number; lastStatusCode: number | null; lastError: string | null; createdAt: string }

const CREDENTIALS: Record<string, string[]> = { amazon: ['clientId', 'clientSecret', 'refreshToken'], shopify: ['webhookSecret', 'previousWebhookSecret', 'adminAccessToken'], alibaba: ['appKey', 'appSecret', 'accessToken'], erp: [], storefront: [] };

/** Channels with their (write-only) credentials, lines waiting for a SKU mapping, order files, outbound webhooks. */
export default function ChannelsPage() {
  const { t, locale } = useI18n();
  const { can, session } = useSession();
  const toast = useToast();
  const channels = useResource(() => api.get<{ items: Channel[] }>('/api/admin/channels'), []);
  const waiting = useResource(() => api.get<{ items: Waiting[] }>('/api/admin/channels/orders', { unmapped: true }), []);
  const deliveries = useResource(() => (can('webhooks:manage') ? api.get<{ items: Delivery[] }>('/api/admin/webhooks/deliveries', { limit: 20 }) : Promise.resolve({ items: [] })), []);
  const [draft, setDraft] = useState<{ kind: string; name: string; baseUrl: string; marketplaceIds: string; creds: Record<string, string> }>({ kind: 'amazon', name: '', baseUrl: '', marketplaceIds: 'ATVPDKIKX0DER', creds: {} });
  const [map, setMap] = useState<Record<string, string>>({});
  const [hookUrl, setHookUrl] = useState('');
  const [secret, setSecret] = useState<string | null>(null);

  const run = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      toast.success(ok);
      await Promise.all([channels.reload(), waiting.reload(), deliveries.reload()]);
    } catch (e) {
      toast.error(errorText(e, t));
    }
  };
  const upload = async (c: Channel, file: File) => {
    const type = file.name.toLowerCase().endsWith('.csv') ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const res = await fetch(`/api/admin/channels/${c.id}/order-files`, { method: 'POST', body: file, headers: { 'content-type': type, 'x-csrf-token': session?.csrfToken ?? '' }, credentials: 'same-origin' });
    const body = await res.json();
    if (!res.ok) toast.error(body.detail ?? `HTTP ${res.status}`);
    else toast.success(t('channels.ui.channels.imported', { count: body.results.length, errors: body.errors.length }));
    await waiting.reload();
  };

  return (
    <>
      <PageHeader title={t('channels.ui.channels.title')} subtitle={t('channels.ui.channels.subtitle')} />
      <Section title={t('channels.ui.channels.list')}>
        <table className="table" data-testid="channels-table">
          <thead><tr><th>{t('channels.ui.channels.name')}</th><th>{t('channels.ui.channels.kind')}</th><th>{t('channels.ui.channels.baseUrl')}</th><th>{t('channels.ui.channels.credentials')}</th><th /></tr></thead>
          <tbody>
            {(channels.data?.items ?? []).map((c) => (
              <tr key={c.id}>
                <td>{c.name} {!c.enabled ? <Badge>{t('channels.ui.rules.disabled')}</Badge> : null}</td>
                <td>{t(`channels.ui.kind.${c.kind}`)}</td>
                <td className="mono">{c.baseUrl ?? '—'}</td>
                <td>{c.credentialsSet.map((k) => <Badge key={k} tone="green">{k}</Badge>)}</td>
                <td className="row" style={{ gap: 6 }}>
                  {c.kind === 'amazon' && can('channels:manage') ? <Button size="sm" onClick={() => void run(() => api.post(`/api/admin/channels/${c.id}/poll`, {}), t('channels.ui.channels.pollQueued'))}>{t('channels.ui.channels.poll')}</Button> : null}
                  {c.kind === 'shopify' ? <CopyButton text={`${location.origin}/api/webhooks/shopify/${c.id}`} label={t('channels.ui.channels.webhookUrl')} /> : null}
                  {(c.kind === 'alibaba' || c.kind === 'erp') && can('orders:write') ? (
                    <label className="btn btn-sm">{t('channels.ui.channels.upload')}<input type="file" accept=".csv,.xlsx" hidden onChange={(e) => e.target.files?.[0] && void upload(c, e.target.files[0])} /></label>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      {can('channels:manage') ? (
        <Section title={t('channels.ui.channels.add')}>
          <form className="stack" onSubmit={(e) => { e.preventDefault(); void run(() => api.post('/api/admin/channels', { kind: draft.kind, name: draft.name, baseUrl: draft.baseUrl || null, settings: draft.kind === 'amazon' ? { marketplaceIds: draft.marketplaceIds.split(',').map((s) => s.trim()).filter(Boolean) } : {}, credentials: draft.creds }), t('channels.ui.channels.added')); }}>
            <div className="row" style={{ gap: 8 }}>
              <SelectField label={t('channels.ui.channels.kind')} value={draft.kind} onChange={(kind) => setDraft({ ...draft, kind, creds: {} })} options={['amazon', 'shopify', 'alibaba', 'erp'].map((k) => ({ value: k, label: t(`channels.ui.kind.${k}`) }))} />
              <TextField label={t('channels.ui.channels.name')} value={draft.name} onChange={(name) => setDraft({ ...draft, name })} required />
              <TextField label={t('channels.ui.channels.baseUrl')} value={draft.baseUrl} onChange={(baseUrl) => setDraft({ ...draft, baseUrl })} placeholder="https://sellingpartnerapi-na.amazon.com" />
              {draft.kind === 'amazon' ? <TextField label="MarketplaceIds" value={draft.marketplaceIds} onChange={(marketplaceIds) => setDraft({ ...draft, marketplaceIds })} /> : null}
            </div>
            <div className="row" style={{ gap: 8 }}>
              {(CREDENTIALS[draft.kind] ?? []).map((k) => <TextField key={k} type="password" autoComplete="off" label={k} value={draft.creds[k] ?? ''} onChange={(v) => setDraft({ ...draft, creds: { ...draft.creds, [k]: v } })} />)}
            </div>
            <Button type="submit" variant="primary">{t('channels.ui.channels.add')}</Button>
          </form>
        </Section>
      ) : null}
      <Section title={t('channels.ui.channels.unmapped')} description={t('channels.ui.channels.unmappedHint')}>
        <table className="table" data-testid="unmapped-table">
          <thead><tr><th>{t('channels.ui.col.order')}</th><th>{t('channels.ui.order.channelSku')}</th><th>{t('channels.ui.order.item')}</th><th>SKU</th></tr></thead>
          <tbody>
            {(waiting.data?.items ?? []).flatMap((w) => w.unmapped.map((u) => {
              const ref = u.sellerSku ?? u.asin ?? '';
              const k = `${w.channelId}|${ref}`;
              return (
                <tr key={`${w.id}-${ref}`}>
                  <td className="mono">{w.externalId}</td><td className="mono">{ref}</td><td>{u.title}</td>
                  <td className="row" style={{ gap: 6 }}>
                    <TextField label="SKU" value={map[k] ?? ''} onChange={(v) => setMap({ ...map, [k]: v })} />
                    <Button size="sm" disabled={!map[k]} onClick={() => void run(() => api.put('/api/admin/channels/sku-mappings', { channelId: u.sellerSku ? w.channelId : null, kind: u.sellerSku ? 'seller_sku' : 'asin', externalRef: ref, sku: map[k] }), t('channels.ui.channels.mapped'))}>{t('channels.ui.channels.map')}</Button>
                  </td>
                </tr>
              );
            }))}
          </tbody>
        </table>
      </Section>
      {can('webhooks:manage') ? (
        <Section title={t('channels.ui.webhooks.title')} description={t('channels.ui.webhooks.scheme')}>
          <form className="row" style={{ gap: 8 }} onSubmit={(e) => { e.preventDefault(); void run(async () => setSecret((await api.post<{ secret: string }>('/api/admin/webhooks/subscriptions', { url: hookUrl, events: ['order.placed', 'order.approved', 'order.held', 'order.cancelled'] })).secret), t('channels.ui.webhooks.created')); }}>
            <TextField label="URL" value={hookUrl} onChange={setHookUrl} placeholder="https://erp.example.com/hooks/tradelane" required />
            <Button type="submit">{t('channels.ui.webhooks.subscribe')}</Button>
          </form>
          {secret ? <p>{t('channels.ui.webhooks.secretOnce')} <code>{secret}</code> <CopyButton text={secret} /></p> : null}
          <table className="table">
            <thead><tr><th>{t('channels.ui.webhooks.event')}</th><th>{t('channels.ui.col.status')}</th><th>{t('channels.ui.webhooks.attempts')}</th><th>{t('channels.ui.col.placed')}</th><th /></tr></thead>
            <tbody>
              {(deliveries.data?.items ?? []).map((d) => (
                <tr key={d.id}>
                  <td><code>{d.event}</code> <span className="muted mono">{d.eventId}</span></td>
                  <td><Badge tone={d.status === 'delivered' ? 'green' : d.status === 'failed' ? 'red' : 'amber'}>{d.status}</Badge> {d.lastError ?? ''}</td>
                  <td>{d.attempts}</td>
                  <td>{formatDateTime(d.createdAt, locale)}</td>
                  <td><Button size="sm" onClick={() => void run(() => api.post(`/api/admin/webhooks/deliveries/${d.id}/redeliver`, {}), t('channels.ui.webhooks.redelivered'))}>{t('channels.ui.webhooks.redeliver')}</Button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      ) : null}
    </>
  );
}
