import { useState } from 'react';
import { useI18n } from '../../core/i18n.js';
import { useResource } from '../../core/hooks.js';
import { useSession } from '../../core/session.js';
import { STAFF_ROLES, type StaffRole } from '../../core/roles.js';
import { formatRelative } from '../../../../shared/format.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { PageHeader } from '../../ui/page-header.js';
import { Badge, type Tone } from '../../ui/badge.js';
import { Button } from '../../ui/misc.js';
import { ConfirmDialog, Dialog } from '../../ui/dialog.js';
import { errorText, FormError, SelectField, TextField, useForm } from '../../ui/form.js';
import { useToast } from '../../ui/toast.js';
import { staffApi, type StaffMember } from './api.js';

const STATUS_TONE: Record<string, Tone> = { active: 'green', disabled: 'red', invited: 'amber' };

type Pending = { kind: 'disable' | 'enable' | 'revoke'; member: StaffMember } | null;

export default function StaffPage() {
  const { t, locale } = useI18n();
  const { session, can } = useSession();
  const toast = useToast();
  const list = useResource(() => staffApi.list(), []);
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<StaffMember | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [busy, setBusy] = useState(false);
  const canWrite = can('staff:write');
  const roleOptions = STAFF_ROLES.map((r) => ({ value: r, label: t(`backoffice.roles.${r}`) }));

  const columns: Column<StaffMember>[] = [
    {
      key: 'name',
      header: t('backoffice.auth.name'),
      render: (m) => (
        <>
          <strong>{m.name}</strong>
          {m.id === session?.staff.id ? <span className="muted"> · {t('backoffice.staff.you')}</span> : null}
          <span className="cell-sub">{m.email}</span>
        </>
      ),
    },
    { key: 'role', header: t('backoffice.staff.role'), render: (m) => <Badge tone="blue">{t(`backoffice.roles.${m.role}`)}</Badge> },
    { key: 'status', header: t('backoffice.common.status'), render: (m) => <Badge tone={STATUS_TONE[m.status] ?? 'neutral'}>{t(`backoffice.staff.status.${m.status}`)}</Badge> },
    {
      key: 'totp',
      header: t('backoffice.staff.twofa'),
      render: (m) => (m.totpEnabled ? <Badge tone="green">{t('backoffice.common.on')}</Badge> : <Badge>{t('backoffice.common.off')}</Badge>),
    },
    { key: 'last', header: t('backoffice.staff.lastLogin'), render: (m) => (m.lastLoginAt ? formatRelative(m.lastLoginAt, locale) : <span className="muted">{t('backoffice.common.never')}</span>) },
  ];
  if (canWrite) {
    columns.push({
      key: 'actions',
      header: '',
      className: 'cell-actions',
      render: (m) =>
        m.id === session?.staff.id ? null : (
          <>
            <Button size="sm" onClick={() => setEditing(m)}>
              {t('backoffice.staff.changeRole')}
            </Button>
            <Button size="sm" onClick={() => setPending({ kind: 'revoke', member: m })}>
              {t('backoffice.staff.revokeSessions')}
            </Button>
            {m.status === 'disabled' ? (
              <Button size="sm" onClick={() => setPending({ kind: 'enable', member: m })}>
                {t('backoffice.staff.enable')}
              </Button>
            ) : (
              <Button size="sm" variant="danger" onClick={() => setPending({ kind: 'disable', member: m })}>
                {t('backoffice.staff.disable')}
              </Button>
            )}
          </>
        ),
    });
  }

  const runPending = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      const { kind, member } = pending;
      if (kind === 'revoke') await staffApi.revokeSessions(member.id);
      else await staffApi.update(member.id, { status: kind === 'disable' ? 'disabled' : 'active' });
      toast.success(t(`backoffice.staff.done.${kind}`, { name: member.name }));
      await list.reload();
    } catch (e) {
      toast.error(errorText(e, t));
    } finally {
      setBusy(false);
      setPending(null);
    }
  };

  return (
    <>
      <PageHeader
        title={t('backoffice.staff.title')}
        subtitle={t('backoffice.staff.subtitle')}
        actions={
          canWrite ? (
            <Button variant="primary" icon="plus" onClick={() => setInviting(true)} data-testid="invite-staff">
              {t('backoffice.staff.invite')}
            </Button>
          ) : null
        }
      />
      <DataTable columns={columns} rows={list.data ?? []} rowKey={(m) => m.id} loading={list.loading} error={list.error} onRetry={list.reload} testId="staff-table" />
      <InviteDialog open={inviting} roleOptions={roleOptions} onClose={() => setInviting(false)} onDone={() => void list.reload()} />
      <RoleDialog member={editing} roleOptions={roleOptions} onClose={() => setEditing(null)} onDone={() => void list.reload()} />
      <ConfirmDialog
        open={!!pending}
        title={pending ? t(`backoffice.staff.confirm.${pending.kind}.title`) : ''}
        message={pending ? t(`backoffice.staff.confirm.${pending.kind}.body`, { name: pending.member.name }) : ''}
        confirmLabel={pending ? t(`backoffice.staff.confirm.${pending.kind}.action`) : ''}
        danger={pending?.kind !== 'enable'}
        busy={busy}
        onClose={() => setPending(null)}
        onConfirm={runPending}
      />
    </>
  );
}

