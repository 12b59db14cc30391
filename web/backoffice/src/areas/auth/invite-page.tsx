import { useState } from 'react';
import { useT } from '../../core/i18n.js';
import { hashParam, Link, navigate } from '../../core/router.js';
import { useSession } from '../../core/session.js';
import { ENROL_PATH } from '../../core/paths.js';
import { FormError, useForm } from '../../ui/form.js';
import { Alert, Button, Spinner } from '../../ui/misc.js';
import { useResource } from '../../core/hooks.js';
import { authApi } from './api.js';
import { NewPasswordFields } from './password-fields.js';

/** An invited colleague sets a password; when the server signs them in, 2FA enrolment is next. */
export default function InvitePage() {
  const t = useT();
  const { refresh, adoptCsrfToken } = useSession();
  const [token] = useState(() => hashParam('token') ?? '');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState(false);
  // A spent or expired link is said up front, not after the person typed a password twice.
  const check = useResource(async () => (token ? authApi.checkInvite(token) : { valid: false }), [token]);
  const invalid = !token || (!!check.data && !check.data.valid);
  const form = useForm(['password', 'token']);

  const submit = form.submit(async () => {
    if (password !== confirm) {
      form.setFieldErrors({ confirm: t('backoffice.auth.passwordsDiffer') });
      return;
    }
    const r = await authApi.acceptInvite(token, password);
    if (r?.csrfToken) adoptCsrfToken(r.csrfToken);
    window.history.replaceState(null, '', window.location.pathname);
    const s = await refresh().catch(() => undefined);
    if (s?.status === 'ready') navigate(`${ENROL_PATH}?welcome=1`, { replace: true });
    else if (s?.status === 'mfa') navigate('/login?step=code', { replace: true });
    else setDone(true);
  });

  return (
    <div className="stack">
      <div>
        <h1>{t('backoffice.invite.title')}</h1>
        <p className="lead">{t('backoffice.invite.lead')}</p>
      </div>
      {done ? (
        <Alert tone="success">{t('backoffice.invite.done')}</Alert>
      ) : invalid ? (
        <Alert tone="error">{t('backoffice.invite.noToken')}</Alert>
      ) : check.loading && !check.data ? (
        <Spinner />
      ) : (
        <form className="form" onSubmit={submit}>
          <FormError message={form.formError} />
          <NewPasswordFields
            password={password}
            confirm={confirm}
            onPassword={setPassword}
            onConfirm={setConfirm}
            error={form.error('password')}
            confirmError={form.fieldErrors.confirm}
            autoFocus
          />
          <Button type="submit" variant="primary" className="btn-block" busy={form.busy}>
            {t('backoffice.invite.submit')}
          </Button>
        </form>
      )}
      <div className="bare-links">
        <Link to="/login">{t('backoffice.auth.backToLogin')}</Link>
      </div>
    </div>
  );
}
