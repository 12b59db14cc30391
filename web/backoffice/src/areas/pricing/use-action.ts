import { useState } from 'react';
import { useI18n } from '../../core/i18n.js';
import { errorText } from '../../ui/form.js';

/**
 * Buttons on the pricing and FX screens: which action is running (for its spinner) and the error
 * of the last one, shown above the page's forms.
 */
export function useAction() {
  const { t } = useI18n();
  const [busy, setBusy] = useState('');
  const [error, setError] = useState<string>();
  const run = async (what: string, fn: () => Promise<void>) => {
    setBusy(what);
    setError(undefined);
    try {
      await fn();
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy('');
    }
  };
  return { busy, error, run };
}
