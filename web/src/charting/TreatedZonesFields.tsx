// Per zone: depth, passes, endpoint and speed as treated, beside the plan's range and cap; the
// server enforces the caps and its messages appear on the field they concern.

import { labelOf } from '../api/knowledge';
import type { Plan, Vocabulary } from '../api/types';
import { SelectField, TextField } from '../components/Fields';
import { formatDepthRange } from '../format';
import type { ZoneRow } from './sessionForm';

interface TreatedZonesFieldsProps {
  plan: Plan;
  zones: ZoneRow[];
  vocabulary: Vocabulary | null;
  canOverride: boolean;
  fields: Record<string, string>;
  onChange: (index: number, row: ZoneRow) => void;
}

export function TreatedZonesFields({ plan, zones, vocabulary, canOverride, fields, onChange }: TreatedZonesFieldsProps) {
  const endpoints = (vocabulary?.endpoints ?? []).map((item) => ({ value: item.code, label: item.label }));
  return (
    <section class="card" aria-labelledby="zones-heading">
      <h2 id="zones-heading">Zones treated</h2>
      {fields['zones'] && <p class="field-error">{fields['zones']}</p>}
      {zones.map((row, index) => {
        const planned = plan.zones.find((zone) => zone.zone === row.zone);
        const name = labelOf(vocabulary?.zones, row.zone);
        const set = (key: keyof ZoneRow) => (value: string) => onChange(index, { ...row, [key]: value });
        const error = (key: string) => fields[`zones[${index}].${key}`];
        return (
          <div key={row.zone} class={canOverride ? 'zone-row with-override' : 'zone-row'}>
            <div class="zone-name">
              {name}
              {planned && <p class="muted small">Planned {formatDepthRange(planned)}, cap {planned.cap} mm</p>}
              {error('zone') && <p class="field-error">{error('zone')}</p>}
            </div>
            <TextField label="Depth (mm)" context={name} type="number" min="0" max="3.5" step="0.05" value={row.depth} onInput={set('depth')} error={error('depth')} />
            <TextField label="Passes" context={name} type="number" min="1" max="20" step="1" value={row.passes} onInput={set('passes')} error={error('passes')} />
            {endpoints.length > 0 ? (
              <SelectField label="Endpoint" value={row.endpoint} onChange={set('endpoint')} options={endpoints} placeholder="Choose…" error={error('endpoint')} />
            ) : (
              <TextField label="Endpoint" context={name} value={row.endpoint} onInput={set('endpoint')} error={error('endpoint')} />
            )}
            <TextField label="Speed" context={name} value={row.speed} onInput={set('speed')} help="As the device shows it" error={error('speed')} />
            {canOverride && (
              <TextField label="Reason beyond the cap" context={name} value={row.override_reason} onInput={set('override_reason')}
                help="Prescribers only" error={error('override_reason')} />
            )}
          </div>
        );
      })}
    </section>
  );
}
