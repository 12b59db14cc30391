import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../core/i18n.js';
import { useResource } from '../../core/hooks.js';
import { api } from '../../core/api.js';
import { STAFF_ROLES } from '../../core/roles.js';
import { CheckboxGroup, FormError, TextAreaField, useForm } from '../../ui/form.js';
import { PageHeader, Section } from '../../ui/page-header.js';
import { Alert, Button, Spinner } from '../../ui/misc.js';
import { useToast } from '../../ui/toast.js';
import { allowlistCovers, parseAllowlist } from './allowlist.js';

interface SecuritySettings {
  require2faRoles: string[];
  ipAllowlist: string[];
  yourIp: string;
}

/** Owner settings: which roles must use 2FA, and which addresses may reach /admin at all. */
export default function SecurityPage() {
  const { t } = useI18n();
  const toast = useToast();
  const res = useResource(() => api.get<SecuritySettings>('/api/admin/security'), []);
  const [roles, setRoles] = useState<string[]>([]);
  const [text, setText] = useState('');
  const form = useForm(['require2faRoles', 'ipAllowlist']);

  useEffect(() => {
    if (res.data) {
      setRoles(res.data.require2faRoles ?? []);
      setText((res.data.ipAllowlist ?? []).join('\n'));
    }
  }, [res.data]);

  const parsed = useMemo(() => parseAllowlist(text), [text]);
  const yourIp = res.data?.yourIp;
  const locksOut = parsed.entries.length > 0 && !allowlistCovers(parsed.entries, yourIp);

  // Errors for "ipAllowlist.<n>" point at the n-th entry; show them with the line they came from.
  const lineErrors = form.lastError
    ? Object.entries(form.lastError.fields)
        .map(([f, m]) => {
          const i = /^ipAllowlist\.(\d+)/.exec(f);
          return i ? t('backoffice.security.lineError', { line: parsed.lines[Number(i[1])] ?? Number(i[1]) + 1, message: m }) : null;
        })
        .filter((x): x is string => !!x)
    : [];

  const save = form.submit(async () => {
    const saved = await api.put<SecuritySettings>('/api/admin/security', { require2faRoles: roles, ipAllowlist: parsed.entries });
    res.setData(saved && 'ipAllowlist' in saved ? { ...saved, yourIp: saved.yourIp ?? yourIp ?? '' } : { require2faRoles: roles, ipAllowlist: parsed.entries, yourIp: yourIp ?? '' });
    toast.success(t('backoffice.security.saved'));
  });

  if (res.loading && !res.data) return <Spinner />;
  if (res.error && !res.data) return <Alert tone="error">{res.error.message}</Alert>;

  return (
    <>
      <PageHeader title={t('backoffice.security.title')} subtitle={t('backoffice.security.subtitle')} />
      <form onSubmit={save} className="stack" data-testid="security-form">
        <FormError message={form.formError} />
        <Section title={t('backoffice.security.twofaTitle')} description={t('backoffice.security.twofaHelp')}>
          <CheckboxGroup
            label={t('backoffice.security.twofaRoles')}
            columns={3}
            options={STAFF_ROLES.map((r) => ({ value: r, label: t(`backoffice.roles.${r}`) }))}
            value={roles}
            onChange={setRoles}
            error={form.error('require2faRoles')}
          />
        </Section>
        <Section title={t('backoffice.security.allowlistTitle')} description={t('backoffice.security.allowlistHelp')}>
          <div className="stack">
            <div className="row">
              <span>
                {t('backoffice.security.yourIp')}: <code data-testid="your-ip">{yourIp}</code>
              </span>
              {yourIp && !allowlistCovers(parsed.entries, yourIp) ? (
                <Button size="sm" icon="plus" onClick={() => setText((v) => `${v.replace(/\s*$/, '')}${v.trim() ? '\n' : ''}${yourIp}`)}>
                  {t('backoffice.security.addMine')}
                </Button>
              ) : null}
            </div>
            <TextAreaField
              label={t('backoffice.security.allowlistLabel')}
              rows={8}
              spellCheck={false}
              placeholder={'203.0.113.0/24\n2001:db8::/32'}
              value={text}
              onChange={setText}
              error={lineErrors.length ? lineErrors.join(' · ') : form.error('ipAllowlist')}
              hint={parsed.entries.length ? t('backoffice.security.entries', { count: parsed.entries.length }) : t('backoffice.security.emptyMeansAll')}
              data-testid="allowlist"
            />
            {locksOut ? <Alert tone="warning">{t('backoffice.security.lockoutWarning', { ip: yourIp ?? '' })}</Alert> : null}
          </div>
        </Section>
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={form.busy}>
            {t('backoffice.common.save')}
          </Button>
        </div>
      </form>
    </>
  );
}
