import { useEffect, useRef, useState } from 'react';
import { useT } from '../../core/i18n.js';
import { Link, navigate, useLocation } from '../../core/router.js';
import { useSession } from '../../core/session.js';
import { errorText, FormError, TextField, useForm } from '../../ui/form.js';
import { PageHeader, Section } from '../../ui/page-header.js';
import { Alert, Button, CopyButton, Spinner } from '../../ui/misc.js';
import { accountApi, type TotpSetup } from './api.js';
import { RecoveryCodes } from './recovery-codes.js';

/**
 * 2FA enrolment: scan the QR (or type the secret), confirm with a code, then keep the recovery
 * codes. Every page leads here while the person's role requires 2FA and they have none.
 */
export default function TwoFactorPage() {
  const t = useT();
  const { search } = useLocation();
  const { session, refresh } = useSession();
  const required = !!session?.mustEnrollMfa;
  const welcome = search.get('welcome') === '1';
  const [setup, setSetup] = useState<TotpSetup | undefined>(undefined);
  const [setupError, setSetupError] = useState<string | undefined>(undefined);
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | undefined>(undefined);
  const form = useForm(['code']);
  const started = useRef(false);
  const enabled = !!session?.staff.totpEnabled;

  const start = async () => {
    setSetupError(undefined);
    try {
      setSetup(await accountApi.startTotp());
    } catch (e) {
      setSetupError(errorText(e, t));
    }
  };

  // One secret per visit (a ref, since StrictMode runs effects twice in development).
  useEffect(() => {
    if (!enabled && !started.current) {
      started.current = true;
      void start();
    }
  }, [enabled]); // eslint-disable-line react-hooks/exhaustive-deps

  const confirm = form.submit(async () => {
    const r = await accountApi.enableTotp(code.replace(/\s+/g, ''));
    setCodes(r.recoveryCodes);
    setCode('');
  });

  const finish = async () => {
    await refresh();
    navigate('/', { replace: true });
  };

  if (codes) {
    return (
      <>
        <PageHeader title={t('backoffice.twofa.title')} />
        <Section title={t('backoffice.twofa.enabledTitle')}>
          <RecoveryCodes codes={codes} email={session?.staff.email ?? ''} onDone={finish} doneLabel={t('backoffice.twofa.codesSaved')} />
        </Section>
      </>
    );
  }

  if (enabled) {
    return (
      <>
        <PageHeader title={t('backoffice.twofa.title')} />
        <Alert tone="success">{t('backoffice.twofa.alreadyOn')}</Alert>
        <p style={{ marginTop: 12 }}>
          <Link to="/account">{t('backoffice.twofa.manageInAccount')}</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={t('backoffice.twofa.title')}
        subtitle={t('backoffice.twofa.subtitle')}
        actions={
          !required && welcome ? (
            <Button variant="ghost" onClick={() => navigate('/', { replace: true })} data-testid="skip-2fa">
              {t('backoffice.twofa.skip')}
            </Button>
          ) : null
        }
      />
      {required ? (
        <div style={{ marginBottom: 16 }}>
          <Alert tone="warning" title={t('backoffice.twofa.requiredTitle')}>
            {t('backoffice.twofa.requiredBody')}
          </Alert>
        </div>
      ) : welcome ? (
        <div style={{ marginBottom: 16 }}>
          <Alert title={t('backoffice.twofa.welcomeTitle')}>{t('backoffice.twofa.welcomeBody')}</Alert>
        </div>
      ) : null}
      <Section title={t('backoffice.twofa.stepScan')} description={t('backoffice.twofa.stepScanHelp')}>
        {setupError ? (
          <div className="stack">
            <Alert tone="error">{setupError}</Alert>
            <Button icon="refresh" onClick={start}>
              {t('backoffice.common.retry')}
            </Button>
          </div>
        ) : !setup ? (
          <Spinner />
        ) : (
          <div className="steps">
            <img className="qr" src={setup.qrDataUrl} alt={t('backoffice.twofa.qrAlt')} data-testid="totp-qr" />
            <div className="stack" style={{ flex: 1, minWidth: 0 }}>
              <div>
                <div className="field-hint" style={{ marginBottom: 4 }}>
                  {t('backoffice.twofa.manualEntry')}
                </div>
                <div className="secret">
                  <code data-testid="totp-secret">{setup.secret}</code>
                  <CopyButton text={setup.secret} />
                </div>
              </div>
              <form className="form form-narrow" onSubmit={confirm} data-testid="totp-confirm-form">
                <FormError message={form.formError} />
                <TextField
                  label={t('backoffice.twofa.stepConfirm')}
                  name="code"
                  className="code-field"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={7}
                  value={code}
                  onChange={setCode}
                  error={form.error('code')}
                  hint={t('backoffice.twofa.stepConfirmHelp')}
                  required
                />
                <div className="form-actions">
                  <Button type="submit" variant="primary" busy={form.busy}>
                    {t('backoffice.twofa.enable')}
                  </Button>
                </div>
              </form>
            </div>
          </div>
        )}
      </Section>
    </>
  );
}