function InviteDialog({ open, roleOptions, onClose, onDone }: { open: boolean; roleOptions: { value: string; label: string }[]; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>('sales');
  const form = useForm(['email', 'name', 'role']);
  const close = () => {
    setEmail('');
    setName('');
    setRole('sales');
    form.reset();
    onClose();
  };
  const submit = form.submit(async () => {
    await staffApi.invite({ email: email.trim(), name: name.trim(), role });
    toast.success(t('backoffice.staff.invited', { email: email.trim() }));
    close();
    onDone();
  });
  return (
    <Dialog open={open} title={t('backoffice.staff.invite')} onClose={close}>
      <form className="form" onSubmit={submit} id="invite-form">
        <p className="muted">{t('backoffice.staff.inviteHelp')}</p>
        <FormError message={form.formError} />
        <TextField label={t('backoffice.auth.email')} type="email" value={email} onChange={setEmail} error={form.error('email')} required autoFocus />
        <TextField label={t('backoffice.auth.name')} value={name} onChange={setName} error={form.error('name')} required />
        <SelectField label={t('backoffice.staff.role')} value={role} options={roleOptions} onChange={(v) => setRole(v as StaffRole)} error={form.error('role')} />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={form.busy}>
            {t('backoffice.staff.sendInvite')}
          </Button>
          <Button onClick={close}>{t('backoffice.common.cancel')}</Button>
        </div>
      </form>
    </Dialog>
  );
}

function RoleDialog({ member, roleOptions, onClose, onDone }: { member: StaffMember | null; roleOptions: { value: string; label: string }[]; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const [role, setRole] = useState<StaffRole | ''>('');
  const form = useForm(['role']);
  const value = role || member?.role || 'sales';
  const close = () => {
    setRole('');
    form.reset();
    onClose();
  };
  const submit = form.submit(async () => {
    if (!member) return;
    await staffApi.update(member.id, { role: value as StaffRole });
    toast.success(t('backoffice.staff.roleChanged', { name: member.name, role: t(`backoffice.roles.${value}`) }));
    close();
    onDone();
  });
  return (
    <Dialog open={!!member} title={t('backoffice.staff.changeRoleOf', { name: member?.name ?? '' })} onClose={close}>
      <form className="form" onSubmit={submit}>
        <FormError message={form.formError} />
        <SelectField label={t('backoffice.staff.role')} value={value} options={roleOptions} onChange={(v) => setRole(v as StaffRole)} error={form.error('role')} hint={t('backoffice.staff.roleHelp')} />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={form.busy}>
            {t('backoffice.common.save')}
          </Button>
          <Button onClick={close}>{t('backoffice.common.cancel')}</Button>
        </div>
      </form>
    </Dialog>
  );
}
