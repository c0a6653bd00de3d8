// The protocol checklist (TP-06): each step done or not used, and the anaesthetic's product,
// strength, area and contact time when its step is done (TP-03).

import type { Product, StepState } from '../api/chartingTypes';
import { SelectField, TextField } from '../components/Fields';
import type { ChecklistStep } from './checklistSteps';
import { ChoiceGroup } from './ChoiceGroup';
import { kAnaestheticStep, type AnaestheticRow } from './sessionForm';

interface ChecklistFieldsProps {
  steps: ChecklistStep[];
  checklist: Record<string, StepState | ''>;
  anaesthetic: AnaestheticRow;
  products: Product[];
  fields: Record<string, string>;
  onTick: (step: string, state: StepState) => void;
  onAnaesthetic: (row: AnaestheticRow) => void;
}

const kStates = [
  { value: 'done', label: 'Done' },
  { value: 'not_used', label: 'Not used' },
];

export function ChecklistFields({ steps, checklist, anaesthetic, products, fields, onTick, onAnaesthetic }: ChecklistFieldsProps) {
  const anaesthetics = products.filter((product) => product.kind === 'anaesthetic');
  const set = (key: keyof AnaestheticRow) => (value: string) => onAnaesthetic({ ...anaesthetic, [key]: value });
  return (
    <section class="card" aria-labelledby="checklist-heading">
      <h2 id="checklist-heading">Protocol checklist</h2>
      {fields['checklist'] && <p class="field-error">{fields['checklist']}</p>}
      {steps.map((step, index) => (
        <div key={step.step}>
          <ChoiceGroup class="checklist-step" legend={step.label} value={checklist[step.step] ?? ''} options={step.may_skip === false ? kStates.slice(0, 1) : kStates}
            onChange={(state) => onTick(step.step, state as StepState)} error={fields[`checklist[${index}]`]} />
          {step.step === kAnaestheticStep && checklist[step.step] === 'done' && (
            <div class="grid-2">
              <SelectField label="Anaesthetic product and lot" value={anaesthetic.product_id} onChange={set('product_id')} placeholder="Choose…"
                options={anaesthetics.map((product) => ({ value: String(product.id), label: `${product.name}, lot ${product.lot_number}` }))}
                error={fields['anaesthetic.product_id'] ?? fields['anaesthetic']} />
              <TextField label="Strength" value={anaesthetic.strength} onInput={set('strength')} error={fields['anaesthetic.strength']} />
              <TextField label="Area" value={anaesthetic.area} onInput={set('area')} error={fields['anaesthetic.area']} />
              <TextField label="Contact time (minutes)" type="number" min="0" step="1" value={anaesthetic.contact_minutes}
                onInput={set('contact_minutes')} error={fields['anaesthetic.contact_minutes']} />
            </div>
          )}
        </div>
      ))}
    </section>
  );
}
