// Registering a device, receiving a cartridge lot (unit codes scanned one per line) and a product lot.

import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { unclaimedFieldMessages } from '../api/problem';
import type { ProductKind } from '../api/chartingTypes';
import type { Vocabulary } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { Checkbox, SelectField, TextArea, TextField } from '../components/Fields';
import { useSubmit } from '../components/useAsync';
import { humanize } from '../format';
import { unitCodes } from './adminForms';

type Texts<T extends string> = Record<T, string>;

function useForm<T extends string>(empty: Texts<T>) {
  const [form, setForm] = useState(empty);
  const set = (key: T) => (value: string) => setForm((old) => ({ ...old, [key]: value }));
  return { form, set, reset: () => setForm(empty) };
}

function numberOrNull(text: string): number | null {
  return text.trim() === '' || !Number.isFinite(Number(text)) ? null : Number(text);
}

function FormCard({ title, id, submit, paths, onSubmit, children, button }: {
  title: string; id: string; submit: ReturnType<typeof useSubmit>; paths: string[]; onSubmit: () => Promise<void>; children: preact.ComponentChildren; button: string;
}) {
  return (
    <form class="card" noValidate aria-labelledby={id} onSubmit={(event) => { event.preventDefault(); void submit.run(onSubmit); }}>
      <h2 id={id}>{title}</h2>
      <ErrorMessage report={submit.error} extra={submit.error ? unclaimedFieldMessages(submit.error, (path) => paths.includes(path)) : []} />
      {children}
      <div class="actions"><button type="submit" class="button primary" disabled={submit.busy}>{button}</button></div>
    </form>
  );
}

export function DeviceForm({ vocabulary, onDone }: { vocabulary: Vocabulary | null; onDone: () => void }) {
  const { form, set, reset } = useForm({ model: '', kind: '', clearance: '', max_depth_mm: '', serial: '' });
  const [cleared, setCleared] = useState(true);
  const submit = useSubmit();
  const fields = submit.error?.fields ?? {};
  return (
    <FormCard title="Register a device" id="device-form-heading" submit={submit} button="Register device" paths={[...Object.keys(form), 'cleared']}
      onSubmit={async () => {
        await api.post('/devices', { model: form.model.trim(), kind: form.kind, cleared, clearance: form.clearance.trim(), max_depth_mm: numberOrNull(form.max_depth_mm), serial: form.serial.trim() });
        reset();
        onDone();
      }}>
      <div class="grid-2">
        <TextField label="Model" value={form.model} onInput={set('model')} error={fields['model']} />
        <SelectField label="Kind of device" value={form.kind} onChange={set('kind')} placeholder="Choose…" error={fields['kind']}
          options={(vocabulary?.device_kinds ?? []).map((kind) => ({ value: kind.code, label: kind.label }))} />
        <TextField label="Serial number" value={form.serial} onInput={set('serial')} error={fields['serial']} />
        <TextField label="Labelled maximum depth (mm)" type="number" step="0.05" min="0" value={form.max_depth_mm} onInput={set('max_depth_mm')} error={fields['max_depth_mm']} />
        <TextField label="Clearance number" value={form.clearance} onInput={set('clearance')} error={fields['clearance']} />
      </div>
      <Checkbox label="Cleared by the regulator" checked={cleared} onChange={setCleared} error={fields['cleared']} />
    </FormCard>
  );
}

export function CartridgeLotForm({ vocabulary, onDone }: { vocabulary: Vocabulary | null; onDone: () => void }) {
  const { form, set, reset } = useForm({ lot_number: '', model: '', needle_count: '', needle_material: '', expires_on: '', unit_codes: '' });
  const submit = useSubmit();
  const fields = submit.error?.fields ?? {};
  return (
    <FormCard title="Receive a cartridge lot" id="lot-form-heading" submit={submit} button="Receive lot" paths={Object.keys(form)}
      onSubmit={async () => {
        await api.post('/cartridge-lots', { lot_number: form.lot_number.trim(), model: form.model.trim(), needle_count: numberOrNull(form.needle_count),
          needle_material: form.needle_material, expires_on: form.expires_on, unit_codes: unitCodes(form.unit_codes) });
        reset();
        onDone();
      }}>
      <div class="grid-2">
        <TextField label="Lot number" value={form.lot_number} onInput={set('lot_number')} error={fields['lot_number']} />
        <TextField label="Cartridge model" value={form.model} onInput={set('model')} error={fields['model']} />
        <TextField label="Needles per cartridge" type="number" min="0" value={form.needle_count} onInput={set('needle_count')} error={fields['needle_count']} />
        <SelectField label="Needle material" value={form.needle_material} onChange={set('needle_material')} placeholder="Choose…" error={fields['needle_material']}
          options={(vocabulary?.needle_materials ?? []).map((item) => ({ value: item.code, label: item.label }))} />
        <TextField label="Expires on" type="date" value={form.expires_on} onInput={set('expires_on')} error={fields['expires_on']} />
      </div>
      <TextArea label="Unit codes" value={form.unit_codes} onInput={set('unit_codes')} rows={4} error={fields['unit_codes']}
        help="Scan each sealed cartridge; one code per line" />
    </FormCard>
  );
}

const kProductKinds: ProductKind[] = ['glide', 'anaesthetic', 'serum', 'calming', 'sunscreen', 'other'];

export function ProductForm({ onDone }: { onDone: () => void }) {
  const { form, set, reset } = useForm({ name: '', kind: '', lot_number: '', expires_on: '' });
  const [sterile, setSterile] = useState(false);
  const [broken, setBroken] = useState(false);
  const submit = useSubmit();
  const fields = submit.error?.fields ?? {};
  return (
    <FormCard title="Receive a product lot" id="product-form-heading" submit={submit} button="Receive product" paths={[...Object.keys(form), 'sterile', 'labelled_for_broken_skin']}
      onSubmit={async () => {
        await api.post('/products', { name: form.name.trim(), kind: form.kind, lot_number: form.lot_number.trim(), expires_on: form.expires_on, sterile, labelled_for_broken_skin: broken });
        reset();
        onDone();
      }}>
      <div class="grid-2">
        <TextField label="Product name" value={form.name} onInput={set('name')} error={fields['name']} />
        <SelectField label="Kind of product" value={form.kind} onChange={set('kind')} placeholder="Choose…" error={fields['kind']}
          options={kProductKinds.map((kind) => ({ value: kind, label: humanize(kind) }))} />
        <TextField label="Product lot number" value={form.lot_number} onInput={set('lot_number')} error={fields['lot_number']} />
        <TextField label="Product expires on" type="date" value={form.expires_on} onInput={set('expires_on')} error={fields['expires_on']} />
      </div>
      <Checkbox label="Sterile" checked={sterile} onChange={setSterile} error={fields['sterile']} />
      <Checkbox label="Labelled for use on broken skin" checked={broken} onChange={setBroken} error={fields['labelled_for_broken_skin']} />
    </FormCard>
  );
}
