import { useState } from 'react';
import { useI18n } from '../../core/i18n.js';
import { useToast } from '../../ui/toast.js';
import { errorText } from '../../ui/form.js';

/**
 * The submit of a finance dialog: `run(call)` shows the busy button, toasts the message the call
 * returns and closes the dialog through `onDone`; a refusal (problem+json) stays in the dialog as
 * its error, next to the fields, so the clerk can correct and send again.
 */
export function useDialogSubmit(onDone: () => Promise<void>) {
  const { t } = useI18n();
  const toast = useToast();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = async (call: () => Promise<string>) => {
    setError(undefined);
    setBusy(true);
    try {
      toast.success(await call());
      await onDone();
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  return { error, setError, busy, run };
}
