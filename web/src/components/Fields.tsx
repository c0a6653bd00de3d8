// Labelled form inputs with their help text and the API's message for the field beside them.

import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

interface FieldFrameProps {
  id: string;
  label: string;
  context?: string | undefined;
  hideLabel?: boolean | undefined;
  help?: string | undefined;
  error?: string | undefined;
  children: ComponentChildren;
}

/** Words read before the label by screen readers only, e.g. the medication a 'Last dose' belongs to. */
function Context({ text }: { text?: string | undefined }) {
  return text ? <span class="visually-hidden">{text}: </span> : null;
}

function FieldFrame({ id, label, context, hideLabel, help, error, children }: FieldFrameProps) {
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id} class={hideLabel ? 'visually-hidden' : undefined}>
        <Context text={context} />
        {label}
      </label>
      {children}
      {help && <p class="help" id={`${id}-help`}>{help}</p>}
      {error && <p class="field-error" id={`${id}-error`}>{error}</p>}
    </div>
  );
}

function describedBy(id: string, help?: string, error?: string): string | undefined {
  const ids = [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

interface TextFieldProps {
  label: string;
  context?: string | undefined;
  /** For inputs whose column heading already says what they are. */
  hideLabel?: boolean;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'date' | 'tel' | 'number' | 'search';
  help?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  autocomplete?: string;
  name?: string;
  min?: string;
  max?: string;
  step?: string;
}

export function TextField({ label, context, hideLabel, value, onInput, type = 'text', help, error, ...rest }: TextFieldProps) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} context={context} hideLabel={hideLabel} help={help} error={error}>
      <input
        id={id}
        // Preact types each input type separately; the union of the types this field offers is safe.
        type={type as 'text'}
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, help, error)}
        onInput={(event) => onInput((event.currentTarget as HTMLInputElement).value)}
        {...rest}
      />
    </FieldFrame>
  );
}

interface TextAreaProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  help?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  rows?: number;
}

export function TextArea({ label, value, onInput, help, error, required, rows = 3 }: TextAreaProps) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} help={help} error={error}>
      <textarea
        id={id}
        value={value}
        rows={rows}
        required={required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, help, error)}
        onInput={(event) => onInput((event.currentTarget as HTMLTextAreaElement).value)}
      />
    </FieldFrame>
  );
}

interface SelectFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  help?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  placeholder?: string;
}

export function SelectField({ label, value, onChange, options, help, error, required, placeholder }: SelectFieldProps) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} help={help} error={error}>
      <select
        id={id}
        value={value}
        required={required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, help, error)}
        onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

interface CheckboxProps {
  label: string;
  context?: string | undefined;
  checked: boolean;
  onChange: (checked: boolean) => void;
  help?: string | undefined;
  error?: string | undefined;
}

export function Checkbox({ label, context, checked, onChange, help, error }: CheckboxProps) {
  const id = useId();
  return (
    <div class={error ? 'check has-error' : 'check'}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-describedby={describedBy(id, help, error)}
        onChange={(event) => onChange((event.currentTarget as HTMLInputElement).checked)}
      />
      <label for={id}>
        <Context text={context} />
        {label}
      </label>
      {help && <p class="help" id={`${id}-help`}>{help}</p>}
      {error && <p class="field-error" id={`${id}-error`}>{error}</p>}
    </div>
  );
}
