// One labelled text field of the settings form, with what it is for and its problem (if any) inline.
import type { ReactNode } from 'react';

/** A text field: label, input, help line and the inline error tied to the input for screen readers. */
export function SettingsField({ id, label, value, error, help, placeholder, inputMode, onChange }: {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  help: ReactNode;
  placeholder?: string;
  inputMode?: 'numeric' | 'text';
  onChange: (text: string) => void;
}) {
  const inputId = `settings-${id}`;
  return (
    <div className={`settings-field${error ? ' settings-field-invalid' : ''}`} data-testid={`settings-row-${id}`}>
      <label htmlFor={inputId} className="settings-label">{label}</label>
      <input
        id={inputId}
        className="settings-input"
        type="text"
        spellCheck={false}
        autoComplete="off"
        inputMode={inputMode}
        placeholder={placeholder}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${inputId}-help${error ? ` ${inputId}-error` : ''}`}
        data-testid={`settings-field-${id}`}
        onChange={(event) => onChange(event.target.value)}
      />
      {error && <p id={`${inputId}-error`} className="settings-error" role="alert" data-testid={`settings-error-${id}`}>{error}</p>}
      <p id={`${inputId}-help`} className="settings-help">{help}</p>
    </div>
  );
}
