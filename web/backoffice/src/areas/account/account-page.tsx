import { useState } from 'react';
import { LOCALES, useI18n, type UiLocale } from '../../core/i18n.js';
import { Link, navigate } from '../../core/router.js';
import { useSession } from '../../core/session.js';
import { ENROL_PATH } from '../../core/paths.js';
import { errorText, FormError, SelectField, TextField, useForm } from '../../ui/form.js';
import { PageHeader, Section } from '../../ui/page-header.js';
import { Badge } from '../../ui/badge.js';
import { Button, Kv } from '../../ui/misc.js';
import { ConfirmDialog, Dialog } from '../../ui/dialog.js';
import { useToast } from '../../ui/toast.js';
import { accountApi } from './api.js';
import { RecoveryCodes } from './recovery-codes.js';

/** The signed-in person's own settings: password, language, 2FA, sessions. */
export default function AccountPage() {
  const { t, locale } = useI18n();
  const { session, changeLocale, refresh } = useSession();
  const toast = useToast();
  const [confirmEverywhere, setConfirmEverywhere] = useState(false);
  const [busyEverywhere, setBusyEverywhere] = useState(false);
  if (!session) return null;
  const s = session.staff;

  return (
    <>
      <PageHeader title={t('backoffice.account.title')} subtitle={s.email} />
      <div className="grid-2">
        <div>
          <Section title={t('backoffice.account.profile')}>
            <Kv
              items={[
                [t('backoffice.auth.name'), s.name],
                [t('backoffice.auth.email'), s.email],
                [t('backoffice.staff.role'), <Badge tone="blue">{t(`backoffice.roles.${s.role}`)}</Badge>],
              ]}
            />
          </Section>
          <Section title={t('backoffice.common.language')} description={t('backoffice.account.languageHelp')}>
            <SelectField
              label={t('backoffice.common.language')}
              value={locale}
              options={LOCALES.map((l) => ({ value: l.code, label: l.label }))}
              onChange={(v) =>
                changeLocale(v as UiLocale).then(
                  () => toast.success(t('backoffice.account.languageSaved')),
                  (e) => toast.error(errorText(e, t)),
                )
              }
              data-testid="account-locale"
            />
          </Section>
          <PasswordForm />
        </div>
        <div>
          <TwoFactorCard enabled={s.totpEnabled} email={s.email} onChanged={() => void refresh()} />
          <Section title={t('backoffice.account.sessions')} description={t('backoffice.account.sessionsHelp')}>
            <Button variant="danger" icon="logout" onClick={() => setConfirmEverywhere(true)} data-testid="logout-everywhere">
              {t('backoffice.account.logoutEverywhere')}
            </Button>
          </Section>
        </div>
      </div>
      <ConfirmDialog
        open={confirmEverywhere}
        title={t('backoffice.account.logoutEverywhere')}
        message={t('backoffice.account.logoutEverywhereConfirm')}
        confirmLabel={t('backoffice.account.logoutEverywhere')}
        busy={busyEverywhere}
        onClose={() => setConfirmEverywhere(false)}
        onConfirm={async () => {
          setBusyEverywhere(true);
          try {
            await accountApi.logoutEverywhere();
            await refresh().catch(() => undefined);
            navigate('/login', { replace: true });
          } catch (e) {
            toast.error(errorText(e, t));
          } finally {
            setBusyEverywhere(false);
            setConfirmEverywhere(false);
          }
        }}
      />
    </>
  );
}

