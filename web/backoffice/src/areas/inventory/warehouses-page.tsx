import { useState } from 'react';
import { useI18n } from '../../core/i18n.js';
import { useResource } from '../../core/hooks.js';
import { useSession } from '../../core/session.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { PageHeader } from '../../ui/page-header.js';
import { Badge } from '../../ui/badge.js';
import { Alert, Button } from '../../ui/misc.js';
import { Dialog } from '../../ui/dialog.js';
import { errorText, TextField } from '../../ui/form.js';
import { inventoryApi, type Warehouse } from './api.js';

/** Warehouses (factory, overseas): lower priority ships first. */
export default function WarehousesPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const list = useResource(() => inventoryApi.warehouses(), []);
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ code: '', name: '', countryCode: '', priority: '100' });
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const columns: Column<Warehouse>[] = [
    { key: 'code', header: t('inventory.admin.code'), render: (w) => <strong className="mono">{w.code}</strong> },
    { key: 'name', header: t('inventory.admin.name'), render: (w) => w.name },
    { key: 'country', header: t('orders.admin.country'), render: (w) => w.countryCode },
    { key: 'priority', header: t('inventory.admin.priority'), align: 'right', render: (w) => w.priority },
    {
      key: 'active',
      header: t('backoffice.common.status'),
      render: (w) =>
        can('inventory:write') ? (
          <Button size="sm" onClick={async () => { await inventoryApi.updateWarehouse(w.id, { active: !w.active }); void list.reload(); }}>
            {w.active ? t('inventory.admin.active') : t('inventory.admin.inactive')}
          </Button>
        ) : (
          <Badge tone={w.active ? 'green' : 'neutral'}>{w.active ? t('inventory.admin.active') : t('inventory.admin.inactive')}</Badge>
        ),
    },
  ];
  return (
    <>
      <PageHeader title={t('inventory.nav.warehouses')} actions={can('inventory:write') ? <Button variant="primary" icon="plus" onClick={() => setOpen(true)}>{t('inventory.admin.newWarehouse')}</Button> : null} />
      <DataTable columns={columns} rows={list.data?.items ?? []} rowKey={(w) => w.id} loading={list.loading} error={list.error} onRetry={list.reload} empty={t('inventory.admin.noWarehouses')} />
      <Dialog
        open={open}
        title={t('inventory.admin.newWarehouse')}
        onClose={() => setOpen(false)}
        footer={
          <Button
            variant="primary"
            busy={busy}
            onClick={async () => {
              setBusy(true);
              setError(undefined);
              try {
                await inventoryApi.createWarehouse({ ...form, priority: Number(form.priority) || 100 });
                setOpen(false);
                setForm({ code: '', name: '', countryCode: '', priority: '100' });
                void list.reload();
              } catch (e) {
                setError(errorText(e, t));
              } finally {
                setBusy(false);
              }
            }}
          >
            {t('backoffice.common.save')}
          </Button>
        }
      >
        <div className="stack">
          <TextField label={t('inventory.admin.code')} value={form.code} onChange={(v) => setForm({ ...form, code: v })} required />
          <TextField label={t('inventory.admin.name')} value={form.name} onChange={(v) => setForm({ ...form, name: v })} required />
          <TextField label={t('orders.admin.country')} value={form.countryCode} onChange={(v) => setForm({ ...form, countryCode: v.toUpperCase() })} maxLength={2} required />
          <TextField label={t('inventory.admin.priority')} type="number" value={form.priority} onChange={(v) => setForm({ ...form, priority: v })} />
          {error ? <Alert tone="error">{error}</Alert> : null}
        </div>
      </Dialog>
    </>
  );
}
