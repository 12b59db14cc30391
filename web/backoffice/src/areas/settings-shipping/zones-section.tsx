import { useState } from 'react';
import { api } from '../../core/api.js';
import { useI18n } from '../../core/i18n.js';
import { DataTable } from '../../ui/data-table.js';
import { ConfirmDialog, Dialog } from '../../ui/dialog.js';
import { FormError, TextAreaField, TextField, useForm } from '../../ui/form.js';
import { Section } from '../../ui/page-header.js';
import { Button } from '../../ui/misc.js';
import { useToast } from '../../ui/toast.js';
import { rulesToText, textToRules, type Zone } from './types.js';

/** Zones by country, region and postcode pattern. */
export function ZonesSection({ zones, loading, canWrite, reload }: { zones: Zone[]; loading: boolean; canWrite: boolean; reload: () => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const [draft, setDraft] = useState<{ id?: string; code: string; name: string; text: string } | undefined>();
  const [deleting, setDeleting] = useState<Zone | undefined>();
  const form = useForm(['code', 'name', 'rules']);
  const save = form.submit(async () => {
    const body = { code: draft!.code, name: draft!.name, rules: textToRules(draft!.text) };
    if (draft!.id) await api.put(`/api/admin/shipping/zones/${draft!.id}`, body);
    else await api.post('/api/admin/shipping/zones', body);
    setDraft(undefined);
    toast.success(t('shipping.admin.saved'));
    reload();
  });
  return (
    <Section
      title={t('shipping.admin.zonesTitle')}
      description={t('shipping.admin.zonesHelp')}
      actions={canWrite ? <Button size="sm" icon="plus" onClick={() => { form.reset(); setDraft({ code: '', name: '', text: '' }); }}>{t('shipping.admin.addZone')}</Button> : undefined}
    >
      <DataTable
        testId="shipping-zones"
        rows={zones}
        rowKey={(z) => z.id}
        loading={loading}
        columns={[
          { key: 'code', header: t('shipping.admin.code'), render: (z) => <span className="mono">{z.code}</span> },
          { key: 'name', header: t('shipping.admin.name'), render: (z) => z.name },
          { key: 'rules', header: t('shipping.admin.rules'), render: (z) => <span className="truncate">{rulesToText(z.rules).replace(/\n/g, ' · ')}</span> },
          {
            key: 'actions', header: '', align: 'right',
            render: (z) => canWrite ? (
              <span className="row">
                <Button size="sm" variant="ghost" onClick={() => { form.reset(); setDraft({ id: z.id, code: z.code, name: z.name, text: rulesToText(z.rules) }); }}>{t('shipping.admin.edit')}</Button>
                <Button size="sm" variant="ghost" icon="x" onClick={() => setDeleting(z)}>{t('shipping.admin.remove')}</Button>
              </span>
            ) : null,
          },
        ]}
      />
      <Dialog open={!!draft} title={draft?.id ? t('shipping.admin.editZone') : t('shipping.admin.addZone')} onClose={() => setDraft(undefined)} footer={<Button variant="primary" busy={form.busy} onClick={() => void save()}>{t('backoffice.common.save')}</Button>}>
        {draft ? (
          <form onSubmit={save} className="stack" data-testid="zone-form">
            <FormError message={form.formError} />
            <div className="grid-2">
              <TextField label={t('shipping.admin.code')} value={draft.code} onChange={(code) => setDraft({ ...draft, code })} error={form.error('code')} />
              <TextField label={t('shipping.admin.name')} value={draft.name} onChange={(name) => setDraft({ ...draft, name })} error={form.error('name')} />
            </div>
            <TextAreaField label={t('shipping.admin.rules')} rows={8} value={draft.text} onChange={(text) => setDraft({ ...draft, text })} error={form.error('rules')} hint={t('shipping.admin.rulesHint')} spellCheck={false} />
          </form>
        ) : null}
      </Dialog>
      <ConfirmDialog
        open={!!deleting}
        title={t('shipping.admin.removeZone')}
        message={deleting ? t('shipping.admin.removeZoneConfirm', { code: deleting.code }) : ''}
        confirmLabel={t('shipping.admin.remove')}
        onClose={() => setDeleting(undefined)}
        onConfirm={async () => {
          try {
            await api.del(`/api/admin/shipping/zones/${deleting!.id}`);
            reload();
          } catch (e) {
            toast.error((e as Error).message);
          }
          setDeleting(undefined);
        }}
      />
    </Section>
  );
}