function PasswordForm() {
  const { t } = useI18n();
  const toast = useToast();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const form = useForm(['currentPassword', 'newPassword']);
  const submit = form.submit(async () => {
    if (next !== confirm) {
      form.setFieldErrors({ confirm: t('backoffice.auth.passwordsDiffer') });
      return;
    }
    await accountApi.changePassword(current, next);
    setCurrent('');
    setNext('');
    setConfirm('');
    toast.success(t('backoffice.account.passwordChanged'));
  });
  return (
    <Section title={t('backoffice.account.changePassword')}>
      <form className="form" onSubmit={submit}>
        <FormError message={form.formError} />
        <TextField label={t('backoffice.account.currentPassword')} type="password" autoComplete="current-password" value={current} onChange={setCurrent} error={form.error('currentPassword')} required />
        <TextField label={t('backoffice.auth.newPassword')} type="password" autoComplete="new-password" value={next} onChange={setNext} error={form.error('newPassword')} hint={t('backoffice.auth.passwordHint')} required />
        <TextField label={t('backoffice.auth.confirmPassword')} type="password" autoComplete="new-password" value={confirm} onChange={setConfirm} error={form.fieldErrors.confirm} required />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={form.busy}>
            {t('backoffice.account.changePassword')}
          </Button>
        </div>
      </form>
    </Section>
  );
}

function TwoFactorCard({ enabled, email, onChanged }: { enabled: boolean; email: string; onChanged: () => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const [dialog, setDialog] = useState<'regenerate' | 'disable' | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [codes, setCodes] = useState<string[] | undefined>(undefined);
  const form = useForm(['code', 'password']);
  const close = () => {
    setDialog(null);
    setCode('');
    setPassword('');
    setCodes(undefined);
    form.reset();
  };
  const regenerate = form.submit(async () => {
    const r = await accountApi.regenerateRecoveryCodes(code.replace(/\s+/g, ''));
    setCodes(r.recoveryCodes);
  });
  const disable = form.submit(async () => {
    await accountApi.disableTotp(password, code.replace(/\s+/g, ''));
    close();
    toast.success(t('backoffice.twofa.disabled'));
    onChanged();
  });

  return (
    <Section
      title={t('backoffice.twofa.title')}
      description={t('backoffice.twofa.cardHelp')}
      actions={enabled ? <Badge tone="green">{t('backoffice.common.on')}</Badge> : <Badge tone="amber">{t('backoffice.common.off')}</Badge>}
    >
      {enabled ? (
        <div className="row">
          <Button icon="refresh" onClick={() => setDialog('regenerate')}>
            {t('backoffice.twofa.regenerate')}
          </Button>
          <Button variant="danger" onClick={() => setDialog('disable')}>
            {t('backoffice.twofa.disable')}
          </Button>
        </div>
      ) : (
        <Link to={ENROL_PATH} className="btn btn-primary">
          {t('backoffice.twofa.setUp')}
        </Link>
      )}
      <Dialog open={dialog === 'regenerate'} title={t('backoffice.twofa.regenerate')} onClose={close} wide={!!codes}>
        {codes ? (
          <RecoveryCodes codes={codes} email={email} onDone={close} doneLabel={t('backoffice.twofa.codesSaved')} />
        ) : (
          <form className="form" onSubmit={regenerate}>
            <p className="muted">{t('backoffice.twofa.regenerateHelp')}</p>
            <FormError message={form.formError} />
            <TextField label={t('backoffice.auth.code')} inputMode="numeric" autoComplete="one-time-code" value={code} onChange={setCode} error={form.error('code')} required autoFocus />
            <div className="form-actions">
              <Button type="submit" variant="primary" busy={form.busy}>
                {t('backoffice.twofa.regenerate')}
              </Button>
            </div>
          </form>
        )}
      </Dialog>
      <Dialog open={dialog === 'disable'} title={t('backoffice.twofa.disable')} onClose={close}>
        <form className="form" onSubmit={disable}>
          <p className="muted">{t('backoffice.twofa.disableHelp')}</p>
          <FormError message={form.formError} />
          <TextField label={t('backoffice.auth.password')} type="password" autoComplete="current-password" value={password} onChange={setPassword} error={form.error('password')} required autoFocus />
          <TextField label={t('backoffice.auth.code')} inputMode="numeric" autoComplete="one-time-code" value={code} onChange={setCode} error={form.error('code')} required />
          <div className="form-actions">
            <Button type="submit" variant="danger" busy={form.busy}>
              {t('backoffice.twofa.disable')}
            </Button>
          </div>
        </form>
      </Dialog>
    </Section>
  );
}
