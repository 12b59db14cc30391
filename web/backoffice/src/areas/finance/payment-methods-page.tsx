import { useEffect, useState } from 'react';
import { useI18n } from '../../core/i18n.js';
import { useResource } from '../../core/hooks.js';
import { api } from '../../core/api.js';
import { PageHeader, Section } from '../../ui/page-header.js';
import { Badge } from '../../ui/badge.js';
import { Button, Spinner } from '../../ui/misc.js';
import { FormError, TextAreaField, TextField, errorText } from '../../ui/form.js';
import { useToast } from '../../ui/toast.js';
import { toMinor, exponentOf } from './api.js';

interface MethodSetting {
  method: string;
  enabled: boolean;
  countries: string[];
  currencies: string[];
  tiers: string[];
  instructions: Record<string, string>;
  codFees: Record<string, number>;
  codMax: Record<string, number>;
  bankDetails: { beneficiary: string; bankName: string; iban?: string; accountNumber?: string; swift: string; bankAddress?: string } | null;
}
const LANGS = ['en', 'zh-CN', 'es', 'fr', 'de', 'ru', 'pt', 'ar'];
const list = (v: string) => v.split(/[\s,]+/).map((x) => x.trim()).filter(Boolean);
const perCurrency = (m: Record<string, number>) => Object.entries(m).map(([c, n]) => `${c} ${(n / 10 ** exponentOf(c)).toFixed(exponentOf(c))}`).join(', ');

/** Where and to whom each payment method is offered, with instructions per store language. */
export default function PaymentMethodsPage() {
  const { t } = useI18n();
  const methods = useResource(() => api.get<{ items: MethodSetting[] }>('/api/admin/payment-methods'), []);
  if (methods.loading && !methods.data) return <Spinner />;
  return (
    <>
      <PageHeader title={t('payments.bo.methodsTitle')} subtitle={t('payments.bo.methodsSubtitle')} />
      {(methods.data?.items ?? []).map((m) => <MethodForm key={m.method} setting={m} onSaved={methods.reload} />)}
    </>
  );
}

function MethodForm({ setting, onSaved }: { setting: MethodSetting; onSaved: () => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const [enabled, setEnabled] = useState(setting.enabled);
  const [countries, setCountries] = useState(setting.countries.join(', '));
  const [currencies, setCurrencies] = useState(setting.currencies.join(', '));
  const [tiers, setTiers] = useState(setting.tiers.join(', '));
  const [instructions, setInstructions] = useState<Record<string, string>>(setting.instructions);
  const [bank, setBank] = useState(setting.bankDetails ?? { beneficiary: '', bankName: '', accountNumber: '', swift: '' });
  const [fees, setFees] = useState(perCurrency(setting.codFees));
  const [max, setMax] = useState(perCurrency(setting.codMax));
  const [error, setError] = useState<string>();
  useEffect(() => setEnabled(setting.enabled), [setting.enabled]);
  const parsePer = (v: string) => {
    const out: Record<string, number> = {};
    for (const part of v.split(',').map((x) => x.trim()).filter(Boolean)) {
      const [c, a] = part.split(/\s+/);
      const minor = c && a ? toMinor(a, c.toUpperCase()) : null;
      if (minor === null) throw new Error(t('payments.bo.badPerCurrency', { value: part }));
      out[c!.toUpperCase()] = minor;
    }
    return out;
  };
  const save = async () => {
    setError(undefined);
    try {
      const body = {
        enabled,
        countries: list(countries).map((c) => c.toUpperCase()),
        currencies: list(currencies).map((c) => c.toUpperCase()),
        tiers: list(tiers),
        instructions: Object.fromEntries(Object.entries(instructions).filter(([, v]) => v.trim())),
        ...(setting.method === 'tt' || setting.method === 'lc' ? { bankDetails: bank.beneficiary ? { ...bank, iban: bank.iban || undefined, accountNumber: bank.accountNumber || undefined } : null } : {}),
        ...(setting.method === 'cod' ? { codFees: parsePer(fees), codMax: parsePer(max) } : {}),
      };
      await api.put(`/api/admin/payment-methods/${setting.method}`, body);
      toast.success(t('payments.bo.methodSaved'));
      onSaved();
    } catch (e) {
      setError(errorText(e, t));
    }
  };
  return (
    <Section title={<>{t(`payments.method.${setting.method}`)} <Badge tone={setting.enabled ? 'green' : 'neutral'}>{t(setting.enabled ? 'payments.bo.enabled' : 'payments.bo.disabled')}</Badge></>}>
      <label><input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} data-testid={`enable-${setting.method}`} /> {t('payments.bo.offerIt')}</label>
      <div className="grid-2">
        <TextField label={t('payments.bo.countries')} hint={t('payments.bo.emptyMeansAll')} value={countries} onChange={setCountries} />
        <TextField label={t('payments.bo.currencies')} hint={t('payments.bo.emptyMeansAll')} value={currencies} onChange={setCurrencies} />
        <TextField label={t('payments.bo.tiers')} hint={t('payments.bo.tiersHint')} value={tiers} onChange={setTiers} />
      </div>
      {(setting.method === 'tt' || setting.method === 'lc') && (
        <div className="grid-2">
          <TextField label={t('payments.bank.beneficiary')} value={bank.beneficiary} onChange={(v) => setBank({ ...bank, beneficiary: v })} />
          <TextField label={t('payments.bank.bankName')} value={bank.bankName} onChange={(v) => setBank({ ...bank, bankName: v })} />
          <TextField label="IBAN" value={bank.iban ?? ''} onChange={(v) => setBank({ ...bank, iban: v })} />
          <TextField label={t('payments.bank.account')} value={bank.accountNumber ?? ''} onChange={(v) => setBank({ ...bank, accountNumber: v })} />
          <TextField label="SWIFT/BIC" value={bank.swift} onChange={(v) => setBank({ ...bank, swift: v.toUpperCase() })} />
        </div>
      )}
      {setting.method === 'cod' && (
        <div className="grid-2">
          <TextField label={t('payments.bo.codFees')} hint="AED 15.00, USD 5.00" value={fees} onChange={setFees} />
          <TextField label={t('payments.bo.codMax')} hint="AED 5000.00" value={max} onChange={setMax} />
        </div>
      )}
      <details>
        <summary>{t('payments.bo.instructions')}</summary>
        {LANGS.map((l) => <TextAreaField key={l} label={l} value={instructions[l] ?? ''} onChange={(v) => setInstructions({ ...instructions, [l]: v })} />)}
      </details>
      <FormError message={error} />
      <Button variant="primary" onClick={() => void save()} data-testid={`save-${setting.method}`}>{t('payments.bo.save')}</Button>
    </Section>
  );
}
