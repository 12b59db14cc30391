import { useState } from 'react';
import { useI18n } from '../../core/i18n.js';
import { useResource } from '../../core/hooks.js';
import { PERMISSIONS } from '../../core/roles.js';
import { formatDate, formatNumber, formatRelative } from '../../../../shared/format.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { PageHeader } from '../../ui/page-header.js';
import { Badge } from '../../ui/badge.js';
import { Alert, Button, CopyButton } from '../../ui/misc.js';
import { ConfirmDialog, Dialog } from '../../ui/dialog.js';
import { CheckboxGroup, errorText, FormError, TextField, useForm } from '../../ui/form.js';
import { useToast } from '../../ui/toast.js';
import { apiKeysApi, type ApiKey } from './api.js';

/** Keys for integrations (ERP): created here, shown once, revocable, with when each was last used. */
export default function ApiKeysPage() {
  const { t, locale } = useI18n();
  const toast = useToast();
  const list = useResource(() => apiKeysApi.list(), []);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ key: string; apiKey: ApiKey } | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [busy, setBusy] = useState(false);

  const columns: Column<ApiKey>[] = [
    {
      key: 'name',
      header: t('backoffice.apiKeys.name'),
      render: (k) => (
        <>
          <strong>{k.name}</strong>
          {k.prefix ? <span className="cell-sub mono">{k.prefix}…</span> : null}
        </>
      ),
    },
    {
      key: 'scopes',
      header: t('backoffice.apiKeys.scopes'),
      render: (k) => (
        <div className="row" style={{ gap: 4 }}>
          {k.scopes.slice(0, 4).map((s) => (
            <Badge key={s} tone={s === '*' ? 'violet' : 'neutral'}>
              {s === '*' ? t('backoffice.apiKeys.allScopes') : s}
            </Badge>
          ))}
          {k.scopes.length > 4 ? <span className="muted" title={k.scopes.join(', ')}>+{k.scopes.length - 4}</span> : null}
        </div>
      ),
    },
    { key: 'rate', header: t('backoffice.apiKeys.rateLimit'), align: 'right', render: (k) => (k.rateLimitPerHour ? t('backoffice.apiKeys.perHour', { n: formatNumber(k.rateLimitPerHour, locale) }) : <span className="muted">{t('backoffice.apiKeys.defaultLimit')}</span>) },
    { key: 'used', header: t('backoffice.apiKeys.lastUsed'), render: (k) => (k.lastUsedAt ? <span title={k.lastUsedAt}>{formatRelative(k.lastUsedAt, locale)}</span> : <span className="muted">{t('backoffice.common.never')}</span>) },
    { key: 'created', header: t('backoffice.common.created'), render: (k) => formatDate(k.createdAt, locale) },
    {
      key: 'status',
      header: t('backoffice.common.status'),
      render: (k) => (k.revokedAt ? <Badge tone="red">{t('backoffice.apiKeys.revoked')}</Badge> : <Badge tone="green">{t('backoffice.apiKeys.active')}</Badge>),
    },
    {
      key: 'actions',
      header: '',
      className: 'cell-actions',
      render: (k) =>
        k.revokedAt ? null : (
          <Button size="sm" variant="danger" onClick={() => setRevoking(k)}>
            {t('backoffice.apiKeys.revoke')}
          </Button>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('backoffice.apiKeys.title')}
        subtitle={t('backoffice.apiKeys.subtitle')}
        actions={
          <Button variant="primary" icon="plus" onClick={() => setCreating(true)} data-testid="create-api-key">
            {t('backoffice.apiKeys.create')}
          </Button>
        }
      />
      <DataTable columns={columns} rows={list.data ?? []} rowKey={(k) => k.id} loading={list.loading} error={list.error} onRetry={list.reload} empty={t('backoffice.apiKeys.empty')} testId="api-keys-table" />
      <CreateKeyDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(r) => {
          setCreating(false);
          setCreated(r);
          void list.reload();
        }}
      />
      <Dialog
        open={!!created}
        title={t('backoffice.apiKeys.createdTitle', { name: created?.apiKey?.name ?? '' })}
        onClose={() => setCreated(null)}
        footer={
          <Button variant="primary" onClick={() => setCreated(null)}>
            {t('backoffice.common.done')}
          </Button>
        }
      >
        <div className="stack">
          <Alert tone="warning">{t('backoffice.apiKeys.shownOnce')}</Alert>
          <div className="secret">
            <code data-testid="new-api-key">{created?.key}</code>
            <CopyButton text={created?.key ?? ''} />
          </div>
          <p className="muted">{t('backoffice.apiKeys.usage')}</p>
          <pre className="secret" style={{ margin: 0 }}>
            {`curl -H "Authorization: Bearer ${created?.key ?? ''}" ${window.location.origin}/api/admin/staff`}
          </pre>
        </div>
      </Dialog>
      <ConfirmDialog
        open={!!revoking}
        title={t('backoffice.apiKeys.revokeTitle')}
        message={t('backoffice.apiKeys.revokeBody', { name: revoking?.name ?? '' })}
        confirmLabel={t('backoffice.apiKeys.revoke')}
        busy={busy}
        onClose={() => setRevoking(null)}
        onConfirm={async () => {
          if (!revoking) return;
          setBusy(true);
          try {
            await apiKeysApi.revoke(revoking.id);
            toast.success(t('backoffice.apiKeys.revokedToast', { name: revoking.name }));
            await list.reload();
          } catch (e) {
            toast.error(errorText(e, t));
          } finally {
            setBusy(false);
            setRevoking(null);
          }
        }}
      />
    </>
  );
}

function CreateKeyDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (r: { key: string; apiKey: ApiKey }) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [rate, setRate] = useState('');
  const form = useForm(['name', 'scopes', 'rateLimitPerHour']);
  const all = scopes.includes('*');
  const close = () => {
    setName('');
    setScopes([]);
    setRate('');
    form.reset();
    onClose();
  };
  const submit = form.submit(async () => {
    if (rate.trim() && !/^\d+$/.test(rate.trim())) {
      form.setFieldErrors({ rateLimitPerHour: t('backoffice.apiKeys.rateInvalid') });
      return;
    }
    const r = await apiKeysApi.create({
      name: name.trim(),
      scopes: all ? ['*'] : scopes,
      ...(rate.trim() ? { rateLimitPerHour: Number(rate.trim()) } : {}),
    });
    setName('');
    setScopes([]);
    setRate('');
    onCreated(r);
  });
  return (
    <Dialog open={open} title={t('backoffice.apiKeys.create')} onClose={close} wide>
      <form className="form" onSubmit={submit} data-testid="api-key-form">
        <FormError message={form.formError} />
        <div className="grid-2">
          <TextField label={t('backoffice.apiKeys.name')} value={name} onChange={setName} error={form.error('name')} placeholder="erp" required autoFocus />
          <TextField
            label={t('backoffice.apiKeys.rateLimit')}
            inputMode="numeric"
            value={rate}
            onChange={setRate}
            error={form.error('rateLimitPerHour')}
            placeholder="1000"
            hint={t('backoffice.apiKeys.rateHelp')}
          />
        </div>
        <CheckboxGroup
          label={t('backoffice.apiKeys.scopes')}
          columns={3}
          value={scopes}
          onChange={setScopes}
          error={form.error('scopes')}
          hint={t('backoffice.apiKeys.scopesHelp')}
          options={[
            { value: '*', label: <strong>{t('backoffice.apiKeys.allScopes')}</strong> },
            ...PERMISSIONS.map((p) => ({ value: p, label: <code>{p}</code>, disabled: all })),
          ]}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={form.busy}>
            {t('backoffice.apiKeys.create')}
          </Button>
          <Button onClick={close}>{t('backoffice.common.cancel')}</Button>
        </div>
      </form>
    </Dialog>
  );
}
