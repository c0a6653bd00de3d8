import type { VocabularyZone } from '../api/types';

interface ZoneChecklistProps {
  legend: string;
  zones: VocabularyZone[];
  selected: string[];
  onChange: (zones: string[]) => void;
  error?: string | undefined;
}

/** Tick boxes for treatment zones, face first then body, in the vocabulary's head-to-foot order. */
export function ZoneChecklist({ legend, zones, selected, onChange, error }: ZoneChecklistProps) {
  const toggle = (code: string, on: boolean) =>
    onChange(on ? zones.map((zone) => zone.code).filter((c) => c === code || selected.includes(c)) : selected.filter((c) => c !== code));
  return (
    <fieldset class={error ? 'zone-checklist has-error' : 'zone-checklist'}>
      <legend>{legend}</legend>
      <div class="chip-grid">
        {zones.map((zone) => {
          const id = `${legend}-${zone.code}`.replace(/\W+/g, '-');
          return (
            <span class="chip-check" key={zone.code}>
              <input id={id} type="checkbox" checked={selected.includes(zone.code)} onChange={(event) => toggle(zone.code, (event.currentTarget as HTMLInputElement).checked)} />
              <label for={id} title={zone.help}>
                {zone.label}
              </label>
            </span>
          );
        })}
      </div>
      {error && <p class="field-error">{error}</p>}
    </fieldset>
  );
}
