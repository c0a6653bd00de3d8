import type { Vocabulary } from '../api/types';
import type { RequestForm } from '../consultation/consultRequest';
import { Checkbox, SelectField, TextField } from './Fields';
import { ZoneChecklist } from './ZoneChecklist';

/** What is asked for today: the indication, the zones, and the device as the practitioner states it. */
export function TreatmentRequestFields({ vocabulary, form, onChange, fields }: { vocabulary: Vocabulary; form: RequestForm; onChange: (form: RequestForm) => void; fields: Record<string, string> }) {
  const options = (items: { code: string; label: string }[]) => items.map((item) => ({ value: item.code, label: item.label }));
  const zonesError = Object.entries(fields).filter(([path]) => path.startsWith('requests[0].zones')).map(([, message]) => message).join(' ') || undefined;
  return (
    <fieldset>
      <legend>Treatment asked for today</legend>
      <SelectField label="Indication" value={form.indication} onChange={(indication) => onChange({ ...form, indication })} options={options(vocabulary.indications)} placeholder="Choose…" required error={fields['requests[0].indication'] ?? fields['requests']} />
      <ZoneChecklist legend="Zones to treat" zones={vocabulary.zones} selected={form.zones} onChange={(zones) => onChange({ ...form, zones })} error={zonesError} />
      <div class="grid-2">
        <SelectField label="Device" value={form.deviceKind} onChange={(deviceKind) => onChange({ ...form, deviceKind })} options={options(vocabulary.device_kinds)} placeholder="Not chosen yet" error={fields['device.kind']} />
        <SelectField label="Needle material" value={form.needleMaterial} onChange={(needleMaterial) => onChange({ ...form, needleMaterial })} options={options(vocabulary.needle_materials)} placeholder="Not known" error={fields['device.needle_material']} />
        <TextField label="Device's maximum depth (mm)" type="number" step="0.05" min="0" value={form.deviceMaxDepth} onInput={(deviceMaxDepth) => onChange({ ...form, deviceMaxDepth })} error={fields['device.max_depth_mm']} />
        <Checkbox label="FDA-cleared device" checked={form.deviceCleared} onChange={(deviceCleared) => onChange({ ...form, deviceCleared })} error={fields['device.cleared']} />
      </div>
    </fieldset>
  );
}
