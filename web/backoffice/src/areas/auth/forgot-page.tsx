import { useState } from 'react';
import { useT } from '../../core/i18n.js';
import { Link } from '../../core/router.js';
import { FormError, TextField, useForm } from '../../ui/form.js';
import { Alert, Button } from '../../ui/misc.js';
import { authApi } from './api.js';

/** Asks for a reset link. The answer is the same whether or not the address has an account. */
export default function ForgotPage() {
  const t = useT();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const form = useForm(['email']);
  const submit = form.submit(async () => {
    await authApi.requestReset(email.trim());
    setSent(true);
  });
  return (
    <div className="stack">
      <div>
        <h1>{t('backoffice.forgot.title')}</h1>
        <p className="lead">{t('backoffice.forgot.lead')}</p>
      </div>
      {sent ? (
        <Alert tone="success">{t('backoffice.forgot.sent', { email: email.trim() })}</Alert>
      ) : (
        <form className="form" onSubmit={submit}>
          <FormError message={form.formError} />
          <TextField label={t('backoffice.auth.email')} type="email" name="email" autoComplete="username" value={email} onChange={setEmail} error={form.error('email')} required autoFocus />
          <Button type="submit" variant="primary" className="btn-block" busy={form.busy}>
            {t('backoffice.forgot.submit')}
          </Button>
        </form>
      )}
      <div className="bare-links">
        <Link to="/login">{t('backoffice.auth.backToLogin')}</Link>
      </div>
    </div>
  );
}
