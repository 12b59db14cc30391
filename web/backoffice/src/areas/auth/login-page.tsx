import { useEffect, useState } from 'react';
import { useT } from '../../core/i18n.js';
import { Link, navigate, useLocation } from '../../core/router.js';
import { useSession } from '../../core/session.js';
import { useCountdown } from '../../core/hooks.js';
import { FormError, TextField, useForm } from '../../ui/form.js';
import { Button } from '../../ui/misc.js';
import { ENROL_PATH, Redirect, safeNext } from '../../core/paths.js';
import { authApi } from './api.js';

/**
 * Email + password, then the authenticator code (or a recovery code) when the account has 2FA.
 * Errors come from the server and are deliberately generic; a 429 shows how long to wait.
 */
export function LoginPage() {
  const t = useT();
  const { search } = useLocation();
  const { state, refresh, adoptCsrfToken, logout } = useSession();
  const next = safeNext(search.get('next'));
  const [step, setStep] = useState<'password' | 'code'>(search.get('step') === 'code' ? 'code' : 'password');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [useRecovery, setUseRecovery] = useState(false);
  const form = useForm(['email', 'password', 'code', 'recoveryCode']);
  const wait = useCountdown(form.lastError?.status === 429 ? (form.lastError.retryAfter ?? 60) : undefined, form.lastError);

  // A session still owing its code (e.g. after a reload) continues at the code step.
  useEffect(() => {
    if (state.status === 'mfa') setStep('code');
    if (state.status === 'anonymous' && step === 'code') setStep('password');
  }, [state.status]); // eslint-disable-line react-hooks/exhaustive-deps

  if (state.status === 'ready') {
    return <Redirect to={state.session.mustEnrollMfa ? `${ENROL_PATH}?required=1` : next} />;
  }

  const finish = async () => {
    const s = await refresh();
    if (s.status === 'ready') navigate(s.session.mustEnrollMfa ? `${ENROL_PATH}?required=1` : next, { replace: true });
    else if (s.status === 'mfa') setStep('code');
  };

  const submitPassword = form.submit(async () => {
    const r = await authApi.login(email.trim(), password);
    if (r?.csrfToken) adoptCsrfToken(r.csrfToken);
    setPassword('');
    if (r?.mfaRequired) {
      setStep('code');
      await refresh().catch(() => undefined);
    } else await finish();
  });

  const submitCode = form.submit(async () => {
    const value = code.replace(/\s+/g, '');
    const r = await authApi.loginCode(useRecovery ? { recoveryCode: value } : { code: value });
    if (r?.csrfToken) adoptCsrfToken(r.csrfToken);
    setCode('');
    await finish();
  });

  const waitText = wait > 0 ? t('backoffice.auth.waitSeconds', { seconds: wait }) : undefined;

  if (step === 'code') {
    return (
      <form className="form" onSubmit={submitCode} data-testid="login-code-form">
        <div>
          <h1>{t('backoffice.auth.codeTitle')}</h1>
          <p className="lead">{t(useRecovery ? 'backoffice.auth.recoveryLead' : 'backoffice.auth.codeLead')}</p>
        </div>
        <FormError message={waitText ?? form.formError} />
        {useRecovery ? (
          <TextField
            key="recovery"
            label={t('backoffice.auth.recoveryCode')}
            name="recoveryCode"
            autoComplete="off"
            spellCheck={false}
            value={code}
            onChange={setCode}
            error={form.error('recoveryCode')}
            required
            autoFocus
          />
        ) : (
          <TextField
            key="code"
            label={t('backoffice.auth.code')}
            name="code"
            className="code-field"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]*"
            maxLength={7}
            value={code}
            onChange={setCode}
            error={form.error('code')}
            required
            autoFocus
          />
        )}
        <Button type="submit" variant="primary" className="btn-block" busy={form.busy} disabled={wait > 0}>
          {t('backoffice.auth.verify')}
        </Button>
        <div className="bare-links">
          <button
            type="button"
            className="link-btn"
            onClick={() => {
              setUseRecovery((v) => !v);
              setCode('');
              form.reset();
            }}
          >
            {t(useRecovery ? 'backoffice.auth.useAuthenticator' : 'backoffice.auth.useRecoveryCode')}
          </button>
          <button
            type="button"
            className="link-btn"
            onClick={async () => {
              await logout().catch(() => undefined);
              setStep('password');
              form.reset();
            }}
          >
            {t('backoffice.auth.startOver')}
          </button>
        </div>
      </form>
    );
  }

  return (
    <form className="form" onSubmit={submitPassword} data-testid="login-form">
      <div>
        <h1>{t('backoffice.auth.loginTitle')}</h1>
        <p className="lead">{t('backoffice.auth.loginLead')}</p>
      </div>
      <FormError message={waitText ?? form.formError} />
      <TextField
        label={t('backoffice.auth.email')}
        type="email"
        name="email"
        autoComplete="username"
        value={email}
        onChange={setEmail}
        error={form.error('email')}
        required
        autoFocus
      />
      <TextField
        label={t('backoffice.auth.password')}
        type="password"
        name="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        error={form.error('password')}
        required
      />
      <Button type="submit" variant="primary" className="btn-block" busy={form.busy} disabled={wait > 0}>
        {t('backoffice.auth.signIn')}
      </Button>
      <div className="bare-links">
        <Link to="/forgot">{t('backoffice.auth.forgotLink')}</Link>
      </div>
    </form>
  );
}
