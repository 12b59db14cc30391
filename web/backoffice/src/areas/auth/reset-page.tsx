import { useState } from 'react';
import { useT } from '../../core/i18n.js';
import { hashParam, Link } from '../../core/router.js';
import { FormError, useForm } from '../../ui/form.js';
import { Alert, Button, Spinner } from '../../ui/misc.js';
import { useResource } from '../../core/hooks.js';
import { authApi } from './api.js';
import { NewPasswordFields } from './password-fields.js';

/** Sets a new password from an emailed link; signing in afterwards still asks for the 2FA code. */
export default function ResetPage() {
  const t = useT();
  const [token] = useState(() => hashParam('token') ?? '');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState(false);
  // A spent or expired link is said up front, not after the person typed a password twice.
  const check = useResource(async () => (token ? authApi.checkReset(token) : { valid: false }), [token]);
  const invalid = !token || (!!check.data && !check.data.valid);
  const form = useForm(['password', 'token']);

  const submit = form.submit(async () => {
    if (password !== confirm) {
      form.setFieldErrors({ confirm: t('backoffice.auth.passwordsDiffer') });
      return;
    }
    await authApi.confirmReset(token, password);
    window.history.replaceState(null, '', window.location.pathname);
    setDone(true);
  });

  return (
    <div className="stack">
      <div>
        <h1>{t('backoffice.reset.title')}</h1>
        <p className="lead">{t('backoffice.reset.lead')}</p>
      </div>
      {done ? (
        <Alert tone="success">{t('backoffice.reset.done')}</Alert>
      ) : invalid ? (
        <Alert tone="error">{t('backoffice.reset.noToken')}</Alert>
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
            {t('backoffice.reset.submit')}
          </Button>
        </form>
      )}
      <div className="bare-links">
        <Link to="/login">{t('backoffice.auth.backToLogin')}</Link>
        {!done ? <Link to="/forgot">{t('backoffice.reset.newLink')}</Link> : null}
      </div>
    </div>
  );
}
