import { LOCALES, useI18n, type UiLocale } from '../core/i18n.js';
import { useSession } from '../core/session.js';
import { useToast } from '../ui/toast.js';
import { errorText } from '../ui/form.js';
import { Icon } from '../ui/icon.js';

/** English / 简体中文: instant, kept in this browser, and saved on the account when signed in. */
export function LocaleSwitch({ compact }: { compact?: boolean }) {
  const { locale, t } = useI18n();
  const { changeLocale } = useSession();
  const toast = useToast();
  return (
    <label className={`locale-switch${compact ? ' locale-switch-compact' : ''}`}>
      <Icon name="globe" size={14} />
      <span className="sr-only">{t('backoffice.common.language')}</span>
      <select
        value={locale}
        data-testid="locale-switch"
        aria-label={t('backoffice.common.language')}
        onChange={(e) => {
          changeLocale(e.target.value as UiLocale).catch((err) => toast.error(errorText(err, t)));
        }}
      >
        {LOCALES.map((l) => (
          <option key={l.code} value={l.code}>
            {l.label}
          </option>
        ))}
      </select>
    </label>
  );
}
