import { useT } from '../../core/i18n.js';
import { TextField } from '../../ui/form.js';

/** New password + confirmation; the server decides what is strong enough and says why. */
export function NewPasswordFields({
  password,
  confirm,
  onPassword,
  onConfirm,
  error,
  confirmError,
  autoFocus,
}: {
  password: string;
  confirm: string;
  onPassword: (v: string) => void;
  onConfirm: (v: string) => void;
  error?: string;
  confirmError?: string;
  autoFocus?: boolean;
}) {
  const t = useT();
  return (
    <>
      <TextField
        label={t('backoffice.auth.newPassword')}
        type="password"
        name="new-password"
        autoComplete="new-password"
        value={password}
        onChange={onPassword}
        error={error}
        hint={t('backoffice.auth.passwordHint')}
        required
        autoFocus={autoFocus}
      />
      <TextField
        label={t('backoffice.auth.confirmPassword')}
        type="password"
        name="confirm-password"
        autoComplete="new-password"
        value={confirm}
        onChange={onConfirm}
        error={confirmError}
        required
      />
    </>
  );
}
