// A labelled group of radio buttons, each choice a 44 px target, with the API's message for the group.

import { useId } from 'preact/hooks';

interface ChoiceGroupProps {
  legend: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  error?: string | undefined;
  class?: string;
}

export function ChoiceGroup({ legend, value, options, onChange, error, class: className }: ChoiceGroupProps) {
  const name = useId();
  return (
    <fieldset class={`choice-group ${className ?? ''} ${error ? 'has-error' : ''}`} aria-describedby={error ? `${name}-error` : undefined}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} class="choice">
          <input type="radio" name={name} value={option.value} checked={value === option.value}
            onChange={() => onChange(option.value)} />
          {option.label}
        </label>
      ))}
      {error && <p class="field-error" id={`${name}-error`}>{error}</p>}
    </fieldset>
  );
}
