import { useState } from 'react';
import { useI18n } from '../../core/i18n.js';
import { useResource } from '../../core/hooks.js';
import { useSession } from '../../core/session.js';
import { formatDateTime } from '../../../../shared/format.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { PageHeader } from '../../ui/page-header.js';
import { Badge } from '../../ui/badge.js';
import { Alert, Button } from '../../ui/misc.js';
import { Dialog } from '../../ui/dialog.js';
import { SelectField, TextField, errorText } from '../../ui/form.js';
import { useToast } from '../../ui/toast.js';
import { ApiError } from '../../core/api.js';
import { inventoryApi, type StockRow } from './api.js';

/**
 * Stock per SKU per warehouse. Adjust by a delta (receipts, losses) or count and set with
 * compare-and-set: the count is refused when the stock changed since the screen was loaded.
 */
export default function StockPage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const [q, setQ] = useState('');
  const [applied, setApplied] = useState({ q: '', warehouseId: '', low: false });
  const warehouses = useResource(() => inventoryApi.warehouses(), []);
  const stock = useResource(
    () => inventoryApi.stock({ q: applied.q || undefined, warehouseId: applied.warehouseId || undefined, availableAtMost: applied.low ? 0 : undefined, limit: 200 }),
    [JSON.stringify(applied)],
  );
  const [adjusting, setAdjusting] = useState<StockRow | 'new' | null>(null);
  const whName = (id: string) => warehouses.data?.items.find((w) => w.id === id)?.code ?? id;

  const columns: Column<StockRow>[] = [
    { key: 'sku', header: t('inventory.admin.sku'), render: (r) => <strong className="mono">{r.sku}</strong> },
    { key: 'wh', header: t('inventory.admin.warehouse'), render: (r) => r.warehouseCode },
    { key: 'onHand', header: t('inventory.admin.onHand'), align: 'right', render: (r) => r.onHand },
    { key: 'reserved', header: t('inventory.admin.reserved'), align: 'right', render: (r) => r.reserved },
    { key: 'available', header: t('inventory.admin.available'), align: 'right', render: (r) => (r.available > 0 ? r.available : <Badge tone="red">{r.available}</Badge>) },
    { key: 'updated', header: t('inventory.admin.updated'), render: (r) => formatDateTime(r.updatedAt, locale) },
    {
      key: 'actions',
      header: '',
      className: 'cell-actions',
      render: (r) => (can('inventory:write') ? <Button size="sm" onClick={() => setAdjusting(r)} data-testid={`adjust-${r.sku}`}>{t('inventory.admin.adjust')}</Button> : null),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('inventory.admin.title')}
        subtitle={t('inventory.admin.subtitle')}
        actions={can('inventory:write') ? <Button variant="primary" icon="plus" onClick={() => setAdjusting('new')}>{t('inventory.admin.receive')}</Button> : null}
      />
      <form
        className="row"
        style={{ gap: 8, alignItems: 'flex-end', marginBottom: 12, flexWrap: 'wrap' }}
        onSubmit={(e) => {
          e.preventDefault();
          setApplied((a) => ({ ...a, q }));
        }}
      >
        <TextField label={t('inventory.admin.search')} value={q} onChange={setQ} data-testid="stock-search" />
        <SelectField
          label={t('inventory.admin.warehouse')}
          value={applied.warehouseId}
          onChange={(v) => setApplied((a) => ({ ...a, warehouseId: v }))}
          options={[{ value: '', label: t('orders.admin.any') }, ...(warehouses.data?.items ?? []).map((w) => ({ value: w.id, label: `${w.code} — ${w.name}` }))]}
        />
        <label className="row" style={{ gap: 4 }}>
          <input type="checkbox" checked={applied.low} onChange={(e) => setApplied((a) => ({ ...a, low: e.target.checked }))} /> {t('inventory.admin.onlyOut')}
        </label>
        <Button type="submit">{t('orders.admin.apply')}</Button>
      </form>
      <DataTable
        columns={columns}
        rows={stock.data?.items ?? []}
        rowKey={(r) => `${r.skuId}/${r.warehouseId}`}
        loading={stock.loading}
        error={stock.error}
        onRetry={stock.reload}
        empty={t('inventory.admin.empty')}
        expand={(r) => <Ledger skuId={r.skuId} whName={whName} />}
        testId="stock-table"
      />
      <AdjustDialog
        row={adjusting}
        warehouses={warehouses.data?.items ?? []}
        onClose={() => setAdjusting(null)}
        onDone={() => {
          setAdjusting(null);
          void stock.reload();
        }}
      />
    </>
  );
}

