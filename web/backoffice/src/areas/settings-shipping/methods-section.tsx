import { useState } from 'react';
import { api } from '../../core/api.js';
import { useI18n } from '../../core/i18n.js';
import { DataTable } from '../../ui/data-table.js';
import { ConfirmDialog } from '../../ui/dialog.js';
import { Section } from '../../ui/page-header.js';
import { Badge } from '../../ui/badge.js';
import { Button } from '../../ui/misc.js';
import { useToast } from '../../ui/toast.js';
import { MethodEditor } from './method-editor.js';
import type { Method, Zone } from './types.js';

export function MethodsSection({ methods, zones, loading, canWrite, reload }: { methods: Method[]; zones: Zone[]; loading: boolean; canWrite: boolean; reload: () => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const [editing, setEditing] = useState<{ method?: Method } | undefined>();
  const [deleting, setDeleting] = useState<Method | undefined>();
  const zoneCode = (id: string) => zones.find((z) => z.id === id)?.code ?? id;
  return (
    <Section
      title={t('shipping.admin.methodsTitle')}
      description={t('shipping.admin.methodsHelp')}
      actions={canWrite ? <Button size="sm" icon="plus" variant="primary" onClick={() => setEditing({})}>{t('shipping.admin.addMethod')}</Button> : undefined}
    >
      <DataTable
        testId="shipping-methods"
        rows={methods}
        rowKey={(m) => m.id}
        loading={loading}
        columns={[
          { key: 'name', header: t('shipping.admin.name'), render: (m) => <>{m.name}<div className="cell-sub mono">{m.code}</div></> },
          { key: 'mode', header: t('shipping.admin.mode'), render: (m) => t(`shipping.mode.${m.mode}`) },
          { key: 'dim', header: t('shipping.admin.dimFactor'), render: (m) => `1:${m.dimFactor}`, align: 'right' },
          { key: 'tiers', header: t('shipping.admin.tiers'), render: (m) => (m.customerTiers ? m.customerTiers.join(', ') : t('shipping.admin.everyone')) },
          { key: 'zones', header: t('shipping.admin.zonesTitle'), render: (m) => m.rates.map((r) => `${zoneCode(r.zoneId)} ${r.transitDays.min}–${r.transitDays.max}d`).join(' · ') },
          { key: 'active', header: '', render: (m) => (m.active ? <Badge tone="green">{t('shipping.admin.activeBadge')}</Badge> : <Badge>{t('shipping.admin.inactiveBadge')}</Badge>) },
          {
            key: 'actions', header: '', align: 'right',
            render: (m) => canWrite ? (
              <span className="row">
                <Button size="sm" variant="ghost" onClick={() => setEditing({ method: m })}>{t('shipping.admin.edit')}</Button>
                <Button size="sm" variant="ghost" icon="x" onClick={() => setDeleting(m)}>{t('shipping.admin.remove')}</Button>
              </span>
            ) : null,
          },
        ]}
      />
      {editing ? (
        <MethodEditor
          method={editing.method}
          zones={zones}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            toast.success(t('shipping.admin.saved'));
            reload();
          }}
        />
      ) : null}
      <ConfirmDialog
        open={!!deleting}
        title={t('shipping.admin.removeMethod')}
        message={deleting ? t('shipping.admin.removeMethodConfirm', { name: deleting.name }) : ''}
        confirmLabel={t('shipping.admin.remove')}
        onClose={() => setDeleting(undefined)}
        onConfirm={async () => {
          await api.del(`/api/admin/shipping/methods/${deleting!.id}`);
          setDeleting(undefined);
          reload();
        }}
      />
    </Section>
  );
}
