import { useCallback, useId, useState, type FormEvent, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { ApiError } from '../core/api.js';
import { useT } from '../core/i18n.js';
import type { Translate } from '../../../shared/i18n/runtime.js';

/**
 * Form state for one submit: busy flag, the server's field errors (shown beside the fields) and a
 * form-level message (the problem's detail plus errors for fields the form does not show).
 */
export function useForm(fields: readonly string[] = []) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | undefined>(undefined);
  const [lastError, setLastError] = useState<ApiError | undefined>(undefined);

  const submit = useCallback(
    (action: () => Promise<void>) => async (e?: FormEvent) => {
      e?.preventDefault();
      if (busy) return;
      setBusy(true);
      setFormError(undefined);
      setFieldErrors({});
      setLastError(undefined);
      try {
        await action();
      } catch (err) {
        const { fieldErrors: fe, message } = describeError(err, t, fields);
        setFieldErrors(fe);
        setFormError(message);
        if (err instanceof ApiError) setLastError(err);
      } finally {
        setBusy(false);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [busy, t, fields.join(',')],
  );

  return {
    busy,
    formError,
    lastError,
    fieldErrors,
    error: (field: string) => fieldErrors[field],
    setFormError,
    setFieldErrors,
    submit,
    reset: () => {
      setFieldErrors({});
      setFormError(undefined);
      setLastError(undefined);
    },
  };
}

/** Turns anything thrown into text a person can act on, keeping field errors apart. */
export function describeError(err: unknown, t: Translate, fields: readonly string[] = []): { fieldErrors: Record<string, string>; message: string | undefined } {
  if (err instanceof ApiError) {
    const fieldErrors: Record<string, string> = {};
    for (const [f, m] of Object.entries(err.fields)) {
      const known = fields.find((k) => f === k || f.startsWith(`${k}.`) || f.startsWith(`${k}[`));
      if (known && !fieldErrors[known]) fieldErrors[known] = m;
    }
    const others = err.otherFieldErrors(fields);
    // When every problem sits next to its field, repeating it above the form is noise.
    if (Object.keys(fieldErrors).length && !others.length && (err.status === 400 || err.status === 422)) {
      return { fieldErrors, message: undefined };
    }
    let message: string;
    if (err.status === 0) message = t('backoffice.errors.network');
    else if (err.status === 429) message = err.problem.detail || t('backoffice.errors.rateLimited');
    else message = err.problem.detail || err.problem.title || t('backoffice.errors.generic', { status: err.status });
    if (others.length) message = `${message} ${others.join(' ')}`;
    if (err.problem.requestId && err.status >= 500) message = `${message} (${t('backoffice.errors.requestId', { id: err.problem.requestId })})`;
    return { fieldErrors, message };
  }
  return { fieldErrors: {}, message: (err as Error)?.message || t('backoffice.errors.unknown') };
}

interface FieldProps {
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  children: (id: string, describedBy: string | undefined, invalid: boolean) => ReactNode;
  className?: string;
}

export function Field({ label, error, hint, children, className }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errId = error ? `${id}-err` : undefined;
  const describedBy = [hintId, errId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children(id, describedBy, !!error)}
      {hint ? (
        <div className="field-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <div className="field-error" id={errId} role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> & {
  label: ReactNode;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  hint?: ReactNode;
};

export function TextField({ label, value, onChange, error, hint, className, ...rest }: InputProps) {
  return (
    <Field label={label} error={error} hint={hint} className={className}>
      {(id, describedBy, invalid) => (
        <input
          id={id}
          className="input"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          {...rest}
        />
      )}
    </Field>
  );
}

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value'> & {
  label: ReactNode;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  hint?: ReactNode;
};

export function TextAreaField({ label, value, onChange, error, hint, className, ...rest }: TextAreaProps) {
  return (
    <Field label={label} error={error} hint={hint} className={className}>
      {(id, describedBy, invalid) => (
        <textarea
          id={id}
          className="input"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          {...rest}
        />
      )}
    </Field>
  );
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> & {
  label: ReactNode;
  value: string;
  onChange: (v: string) => void;
  options: { value: string; label: string }[];
  error?: string;
  hint?: ReactNode;
};

export function SelectField({ label, value, onChange, options, error, hint, className, ...rest }: SelectProps) {
  return (
    <Field label={label} error={error} hint={hint} className={className}>
      {(id, describedBy, invalid) => (
        <select
          id={id}
          className="input"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          {...rest}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function CheckboxGroup({
  label,
  options,
  value,
  onChange,
  error,
  hint,
  columns = 1,
}: {
  label: ReactNode;
  options: { value: string; label: ReactNode; hint?: ReactNode; disabled?: boolean }[];
  value: readonly string[];
  onChange: (v: string[]) => void;
  error?: string;
  hint?: ReactNode;
  columns?: number;
}) {
  const id = useId();
  const toggle = (v: string, on: boolean) => onChange(on ? [...value.filter((x) => x !== v), v] : value.filter((x) => x !== v));
  return (
    <fieldset className={`field checkbox-group${error ? ' field-invalid' : ''}`} aria-describedby={error ? `${id}-err` : undefined}>
      <legend>{label}</legend>
      <div className="checkbox-grid" style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
        {options.map((o) => (
          <label key={o.value} className="checkbox">
            <input type="checkbox" checked={value.includes(o.value)} disabled={o.disabled} onChange={(e) => toggle(o.value, e.target.checked)} />
            <span>
              {o.label}
              {o.hint ? <span className="checkbox-hint">{o.hint}</span> : null}
            </span>
          </label>
        ))}
      </div>
      {hint ? <div className="field-hint">{hint}</div> : null}
      {error ? (
        <div className="field-error" id={`${id}-err`} role="alert">
          {error}
        </div>
      ) : null}
    </fieldset>
  );
}

export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <div className="alert alert-error" role="alert" data-testid="form-error">
      {message}
    </div>
  );
}

/** One line for a toast or a table: the problem's detail with any field errors appended. */
export function errorText(err: unknown, t: Translate): string {
  return errorText(err, t) ?? t('backoffice.errors.unknown');
}