function Ledger({ skuId, whName }: { skuId: string; whName: (id: string) => string }) {
  const { t, locale } = useI18n();
  const res = useResource(() => inventoryApi.ledger(skuId), [skuId]);
  if (res.loading) return <p className="muted">{t('backoffice.common.loading')}</p>;
  return (
    <table className="table">
      <thead>
        <tr><th>{t('inventory.admin.when')}</th><th>{t('inventory.admin.warehouse')}</th><th>{t('inventory.admin.kind')}</th><th style={{ textAlign: 'right' }}>Δ {t('inventory.admin.onHand')}</th><th style={{ textAlign: 'right' }}>Δ {t('inventory.admin.reserved')}</th><th style={{ textAlign: 'right' }}>{t('inventory.admin.after')}</th><th>{t('inventory.admin.reason')}</th><th>{t('inventory.admin.by')}</th></tr>
      </thead>
      <tbody>
        {(res.data?.items ?? []).slice(0, 50).map((e) => (
          <tr key={e.id}>
            <td>{formatDateTime(e.at, locale)}</td>
            <td>{whName(e.warehouseId)}</td>
            <td>{e.kind}</td>
            <td style={{ textAlign: 'right' }}>{e.deltaOnHand || ''}</td>
            <td style={{ textAlign: 'right' }}>{e.deltaReserved || ''}</td>
            <td style={{ textAlign: 'right' }}>{e.onHandAfter} / {e.reservedAfter}</td>
            <td>{e.reason ?? (e.refType ? `${e.refType} ${e.refId}` : '')}</td>
            <td>{e.actorLabel}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AdjustDialog({ row, warehouses, onClose, onDone }: { row: StockRow | 'new' | null; warehouses: { id: string; code: string; name: string }[]; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const existing = row && row !== 'new' ? row : null;
  const [mode, setMode] = useState<'delta' | 'set'>('delta');
  const [sku, setSku] = useState('');
  const [warehouseId, setWarehouseId] = useState('');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const close = () => {
    setValue('');
    setReason('');
    setError(undefined);
    onClose();
  };
  return (
    <Dialog
      open={!!row}
      title={existing ? t('inventory.admin.adjustTitle', { sku: existing.sku }) : t('inventory.admin.receive')}
      onClose={close}
      footer={
        <>
          <Button onClick={close}>{t('backoffice.common.cancel')}</Button>
          <Button
            variant="primary"
            busy={busy}
            data-testid="adjust-save"
            onClick={async () => {
              setBusy(true);
              setError(undefined);
              const base = { sku: existing?.sku ?? sku, warehouseId: existing?.warehouseId ?? warehouseId, reason };
              try {
                if (mode === 'delta') await inventoryApi.adjust({ ...base, mode, delta: Number(value) });
                else await inventoryApi.adjust({ ...base, mode, onHand: Number(value), expectedOnHand: existing?.onHand ?? 0 });
                toast.success(t('inventory.admin.saved'));
                setValue('');
                setReason('');
                onDone();
              } catch (e) {
                setError(e instanceof ApiError && e.code === 'stale_write' ? t('inventory.admin.stale', { current: String((e.problem.current as { onHand?: number })?.onHand ?? '') }) : errorText(e, t));
              } finally {
                setBusy(false);
              }
            }}
          >
            {t('backoffice.common.save')}
          </Button>
        </>
      }
    >
      <div className="stack">
        {!existing ? (
          <>
            <TextField label={t('inventory.admin.sku')} value={sku} onChange={setSku} required />
            <SelectField label={t('inventory.admin.warehouse')} value={warehouseId} onChange={setWarehouseId} options={[{ value: '', label: '—' }, ...warehouses.map((w) => ({ value: w.id, label: `${w.code} — ${w.name}` }))]} />
          </>
        ) : (
          <p>{t('inventory.admin.current', { onHand: existing.onHand, reserved: existing.reserved })}</p>
        )}
        {existing ? (
          <SelectField label={t('inventory.admin.mode')} value={mode} onChange={(v) => setMode(v as 'delta' | 'set')} options={[{ value: 'delta', label: t('inventory.admin.modeDelta') }, { value: 'set', label: t('inventory.admin.modeSet') }]} />
        ) : null}
        <TextField label={mode === 'delta' ? t('inventory.admin.delta') : t('inventory.admin.counted')} type="number" value={value} onChange={setValue} required data-testid="adjust-value" />
        <TextField label={t('inventory.admin.reason')} value={reason} onChange={setReason} required />
        {error ? <Alert tone="error">{error}</Alert> : null}
      </div>
    </Dialog>
  );
}
