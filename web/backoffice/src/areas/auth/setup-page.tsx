import { useState } from 'react';
import { useT } from '../../core/i18n.js';
import { hashParam, Link, navigate } from '../../core/router.js';
import { useSession } from '../../core/session.js';
import { useResource } from '../../core/hooks.js';
import { ENROL_PATH } from '../../core/paths.js';
import { FormError, TextField, useForm } from '../../ui/form.js';
import { Alert, Button, Spinner } from '../../ui/misc.js';
import { authApi } from './api.js';
import { NewPasswordFields } from './password-fields.js';

/** First start: the one-time link printed by the server creates the first owner and signs them in. */
export default function SetupPage() {
  const t = useT();
  const { refresh, adoptCsrfToken } = useSession();
  const [token] = useState(() => hashParam('token') ?? '');
  const check = useResource(async () => (token ? authApi.checkSetup(token) : { valid: false }), [token]);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const form = useForm(['email', 'name', 'password', 'token']);

  if (check.loading && !check.data) return <Spinner />;
  if (!token || check.error || !check.data?.valid) {
    return (
      <div className="stack">
        <h1>{t('backoffice.setup.title')}</h1>
        <Alert tone="error" title={t('backoffice.setup.invalidTitle')}>
          {t('backoffice.setup.invalidBody')}
        </Alert>
        <p className="muted">
          <code>npx tradelane staff create --email you@example.com --role owner</code>
        </p>
        <Link to="/login">{t('backoffice.auth.backToLogin')}</Link>
      </div>
    );
  }

  const submit = form.submit(async () => {
    if (password !== confirm) {
      form.setFieldErrors({ confirm: t('backoffice.auth.passwordsDiffer') });
      return;
    }
    const r = await authApi.setup({ token, email: email.trim(), name: name.trim(), password });
    if (r?.csrfToken) adoptCsrfToken(r.csrfToken);
    // The link is spent: don't leave it in the address bar or history.
    window.history.replaceState(null, '', window.location.pathname);
    const s = await refresh();
    navigate(s.status === 'ready' ? `${ENROL_PATH}?welcome=1` : '/login', { replace: true });
  });

  return (
    <form className="form" onSubmit={submit} data-testid="setup-form">
      <div>
        <h1>{t('backoffice.setup.title')}</h1>
        <p className="lead">{t('backoffice.setup.lead')}</p>
      </div>
      <FormError message={form.formError} />
      <TextField label={t('backoffice.auth.email')} type="email" name="email" autoComplete="username" value={email} onChange={setEmail} error={form.error('email')} required autoFocus />
      <TextField label={t('backoffice.auth.name')} name="name" autoComplete="name" value={name} onChange={setName} error={form.error('name')} required />
      <NewPasswordFields
        password={password}
        confirm={confirm}
        onPassword={setPassword}
        onConfirm={setConfirm}
        error={form.error('password')}
        confirmError={form.fieldErrors.confirm}
      />
      <Button type="submit" variant="primary" className="btn-block" busy={form.busy}>
        {t('backoffice.setup.submit')}
      </Button>
    </form>
  );
}
