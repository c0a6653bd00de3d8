// Reporting an adverse event: onset, what happened, grade, causality, what is suspected, outcome,
// and whom was told (needed at grade 3 or 4, ES-07; the server checks it).

import { useEffect, useState } from 'preact/hooks';
import { clinicToday } from '../api/clinicToday';
import { api } from '../api/client';
import { unclaimedFieldMessages } from '../api/problem';
import type { AdverseEvent, CartridgeLot, Device, Product } from '../api/chartingTypes';
import type { SessionSummary } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { SelectField, TextArea, TextField } from '../components/Fields';
import { useSubmit } from '../components/useAsync';
import { formatDate, humanize, localToday } from '../format';
import { ChoiceGroup } from '../charting/ChoiceGroup';
import { adverseEventReport, emptyAdverseEventForm, kAdverseEventFields, kCausalities, kEventOutcomes, type AdverseEventForm } from './adverseEventForm';

interface Props {
  clientId: number;
  sessions: SessionSummary[];
  devices: Device[];
  lots: CartridgeLot[];
  products: Product[];
  sessionId: string;
  onReported: (event: AdverseEvent) => void;
}

export function AdverseEventFormCard({ clientId, sessions, devices, lots, products, sessionId, onReported }: Props) {
  const [form, setForm] = useState<AdverseEventForm>(() => emptyAdverseEventForm(localToday(), sessionId));
  useEffect(() => {
    void clinicToday().then((today) => setForm((old) => (old.onset_on === localToday() ? { ...old, onset_on: today } : old)));
  }, []);
  const submit = useSubmit();
  const fields = submit.error?.fields ?? {};
  const set = (key: keyof AdverseEventForm) => (value: string) => setForm((old) => ({ ...old, [key]: value }));
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void submit.run(async () => {
      onReported(await api.post<AdverseEvent>('/adverse-events', adverseEventReport(clientId, form)));
      setForm(emptyAdverseEventForm(localToday()));
    });
  };
  const options = (values: string[]) => values.map((value) => ({ value, label: humanize(value) }));
  return (
    <form class="card" onSubmit={onSubmit} noValidate aria-labelledby="report-heading">
      <h2 id="report-heading">Report an adverse event</h2>
      <ErrorMessage report={submit.error} extra={submit.error ? unclaimedFieldMessages(submit.error, (path) => kAdverseEventFields.includes(path)) : []} />
      <div class="grid-2">
        <SelectField label="Session" value={form.session_id} onChange={set('session_id')} placeholder="Not after a session" error={fields['session_id']}
          options={sessions.map((session) => ({ value: String(session.id), label: `${formatDate(session.performed_on)} (${session.status})` }))} />
        <TextField label="Onset" type="date" value={form.onset_on} onInput={set('onset_on')} error={fields['onset_on']} />
      </div>
      <TextArea label="What happened" value={form.description} onInput={set('description')} error={fields['description']} rows={4} />
      <ChoiceGroup legend="Grade" value={form.grade} onChange={set('grade')} error={fields['grade']}
        options={['1', '2', '3', '4'].map((grade) => ({ value: grade, label: `Grade ${grade}` }))} />
      <p class="help">Grade 1 is expected and passing; grade 4 is an emergency. Grades 3 and 4 need the escalation below (ES-07).</p>
      <div class="grid-2">
        <SelectField label="Causality" value={form.causality} onChange={set('causality')} placeholder="Choose…" options={options(kCausalities)} error={fields['causality']} />
        <SelectField label="Outcome so far" value={form.outcome} onChange={set('outcome')} options={options(kEventOutcomes)} error={fields['outcome']} />
        <SelectField label="Suspected device" value={form.suspected_device_id} onChange={set('suspected_device_id')} placeholder="None suspected"
          options={devices.map((device) => ({ value: String(device.id), label: `${device.model} (serial ${device.serial})` }))} error={fields['suspected_device_id']} />
        <SelectField label="Suspected cartridge lot" value={form.suspected_lot_id} onChange={set('suspected_lot_id')} placeholder="None suspected"
          options={lots.map((lot) => ({ value: String(lot.id), label: `Lot ${lot.lot_number}, ${lot.model}` }))} error={fields['suspected_lot_id']} />
        <SelectField label="Suspected product" value={form.suspected_product_id} onChange={set('suspected_product_id')} placeholder="None suspected"
          options={products.map((product) => ({ value: String(product.id), label: `${product.name}, lot ${product.lot_number}` }))} error={fields['suspected_product_id']} />
      </div>
      <TextArea label="Escalation: who was told, and how" value={form.escalation} onInput={set('escalation')} error={fields['escalation']} />
      <div class="actions">
        <button type="submit" class="button primary" disabled={submit.busy}>{submit.busy ? 'Recording…' : 'Record adverse event'}</button>
      </div>
    </form>
  );
}
